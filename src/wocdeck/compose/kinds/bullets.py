"""Bullets (with second-level bullets): a slide of its own, continued when long, or a column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, needs_title
from wocdeck.plan import Box, Group, Slide, TextBox
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import Bullet, FreeSlide


def compose(composer: Context, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """A content slide of bullets; fit continues it on more slides when it is long."""
    named = needs_title(composer, title, path)
    assert spec.points is not None
    group = Group(tuple(composer.bullets(spec.points)))
    return [composer.content(named, [group], notes=spec.notes, path=path)]


def block(
    composer: Context, points: Sequence[str | Bullet], box: Box, name: str, path: DataPath
) -> Content:
    """Bullets in a column: they shrink to fit it (a column does not continue)."""
    sizes = composer.theme.sizes
    text = TextBox(
        name,
        tuple(composer.bullets(points)),
        box,
        sizes.body,
        sizes.body_floor,
        line_spacing=composer.theme.line_spacing,
    )
    return Content(texts=(text,))


KIND = Kind("points", compose, block)
