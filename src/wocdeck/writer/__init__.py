"""Slide plans → .pptx bytes; this package is the only place that touches python-pptx."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import count

from pptx import Presentation
from pptx.opc.package import Part
from pptx.slide import SlideLayout

from wocdeck.geometry import Frames
from wocdeck.languages import is_right_to_left
from wocdeck.plan import Layout, Slide, TextBox
from wocdeck.theme import Theme
from wocdeck.writer import markup, template
from wocdeck.writer.direction import mirror_layouts
from wocdeck.writer.package import save
from wocdeck.writer.slides import SlideAdder, inherited_placeholders

_TITLES = ("title", "ctrTitle")
_NOT_CLONED = ("dt", "ftr", "sldNum")  # as python-pptx: not copied; footer and number added below


@dataclass(frozen=True)
class Properties:
    """Document properties; `when` is fixed so the same deck gives the same bytes."""

    title: str
    author: str
    subject: str
    when: dt.datetime
    language: str = "en"  # the deck's language; right-to-left ones get mirrored layouts


@dataclass(frozen=True)
class _LayoutShapes:
    """What slides on one layout inherit from it, read once per deck."""

    layout: SlideLayout
    cloned: tuple[markup.Placeholder, ...]  # title and body placeholders, in z-order
    footer: markup.Placeholder | None
    number: markup.Placeholder | None
    field: str  # the slide-number field's id (the layout's, so PowerPoint updates it)


def build(slides: list[Slide], theme: Theme, properties: Properties) -> bytes:
    """Write fitted slides as a .pptx and return its bytes (deterministic)."""
    prs = Presentation()
    prepared = template.prepare(prs, theme)
    if is_right_to_left(properties.language):
        mirror_layouts(prs, list(prepared.values()))
    layouts = {role: _layout_shapes(layout) for role, layout in prepared.items()}
    adder = SlideAdder(prs)
    for number, plan in enumerate(slides, start=1):
        shapes = layouts[plan.layout]
        part = adder.add_slide(shapes.layout)
        part.blob = markup.slide(_shapes(adder, part, shapes, plan, number, theme))
        if plan.notes:
            adder.add_notes(part, plan.notes, rtl=plan.title.rtl)
    _set_properties(prs, properties)
    return save(prs)


def _layout_shapes(layout: SlideLayout) -> _LayoutShapes:
    everything = inherited_placeholders(layout.placeholders)
    by_kind = {p.kind: p for p in everything}
    fields = layout.element.xpath(".//p:sp[.//p:ph[@type='sldNum']]//a:fld/@id")
    return _LayoutShapes(
        layout,
        tuple(p for p in everything if p.kind not in _NOT_CLONED),
        by_kind.get("ftr"),
        by_kind.get("sldNum") if fields else None,
        fields[0] if fields else "",
    )


def _shapes(
    adder: SlideAdder, part: Part, layout: _LayoutShapes, plan: Slide, number: int, theme: Theme
) -> list[str]:
    """The slide's shapes as XML, back to front, with ids from 2."""
    ids = count(2)
    extras = list(plan.extras)
    body = extras.pop(0) if plan.layout is Layout.COVER and extras else plan.body
    shapes = []
    for inherited in layout.cloned:
        box: TextBox | None
        if inherited.kind in _TITLES:
            box = plan.title
        else:
            box, body = body, None
        if box is not None:
            shapes.append(markup.placeholder(next(ids), inherited, box, theme))
    shapes += [markup.text_box(next(ids), box, theme) for box in extras]
    shapes += [markup.tile(next(ids), box, theme) for box in plan.tiles]
    if plan.layout is Layout.COVER and theme.logo_file is not None:
        shapes.append(_logo(adder, part, next(ids), theme))
    if plan.footer is not None:
        if layout.footer is not None:
            shapes.append(
                markup.placeholder(next(ids), layout.footer, plan.footer, theme, positioned=False)
            )
        if layout.number is not None:
            shapes.append(
                markup.slide_number(
                    next(ids), layout.number, layout.field, number, plan.footer.size, theme
                )
            )
    return shapes


def _logo(adder: SlideAdder, part: Part, shape_id: int, theme: Theme) -> str:
    """The theme's logo at the cover's top left, 48 pt high, its aspect kept."""
    assert theme.logo_file is not None
    rId, (width, height) = adder.add_image(part, str(theme.logo_file))
    box = Frames(theme.margin).logo(width / height)
    return markup.picture(shape_id, "Logo", f"{theme.name} logo", rId, box)


def _set_properties(prs: Presentation, properties: Properties) -> None:
    core = prs.core_properties
    core.title = properties.title
    core.author = properties.author
    core.subject = properties.subject
    core.last_modified_by = "wocdeck"
    core.revision = 1
    core.created = core.modified = core.last_printed = properties.when
    core.keywords = core.comments = core.category = ""
    core.language = properties.language
