"""A deck's type rules from its theme: the body scale, how many sizes, the tiles' sizes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from wocdeck.look.theme import Theme
from wocdeck.look.tiles import TileStyle

TILE_LABEL_SHARE = 0.45  # a tile's label and caption, as shares of its value's size
TILE_CAPTION_SHARE = 0.4
FOOTER_LEAST = 10.0  # points: a footer smaller than this cannot be read on a projector


class TypeRules(NamedTuple):
    """A deck's type rules from its theme: the body scale, how many sizes, tile sizes."""

    scale: tuple[float, ...] = (28, 24, 22, 20, 18)
    sizes: int = 2
    tiles: TileStyle = TileStyle()


def rules_for(theme: Theme, scale: tuple[float, ...] = ()) -> TypeRules:
    """A theme's type rules; scale: a template's body sizes, which replace the theme's steps
    (the theme's reading floor stays)."""
    sizes = theme.sizes
    tiles = TileStyle(
        value=sizes.tile_value,
        value_floor=min(sizes.tile_value_floor, sizes.tile_value),
        label=round(sizes.tile_value * TILE_LABEL_SHARE, 1),
        caption=round(sizes.tile_value * TILE_CAPTION_SHARE, 1),
    )
    steps = tuple(scale) or tuple(sizes.body_scale)
    return TypeRules(steps, sizes.body_sizes, tiles)


def steps_between(scale: Sequence[float], size: float, floor: float) -> list[float]:
    """Sizes to try, largest first: size, the scale's steps between it and floor, and floor."""
    steps = {s for s in scale if floor <= s <= size}
    return sorted(steps | {size, floor}, reverse=True)
