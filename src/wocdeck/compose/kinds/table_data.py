"""A table's header and rows, inline or from a CSV file, checked to be one shape.

A table never changes shape silently: a row with more or fewer cells than the header, a column
that one row names and the others do not, is an error at that row naming the row and the
column, never a padded or cut table.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from typing import TYPE_CHECKING

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.files import name_too_long, read_named, unstorable_in
from wocdeck.read.source import DataPath
from wocdeck.read.text import balanced

if TYPE_CHECKING:
    from pathlib import Path

    from wocdeck.compose.kinds.base import Context
    from wocdeck.model import Table

MAX_CSV_BYTES = 5_000_000
MAX_ROWS = 2000  # as many as the deck file may give inline
MAX_COLUMNS = 50
EVERY_CELL = "give every row one cell per column; an empty cell is written ''"
# `[Seminars, 2,450]`: the comma split a number into '2' and '450'
_SPLIT = (re.compile(r"^[+\-]?\d{1,3}$"), re.compile(r"^\d{3}(?:\D.*)?$"))


def table_data(composer: Context, spec: Table, path: DataPath) -> tuple[list[str], list[list[str]]]:
    """Header and rows, every row as long as the header; else every misshapen row's error."""
    if spec.csv:
        return _read_csv(composer, spec.csv, (*path, "csv"))
    groups = [row for row in spec.rows if isinstance(row, dict)]
    header = list(spec.columns) or list(dict.fromkeys(key for row in groups for key in row))
    if not header:
        raise DeckError.at(
            composer.location((*path, "rows")),
            "this table has rows but no `columns:`",
            "name its columns first: `columns: [Year, PCT, Madrid]`",
        )
    problems, explained = [], set()
    if not spec.columns:
        problems, explained = _one_row_columns(composer, spec, path, header)
    rows: list[list[str]] = []
    for i, row in enumerate(spec.rows):
        at = (*path, "rows", i)
        if isinstance(row, dict):
            known = [c for c in header if (i, c) not in explained]
            problems += _group_problems(composer, row, at, known, given=bool(spec.columns))
            rows.append([row.get(column) or "" for column in header])
        else:
            problems += _list_problems(composer, row, at, header)
            rows.append([cell or "" for cell in row])
    if problems:
        raise DeckError(sorted(problems, key=lambda p: p.location))
    return header, rows


def _list_problems(
    composer: Context, row: list[str | None], at: DataPath, header: list[str]
) -> list[Problem]:
    """A row of cells as long as the header, or what is missing or too many."""
    if len(row) == len(header):
        return []
    shape = f"row {at[-1] + 1} has {_cells(len(row))}, the table has {_columns(header)}"
    if len(row) < len(header):
        missing = header[len(row)]
        return [Problem(composer.location(at), f"{shape}: no cell for '{missing}'", EVERY_CELL)]
    extra = row[len(header)] or ""
    hint = EVERY_CELL
    for j, (first, second) in enumerate(itertools.pairwise(row)):
        if _split(composer, at, j, first, second):
            written = f"{first},{second}"
            hint = (
                f"inside [ ] a comma separates cells, so '{written}' became two cells: write the "
                f'number without the comma ({first}{second}) or quote it: "{written}"'
            )
            break
    where = composer.location((*at, len(header)))
    return [Problem(where, f"{shape}: '{extra}' is under no column", hint)]


def _split(composer: Context, at: DataPath, j: int, first: str | None, second: str | None) -> bool:
    """Whether cells j and j+1 are one number a comma split: `2,450`, written with no space."""
    if not (first and second and _SPLIT[0].match(first) and _SPLIT[1].match(second)):
        return False
    one, two = composer.location((*at, j)), composer.location((*at, j + 1))
    return one.line == two.line and two.column == one.column + len(first) + 1


def _group_problems(
    composer: Context, row: dict[str, str | None], at: DataPath, header: list[str], *, given: bool
) -> list[Problem]:
    """A `column: cell` row naming every column of the table, and no other."""
    number = at[-1] + 1  # type: ignore[operator]
    problems, meant = [], set()
    for key in row if given else ():  # with `columns:`, every key is one of them
        if key in header:
            continue
        close = difflib.get_close_matches(key, [c for c in header if c not in row], n=1)
        meant.update(close)
        guess = f"did you mean '{close[0]}'? " if close else ""
        problems.append(
            Problem(
                composer.location((*at, key), key=True),
                f"row {number} has a column '{key}' that is not one of the table's columns",
                f"{guess}its columns: {', '.join(header)}",
            )
        )
    missing = [column for column in header if column not in row and column not in meant]
    if missing:
        problems.append(
            Problem(
                composer.location(at),
                f"row {number} has no cell for '{missing[0]}'"
                + (f" (nor for {_names(missing[1:])})" if missing[1:] else ""),
                f"add `{missing[0]}: …` to the row; an empty cell is written {missing[0]}: ''",
            )
        )
    return problems


