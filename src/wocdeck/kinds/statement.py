"""A statement or quote: one line set large, and who said it, on the statement layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose import emphasis
from wocdeck.kinds.base import Kind
from wocdeck.plan import Layout, Paragraph, Run, Slide, TextBox
from wocdeck.source import DataPath

if TYPE_CHECKING:
    from wocdeck.compose import Composer
    from wocdeck.model import FreeSlide


def compose(composer: Composer, spec: FreeSlide, title: str | None, path: DataPath) -> list[Slide]:
    """The statement as the slide's title, centred; `by:` under it."""
    assert spec.statement is not None
    sizes, theme = composer.theme.sizes, composer.theme
    title_frame, by_frame = composer.frames.titled("statement")
    heading = TextBox(
        "Title",
        (Paragraph(emphasis(spec.statement)),),
        title_frame,
        sizes.title * 1.2,
        sizes.title_floor,
        color="light1",
        line_spacing=theme.title_line_spacing,
        align="ctr",
        anchor="ctr",
    )
    extras = ()
    if spec.by:
        extras = (
            TextBox(
                "Subtitle",
                (Paragraph((Run("\u2014 "), *composer.runs(spec.by))),),
                by_frame,
                sizes.cover_subtitle * 0.8,
                sizes.cover_subtitle_floor,
                color="light1",
                align="ctr",
            ),
        )
    return [
        Slide(
            Layout.STATEMENT,
            heading,
            extras=extras,
            notes=spec.notes or "",
            line=composer.line(path),
        )
    ]


KIND = Kind("statement", compose)
