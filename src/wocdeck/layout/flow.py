"""Lay a slide's groups out at one body size: text boxes and figure tiles, slide by slide.

A group (heading, its paragraphs, its figures) is a unit: its tiles sit with its own text, in
a column beside it (one or two figures) or in rows under it; a group that fits on a slide is
never split across two; a group longer than a slide continues on the next with its heading
repeated ("… (cont.)") and the same tile size and grid. Body text starts at the top of the body
area on every slide, so slides share one frame.
"""

from __future__ import annotations

import math
from collections import deque

from wocdeck.layout.fit import continued, leads, parent_bullet, split_paragraph, text_height
from wocdeck.look.fonts import line_height
from wocdeck.look.geometry import GAP
from wocdeck.look.lines import paragraph_height, paragraph_lines
from wocdeck.look.tiles import TILE_SPACING, Grid, TileStyle, slots, tile, tile_grid
from wocdeck.plan import CONTINUED, Block, Box, Figure, Group, Paragraph, Role, TextBox

EXTRA_TEXT = "Text"  # text boxes after the body placeholder (a layout has one body)
MAX_COLUMNS = 5
SIDE_TILE_WIDTH = 176.0  # tiles in a row beside their text
COLUMN_SHARE = 0.34  # a figure column beside text takes this share of the body's width


class _Segment:  # plain classes: Python compiles a dataclass's methods at each start
    """A text box being filled: its place, paragraphs and their height."""

    def __init__(self, x: float, y: float, w: float) -> None:
        self.x, self.y, self.w = x, y, w
        self.paragraphs: list[Paragraph] = []
        self.height = 0.0


class Page:
    """One slide's body: text boxes (top to bottom) and tiles."""

    def __init__(self, bottom: float = 0.0) -> None:
        self.segments: list[_Segment] = []
        self.tiles: list[TextBox] = []
        self.charts: list[Block] = []  # figures' histories, beside their tiles
        self.bottom = bottom  # where the last thing placed ends
        self.open: _Segment | None = None  # a full-width text box that following text may join

    @property
    def empty(self) -> bool:
        """Whether nothing is on the page yet."""
        return not self.segments and not self.tiles


class PageFull(Exception):
    """Raised in a trial layout when content would need another slide."""