def _one_row_columns(
    composer: Context, spec: Table, path: DataPath, header: list[str]
) -> tuple[list[Problem], set[tuple[int, str]]]:
    """Columns that only one row of several names, at that row (a misspelt column, or one the
    other rows lack), taken out of the header; and the (row, column) gaps they explain."""
    groups = [(i, row) for i, row in enumerate(spec.rows) if isinstance(row, dict)]
    if len(groups) < 2:
        return [], set()
    owners = {key: [i for i, row in groups if key in row] for key in header}
    lone = [key for key in header if len(owners[key]) == 1]
    problems, explained, named = [], set(), set()
    for key in sorted(lone, key=lambda k: -owners[k][0]):  # a later row's spelling is the slip
        i = owners[key][0]
        header.remove(key)
        if key in named:
            continue
        gaps = [k for k in header + lone if k not in spec.rows[i] and k != key]  # type: ignore[operator]
        close = difflib.get_close_matches(key, gaps, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "name it in every row, or remove it"
        explained.update((i, k) for k in close)
        named.update(close)
        problems.append(
            Problem(
                composer.location((*path, "rows", i, key), key=True),
                f"'{key}' is a column in row {i + 1} only",
                hint,
            )
        )
    return problems, explained


def _read_csv(composer: Context, name: str, path: DataPath) -> tuple[list[str], list[list[str]]]:
    """A CSV file beside the deck: its first row is the header; commas or semicolons."""
    where = composer.location(path)
    too_long = name_too_long(name)
    if too_long:
        raise DeckError.at(where, too_long, "give the CSV file a shorter name")
    file = composer.file(name, path, "CSV file")
    raw = read_named(file, MAX_CSV_BYTES, where, "CSV file", name)
    if len(raw) > MAX_CSV_BYTES:
        raise DeckError.at(where, f"the CSV file {name} is larger than 5 MB", "shorten the table")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckError.at(
            where,
            f"the CSV file {name} is not UTF-8 text",
            "save it as 'CSV UTF-8' in Excel or LibreOffice",
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    bad = unstorable_in(text, str(file))
    if bad:
        raise DeckError([bad])
    rows = _rows(file, text, dialect)
    if len(rows) < 2:
        raise DeckError.at(where, f"the CSV file {name} has no rows under its header", "")
    header = [c.strip() for c in rows[0][1]]
    if not all(header):
        raise DeckError.at(Location(str(file), 1), "a column has no name in the header row", "")
    problems = []
    for line, row in rows[1:]:
        if len(row) != len(header):
            shape = f"this row has {_cells(len(row))}, the header has {_columns(header)}"
            what = (
                f"no cell for '{header[len(row)]}'"
                if len(row) < len(header)
                else f"'{row[len(header)].strip()}' is under no column"
            )
            problems.append(Problem(Location(str(file), line), f"{shape}: {what}", EVERY_CELL))
    if problems:
        raise DeckError(problems)
    return [balanced(c) for c in header], [
        [balanced(c.strip()) for c in row] for _, row in rows[1:]
    ]


def _rows(
    file: Path, text: str, dialect: type[csv.Dialect] | csv.Dialect
) -> list[tuple[int, list[str]]]:
    """The CSV's filled rows, each with the line it starts on, read no further than MAX_ROWS
    under the header and MAX_COLUMNS."""
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    start = 1
    for row in reader:
        if len(row) > MAX_COLUMNS:
            raise DeckError.at(
                Location(str(file), reader.line_num),
                f"a table may have at most {MAX_COLUMNS} columns; this row has {len(row):,}",
                "keep the columns a slide can show",
            )
        if any(c.strip() for c in row):
            rows.append((start, row))
        start = reader.line_num + 1
        if len(rows) > MAX_ROWS + 1:
            raise DeckError.at(
                Location(str(file), reader.line_num),
                f"a table may have at most {MAX_ROWS:,} rows under its header",
                "keep the rows the deck shows; split a long list into several tables",
            )
    return rows


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _columns(header: list[str]) -> str:
    count = f"{len(header)} column" if len(header) == 1 else f"{len(header)} columns"
    return f"{count} ({', '.join(header)})"


def _names(keys: list[str]) -> str:
    return ", ".join(f"'{k}'" for k in keys)
