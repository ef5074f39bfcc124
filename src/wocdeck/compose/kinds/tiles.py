"""Figure tiles anywhere: a slide of tiles (laid out and continued as a focus area's are) or a
column of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, needs_title
from wocdeck.errors import DeckError
from wocdeck.look.geometry import GAP
from wocdeck.look.tiles import slots, tile, tile_grid
from wocdeck.look.typescale import rules_for
from wocdeck.plan import Box, Group, Slide
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import FreeSlide, Metric

MAX_TILES_IN_COLUMN = 4


def compose(composer: Context, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """A slide of tiles only: fitting lays them out tall, in rows, continued when many."""
    named = needs_title(composer, title, path)
    assert spec.tiles is not None
    figures = tuple(composer.figure(metric) for metric in spec.tiles)
    return [composer.content(named, [Group((), figures)], notes=spec.notes, path=path)]


def block(
    composer: Context, metrics: Sequence[Metric], box: Box, name: str, path: DataPath
) -> Content:
    """Tiles stacked in a column, at most four, on one grid (values on one baseline)."""

    count = len(metrics)
    if count > MAX_TILES_IN_COLUMN:
        raise DeckError.at(
            composer.location(path),
            f"a column holds at most {MAX_TILES_IN_COLUMN} tiles, this one has {count}",
            "give the tiles a slide of their own (`tiles:` without `columns:`)",
        )
    style = rules_for(composer.theme).tiles
    figures = tuple(composer.figure(metric) for metric in metrics)
    grid = tile_grid(figures, 1, box.w, False, style)
    count = slots(figures)  # a figure's history chart stands under its tile
    if count * grid.height + (count - 1) * GAP > box.h:
        raise DeckError.at(
            composer.location(path),
            f"these {len(figures)} tiles are too tall for a column",
            "use fewer tiles, or give them a slide of their own",
        )
    tiles, charts, top = [], [], box.y
    for figure in figures:
        tiles.append(tile(figure, grid, Box(box.x, top, box.w, grid.height), style))
        top += grid.height + GAP
        if figure.chart is not None:
            charts.append(figure.chart._replace(box=Box(box.x, top, box.w, grid.height)))
            top += grid.height + GAP
    return Content(tiles=tuple(tiles), blocks=tuple(charts))


KIND = Kind("tiles", compose, block)
