"""Text colours readable on what is behind them (WCAG 2.1 AA), chosen per fill from the scheme.

Tiles are drawn on their fill, tables on their rows' fills, and a content slide's own text on
its background (the scheme's light 1, PowerPoint's background); an accent stays only where
it passes at its size, else the scheme's dark or light colour that does takes its place. A
fill on which no colour of the scheme passes is reported once (`unreachable`).
"""

from __future__ import annotations

from wocdeck.compose.kinds.table_plan import TablePlan
from wocdeck.look.contrast import Palette, contrast_ratio, required
from wocdeck.plan import Layout, Paragraph, Slide, TextBox

LIGHT_LAYOUTS = (Layout.CONTENT, Layout.TWO_COLUMNS)
BACKGROUND = "light1"
FOOTER = "accent6"  # the muted text colour of the WIPO scheme, where a scheme's reads


def readable(slides: list[Slide], palette: Palette) -> list[Slide]:
    """The slides with every text colour wocdeck chose readable on its fill."""
    out = []
    for slide in slides:
        tiles = tuple(_box(t, palette, t.fill) for t in slide.tiles)
        light = slide.layout in LIGHT_LAYOUTS
        body = _box(slide.body, palette, BACKGROUND) if slide.body and light else slide.body
        footer = slide.footer
        if footer is not None and light:  # the template's footer colour may be a pale grey
            footer = _box(footer._replace(color=footer.color or FOOTER), palette, BACKGROUND)
        blocks = tuple(_table(b, palette) if isinstance(b, TablePlan) else b for b in slide.blocks)
        out.append(slide._replace(tiles=tiles, body=body, footer=footer, blocks=blocks))
    return out


def _box(box: TextBox, palette: Palette, fill: str) -> TextBox:
    """Each explicitly coloured paragraph of a box readable on fill at its own size."""
    if not fill:
        return box
    paragraphs = tuple(_paragraph(p, box, palette, fill) for p in box.paragraphs)
    if paragraphs == box.paragraphs:
        return box
    return box._replace(paragraphs=paragraphs)


def _paragraph(paragraph: Paragraph, box: TextBox, palette: Palette, fill: str) -> Paragraph:
    slot = paragraph.color or box.color
    if not slot:  # the placeholder's own colour: the template's choice
        return paragraph
    bold = box.bold or (bool(paragraph.runs) and all(r.bold for r in paragraph.runs))
    chosen = palette.readable(slot, fill, box.size * paragraph.scale, bold)
    return paragraph if chosen == slot else paragraph._replace(color=chosen)


def _table(table: TablePlan, palette: Palette) -> TablePlan:
    """A table's bold header text readable on its accent fill at the table's size."""
    chosen = palette.readable(table.header_color, table.header_fill, table.size, True)
    return table if chosen == table.header_color else table._replace(header_color=chosen)


def unreachable(slides: list[Slide], palette: Palette) -> list[str]:
    """One note per colour pair of the scheme below WCAG AA after `readable` chose the best
    text colour it has: the template's colours cannot do better on that fill."""
    pairs: dict[tuple[str, str], float] = {}
    for slide in slides:
        light = slide.layout in LIGHT_LAYOUTS
        boxes = [(t, t.fill) for t in slide.tiles]
        boxes += [(b, BACKGROUND) for b in (slide.body, slide.footer) if b is not None and light]
        for box, fill in boxes:
            for paragraph in box.paragraphs:
                slot = paragraph.color or box.color
                bold = box.bold or (bool(paragraph.runs) and all(r.bold for r in paragraph.runs))
                _short(pairs, palette, (slot, fill), required(box.size * paragraph.scale, bold))
        for table in (b for b in slide.blocks if isinstance(b, TablePlan)):
            pair = (table.header_color, table.header_fill)
            _short(pairs, palette, pair, required(table.size, True))
    return [
        f"the template's colours cannot make {text} (#{palette.rgb(text)}) text readable on "
        f"{fill} (#{palette.rgb(fill)}): contrast {_ratio(palette, text, fill):.2f}:1, "
        f"under {need:g}:1 (WCAG AA); give its colour scheme a darker or lighter colour "
        "for this fill"
        for (text, fill), need in pairs.items()
    ]


def _short(
    pairs: dict[tuple[str, str], float], palette: Palette, pair: tuple[str, str], need: float
) -> None:
    """Keep a pair whose contrast is under need (the largest need it misses)."""
    text, fill = pair
    if not text or not fill or palette.rgb(text) is None or palette.rgb(fill) is None:
        return
    if _ratio(palette, text, fill) < need - 1e-9:
        pairs[pair] = max(need, pairs.get(pair, 0.0))


def _ratio(palette: Palette, text: str, fill: str) -> float:
    return contrast_ratio(palette.rgb(text) or "", palette.rgb(fill) or "")
