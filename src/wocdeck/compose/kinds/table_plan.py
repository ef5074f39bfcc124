"""A table as planned and fitted: cells, column widths from measured words, wrapped cells,
shrinking to the deck's floor, continuation with the header repeated."""

from __future__ import annotations

from typing import NamedTuple

from wocdeck.errors import DeckError, Location
from wocdeck.look.fonts import line_height
from wocdeck.look.measure import Span, text_width, wrap
from wocdeck.look.scripts import has_arabic
from wocdeck.plan import Box

PAD_X = 7.2  # a cell's left and right margins, points (PowerPoint's 0.1 inch)
PAD_Y = 3.6
SAFETY = 0.97  # renderers differ by a hair in where they wrap
MAX_STRETCH = 1.6  # a narrow table is widened at most this much, not across a wide slide
FIGURE_WIDTH = 2 / 3  # a table on a slide of its own is at least this share of the body wide
FIGURE_PAD_Y = 9.0  # its cells' top and bottom margins when it fits one slide with them


def fit_table(table: TablePlan, where: Location) -> tuple[list[TablePlan], str]:
    """The table at the largest size that fits one slide, else paged at the size with fewest
    slides; a table too wide at the floor is an error naming its widest column."""
    laid = []  # every size's layout, laid out only until one fits
    # on a slide of its own, a table takes roomy rows when they fit on one slide
    tries = ((table._replace(pad_y=FIGURE_PAD_Y),) if table.continues else ()) + (table,)
    for size in table.steps:
        for plan in tries:
            layout = _layout(plan, size)
            if layout is not None and sum(layout[1]) <= table.box.h:
                note = f"table shrunk to {size:g} pt" if size < table.size else ""
                return [plan._replace(size=size, widths=layout[0], heights=layout[1])], note
        laid.append((size, layout))
    if laid[-1][1] is None:
        raise _too_wide(table, where)
    if not table.continues:
        raise DeckError.at(
            where,
            f"the table in a column is too long for the slide even at {table.floor:g} pt",
            "give it a slide of its own (`table:` without `columns:`), where it continues",
        )
    least = len(_pages(table, laid[-1][1][1], where))
    for size, layout in laid:
        if layout is None:
            continue
        rows = _pages(table, layout[1], where)
        if len(rows) <= least:
            pages = [
                table._replace(
                    size=size,
                    widths=layout[0],
                    heights=(layout[1][0], *(layout[1][1 + i] for i in page)),
                    rows=tuple(table.rows[i] for i in page if i < len(table.rows)),
                    total=table.total if _has_total(table, page) else None,
                    first_row=page[0] if page else 0,
                )
                for page in rows
            ]
            shrunk = f"table shrunk to {size:g} pt and " if size < table.size else "table "
            return pages, f"{shrunk}continued on {len(pages)} slides"
    raise AssertionError("the floor size always paginates")  # pragma: no cover


def _has_total(table: TablePlan, page: list[int]) -> bool:
    return table.total is not None and len(table.rows) in page


def _all_rows(table: TablePlan) -> list[tuple[tuple[Cell, ...], bool]]:
    """Header, rows and total, each with whether it is set bold."""
    rows = [(table.header, True), *((row, False) for row in table.rows)]
    if table.total is not None:
        rows.append((table.total, True))
    return rows


def _words_width(cell: Cell, size: float, bold: bool, metrics: str) -> float:
    words = cell.text.split() or [""]
    return max(text_width(w, size, bold=bold, metrics=metrics) for w in words)


def _layout(table: TablePlan, size: float) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """Column widths and row heights at a size, or None when the longest words do not fit."""
    rows = _all_rows(table)
    columns = len(table.header)
    least = [0.0] * columns
    natural = [0.0] * columns
    for cells, bold in rows:
        for j, cell in enumerate(cells):
            least[j] = max(least[j], _words_width(cell, size, bold, table.metrics) + 2 * PAD_X)
            one_line = text_width(cell.text, size, bold=bold, metrics=table.metrics)
            natural[j] = max(natural[j], one_line + 2 * PAD_X)
    room = table.box.w * SAFETY
    if sum(least) > room:
        return None
    if sum(natural) <= room:  # widened to the frame, but not spread thin
        stretch = min(table.box.w / sum(natural), MAX_STRETCH)
        if table.continues:  # a figure of its slide, not a narrow block lost in the middle
            stretch = max(stretch, FIGURE_WIDTH * table.box.w / sum(natural))
        widths = [w * stretch for w in natural]
    else:
        spare = room - sum(least)
        stretch = sum(n - m for n, m in zip(natural, least, strict=True)) or 1.0
        widths = [m + (n - m) * spare / stretch for n, m in zip(natural, least, strict=True)]
        widths = [w / SAFETY for w in widths]
    heights = tuple(_row_height(cells, bold, widths, size, table) for cells, bold in rows)
    return tuple(widths), heights


