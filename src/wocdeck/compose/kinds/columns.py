"""Two columns under a title; each column is one kind of content (bullets, a table, tiles…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, framed, needs_title
from wocdeck.model import content_key
from wocdeck.plan import Layout, Slide
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import FreeSlide

NAMES = ("Content", "Right")  # the columns' text boxes, as the contract's slots name them


def compose(composer: Context, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """The slide: each column's content composed by its own kind in its half."""
    named = needs_title(composer, title, path)
    assert spec.columns is not None
    texts, tiles, blocks = [], [], []
    for index, (column, box, name) in enumerate(
        zip(spec.columns, composer.frames.columns(), NAMES, strict=True)
    ):
        where = (*path, "columns", index)
        key = content_key(column)
        kind = composer.kind(key)
        assert kind.block is not None, f"{key}: a Column field needs a block composer"
        content = kind.block(composer, getattr(column, key), box, name, (*where, key))
        texts += content.texts
        tiles += content.tiles
        blocks += content.blocks
    content = Content(tuple(texts), tuple(tiles), tuple(blocks))
    return [framed(composer, named, content, spec, path, Layout.TWO_COLUMNS)]


KIND = Kind("columns", compose)
