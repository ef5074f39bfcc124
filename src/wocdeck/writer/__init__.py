"""Slide plans → .pptx bytes; this package is the only place that touches python-pptx."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import Slide as PptxSlide
from pptx.slide import SlideLayout
from pptx.util import Pt

from wocdeck.plan import Layout, Slide, TextBox
from wocdeck.theme import Theme
from wocdeck.writer import template
from wocdeck.writer.slides import SlideAdder
from wocdeck.writer.text import fill_text_frame, flat_fill

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Properties:
    """Document properties; `when` is fixed so the same deck gives the same bytes."""

    title: str
    author: str
    subject: str
    when: dt.datetime


def build(slides: list[Slide], theme: Theme, properties: Properties) -> bytes:
    """Write fitted slides as a .pptx and return its bytes (deterministic)."""
    prs = Presentation()
    layouts = template.prepare(prs, theme)
    adder = SlideAdder(prs)
    for number, plan in enumerate(slides, start=1):
        _add_slide(adder, layouts[plan.layout], plan, number, theme)
    _set_properties(prs, properties)
    buffer = io.BytesIO()
    prs.save(buffer)
    return _normalize_zip(buffer.getvalue())


def _add_slide(
    adder: SlideAdder, layout: SlideLayout, plan: Slide, number: int, theme: Theme
) -> None:
    slide = adder.add_slide(layout)
    by_type = {ph.placeholder_format.type: ph for ph in slide.placeholders}
    title = by_type.get(PP_PLACEHOLDER.TITLE) or by_type[PP_PLACEHOLDER.CENTER_TITLE]
    _frame(title, plan.title, theme)
    body = by_type.get(PP_PLACEHOLDER.OBJECT) or by_type.get(PP_PLACEHOLDER.SUBTITLE)
    extras = list(plan.extras)
    if plan.layout is Layout.COVER and extras:
        body_plan: TextBox | None = extras.pop(0)
    else:
        body_plan = plan.body
    if body is not None:
        if body_plan is None:
            body._element.getparent().remove(body._element)
        else:
            _frame(body, body_plan, theme)
    for box in extras:
        _text_box(slide, box, theme)
    for tile in plan.tiles:
        _tile(slide, tile, theme)
    if plan.layout is Layout.COVER and theme.logo_file is not None:
        _logo(slide, theme)
    if plan.layout is Layout.CONTENT:
        _footer(slide, layout, plan, number, theme)
    if plan.notes:
        adder.add_notes(slide, plan.notes)


def _frame(shape, box: TextBox, theme: Theme) -> None:
    shape.left, shape.top = Pt(box.box.x), Pt(box.box.y)
    shape.width, shape.height = Pt(box.box.w), Pt(box.box.h)
    fill_text_frame(shape.text_frame, box, theme)


def _text_box(slide: PptxSlide, box: TextBox, theme: Theme) -> None:
    shape = slide.shapes.add_textbox(Pt(box.box.x), Pt(box.box.y), Pt(box.box.w), Pt(box.box.h))
    shape.name = box.name
    fill_text_frame(shape.text_frame, box, theme)


def _tile(slide: PptxSlide, box: TextBox, theme: Theme) -> None:
    """A figure tile: one flat rectangle holding label, value and caption, with alt text."""
    shape = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Pt(box.box.x), Pt(box.box.y), Pt(box.box.w), Pt(box.box.h)
    )
    shape.name = box.name
    flat_fill(shape, box.fill or "light2")
    shape._element.nvSpPr.cNvPr.set("descr", box.description)
    fill_text_frame(shape.text_frame, box, theme)


def _logo(slide: PptxSlide, theme: Theme) -> None:
    assert theme.logo_file is not None
    picture = slide.shapes.add_picture(
        str(theme.logo_file), Pt(theme.margin), Pt(36), height=Pt(48)
    )
    picture.name = "Logo"
    picture._element.nvPicPr.cNvPr.set("descr", f"{theme.name} logo")


def _footer(slide: PptxSlide, layout: SlideLayout, plan: Slide, number: int, theme: Theme) -> None:
    """Footer text and slide number as real footer placeholders, inheriting the layout's place."""
    for placeholder in layout.placeholders:
        kind = placeholder.placeholder_format.type
        if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
            continue
        element = copy.deepcopy(placeholder._element)
        element.nvSpPr.cNvPr.set("id", str(slide.shapes._next_shape_id))
        xfrm = element.spPr.find(qn("a:xfrm"))
        if xfrm is not None:
            element.spPr.remove(xfrm)
        slide.shapes._spTree.append(element)
        shape = slide.placeholders[placeholder.placeholder_format.idx]
        if kind is PP_PLACEHOLDER.FOOTER and plan.footer is not None:
            fill_text_frame(shape.text_frame, plan.footer, theme)
        elif kind is PP_PLACEHOLDER.SLIDE_NUMBER:
            _slide_number(shape, number, plan, theme)


def _slide_number(shape, number: int, plan: Slide, theme: Theme) -> None:
    field = shape._element.find(".//" + qn("a:fld"))
    if field is None:
        return
    field.find(qn("a:t")).text = str(number)
    rPr = field.find(qn("a:rPr"))
    if rPr is not None and plan.footer is not None:
        rPr.set("sz", str(round(plan.footer.size * 100)))
        rPr.set("lang", theme.fonts.language)


def _set_properties(prs: Presentation, properties: Properties) -> None:
    core = prs.core_properties
    core.title = properties.title
    core.author = properties.author
    core.subject = properties.subject
    core.last_modified_by = "wocdeck"
    core.revision = 1
    core.created = core.modified = core.last_printed = properties.when
    core.keywords = core.comments = core.category = ""


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member times, so equal decks are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
