"""Build the bundled WIPO look as a PowerPoint template: themes/wipo/wipo.potx.

wocdeck draws every deck through a template file, the organisation's own or this one, so the
WIPO look is a file that can be opened in PowerPoint, reviewed and rebuilt the same way:

    python tools/build_wipo_template.py        # rewrites themes/wipo/wipo.potx (same bytes)

It starts from python-pptx's default template and sets, from themes/wipo/theme.yaml: 16:9,
the colour and font scheme (flat: no shadows), text styles, and three layouts, each text in a
placeholder: "Cover" (title, subtitle, city and date on a dark panel, and the slot for the
emblem or logo at the top left), "Title and Content"
(title, body, footer, slide number) and "Closing" (closing line and who and where), with the
blue backgrounds, rules and accent bars drawn on the layouts.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster
from pptx.util import Pt

from wocdeck.errors import Location
from wocdeck.look.geometry import (
    ACCENT_Y,
    COVER_PANEL_X,
    FOOTER_TOP,
    GAP,
    KICKER_TOP,
    LOGO_IDX,
    LOGO_NAME,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Frames,
)
from wocdeck.look.template import PRESENTATION_MAIN, fresh_reading
from wocdeck.look.template_store import reading_json, store_file
from wocdeck.look.theme import Theme, load_theme, themes_dir
from wocdeck.plan import BULLET_MARGIN, Box
from wocdeck.writer.markup import (
    BULLET,
    NAMESPACES,
    SCHEME_VALUES,
    SUB_BULLET,
    emu,
    rectangle,
    xfrm,
)
from wocdeck.writer.package import save
from wocdeck.writer.themepart import flatten_effects, restyle

OUT = Path(__file__).resolve().parents[1] / "themes" / "wipo" / "wipo.potx"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_KEEP = {
    "Title Slide": "Cover",
    "Title and Content": "Title and Content",
    "Section Header": "Section",
    "Two Content": "Two Content",
    "Title Only": "Closing",
    "Blank": "Statement",
}
_FIXED = dt.datetime(2026, 1, 1, 0, 0, 0)  # the file's dates: the same bytes on every build
_EXTRA_IDX = 13  # the idx of the placeholders added below (PowerPoint numbers custom ones so)
LOGO_ASPECT = 3.0  # the logo slot's width over its height (a logo keeps its own when filled)


def build(theme: Theme) -> bytes:
    """The WIPO template as .potx bytes (deterministic)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(SLIDE_WIDTH), Pt(SLIDE_HEIGHT)
    master = prs.slide_master
    theme_part = master.part.part_related_by(RT.THEME)
    restyle(theme_part, theme)
    flatten_effects(theme_part)
    _text_styles(master, theme)
    layouts: dict[str, SlideLayout] = {}
    for layout in list(prs.slide_layouts):
        name = _KEEP.get(layout.name)
        if name is None:
            prs.slide_layouts.remove(layout)
        else:
            layout.name = name
            layouts[name] = layout
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
    _master_styles(master, theme)
    _place(layouts["Title and Content"], content)
    cover, closing = layouts["Cover"], layouts["Closing"]
    _place(
        cover,
        {
            **content,
            PP_PLACEHOLDER.CENTER_TITLE: frames.cover_title,
            PP_PLACEHOLDER.SUBTITLE: frames.cover_subtitle,
        },
    )
    sizes = theme.sizes
    _style(cover, PP_PLACEHOLDER.CENTER_TITLE, sizes.cover_title, "light1", "l", "b")
    _style(cover, PP_PLACEHOLDER.SUBTITLE, sizes.cover_subtitle, "light1", "l", "t")
    _add_text_placeholder(cover, "Date", frames.cover_date, sizes.cover_subtitle, "l", "ctr")
    _add_logo_placeholder(cover, frames.logo(LOGO_ASPECT))
    _place(closing, {**content, PP_PLACEHOLDER.TITLE: frames.closing_title})
    _style(closing, PP_PLACEHOLDER.TITLE, sizes.cover_title, "light1", "ctr", "b")
    _add_text_placeholder(
        closing, "Subtitle", frames.closing_subtitle, sizes.cover_subtitle * 0.8, "ctr", "t"
    )
    _section(layouts["Section"], content, frames, theme)
    _two_columns(layouts["Two Content"], content, frames)
    _statement(layouts["Statement"], content, frames, theme)
    _decorate(layouts, theme)
    prs.core_properties.title = f"{theme.name} template for wocdeck"
    prs.core_properties.author = "wocdeck"
    prs.core_properties.last_modified_by = "wocdeck"
    prs.core_properties.revision = 1
    prs.core_properties.created = prs.core_properties.modified = _FIXED
    prs.core_properties.last_printed = _FIXED
    return _as_template(save(prs))


