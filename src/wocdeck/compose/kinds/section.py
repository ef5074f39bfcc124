"""A section divider: a big title and an optional subtitle, on the template's section layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Big, Context, Kind, big_text
from wocdeck.plan import Layout, Slide
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import FreeSlide


def compose(composer: Context, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """The divider: `section:` as its title, `subtitle:` under it."""
    assert spec.section is not None
    sizes = composer.theme.sizes
    look = Big(Layout.SECTION, sizes.cover_title, sizes.cover_subtitle)
    under = composer.runs(spec.subtitle) if spec.subtitle else ()
    return big_text(composer, spec, path, look, spec.section, under)


KIND = Kind("section", compose)
