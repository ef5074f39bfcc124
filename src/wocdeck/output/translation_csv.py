"""Translated CSV files: `NAME.fr.csv` beside `NAME.csv`, the same rows and columns with the
header and text cells translated and every number copied from the source."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.source import Source
from wocdeck.read.xliff_csv import cell_name, csv_files, read_rows, translated_name
from wocdeck.read.xliff_texts import DeckText


def translated_files(
    source: Source, language: str, todo: list[tuple[DeckText, str]]
) -> dict[Path, bytes]:
    """The translated file of each CSV file a translation is given for; a file with a text
    cell translated neither here nor in its current translated file is a located error."""
    given = {text.cell: target for text, target in todo if text.cell}
    out: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for file in csv_files(source):
        if not any(cell[0] == file.name for cell in given):
            continue
        sibling = file.path.with_name(translated_name(file.path.name, language))
        before = read_rows(sibling, file.table) if sibling.is_file() else None
        rows = [list(row) for row in file.rows]
        missing = []
        for r, row in enumerate(rows):
            for c, _ in enumerate(row):
                if not file.is_text(r, c):
                    continue
                if (file.name, r, c) in given:
                    row[c] = given[(file.name, r, c)]
                elif before and r < len(before[1]) and c < len(before[1][r]):
                    row[c] = before[1][r][c].strip() or row[c]
                else:
                    missing.append(cell_name(file.name, r, c))
        if missing:
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            problems.append(
                Problem(
                    Location(str(file.path)),
                    f"{sibling.name} needs every text of {file.name} translated; these are "
                    f"not: {shown}",
                    "translate them all, then import again: nothing was written",
                )
            )
            continue
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=file.delimiter, lineterminator="\n").writerows(rows)
        out[sibling] = buffer.getvalue().encode("utf-8")
    if problems:
        raise DeckError(problems)
    return out
