"""A section divider: a big title and an optional subtitle, on the template's section layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose import emphasis
from wocdeck.kinds.base import Kind
from wocdeck.plan import Layout, Paragraph, Slide, TextBox
from wocdeck.source import DataPath

if TYPE_CHECKING:
    from wocdeck.compose import Composer
    from wocdeck.model import FreeSlide


def compose(composer: Composer, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """The divider: `section:` as its title, `subtitle:` under it."""
    assert spec.section is not None
    sizes, theme = composer.theme.sizes, composer.theme
    title_frame, subtitle_frame = composer.frames.titled("section")
    heading = TextBox(
        "Title",
        (Paragraph(emphasis(spec.section)),),
        title_frame,
        sizes.cover_title,
        sizes.title_floor,
        color="light1",
        line_spacing=theme.title_line_spacing,
        anchor="b",
    )
    extras = ()
    if spec.subtitle:
        extras = (
            TextBox(
                "Subtitle",
                (Paragraph(composer.runs(spec.subtitle)),),
                subtitle_frame,
                sizes.cover_subtitle,
                sizes.cover_subtitle_floor,
                color="light1",
            ),
        )
    return [
        Slide(
            Layout.SECTION,
            heading,
            extras=extras,
            notes=spec.notes or "",
            line=composer.line(path),
        )
    ]


KIND = Kind("section", compose)
