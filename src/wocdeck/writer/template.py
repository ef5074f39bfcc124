"""Turn python-pptx's default template into the theme's: 16:9, colour and font scheme,
text styles, and three designed layouts (cover, content, closing)."""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout, SlideMaster
from pptx.util import Pt

from wocdeck.compose import (
    BODY_TOP,
    FOOTER_TOP,
    GAP,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TITLE_HEIGHT,
    TITLE_TOP,
)
from wocdeck.plan import BULLET_MARGIN, Layout
from wocdeck.theme import Theme
from wocdeck.writer.text import SCHEME_VALUES, THEME_COLORS

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
COVER_PANEL_X = SLIDE_WIDTH * 0.7


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
    margin = theme.margin
    width = SLIDE_WIDTH - 2 * margin
    footer = (margin, FOOTER_TOP + 4, width - 80, SLIDE_HEIGHT - FOOTER_TOP - 10)
    number = (SLIDE_WIDTH - margin - 72, FOOTER_TOP + 4, 72, SLIDE_HEIGHT - FOOTER_TOP - 10)
    title = (margin, TITLE_TOP, width, TITLE_HEIGHT)
    body = (margin, BODY_TOP, width, FOOTER_TOP - GAP - BODY_TOP)
    frames = {
        PP_PLACEHOLDER.TITLE: title,
        PP_PLACEHOLDER.BODY: body,
        PP_PLACEHOLDER.OBJECT: body,
        PP_PLACEHOLDER.FOOTER: footer,
        PP_PLACEHOLDER.SLIDE_NUMBER: number,
        PP_PLACEHOLDER.DATE: (margin, -100, 10, 10),
    }
    _place(master, frames)
    _place(layouts[Layout.CONTENT], frames)
    _place(layouts[Layout.CLOSING], {**frames, PP_PLACEHOLDER.TITLE: (margin, 150, width, 160)})
    _place(
        layouts[Layout.COVER],
        {
            **frames,
            PP_PLACEHOLDER.CENTER_TITLE: (margin, 110, COVER_PANEL_X - margin - 40, 200),
            PP_PLACEHOLDER.SUBTITLE: (margin, 340, COVER_PANEL_X - margin - 40, 110),
        },
    )
    _decorate(layouts, theme)
    return layouts


def _place(slide: SlideMaster | SlideLayout, frames: dict[PP_PLACEHOLDER, tuple]) -> None:
    for placeholder in slide.placeholders:
        frame = frames.get(placeholder.placeholder_format.type)
        if frame:
            x, y, w, h = frame
            placeholder.left, placeholder.top = Pt(x), Pt(y)
            placeholder.width, placeholder.height = Pt(w), Pt(h)


def _decorate(layouts: dict[Layout, SlideLayout], theme: Theme) -> None:
    """Flat WIPO decoration: blue covers with a dark panel, rules and accent bars."""
    margin = theme.margin
    for role in (Layout.COVER, Layout.CLOSING):
        fill = layouts[role].background.fill
        fill.solid()
        fill.fore_color.theme_color = THEME_COLORS["accent1"]
    cover = layouts[Layout.COVER]
    _rectangle(
        cover, "Panel", (COVER_PANEL_X, 0, SLIDE_WIDTH - COVER_PANEL_X, SLIDE_HEIGHT), "dark2"
    )
    _rectangle(cover, "Accent", (margin + 7, 322, 72, 5), "accent3")
    _rectangle(layouts[Layout.CLOSING], "Accent", (SLIDE_WIDTH / 2 - 36, 322, 72, 5), "accent3")
    content = layouts[Layout.CONTENT]
    _rectangle(content, "Accent", (margin + 7, TITLE_TOP + TITLE_HEIGHT + 6, 56, 5), "accent3")
    _rectangle(content, "Rule", (margin, FOOTER_TOP, SLIDE_WIDTH - 2 * margin, 1), "accent5")
    _rectangle(content, "Band", (0, 0, SLIDE_WIDTH, 8), "accent1")


def _rectangle(layout: SlideLayout, name: str, frame: tuple[float, ...], color: str) -> None:
    x, y, w, h = (Pt(v) for v in frame)
    tree = layout.shapes._spTree
    sp = tree.add_autoshape(layout.shapes._next_shape_id, name, "rect", x, y, w, h)
    tree.remove(sp)
    tree.insert(2, sp)  # behind the placeholders: after nvGrpSpPr and grpSpPr
    shape = Shape(sp, layout.shapes)
    shape.fill.solid()
    shape.fill.fore_color.theme_color = THEME_COLORS[color]
    shape.line.fill.background()
    shape.shadow.inherit = False


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
        for script in element.findall(qn("a:font")):
            if script.get("script") == "Hans":
                script.set("typeface", theme.fonts.east_asian)
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
