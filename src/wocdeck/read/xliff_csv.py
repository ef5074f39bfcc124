"""The texts of the CSV files a deck names (a table's `csv:`, a chart's `data:`), to translate.

Their translation is a sibling file, `NAME.fr.csv`: the same rows and columns, the header and
text cells translated and the numbers copied; the deck uses it for `--lang fr`. A cell's id is
the file and the cell as a spreadsheet names it (`figures.csv!B1`). A translated file whose
numbers or shape no longer match its source is stale as a whole: each of its texts is.
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wocdeck.read.boundary import Boundary
from wocdeck.read.files import read_limited
from wocdeck.read.source import DataPath, Source
from wocdeck.read.xliff_texts import DeckText

MAX_CSV_BYTES = 5_000_000  # as the table reader (a chart's data file: at most 1 MB)


@dataclass(frozen=True)
class CsvFile:
    """A CSV file the deck names: where, how it separates cells, and its rows."""

    name: str  # as the deck names it
    path: Path
    named_at: DataPath  # where the deck names it
    table: bool  # a table's (every text cell) or a chart's (header and categories)
    delimiter: str
    rows: list[list[str]]

    def is_text(self, row: int, column: int) -> bool:
        """Whether a cell is text to translate: the header, and cells with a letter (a
        chart's: its categories only)."""
        cell = self.rows[row][column]
        if not any(c.isalpha() for c in cell):
            return False
        return row == 0 or self.table or column == 0


def translated_name(name: str, language: str) -> str:
    """figures.csv → figures.fr.csv."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{language}.{suffix}" if dot else f"{name}.{language}"


def cell_name(name: str, row: int, column: int) -> str:
    """figures.csv, row 0, column 1 → figures.csv!B1 (as a spreadsheet names the cell)."""
    letters, number = "", column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{name}!{letters}{row + 1}"


def named_files(source: Source) -> list[tuple[DataPath, str, bool]]:
    """Where the deck names a CSV file, the name, and whether it is a table's (else a chart's)."""
    found: list[tuple[DataPath, str, bool]] = []

    def walk(node: Any, at: DataPath) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "table" and isinstance(value, dict) and isinstance(value.get("csv"), str):
                    found.append(((*at, key, "csv"), value["csv"], True))
                if (
                    key == "chart"
                    and isinstance(value, dict)
                    and isinstance(value.get("data"), str)
                ):
                    found.append(((*at, key, "data"), value["data"], False))
                walk(value, (*at, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*at, index))

    walk(source.data, ())
    return found


def read_rows(file: Path, table: bool) -> tuple[str, list[list[str]]] | None:
    """A CSV file's delimiter and rows, or None when it cannot be read (render says why)."""
    try:
        text = read_limited(file, MAX_CSV_BYTES)[:MAX_CSV_BYTES].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    delimiter = ","
    if table:
        with contextlib.suppress(csv.Error):
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return delimiter, [row for row in rows if any(cell.strip() for cell in row)]


def csv_files(source: Source) -> list[CsvFile]:
    """Each CSV file the deck names in its own folder, once, with its rows."""
    folder = Path(source.path).parent
    boundary = Boundary.around(Path(source.path))  # others are not read here
    files, seen = [], set()
    for at, name, table in named_files(source):
        path = folder / name
        if name in seen or not boundary.holds(path):
            continue
        seen.add(name)
        read = read_rows(path, table)
        if read:
            files.append(CsvFile(name, path, at, table, read[0], read[1]))
    return files


def csv_texts(source: Source, language: str) -> list[DeckText]:
    """The texts of the deck's CSV files, with their translations from NAME.LANG.csv."""
    texts = []
    for file in csv_files(source):
        sibling = file.path.with_name(translated_name(file.path.name, language))
        read = read_rows(sibling, file.table) if sibling.is_file() else None
        rows = read[1] if read else None
        outdated = rows is not None and not matches(file, rows)
        for r, row in enumerate(file.rows):
            for c, cell in enumerate(row):
                if not file.is_text(r, c):
                    continue
                there = rows[r][c] if rows and r < len(rows) and c < len(rows[r]) else None
                texts.append(
                    DeckText(
                        cell_name(file.name, r, c),
                        file.named_at,
                        cell.strip(),
                        there.strip() if there and there.strip() else None,
                        None,
                        None,
                        cell=(file.name, r, c),
                        outdated=outdated,
                    )
                )
    return texts


def matches(file: CsvFile, rows: list[list[str]]) -> bool:
    """Whether a translated file has its source's shape and numbers."""
    if [len(row) for row in rows] != [len(row) for row in file.rows]:
        return False
    return all(
        rows[r][c].strip() == cell.strip()
        for r, row in enumerate(file.rows)
        for c, cell in enumerate(row)
        if not file.is_text(r, c)
    )