def _as_template(package: bytes) -> bytes:
    """A .potx: the same package with a template's main content type."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(PRESENTATION_MAIN.encode(), TEMPLATE_MAIN.encode())
            target.writestr(info, blob, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _place(slide: SlideMaster | SlideLayout, frames: dict[PP_PLACEHOLDER, Box]) -> None:
    for placeholder in slide.placeholders:
        box = frames.get(placeholder.placeholder_format.type)
        if box:
            placeholder.left, placeholder.top = Pt(box.x), Pt(box.y)
            placeholder.width, placeholder.height = Pt(box.w), Pt(box.h)


def _level(size: float, color: str, align: str, *, bullet: bool = False) -> str:
    marker = "" if bullet else "<a:buNone/>"
    margin = ' marL="0" indent="0"' if not bullet else ""
    return (
        f'<a:lvl1pPr{margin} algn="{align}">{marker}<a:defRPr sz="{round(size * 100)}">'
        f'<a:solidFill><a:schemeClr val="{SCHEME_VALUES[color]}"/></a:solidFill></a:defRPr>'
        "</a:lvl1pPr>"
    )


def _set_text_defaults(shape: etree._Element, level: str, anchor: str) -> None:
    """A placeholder's anchor and first-level style."""
    body = shape.find(qn("p:txBody"))
    body.find(qn("a:bodyPr")).set("anchor", anchor)
    styles = body.find(qn("a:lstStyle"))
    for child in list(styles):
        styles.remove(child)
    styles.append(parse_xml(f"<a:lstStyle {NAMESPACES}>{level}</a:lstStyle>")[0])


def _style(
    layout: SlideLayout, kind: PP_PLACEHOLDER, size: float, color: str, align: str, anchor: str
) -> None:
    shape = next(p for p in layout.placeholders if p.placeholder_format.type == kind)
    _set_text_defaults(shape._element, _level(size, color, align), anchor)


def _add_text_placeholder(
    layout: SlideLayout, name: str, box: Box, size: float, align: str, anchor: str
) -> None:
    """A body placeholder for text the standard layouts have no place for (light on blue)."""
    shape_id = layout.shapes._next_shape_id
    xml = (
        f'<p:sp {NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name} {shape_id - 1}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph type="body" sz="quarter" idx="{_EXTRA_IDX}"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}</p:spPr><p:txBody><a:bodyPr anchor="{anchor}"/><a:lstStyle/>'
        f'<a:p><a:r><a:rPr lang="en-US"/><a:t>{name}</a:t></a:r></a:p></p:txBody></p:sp>'
    )
    shape = parse_xml(xml)
    _set_text_defaults(shape, _level(size, "light1", align), anchor)
    layout.shapes._spTree.append(shape)


