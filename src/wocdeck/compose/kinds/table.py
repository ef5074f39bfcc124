"""Tables: rows inline or from a CSV file, composed as a plan that fits like text does.

Numbers (every column but the first, which labels the rows) are right-aligned and written with
the deck language's separators; a total row may sum the number columns. Fitting measures each
cell's wrapping, shrinks the whole table down to the body floor, and continues a table taller
than the slide on "(cont.)" slides, repeating the header row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, whole_slide
from wocdeck.compose.kinds.table_data import table_data
from wocdeck.compose.kinds.table_plan import Cell, TablePlan
from wocdeck.errors import DeckError
from wocdeck.look.typescale import steps_between
from wocdeck.plan import Box
from wocdeck.read.figures import Figure, FigureError, parse_figure
from wocdeck.read.languages import NO, YES
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import Table

_NUMBER = re.compile(r"^[+\-\u2212]?\d[\d.,\u00a0\u202f\u2009 '\u2019]*%?$")
_YEAR = re.compile(r"^(19|20)\d\d$")  # a column of years is written as typed: 2018, not 2,018


def block(composer: Context, spec: Table, box: Box, name: str, path: DataPath) -> Content:
    """A table filling the box; only a table with a slide of its own continues."""
    header, rows = table_data(composer, spec, path)
    numbers = _number_columns(rows)
    cells = tuple(
        tuple(_cell(composer, text, j in numbers, (*path, "rows", i)) for j, text in enumerate(row))
        for i, row in enumerate(rows)
    )
    wanted = spec.total and spec.total.lower() not in NO  # `total: no`: no total row
    total = _total(composer, spec, rows, cells, numbers, path) if wanted else None
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
    return Cell(composer.words.figure(_figure(composer, text, path)), True)


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
    label = composer.words.phrase("total") if spec.total.lower() in YES else spec.total
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