def _row_height(
    cells: tuple[Cell, ...], bold: bool, widths: list[float], size: float, table: TablePlan
) -> float:
    lines = 1
    for cell, width in zip(cells, widths, strict=True):
        if cell.text:
            inner = (width - 2 * PAD_X) * SAFETY
            lines = max(lines, len(wrap([Span(cell.text, bold, table.metrics)], size, inner)))
    return lines * size * table.line_spacing + 2 * table.pad_y


def _pages(table: TablePlan, heights: tuple[float, ...], where: Location) -> list[list[int]]:
    """Row indexes on each slide (the total counts as row len(rows)); the header repeats."""
    header, rest = heights[0], heights[1:]
    pages: list[list[int]] = [[]]
    used = header
    for index, height in enumerate(rest):
        if header + height > table.box.h:
            raise DeckError.at(
                where,
                f"row {index + 1} of the table is taller than a slide even at {table.floor:g} pt",
                "shorten the text in its cells",
            )
        if used + height > table.box.h and pages[-1]:
            pages.append([])
            used = header
        pages[-1].append(index)
        used += height
    total = len(table.rows)
    if table.total is not None and pages[-1] == [total] and len(pages) > 1 and len(pages[-2]) > 1:
        moved = pages[-2][-1]  # a total alone would not say what it sums: take a row with it
        if header + rest[moved] + rest[total] <= table.box.h:
            pages[-2].pop()
            pages[-1].insert(0, moved)
    return pages


def _too_wide(table: TablePlan, where: Location) -> DeckError:
    """The column whose longest word takes the most room, named in the error."""
    size = table.floor
    widest, word = 0, ""
    best = -1.0
    for cells, bold in _all_rows(table):
        for j, cell in enumerate(cells):
            for w in cell.text.split():
                width = text_width(w, size, bold=bold, metrics=table.metrics)
                if width > best:
                    best, widest, word = width, j, w
    name = table.header[widest].text
    return DeckError.at(
        where,
        f"the table is too wide for the slide even at {size:g} pt: column '{name}' "
        f"(its longest word is '{word}')",
        f"abbreviate the words in column '{name}', or split the table into two",
    )


ARABIC_LINE_SPACING = 1.45  # Noto Sans Arabic's marks need more than Latin's 1.15


class Cell(NamedTuple):
    """A cell's text as drawn; numbers are right-aligned."""

    text: str
    number: bool = False


class TablePlan(NamedTuple):
    """A table on a slide: header, rows and total, at a size fit may lower to floor.

    widths and heights (points, the header's height first) are set by fit.
    """

    name: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None
    box: Box
    size: float
    floor: float
    continues: bool = True  # may continue on more slides (not in a column)
    metrics: str = "liberation-sans"
    rtl: bool = False
    line_spacing: float = 1.15
    widths: tuple[float, ...] = ()
    heights: tuple[float, ...] = ()
    first_row: int = 0  # the index of its first row in the whole table (for banding)
    steps: tuple[float, ...] = ()  # the sizes fit tries, largest first: the deck's type scale
    header_fill: str = "accent1"  # theme slots of the header row's fill and text
    header_color: str = "light1"
    pad_y: float = PAD_Y  # a cell's top and bottom margins, points

    def measured(self, metrics: str) -> TablePlan:
        """The table measured in the template's body font, its lines never set tighter than
        the font's own line height (nor Arabic's, whose marks reach higher and lower)."""
        spacing = max(self.line_spacing, line_height(metrics))
        if any(has_arabic(cell.text) for row in self._all() for cell in row):
            spacing = max(spacing, ARABIC_LINE_SPACING)
        return self._replace(metrics=metrics, line_spacing=spacing)

    def _all(self) -> tuple[tuple[Cell, ...], ...]:
        return (self.header, *self.rows, *((self.total,) if self.total else ()))

    def fit(self, where: Location) -> tuple[list[TablePlan], str]:
        """The table at the largest size that fits, over as few slides as the floor allows."""
        return fit_table(self, where)

    def mirrored(self, width: float) -> TablePlan:
        """The table laid out right to left: its first column on the right, every renderer
        alike (the columns are reversed rather than left to the table's rtl flag, which
        LibreOffice ignores); the frame keeps its width at the mirrored place."""
        box = self.box
        right = box.x + sum(self.widths) if self.widths else box.x + box.w
        return self._replace(
            box=box._replace(x=width - right),
            header=self.header[::-1],
            rows=tuple(row[::-1] for row in self.rows),
            total=self.total[::-1] if self.total else None,
            widths=self.widths[::-1],
            rtl=True,
        )
