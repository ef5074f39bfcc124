"""A figure tile's look: its grid of equal tiles, its insets, its label, value and caption."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from wocdeck.look.geometry import GAP
from wocdeck.look.lines import paragraph_lines
from wocdeck.look.measure import DEFAULT_METRICS, text_width
from wocdeck.plan import Box, Figure, Paragraph, Run, TextBox

TILE_INSET_X = 14.0
TILE_INSET_Y = 10.0
TILE_MIN_HEIGHT = 96.0
TILE_SPACING = 1.1


class TileStyle(NamedTuple):
    """Figure tile sizes in points: the value's size and floor, the label's and caption's."""

    value: float = 40.0
    value_floor: float = 28.0
    label: float = 18.0
    caption: float = 16.0
    metrics: str = DEFAULT_METRICS  # the body font's widths measure tile text too
    spacing: float = TILE_SPACING  # line spacing in tiles, never tighter than the font's own


class Grid(NamedTuple):
    """Where a group's tiles go: beside its text or in rows under it, and their size."""

    columns: int
    width: float
    height: float
    beside: bool
    value_size: float
    label_lines: int  # the most lines any label of the group takes: values share a baseline
    value_lines: int

    @property
    def block_width(self) -> float:
        """The width of the grid's tiles side by side, gaps included."""
        return self.columns * self.width + (self.columns - 1) * GAP


def slots(figures: Iterable[Figure]) -> int:
    """How many tile slots figures take (a figure with a chart takes two)."""
    return sum(f.slots for f in figures)


@lru_cache(maxsize=1024)
def tile_grid(
    figures: tuple[Figure, ...],
    columns: int,
    width: float,
    beside: bool,
    style: TileStyle,
) -> Grid:
    """Tiles of one size for a group's figures: as tall as the tallest label, value and
    caption need, measured once per group and width (on a slide without text too: fitting's
    composition then centres the group in the body)."""
    inner = width - 2 * TILE_INSET_X
    value_size = _value_size(figures, inner, style)
    label_lines = max(_lines(f.label, style.label, inner, style) for f in figures)
    value_lines = max(_lines(f.value, value_size, inner, style) for f in figures)
    caption_lines = max(_lines(f.caption, style.caption, inner, style) for f in figures)
    height = 2 * TILE_INSET_Y + style.spacing * (
        label_lines * style.label + value_lines * value_size + caption_lines * style.caption
    )
    height += 0.25 * (value_size + (value_size if caption_lines else 0))  # space before
    height = max(math.ceil(height + 4), TILE_MIN_HEIGHT)
    return Grid(columns, width, height, beside, value_size, label_lines, value_lines)


def tile(figure: Figure, grid: Grid, box: Box, style: TileStyle) -> TextBox:
    """A figure tile: label, value and caption on the grid's shared baselines."""
    inner = grid.width - 2 * TILE_INSET_X
    size = grid.value_size
    label_lines = _lines(figure.label, style.label, inner, style)
    value_lines = _lines(figure.value, size, inner, style)
    paragraphs = [
        Paragraph(figure.label, scale=style.label / size, color="accent2"),
        Paragraph(
            figure.value,
            color="accent1",
            pad=(grid.label_lines - label_lines) * style.label * style.spacing,
        ),
    ]
    if figure.caption:
        pad = (grid.value_lines - value_lines) * size * style.spacing
        paragraphs.append(
            Paragraph(figure.caption, scale=style.caption / size, color="accent6", pad=pad)
        )
    return TextBox(
        "Figure",
        tuple(paragraphs),
        box,
        size,
        size,
        line_spacing=style.spacing,
        metrics=style.metrics,
        fill="light2",
        description=figure.description,
        inset_x=TILE_INSET_X,
        inset_y=TILE_INSET_Y,
    )


def _lines(runs: tuple[Run, ...], size: float, width: float, style: TileStyle) -> int:
    if not runs:
        return 0
    probe = TextBox(
        "",
        (),
        Box(0, 0, width + 2 * TILE_INSET_X, 0),
        size,
        size,
        inset_x=TILE_INSET_X,
        metrics=style.metrics,
    )
    return paragraph_lines(Paragraph(runs), size, probe)


def _value_size(figures: tuple[Figure, ...], width: float, style: TileStyle) -> float:
    """The largest value size, in steps of 4 pt down to the floor, at which every value is
    one line."""
    size = style.value
    while size > style.value_floor:
        if all(_one_line(f.value, size, style.metrics) <= width * 0.97 for f in figures):
            return size
        size = max(style.value_floor, size - 4)
    return style.value_floor


def _one_line(runs: tuple[Run, ...], size: float, metrics: str) -> float:
    return sum(text_width(r.text, size, bold=r.bold, metrics=metrics) for r in runs)
