"""Tables: rows inline or from a CSV file, composed as a plan that fits like text does.

Numbers (every column but the first, which labels the rows) are right-aligned and written with
the deck language's separators; a total row may sum the number columns. Fitting measures each
cell's wrapping, shrinks the whole table down to the body floor, and continues a table taller
than the slide on "(cont.)" slides, repeating the header row.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, whole_slide
from wocdeck.compose.kinds.table_plan import Cell, TablePlan
from wocdeck.errors import DeckError, Location
from wocdeck.look.typescale import steps_between
from wocdeck.plan import Box
from wocdeck.read.figures import Figure, FigureError, parse_figure
from wocdeck.read.files import read_named
from wocdeck.read.source import DataPath, unstorable_in
from wocdeck.read.text import balanced

if TYPE_CHECKING:
    from pathlib import Path

    from wocdeck.model import Table

MAX_CSV_BYTES = 5_000_000
MAX_ROWS = 2000  # as many as the deck file may give inline
MAX_COLUMNS = 50
_NUMBER = re.compile(r"^[+\-\u2212]?\d[\d.,\u00a0\u202f\u2009 '\u2019]*%?$")
_YES = {"yes", "true", "on"}
_YEAR = re.compile(r"^(19|20)\d\d$")  # a column of years is written as typed: 2018, not 2,018


def block(composer: Context, spec: Table, box: Box, name: str, path: DataPath) -> Content:
    """A table filling the box; only a table with a slide of its own continues."""
    header, rows = _data(composer, spec, path)
    numbers = _number_columns(rows)
    cells = tuple(
        tuple(_cell(composer, text, j in numbers, (*path, "rows", i)) for j, text in enumerate(row))
        for i, row in enumerate(rows)
    )
    total = _total(composer, spec, rows, cells, numbers, path) if spec.total else None
    sizes = composer.theme.sizes
    steps = steps_between(sizes.body_scale, sizes.body, sizes.body_floor)
    plan = TablePlan(
        "Table",
        tuple(Cell(h, j in numbers) for j, h in enumerate(header)),
        cells,
        total,
        box,
        steps[0],
        steps[-1],
        continues=not name,
        steps=tuple(steps),
        line_spacing=composer.theme.line_spacing,
    )
    return Content(blocks=(plan,))


def _data(composer: Context, spec: Table, path: DataPath) -> tuple[list[str], list[list[str]]]:
    """Header and rows, every row as long as the header."""
    if spec.csv:
        header, rows = _read_csv(composer, spec.csv, (*path, "csv"))
        return header, rows
    header = list(spec.columns)
    rows: list[list[str]] = []
    for i, row in enumerate(spec.rows):
        where = composer.location((*path, "rows", i))
        if isinstance(row, dict):
            for key in row:
                if key not in header:
                    if spec.columns:
                        raise DeckError.at(
                            where,
                            f"'{key}' is not one of the table's columns",
                            "its columns: " + ", ".join(header),
                        )
                    header.append(key)
            rows.append([row.get(column) or "" for column in header])
            continue
        if not header:
            raise DeckError.at(
                composer.location((*path, "rows")),
                "this table has rows but no `columns:`",
                "name its columns first: `columns: [Year, PCT, Madrid]`",
            )
        if len(row) != len(header):
            raise DeckError.at(
                where,
                f"this row has {len(row)} cells, the table has {len(header)} columns "
                f"({', '.join(header)})",
                "give every row one cell per column; an empty cell is written ''",
            )
        rows.append([cell or "" for cell in row])
    return header, rows


def _read_csv(composer: Context, name: str, path: DataPath) -> tuple[list[str], list[list[str]]]:
    """A CSV file beside the deck: its first row is the header; commas or semicolons."""
    where = composer.location(path)
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
    header = [c.strip() for c in rows[0]]
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise DeckError.at(
                Location(str(file), number),
                f"this row has {len(row)} cells, the header has {len(header)}",
                "give every row one cell per column",
            )
    if not all(header):
        raise DeckError.at(Location(str(file), 1), "a column has no name in the header row", "")
    return [balanced(c) for c in header], [[balanced(c.strip()) for c in row] for row in rows[1:]]


def _rows(file: Path, text: str, dialect: type[csv.Dialect] | csv.Dialect) -> list[list[str]]:
    """The CSV's filled rows, read no further than MAX_ROWS under the header and MAX_COLUMNS."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    for row in reader:
        if len(row) > MAX_COLUMNS:
            raise DeckError.at(
                Location(str(file), reader.line_num),
                f"a table may have at most {MAX_COLUMNS} columns; this row has {len(row):,}",
                "keep the columns a slide can show",
            )
        if any(c.strip() for c in row):
            rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            raise DeckError.at(
                Location(str(file), reader.line_num),
                f"a table may have at most {MAX_ROWS:,} rows under its header",
                "keep the rows the deck shows; split a long list into several tables",
            )
    return rows


def _number_columns(rows: list[list[str]]) -> set[int]:
    """Columns after the first whose filled cells all look like numbers, but years."""
    if not rows:
        return set()
    found = set()
    for j in range(1, len(rows[0])):
        filled = [row[j] for row in rows if row[j]]
        numbers = filled and all(_NUMBER.match(text) for text in filled)
        if numbers and not all(_YEAR.match(text) for text in filled):
            found.add(j)
    return found


def _figure(composer: Context, text: str, path: DataPath) -> Figure:
    try:
        return parse_figure(text)
    except FigureError as exc:
        raise DeckError.at(composer.location(path), exc.message, exc.hint) from None


def _cell(composer: Context, text: str, number: bool, path: DataPath) -> Cell:
    if not number or not text:
        return Cell(text, number)
    return Cell(_figure(composer, text, path).shown(composer.words.number), True)


def _total(
    composer: Context,
    spec: Table,
    rows: list[list[str]],
    cells: tuple[tuple[Cell, ...], ...],
    numbers: set[int],
    path: DataPath,
) -> tuple[Cell, ...]:
    """The total row: its label, then the sum of each number column (not of percentages)."""
    assert spec.total is not None
    label = composer.words.phrase("total") if spec.total.lower() in _YES else spec.total
    out = [Cell(label)]
    for j in range(1, len(cells[0]) if cells else 1):
        filled = [row[j] for row in rows if row[j]]
        if j not in numbers or any(text.rstrip().endswith("%") for text in filled):
            out.append(Cell("", j in numbers))
            continue
        amount = sum((_figure(composer, t, (*path, "rows")).number for t in filled), Decimal(0))
        out.append(Cell(Figure(amount).shown(composer.words.number), True))
    return tuple(out)


KIND = Kind("table", whole_slide(block, "table"), block)
