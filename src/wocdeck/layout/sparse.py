"""Slides with little on them composed, not left top-heavy (after fitting).

A content slide whose text fills less than about half its body is centred in the body area;
a slide of one short bullet is set as a statement (centred, without a bullet mark); a lone
figure tile beside a list stands as tall as the list, its figure centred; tiles without text
(About's facts), as tall as their figures need, stand in the middle of the body.
"""

from __future__ import annotations

from wocdeck.compose.kinds.table_plan import TablePlan
from wocdeck.look.geometry import GAP
from wocdeck.look.lines import WIDTH_SAFETY, line_width, measured_spans, text_height
from wocdeck.look.measure import wrap
from wocdeck.plan import Layout, Paragraph, Role, Slide, TextBox

SPARSE = 0.5  # a body whose text takes less than this share of its height is centred


def composed(slides: list[Slide]) -> list[Slide]:
    """The slides with sparse bodies centred and lone tiles at their list's height."""
    out = []
    for index, slide in enumerate(slides):
        after = slides[index + 1] if index + 1 < len(slides) else None
        continues = after is not None and after.continued > 0 and after.line == slide.line
        # a series of continued slides keeps its top, so its slides line up
        out.append(slide if continues or slide.continued else _table(slide))
    return out


def _table(slide: Slide) -> Slide:
    """A lone table on a slide of its own, centred in the body: a figure of the slide."""
    if len(slide.blocks) != 1 or not isinstance(slide.blocks[0], TablePlan):
        return _composed(slide)
    table = slide.blocks[0]
    if slide.body or slide.tiles or slide.extras or not table.widths:
        return _composed(slide)
    width, height, box = sum(table.widths), sum(table.heights), table.box
    x = box.x + (box.w - width) / 2 if width < box.w else box.x
    y = box.y + (box.h - height) / 2 if height < box.h else box.y
    return slide._replace(blocks=(table._replace(box=box._replace(x=x, y=y)),))


def _composed(slide: Slide) -> Slide:
    body = slide.body
    bodiless = slide.layout in (Layout.TWO_COLUMNS, Layout.CONTENT) and body is None
    if bodiless and slide.footer is not None:  # two columns, or tiles without text
        return _columns(slide, slide.footer.box.y - GAP)
    if slide.layout is not Layout.CONTENT or body is None:
        return slide
    if slide.blocks or len(slide.tiles) > 1 or slide.extras:
        return _centred(slide, body)
    used = _used(body)
    if not slide.tiles and not slide.extras:
        if used >= SPARSE * body.box.h:
            return slide
        if len(body.paragraphs) == 1 and _one_line(body.paragraphs[0], body):
            statement = tuple(p._replace(role=Role.PLAIN) for p in body.paragraphs)
            body = body._replace(paragraphs=statement, align="ctr")
        return slide._replace(body=body._replace(anchor="ctr"))
    if len(slide.tiles) == 1 and not slide.extras:
        tile = slide.tiles[0]
        beside = tile.box.x >= body.box.x + body.box.w - 1 or tile.box.x + tile.box.w <= body.box.x
        if beside and tile.box.y <= body.box.y + 1:
            height = max(used, tile.box.h)
            y = tile.box.y
            if height < SPARSE * body.box.h:  # list and tile centred together in the body
                y += (body.box.h - height) / 2
                body = body._replace(anchor="ctr")
            tall = tile.box._replace(y=y, h=height)
            return slide._replace(body=body, tiles=(tile._replace(box=tall, anchor="ctr"),))
    return slide


def _centred(slide: Slide, body: TextBox) -> Slide:
    """Text, tiles and charts moved down together to the middle of the body when they take
    less than about half of it (a continued slide keeps its top, as its first slide does)."""
    if any(isinstance(b, TablePlan) for b in slide.blocks):
        return slide
    boxes = [t.box for t in (*slide.extras, *slide.tiles)] + [b.box for b in slide.blocks]
    bottom = max([body.box.y + _used(body), *(b.bottom for b in boxes)])
    height = bottom - body.box.y
    if height >= SPARSE * body.box.h:
        return slide
    down = (body.box.h - height) / 2

    def moved(item):
        return item._replace(box=item.box._replace(y=item.box.y + down))

    lowered = body.box._replace(y=body.box.y + down, h=body.box.h - down)
    return slide._replace(
        body=body._replace(box=lowered),
        extras=tuple(moved(e) for e in slide.extras),
        tiles=tuple(moved(t) for t in slide.tiles),
        blocks=tuple(moved(b) for b in slide.blocks),
    )


def _columns(slide: Slide, floor: float) -> Slide:
    """Two columns, or a slide's tiles, moved down together to the middle of the area above
    the footer when what they hold takes less than about half of it."""
    items = [*slide.extras, *slide.tiles, *slide.blocks]
    if not items:
        return slide
    top = min(i.box.y for i in items)
    bottom = max(i.box.y + _height(i) for i in items)
    if bottom - top >= SPARSE * (floor - top):
        return slide
    down = (floor - bottom) / 2

    def moved(item):
        return item._replace(box=item.box._replace(y=item.box.y + down))

    return slide._replace(
        extras=tuple(moved(e) for e in slide.extras),
        tiles=tuple(moved(t) for t in slide.tiles),
        blocks=tuple(moved(b) for b in slide.blocks),
    )


def _height(item) -> float:
    """The height an item's content takes: a text box's text, a table's rows, else its box."""
    if isinstance(item, TextBox) and item.name != "Figure":
        return _used(item)
    if isinstance(item, TablePlan) and item.heights:
        return sum(item.heights)
    return item.box.h


def _one_line(paragraph: Paragraph, box: TextBox) -> bool:
    """Whether a paragraph takes one line as a renderer fills the box's whole width."""
    spans = measured_spans(paragraph, box)
    width = line_width(paragraph, box) / WIDTH_SAFETY
    return len(wrap(spans, box.size * paragraph.scale, width)) == 1


def _used(box: TextBox) -> float:
    """The height a box's text takes, insets included."""
    return text_height(box.paragraphs, box.size, box) + 2 * box.inset_y
