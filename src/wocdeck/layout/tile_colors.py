"""Figure tiles in an organisation's template: one text colour and one accent per tile.

The bundled theme sets a tile's label, value and caption in three accents of the WIPO
palette. A template's accents are chosen for charts and shapes, not for text: three of them in
one tile look accidental, and a light one fails contrast. So in a template the label and caption
take the body text colour, and the value the first accent readable on the tile's fill at its
size (WCAG AA), else the body text colour too.
"""

from __future__ import annotations

from wocdeck.look.contrast import Palette, passes
from wocdeck.plan import Paragraph, Slide, TextBox

TEXT = "dark1"  # the body text colour (PowerPoint's Text 1)
ACCENTS = tuple(f"accent{i}" for i in range(1, 7))
VALUE = 1  # a tile's paragraphs: label, value, caption


def template_tiles(slides: list[Slide], palette: Palette) -> list[Slide]:
    """The slides with every figure tile in the template's text colour and one accent."""
    return [
        slide._replace(tiles=tuple(_tile(t, palette) for t in slide.tiles))
        if slide.tiles
        else slide
        for slide in slides
    ]


def _tile(tile: TextBox, palette: Palette) -> TextBox:
    if tile.name != "Figure" or len(tile.paragraphs) <= VALUE:
        return tile
    paragraphs = tuple(
        p._replace(color=_accent(p, tile, palette) if n == VALUE else TEXT)
        for n, p in enumerate(tile.paragraphs)
    )
    return tile._replace(paragraphs=paragraphs)


def _accent(value: Paragraph, tile: TextBox, palette: Palette) -> str:
    """The first accent readable on the tile's fill at the value's size, else the text colour."""
    fill = palette.rgb(tile.fill or "light2")
    if fill is None:
        return TEXT
    size = tile.size * value.scale
    bold = bool(value.runs) and all(r.bold for r in value.runs)
    for slot in ACCENTS:
        rgb = palette.rgb(slot)
        if rgb is not None and passes(rgb, fill, size, bold):
            return slot
    return TEXT