class Flow:
    """Places groups on slides at one size, starting a new slide when one is full."""

    def __init__(
        self,
        body: TextBox,
        size: float,
        tiles: TileStyle,
        *,
        trial: bool = False,
        suffix: str = CONTINUED,
        cap: tuple[int, float] | None = None,
    ):
        spacing = max(TILE_SPACING, line_height(body.metrics))
        self.body, self.size, self.trial = body, size, trial
        self.style = tiles._replace(metrics=body.metrics, spacing=spacing)
        self.suffix = suffix  # marks a heading repeated on a continuation slide
        self.full = body.box
        self.cap = cap  # (from slide n on, fill the body only this far down)
        self.area = self._area_for(1)
        self.pages: list[Page] = [Page(bottom=self.area.y)]
        self.overflow = False  # something taller than a whole slide's body was placed anyway
        self.fresh = False  # a group continues on this new slide: it must place something

    @property
    def page(self) -> Page:
        """The slide being filled."""
        return self.pages[-1]

    def place(self, groups: tuple[Group, ...]) -> list[Page]:
        """Lay out every group; returns the pages (PageFull in a trial that needs two)."""
        for group in groups:
            self._group(group, self.grid(group))
        return self.pages

    def grid(self, group: Group) -> Grid | None:
        """The tile grid of a group at this flow's size, or None without figures.

        Tiles go in rows under the text, or beside it (a column of one or two, a row of up
        to four): whichever makes the group shorter on the slide, among the grids whose tiles
        hold every value on one line (rows of fewer, wider tiles where none of them does).
        """
        count = slots(group.figures)
        if not count:
            return None
        area = self.area
        rows = math.ceil(count / MAX_COLUMNS)
        columns = math.ceil(count / rows)
        across = max(columns, 2)
        candidates = [self._grid(group.figures, columns, (area.w - GAP * (across - 1)) / across)]
        if any(p.role is not Role.HEADING for p in group.paragraphs):
            if count <= 2:
                candidates.append(self._grid(group.figures, 1, round(area.w * COLUMN_SHARE), True))
            elif count <= 4:
                candidates.append(self._grid(group.figures, count, SIDE_TILE_WIDTH, True))
        whole = [grid for grid in candidates if grid.value_lines == 1]
        whole = whole or self._unwrapped(group, columns) or candidates
        return min(whole, key=lambda grid: self._height(group, grid))

    def _unwrapped(self, group: Group, columns: int) -> list[Grid]:
        """A grid whose values each fit on one line: fewer, wider tiles that still fit the
        slide, else the values a step smaller (the deck's values then share that size)."""
        least = max(f.slots for f in group.figures)  # a tile and its chart share a row
        count = slots(group.figures)
        # rows as even as they can be: four tiles go two and two, not three and one
        balanced = dict.fromkeys(math.ceil(count / rows) for rows in range(1, count + 1))
        for fewer in (c for c in balanced if least <= c < columns):
            width = self.area.w if fewer == 1 else self._tile_width(fewer)  # stacked, full width
            grid = self._grid(group.figures, fewer, width)
            if grid.value_lines == 1 and self._height(group, grid) <= self.area.h:
                return [grid]
        size, width = self.style.value_floor, self._tile_width(columns)
        while size > self.style.label:
            size = max(self.style.label, size - 4)
            style = self.style._replace(value_floor=size)
            grid = tile_grid(group.figures, columns, width, False, style)
            if grid.value_lines == 1:
                return [grid]
        return []

    def _tile_width(self, columns: int) -> float:
        across = max(columns, 2)
        return (self.area.w - GAP * (across - 1)) / across

    def _grid(
        self, figures: tuple[Figure, ...], columns: int, width: float, beside: bool = False
    ) -> Grid:
        return tile_grid(figures, columns, width, beside, self.style)

    def _height(self, group: Group, grid: Grid) -> float:
        """How tall a group stands on a slide with its tiles placed by a grid."""
        rows = math.ceil(slots(group.figures) / grid.columns)
        tiles = rows * grid.height + (rows - 1) * GAP
        width = self.area.w - grid.block_width - GAP if grid.beside else self.area.w
        box = self.body._replace(box=self.area._replace(w=width))
        text = text_height(group.paragraphs, self.size, box) + 2 * box.inset_y
        return max(text, tiles) if grid.beside else text + GAP + tiles

    def _area_for(self, number: int) -> Box:
        """The body area of the n-th slide: the whole body, or capped from a slide on."""
        if self.cap is not None and number >= self.cap[0]:
            return self.full._replace(h=self.cap[1])
        return self.full

    def _new_page(self) -> None:
        if self.trial:
            raise PageFull
        self.pages.append(Page(bottom=self.area.y))
        self.area = self._area_for(len(self.pages))

    def _group(self, group: Group, grid: Grid | None) -> None:
        if self._whole(group, grid):
            return
        if not self.page.empty:
            self._new_page()
            if self._whole(group, grid):
                return
        paragraphs, figures = deque(group.paragraphs), deque(group.figures)
        while True:  # longer than a slide: fill this one, continue on the next
            self._put(paragraphs, figures, grid)
            self.fresh = False
            if not paragraphs and not figures:
                return
            self._new_page()
            self.fresh = True
            parent = parent_bullet(group.paragraphs, paragraphs[0]) if paragraphs else None
            if parent is not None:  # a sub-bullet never starts a slide without its bullet
                paragraphs.appendleft(continued(parent, self.suffix))
            if group.heading is not None:
                paragraphs.appendleft(continued(group.heading, self.suffix))

    def _whole(self, group: Group, grid: Grid | None) -> bool:
        """Place a whole group on this slide if it fits there; else leave the slide as it was."""
        saved = _snapshot(self.page)
        paragraphs, figures = deque(group.paragraphs), deque(group.figures)
        self._put(paragraphs, figures, grid)
        if not paragraphs and not figures:
            return True
        _restore(self.page, saved)
        return False

    def _put(self, paragraphs: deque[Paragraph], figures: deque[Figure], grid: Grid | None) -> None:
        """Place as much of a group as fits on this slide, taking it from the queues."""
        if grid is not None and grid.beside and figures:
            self._beside(paragraphs, figures, grid)
            return
        if paragraphs:
            self._text(paragraphs, self.area.x, self.area.w, join=True)
        if not paragraphs and figures and grid is not None:
            self._rows(figures, grid)

    def _beside(self, paragraphs: deque[Paragraph], figures: deque[Figure], grid: Grid) -> None:
        """Text on the left, the group's tiles beside it on the right."""
        top = self._top()
        rows = math.ceil(slots(figures) / grid.columns)
        tiles = rows * grid.height + (rows - 1) * GAP
        if top + tiles > self.area.bottom:
            if not self.page.empty and not self.fresh:
                return
            self.overflow = True  # taller than the body: placed anyway, so layout goes on
        width = self.area.w - grid.block_width - GAP
        first = paragraphs[0] if paragraphs else None
        self._text(paragraphs, self.area.x, width, join=False, top=top)
        if first is not None and paragraphs and paragraphs[0] is first:
            return  # not even the heading and a line: try the next slide
        left = self.area.x + self.area.w - grid.block_width
        index = 0
        for figure in figures:
            if grid.columns > 1 and index % grid.columns + figure.slots > grid.columns:
                index += 1  # a tile and its chart share a row (in a column: one under it)
            self._tile(figure, grid, *(self._slot(left, top, grid, i) for i in (index, index + 1)))
            index += figure.slots
        figures.clear()
        self.page.bottom = max(self.page.bottom, top + tiles)
        self.page.open = None

    def _rows(self, figures: deque[Figure], grid: Grid) -> None:
        """Tiles in rows of the grid's columns, under the group's text, as far as they fit."""
        while figures:
            top = self._top()
            if top + grid.height > self.area.bottom:
                if not self.page.empty and not self.fresh:
                    return
                self.overflow = True  # taller than the body: placed anyway, so layout goes on
                self.fresh = False
            used = 0
            while figures and (not used or used + figures[0].slots <= grid.columns):
                x = self.area.x
                place = (self._slot(x, top, grid, used), self._slot(x, top, grid, used + 1))
                used += figures[0].slots
                self._tile(figures.popleft(), grid, *place)
            self.page.bottom = top + grid.height
            self.page.open = None

    def _top(self) -> float:
        """Where the next box starts: under the last one, a gap apart."""
        return self.page.bottom + (0.0 if self.page.empty else GAP)

    def _text(
        self,
        queue: deque[Paragraph],
        x: float,
        w: float,
        *,
        join: bool,
        top: float | None = None,
    ) -> None:
        """Place paragraphs from the queue in a text box as far as they fit."""
        page = self.page
        segment = page.open if join and page.open is not None else None
        if segment is None:
            segment = _Segment(x, self._top() if top is None else top, w)
        box = self._box(segment)
        used = segment.height
        room = self.area.bottom - segment.y - 2 * box.inset_y
        placed: list[tuple[Paragraph, float]] = []
        while queue:
            paragraph = queue[0]
            first = not segment.paragraphs and not placed
            height = paragraph_height(paragraph, self.size, box, first)
            if used + height <= room:
                placed.append((queue.popleft(), height))
                used += height
                continue
            before = 0.0 if first else paragraph.space_before(self.size)
            line = paragraph.line_height(self.size, box.line_spacing)
            left = room - used - before
            # Moving on helps unless all this slide holds is the heading that would come along.
            fresh = (
                page.empty
                and not segment.paragraphs
                and all(p.role is Role.HEADING for p, _ in placed)
            )
            alone = paragraph_height(paragraph, self.size, box, True)
            if alone <= self.area.h - 2 * box.inset_y and not fresh:
                break  # a paragraph that fits a slide of its own is not split: it moves on
            if left < line and not fresh:
                break
            head, tail = paragraph, []
            if paragraph_lines(paragraph, self.size, box) > 1:
                part = box._replace(box=box.box._replace(h=max(left, line) + 2 * box.inset_y))
                full = box._replace(box=self.area)
                head, *tail = split_paragraph(paragraph, self.size, part, full)
            queue.popleft()
            if head.runs and tail:
                queue.extendleft(reversed(tail))
            else:  # a line that does not fit even here: placed anyway, so layout goes on
                head = paragraph
                self.overflow = self.overflow or used + height > room
            height = paragraph_height(head, self.size, box, first)
            placed.append((head, height))
            used += height
            break
        keep = 1 if page.empty and not segment.paragraphs else 0  # an empty slide takes one
        while queue and len(placed) > keep and leads(placed[-1][0], queue[0]):
            queue.appendleft(placed.pop()[0])  # a heading, or a bullet before its sub-bullets
        if any(p.role is not Role.HEADING for p, _ in placed):
            self.fresh = False  # the continuing group has placed something besides its heading
        if placed:
            segment.paragraphs.extend(p for p, _ in placed)
            segment.height += sum(h for _, h in placed)
            if segment not in page.segments:
                page.segments.append(segment)
            page.bottom = segment.y + 2 * box.inset_y + segment.height
            page.open = segment if join else None

    def _box(self, segment: _Segment) -> TextBox:
        return self.body._replace(box=Box(segment.x, segment.y, segment.w, self.area.h))

    @staticmethod
    def _slot(left: float, top: float, grid: Grid, index: int) -> Box:
        """The box of a grid's slot `index` (row by row) from its top-left corner."""
        row, column = divmod(index, grid.columns)
        x, y = left + column * (grid.width + GAP), top + row * (grid.height + GAP)
        return Box(x, y, grid.width, grid.height)

    def _tile(self, figure: Figure, grid: Grid, box: Box, after: Box | None = None) -> None:
        """A figure's tile in box, and its chart (if it has one) in the slot after it."""
        self.page.tiles.append(tile(figure, grid, box, self.style))
        if figure.chart is not None and after is not None:
            self.page.charts.append(figure.chart._replace(box=after))

    def boxes(self, page: Page) -> list[TextBox]:
        """A page's text boxes, each as tall as its text (the last one down to the body's end)."""
        area = self.full  # continued text boxes reach down as far as the body does
        out = []
        for segment in page.segments:
            box = self._box(segment)
            height = text_height(tuple(segment.paragraphs), self.size, box) + 2 * box.inset_y
            below = [s.y for s in page.segments if s.y > segment.y and s.x < segment.x + segment.w]
            below += [
                t.box.y
                for t in (*page.tiles, *page.charts)
                if t.box.y > segment.y and t.box.x < segment.x + segment.w
            ]
            bottom = min(below, default=area.bottom + GAP) - GAP
            height = max(height + 0.25 * self.size, bottom - segment.y)
            out.append(
                box._replace(
                    name="Content" if not out else EXTRA_TEXT,
                    paragraphs=tuple(segment.paragraphs),
                    box=Box(segment.x, segment.y, segment.w, min(height, area.bottom - segment.y)),
                    size=self.size,
                )
            )
        return out


def trial(flow: Flow, groups: tuple[Group, ...]) -> Flow | None:
    """The flow with the groups laid out if they fit on one slide, else None."""
    flow.trial = True
    try:
        flow.place(groups)
    except PageFull:
        return None
    return flow


def _snapshot(page: Page) -> tuple:
    return (
        [(s, list(s.paragraphs), s.height) for s in page.segments],
        list(page.tiles),
        list(page.charts),
        page.bottom,
        page.open,
    )


def _restore(page: Page, saved: tuple) -> None:
    segments, tiles, charts, bottom, open_segment = saved
    for segment, paragraphs, height in segments:
        segment.paragraphs[:] = paragraphs
        segment.height = height
    page.segments[:] = [s for s, _, _ in segments]
    page.tiles[:] = tiles
    page.charts[:] = charts
    page.bottom = bottom
    page.open = open_segment
