"""Slide plans → .pptx bytes; this package is the only place that touches python-pptx.

Takes the fitted slides, the look (theme, template, layout contract) and the document's
properties; gives the presentation package as bytes for the output stage to write.
Every deck is drawn the same way, through a template file (the organisation's own or the
bundled WIPO one): the output starts as the template's package, without its example slides,
and each slide is added on the layout the contract chose, its text in that layout's
placeholders.
"""

from __future__ import annotations

import datetime as dt
import io
from itertools import count
from typing import NamedTuple

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn

from wocdeck.look.contract import Contract, slots
from wocdeck.look.placement import role_of
from wocdeck.look.template_file import LayoutSpec, PlaceholderSpec
from wocdeck.look.theme import Theme
from wocdeck.plan import Layout, Slide, TextBox
from wocdeck.read.languages import is_right_to_left
from wocdeck.writer import markup
from wocdeck.writer.package import save
from wocdeck.writer.slides import SlideAdder
from wocdeck.writer.themepart import restyle

_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # the p14:sectionLst extension
# A title placeholder for a slide on a layout that has none: screen readers and `check` read
# it as the slide's title, and it takes the master's title style.
_TITLE = markup.Placeholder("title", ' type="title"', "Title")


class Properties(NamedTuple):
    """Document properties; `when` is fixed so the same deck gives the same bytes."""

    title: str
    author: str
    subject: str
    when: dt.datetime
    language: str = "en"  # the deck's language; right-to-left ones get mirrored layouts


def build(
    slides: list[Slide],
    theme: Theme,
    properties: Properties,
    contract: Contract,
    *,
    restyled: bool = False,
) -> bytes:
    """Write fitted slides on the contract's template as a .pptx and return its bytes.

    restyled: the theme's colours and fonts replace the template's theme (a theme.yaml
    without a template of its own, drawn with the bundled one).
    """
    prs = Presentation(io.BytesIO(contract.template.package))
    _remove_slides(prs)
    if restyled:
        for master in prs.slide_masters:
            restyle(master.part.part_related_by(RT.THEME), theme)
    by_part = {
        str(layout.part.partname): layout
        for master in prs.slide_masters
        for layout in master.slide_layouts
    }
    if is_right_to_left(properties.language):
        from wocdeck.writer.direction import mirror_layouts

        used = {contract.layout(role_of(plan, contract)).partname for plan in slides}
        mirror_layouts(prs, [by_part[name] for name in sorted(used)])
    adder = SlideAdder(prs)
    for number, plan in enumerate(slides, start=1):
        spec = contract.layout(role_of(plan, contract))
        part = adder.add_slide(by_part[spec.partname])
        part.blob = markup.slide(_shapes(adder, part, theme, properties.when, spec, plan, number))
        if plan.notes:
            adder.add_notes(part, plan.notes, rtl=plan.title.rtl)
    _set_properties(prs, properties)
    return save(prs)


def _remove_slides(prs: Presentation) -> None:
    """Drop the template's own example slides (their parts go with their relationships)."""
    ids = prs.slides._sldIdLst
    for slide_id in list(ids):
        ids.remove(slide_id)
        prs.part.drop_rel(slide_id.rId)
    ext_list = prs.part._element.find(qn("p:extLst"))
    if ext_list is not None:
        for ext in list(ext_list):
            if ext.get("uri") == _SECTIONS:
                ext_list.remove(ext)
    shows = prs.part._element.find(qn("p:custShowLst"))
    if shows is not None:
        prs.part._element.remove(shows)


def _placeholder(spec: PlaceholderSpec) -> markup.Placeholder:
    return markup.Placeholder(spec.kind, spec.attributes, spec.name, spec.align)


def _shapes(
    adder: SlideAdder,
    part: Part,
    theme: Theme,
    when: dt.datetime,
    layout: LayoutSpec,
    plan: Slide,
    number: int,
) -> list[str]:
    """The slide's shapes as XML, back to front, with ids from 2."""
    ids = count(2)
    found = slots(role_of(plan), layout)
    boxes: list[tuple[str, TextBox]] = [("Title", plan.title)]
    if plan.body is not None:
        boxes.append(("Content", plan.body))
    boxes += [(box.name, box) for box in plan.extras]
    shapes, free = [], []
    for name, box in boxes:
        spec = found.get(name)
        if spec is not None:
            shapes.append(markup.placeholder(next(ids), _placeholder(spec), box, theme))
        elif name == "Title":  # a layout without one (Blank): still the slide's title
            shapes.append(markup.placeholder(next(ids), _TITLE, box, theme))
        else:
            free.append(markup.text_box(next(ids), box, theme))
    shapes += free
    shapes += [markup.tile(next(ids), box, theme) for box in plan.tiles]
    if plan.blocks:  # tables, pictures, charts: their modules only for a deck that has them
        from wocdeck.writer.blocks import draw
        from wocdeck.writer.drawing import Drawing

        drawing = Drawing(adder, part, theme, when)
        shapes += [draw(drawing, next(ids), block) for block in plan.blocks]
    if plan.layout is Layout.COVER and theme.logo_file is not None:
        slot = layout.first("pic")  # the bundled cover's logo slot; a template's may have none
        shapes.append(_logo(adder, part, next(ids), theme, slot.attributes if slot else ""))
    footer, slide_number = layout.first("ftr"), layout.first("sldNum")
    if plan.footer is not None:
        if footer is not None:
            shapes.append(
                markup.placeholder(
                    next(ids), _placeholder(footer), plan.footer, theme, positioned=False
                )
            )
        if slide_number is not None and layout.number_field:
            shapes.append(
                markup.slide_number(
                    next(ids),
                    _placeholder(slide_number),
                    layout.number_field,
                    number,
                    plan.footer,
                    theme,
                )
            )
    return shapes


def _logo(adder: SlideAdder, part: Part, shape_id: int, theme: Theme, slot: str) -> str:
    """The theme's logo at the cover's top left, 48 pt high, its aspect kept, filling the
    layout's logo slot (a picture placeholder) when it has one."""
    from wocdeck.look.geometry import Frames

    assert theme.logo_file is not None
    rId, (width, height) = adder.add_image(part, str(theme.logo_file))
    box = Frames(theme.margin).logo(width / height)
    return markup.picture(shape_id, "Logo", f"{theme.name} logo", rId, box, slot=slot)


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
