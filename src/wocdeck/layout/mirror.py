"""Right-to-left decks (Arabic): slide plans mirrored as a designer mirrors a layout.

Every box moves to the other side of the slide (so figure tiles read from the right, the
cover's title sits right of its panel), its paragraphs become right-to-left and right-aligned,
with bullets on the right; centred text stays centred. Sizes do not change, so fitting
before mirroring holds.

A paragraph with no Arabic in it (an English name, an untranslated line) keeps its reading
order: a left-to-right mark (U+200E, invisible, no width) before and after it stops its
leading and trailing punctuation from moving to the other end ("Thank you." would otherwise
read ".Thank you").
"""

from __future__ import annotations

from wocdeck.look.geometry import SLIDE_WIDTH, mirror_box
from wocdeck.look.scripts import has_arabic
from wocdeck.plan import Paragraph, Slide, TextBox

_ALIGN = {"l": "r", "r": "l"}
LRM = "\u200e"


def mirror_text(box: TextBox, width: float = SLIDE_WIDTH) -> TextBox:
    """A text box mirrored, its paragraphs right to left."""
    return box._replace(
        box=mirror_box(box.box, width),
        align=_ALIGN.get(box.align, box.align),
        rtl=True,
        paragraphs=tuple(_in_reading_order(p) for p in box.paragraphs),
    )


def _in_reading_order(paragraph: Paragraph) -> Paragraph:
    """A paragraph without Arabic, marked left to right at both ends."""
    runs = paragraph.runs
    if not runs or has_arabic(paragraph.text):
        return paragraph
    first, last = runs[0], runs[-1]
    if len(runs) == 1:
        return paragraph._replace(runs=(first._replace(text=LRM + first.text + LRM),))
    return paragraph._replace(
        runs=(
            first._replace(text=LRM + first.text),
            *runs[1:-1],
            last._replace(text=last.text + LRM),
        ),
    )


def mirror_slide(slide: Slide, width: float = SLIDE_WIDTH) -> Slide:
    """Every text box and tile of a slide mirrored."""
    return slide._replace(
        title=mirror_text(slide.title, width),
        body=mirror_text(slide.body, width) if slide.body else None,
        extras=tuple(mirror_text(box, width) for box in slide.extras),
        tiles=tuple(mirror_text(box, width) for box in slide.tiles),
        footer=mirror_text(slide.footer, width) if slide.footer else None,
        blocks=tuple(block.mirrored(width) for block in slide.blocks),
    )


def right_to_left(slides: list[Slide], width: float = SLIDE_WIDTH) -> list[Slide]:
    """A fitted deck laid out right to left on slides `width` points wide (the template's)."""
    return [mirror_slide(slide, width) for slide in slides]
