"""Turn python-pptx's default template into the theme's: 16:9, colour and font scheme,
text styles, and three designed layouts (cover, content, closing)."""

from __future__ import annotations

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.slide import SlideLayout, SlideMaster
from pptx.util import Pt

from wocdeck.geometry import (
    ACCENT_Y,
    COVER_PANEL_X,
    FOOTER_TOP,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TITLE_HEIGHT,
    TITLE_TOP,
    Frames,
)
from wocdeck.plan import BULLET_MARGIN, Box, Layout
from wocdeck.theme import Theme
from wocdeck.writer.markup import NAMESPACES, SCHEME_VALUES, rectangle

_SCHEME_SLOTS = {
    "dk1": "dark1",
    "lt1": "light1",
    "dk2": "dark2",
    "lt2": "light2",
    **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
    "hlink": "hyperlink",
    "folHlink": "followed_hyperlink",
}
_KEEP = {
    "Title Slide": Layout.COVER,
    "Title and Content": Layout.CONTENT,
    "Title Only": Layout.CLOSING,
}
_NAMES = {Layout.COVER: "Cover", Layout.CONTENT: "Title and Content", Layout.CLOSING: "Closing"}


def prepare(prs: Presentation, theme: Theme) -> dict[Layout, SlideLayout]:
    """Apply the theme to a fresh default presentation; returns its layouts by role."""
    prs.slide_width = Pt(SLIDE_WIDTH)
    prs.slide_height = Pt(SLIDE_HEIGHT)
    master = prs.slide_master
    _apply_theme_part(master, theme)
    _apply_text_styles(master, theme)
    layouts: dict[Layout, SlideLayout] = {}
    for layout in list(prs.slide_layouts):
        role = _KEEP.get(layout.name)
        if role is None:
            prs.slide_layouts.remove(layout)
        else:
            layout.name = _NAMES[role]
            layouts[role] = layout
    frames = Frames(theme.margin)
    content = {
        PP_PLACEHOLDER.TITLE: frames.title,
        PP_PLACEHOLDER.BODY: frames.body,
        PP_PLACEHOLDER.OBJECT: frames.body,
        PP_PLACEHOLDER.FOOTER: frames.footer,
        PP_PLACEHOLDER.SLIDE_NUMBER: frames.slide_number,
        PP_PLACEHOLDER.DATE: Box(theme.margin, -100, 10, 10),  # off the slide: dates are unused
    }
    _place(master, content)
    _place(layouts[Layout.CONTENT], content)
    _place(layouts[Layout.CLOSING], {**content, PP_PLACEHOLDER.TITLE: frames.closing_title})
    cover = {
        **content,
        PP_PLACEHOLDER.CENTER_TITLE: frames.cover_title,
        PP_PLACEHOLDER.SUBTITLE: frames.cover_subtitle,
    }
    _place(layouts[Layout.COVER], cover)
    _decorate(layouts, theme)
    return layouts


def _place(slide: SlideMaster | SlideLayout, frames: dict[PP_PLACEHOLDER, Box]) -> None:
    for placeholder in slide.placeholders:
        box = frames.get(placeholder.placeholder_format.type)
        if box:
            placeholder.left, placeholder.top = Pt(box.x), Pt(box.y)
            placeholder.width, placeholder.height = Pt(box.w), Pt(box.h)


def _decorate(layouts: dict[Layout, SlideLayout], theme: Theme) -> None:
    """Flat WIPO decoration: blue covers with a dark panel, rules and accent bars."""
    margin = theme.margin
    for role in (Layout.COVER, Layout.CLOSING):
        fill = layouts[role].background.fill
        fill.solid()
        fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    cover = layouts[Layout.COVER]
    _rectangle(
        cover, "Panel", (COVER_PANEL_X, 0, SLIDE_WIDTH - COVER_PANEL_X, SLIDE_HEIGHT), "dark2"
    )
    _rectangle(cover, "Accent", (margin + 7, ACCENT_Y, 72, 5), "accent3")
    _rectangle(
        layouts[Layout.CLOSING], "Accent", (SLIDE_WIDTH / 2 - 36, ACCENT_Y, 72, 5), "accent3"
    )
    content = layouts[Layout.CONTENT]
    _rectangle(content, "Accent", (margin + 7, TITLE_TOP + TITLE_HEIGHT + 6, 56, 5), "accent3")
    _rectangle(content, "Rule", (margin, FOOTER_TOP, SLIDE_WIDTH - 2 * margin, 1), "accent5")
    _rectangle(content, "Band", (0, 0, SLIDE_WIDTH, 8), "accent1")


def _rectangle(layout: SlideLayout, name: str, frame: tuple[float, ...], color: str) -> None:
    """A flat decoration behind the placeholders: after nvGrpSpPr and grpSpPr."""
    xml = rectangle(layout.shapes._next_shape_id, name, Box(*frame), color)
    fragment = parse_xml(f"<p:spTree {NAMESPACES}>{xml}</p:spTree>")
    layout.shapes._spTree.insert(2, fragment[0])


def _apply_theme_part(master: SlideMaster, theme: Theme) -> None:
    """Write the theme's colours and fonts into the theme part, where PowerPoint's pickers look."""
    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", theme.name)
    scheme = root.find(".//" + qn("a:clrScheme"))
    scheme.set("name", theme.name)
    for slot in scheme:
        slot_name = etree.QName(slot).localname
        for child in list(slot):
            slot.remove(child)
        color = getattr(theme.colors, _SCHEME_SLOTS[slot_name]).upper()
        etree.SubElement(slot, qn("a:srgbClr"), val=color)
    fonts = root.find(".//" + qn("a:fontScheme"))
    fonts.set("name", theme.name)
    for group in (qn("a:majorFont"), qn("a:minorFont")):
        element = fonts.find(group)
        element.find(qn("a:latin")).set("typeface", theme.fonts.latin)
        element.find(qn("a:ea")).set("typeface", theme.fonts.east_asian)
        element.find(qn("a:cs")).set("typeface", theme.fonts.complex_script)
        for script in element.findall(qn("a:font")):
            if script.get("script") == "Hans":
                script.set("typeface", theme.fonts.east_asian)
            elif script.get("script") == "Arab":
                script.set("typeface", theme.fonts.complex_script)
    _flatten_effects(root)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _flatten_effects(root: etree._Element) -> None:
    """A flat style: no shadows or 3-D in the theme's effect styles."""
    for style in root.iter(qn("a:effectStyle")):
        for child in list(style):
            style.remove(child)
        etree.SubElement(style, qn("a:effectLst"))


def _apply_text_styles(master: SlideMaster, theme: Theme) -> None:
    """Title and body defaults for slides an editor adds by hand."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _set_run_defaults(title, theme.sizes.title, "dark2", bold=True)
    body = styles.find(qn("p:bodyStyle"))
    for level, element in enumerate(body.findall(qn("a:lvl1pPr")) + body.findall(qn("a:lvl2pPr"))):
        margin = round(BULLET_MARGIN[level] * 12700)
        element.set("marL", str(margin))
        element.set("indent", str(-margin))
        _set_run_defaults(element, theme.sizes.body - 2 * level, "dark1", bold=False)


def _set_run_defaults(pPr: etree._Element, size: float, color: str, *, bold: bool) -> None:
    rPr = pPr.find(qn("a:defRPr"))
    rPr.set("sz", str(round(size * 100)))
    rPr.set("b", "1" if bold else "0")
    for fill in rPr.findall(qn("a:solidFill")):
        rPr.remove(fill)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=SCHEME_VALUES[color])
    rPr.insert(0, fill)