def _add_logo_placeholder(layout: SlideLayout, box: Box) -> None:
    """The emblem's slot at the cover's top left: a picture placeholder that wocdeck fills
    with the theme's `logo:` (and PowerPoint offers for a picture on a new cover slide)."""
    shape_id = layout.shapes._next_shape_id
    xml = (
        f'<p:sp {NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{LOGO_NAME}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph type="pic" sz="quarter" idx="{LOGO_IDX}"/></p:nvPr></p:nvSpPr>'
        f"<p:spPr>{xfrm(box)}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>"
        '<a:p><a:r><a:rPr lang="en-US"/><a:t>Logo</a:t></a:r></a:p></p:txBody></p:sp>'
    )
    layout.shapes._spTree.append(parse_xml(xml))


def _master_styles(master: SlideMaster, theme: Theme) -> None:
    """Anchors of the master's placeholders and the footer's small grey text."""
    # Titles hang from one top, whether they take one line or two.
    anchors = {"title": "t", "body": "t", "ftr": "ctr", "sldNum": "ctr"}
    for placeholder in master.placeholders:
        ph = placeholder.element.ph
        kind = ph.get("type", "obj")
        if kind in anchors:
            placeholder.element.find(qn("p:txBody")).find(qn("a:bodyPr")).set(
                "anchor", anchors[kind]
            )
        if kind in ("ftr", "sldNum"):
            align = "l" if kind == "ftr" else "r"
            _set_text_defaults(
                placeholder.element,
                _level(theme.sizes.footer, "accent6", align),
                anchors[kind],
            )


def _section(
    layout: SlideLayout, content: dict[PP_PLACEHOLDER, Box], frames: Frames, theme: Theme
) -> None:
    """A section divider: the section's name large on blue, a line under it."""
    _place(
        layout,
        {
            **content,
            PP_PLACEHOLDER.TITLE: frames.closing_title,
            PP_PLACEHOLDER.BODY: frames.closing_subtitle,
        },
    )
    sizes = theme.sizes
    _style(layout, PP_PLACEHOLDER.TITLE, sizes.cover_title, "light1", "l", "b")
    _style(layout, PP_PLACEHOLDER.BODY, sizes.cover_subtitle, "light1", "l", "t")


