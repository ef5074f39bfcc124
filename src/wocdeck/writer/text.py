"""Write planned text boxes into python-pptx text frames: sizes, spacing, bullets, fonts."""

from __future__ import annotations

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from wocdeck.measure import has_east_asian
from wocdeck.plan import Paragraph, Role, TextBox
from wocdeck.theme import Theme

THEME_COLORS = {
    "dark1": MSO_THEME_COLOR.TEXT_1,
    "light1": MSO_THEME_COLOR.BACKGROUND_1,
    "dark2": MSO_THEME_COLOR.TEXT_2,
    "light2": MSO_THEME_COLOR.BACKGROUND_2,
    "accent1": MSO_THEME_COLOR.ACCENT_1,
    "accent2": MSO_THEME_COLOR.ACCENT_2,
    "accent3": MSO_THEME_COLOR.ACCENT_3,
    "accent4": MSO_THEME_COLOR.ACCENT_4,
    "accent5": MSO_THEME_COLOR.ACCENT_5,
    "accent6": MSO_THEME_COLOR.ACCENT_6,
}
SCHEME_VALUES = {
    "dark1": "tx1",
    "light1": "bg1",
    "dark2": "tx2",
    "light2": "bg2",
    **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
}
_ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
_ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
BULLET = "\u2022"


def flat_fill(shape: Shape, color: str) -> None:
    """Fill a shape with a theme colour, flat: no outline, no shadow."""
    shape.fill.solid()
    shape.fill.fore_color.theme_color = THEME_COLORS[color]
    shape.line.fill.background()
    shape.shadow.inherit = False


def fill_text_frame(frame: TextFrame, box: TextBox, theme: Theme) -> None:
    """Replace a text frame's content with a planned, fitted text box."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(box.inset_x)
    frame.margin_top = frame.margin_bottom = Pt(box.inset_y)
    frame.vertical_anchor = _ANCHOR[box.anchor]
    for index, planned in enumerate(box.paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _fill_paragraph(paragraph, planned, box, theme, first=index == 0)


def _fill_paragraph(
    paragraph: _Paragraph, planned: Paragraph, box: TextBox, theme: Theme, *, first: bool
) -> None:
    size = box.size * planned.scale
    paragraph.alignment = _ALIGN[box.align]
    if planned.level:
        paragraph.level = planned.level
    paragraph.line_spacing = Pt(round(planned.line_height(box.size, box.line_spacing), 2))
    paragraph.space_before = Pt(0 if first else round(planned.space_before(box.size), 2))
    paragraph.space_after = Pt(0)
    _bullet(paragraph, planned, theme)
    color = planned.color or box.color
    for run_plan in planned.runs:
        for number, piece in enumerate(run_plan.text.split("\n")):
            if number:
                paragraph.add_line_break()
            if not piece:
                continue
            run = paragraph.add_run()
            run.text = piece
            font = run.font
            font.size = Pt(size)
            font.bold = run_plan.bold or planned.role is Role.HEADING
            if run_plan.italic:
                font.italic = True
            font.color.theme_color = THEME_COLORS[color]
            _language(run._r.get_or_add_rPr(), piece, theme)


def _bullet(paragraph: _Paragraph, planned: Paragraph, theme: Theme) -> None:
    """Write the bullet (or its absence) and indents explicitly, so every renderer agrees."""
    pPr = paragraph._p.get_or_add_pPr()
    margin = round(planned.margin_left * 12700)
    pPr.set("marL", str(margin))
    if planned.role is Role.BULLET:
        pPr.set("indent", str(-margin))
        color = etree.SubElement(pPr, qn("a:buClr"))
        etree.SubElement(color, qn("a:schemeClr"), val=SCHEME_VALUES["accent1"])
        etree.SubElement(pPr, qn("a:buFont"), typeface=theme.fonts.latin)
        etree.SubElement(pPr, qn("a:buChar"), char=BULLET)
    else:
        pPr.set("indent", "0")
        etree.SubElement(pPr, qn("a:buNone"))


def _language(rPr: etree._Element, text: str, theme: Theme) -> None:
    """Tag a run's language; runs with East Asian text get the theme's East Asian font."""
    fonts = theme.fonts
    if has_east_asian(text):
        rPr.set("lang", fonts.east_asian_language)
        rPr.set("altLang", fonts.language)
        latin = rPr.find(qn("a:latin"))
        ea = etree.SubElement(rPr, qn("a:ea"), typeface=fonts.east_asian)
        if latin is not None:
            latin.addnext(ea)
    else:
        rPr.set("lang", fonts.language)
