"""A statement or quote: one line set large, and who said it, on the statement layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Big, Context, Kind, big_text
from wocdeck.plan import Layout, Run, Slide
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import FreeSlide


def compose(composer: Context, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """The statement centred in the title; `by:` under it after a dash."""
    assert spec.statement is not None
    sizes = composer.theme.sizes
    look = Big(Layout.STATEMENT, sizes.title * 1.2, sizes.cover_subtitle * 0.8, "ctr", "ctr")
    under = (Run("\u2014 "), *composer.runs(spec.by)) if spec.by else ()
    return big_text(composer, spec, path, look, spec.statement, under)


KIND = Kind("statement", compose)