def _two_columns(layout: SlideLayout, content: dict[PP_PLACEHOLDER, Box], frames: Frames) -> None:
    """Title and two bodies side by side in the content slide's body frame."""
    _place(layout, content)
    body = frames.body
    half = (body.w - 2 * GAP) / 2
    columns = [p for p in layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
    for column, placeholder in enumerate(columns):
        placeholder.left = Pt(body.x + column * (half + 2 * GAP))
        placeholder.width = Pt(half)


def _statement(
    layout: SlideLayout, content: dict[PP_PLACEHOLDER, Box], frames: Frames, theme: Theme
) -> None:
    """One statement, large and centred, with a line for who said it."""
    layout.element.attrib.pop("type", None)  # no longer PowerPoint's blank: a custom layout
    _place(layout, content)
    inner = Box(frames.margin + 48, 110, frames.width - 96, 260)
    shape_id = layout.shapes._next_shape_id
    title = parse_xml(
        f'<p:sp {NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Title {shape_id - 1}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>'
        f"</p:nvSpPr><p:spPr>{xfrm(inner)}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>"
        '<a:p><a:r><a:rPr lang="en-US"/><a:t>Statement</a:t></a:r></a:p></p:txBody></p:sp>'
    )
    _set_text_defaults(title, _level(theme.sizes.cover_title, "dark2", "ctr"), "ctr")
    layout.shapes._spTree.append(title)
    below = Box(inner.x, inner.bottom + GAP, inner.w, 70)
    _add_text_placeholder(layout, "Subtitle", below, theme.sizes.cover_subtitle * 0.8, "ctr", "t")
    for placeholder in layout.placeholders:  # the subtitle is dark on white here
        if placeholder.name.startswith("Subtitle"):
            _set_text_defaults(
                placeholder.element,
                _level(theme.sizes.cover_subtitle * 0.8, "accent6", "ctr"),
                "t",
            )


def _decorate(layouts: dict[str, SlideLayout], theme: Theme) -> None:
    """Flat WIPO decoration: blue covers with a dark panel, rules and accent bars."""
    margin = theme.margin
    for name in ("Cover", "Closing", "Section"):
        fill = layouts[name].background.fill
        fill.solid()
        fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    cover = layouts["Cover"]
    _rectangle(
        cover, "Panel", (COVER_PANEL_X, 0, SLIDE_WIDTH - COVER_PANEL_X, SLIDE_HEIGHT), "dark2"
    )
    _rectangle(cover, "Accent", (margin + 7, ACCENT_Y, 72, 5), "accent3")
    _rectangle(layouts["Closing"], "Accent", (SLIDE_WIDTH / 2 - 36, ACCENT_Y, 72, 5), "accent3")
    _rectangle(layouts["Section"], "Accent", (margin + 7, ACCENT_Y, 72, 5), "accent3")
    for name in ("Title and Content", "Two Content"):
        content = layouts[name]
        # Above the title, not under it: titles hang from one top, so a bar under the title
        # would sit a line's height below a one-line title.
        _rectangle(content, "Accent", (margin + 7, KICKER_TOP, 56, 5), "accent3")
        _rectangle(content, "Rule", (margin, FOOTER_TOP, SLIDE_WIDTH - 2 * margin, 1), "accent5")
        _rectangle(content, "Band", (0, 0, SLIDE_WIDTH, 8), "accent1")
    statement = layouts["Statement"]
    _rectangle(statement, "Accent", (SLIDE_WIDTH / 2 - 36, 88, 72, 5), "accent3")
    _rectangle(statement, "Band", (0, 0, SLIDE_WIDTH, 8), "accent1")


def _rectangle(layout: SlideLayout, name: str, frame: tuple[float, ...], color: str) -> None:
    """A flat decoration behind the placeholders: after nvGrpSpPr and grpSpPr."""
    xml = rectangle(layout.shapes._next_shape_id, name, Box(*frame), color)
    fragment = parse_xml(f"<p:spTree {NAMESPACES}>{xml}</p:spTree>")
    layout.shapes._spTree.insert(2, fragment[0])


def _text_styles(master: SlideMaster, theme: Theme) -> None:
    """Title and body defaults: what placeholders inherit, on wocdeck's and hand-made slides."""
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _set_run_defaults(title, theme.sizes.title, "dark2", bold=False)
    body = styles.find(qn("p:bodyStyle"))
    for level in range(3):
        element = body.find(qn(f"a:lvl{level + 1}pPr"))
        margin = emu(BULLET_MARGIN[level])
        element.set("marL", str(margin))
        element.set("indent", str(-margin))
        _set_run_defaults(element, theme.sizes.body - 2 * level, "dark1", bold=False)
        bullet_font = element.find(qn("a:buFont"))
        colour = parse_xml(
            f'<a:buClr {NAMESPACES}><a:schemeClr val="{SCHEME_VALUES["accent1"]}"/></a:buClr>'
        )
        bullet_font.addprevious(colour)
        bullet_font.set("typeface", theme.fonts.latin)
        element.find(qn("a:buChar")).set("char", SUB_BULLET if level else BULLET)


def _set_run_defaults(pPr: etree._Element, size: float, color: str, *, bold: bool) -> None:
    rPr = pPr.find(qn("a:defRPr"))
    rPr.set("sz", str(round(size * 100)))
    rPr.set("b", "1" if bold else "0")
    for fill in rPr.findall(qn("a:solidFill")):
        rPr.remove(fill)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=SCHEME_VALUES[color])
    rPr.insert(0, fill)


def main() -> None:
    """Write themes/wipo/wipo.potx from themes/wipo/theme.yaml, and its reading beside it."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    theme = load_theme(str(themes_dir() / "wipo"), Location("theme.yaml"))
    out.write_bytes(build(theme))
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    stored = store_file(out)
    stored.write_text(reading_json(*fresh_reading(out)), encoding="utf-8")
    print(f"wrote {stored}")


if __name__ == "__main__":
    main()
