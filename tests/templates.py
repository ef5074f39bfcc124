"""Organisations' templates as tests make them with python-pptx: names, sizes, fonts, logos."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A}
POTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# Colours no WIPO slot uses, to see that the output takes the template's.
OTHER_COLOURS = {
    "dk1": "202020",
    "lt1": "FFFFFF",
    "dk2": "3B1F5C",
    "lt2": "EDE7F6",
    "accent1": "C2185B",
    "accent2": "00897B",
    "accent3": "F9A825",
    "accent4": "5D4037",
    "accent5": "BDBDBD",
    "accent6": "455A64",
}
# A brand whose accents are too light for text on white or on its light panels.
LIGHT_ACCENTS = {
    **OTHER_COLOURS,
    "lt2": "ECEFF1",
    "accent1": "4FC3F7",
    "accent2": "FFD54F",
    "accent6": "B0BEC5",
}
PANDOC_NAMES = [
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
]
RENAMED = {
    "Title Slide": "Deckblatt",
    "Title and Content": "Inhalt",
    "Section Header": "Kapitel",
    "Two Content": "Zwei Inhalte",
    "Title Only": "Nur Titel",
}


def _save(prs, path: Path, *, template: bool = False) -> Path:
    buffer = io.BytesIO()
    prs.save(buffer)
    data = buffer.getvalue()
    if template:
        data = _with_main_type(data, POTX_MAIN)
    path.write_bytes(data)
    return path


def _with_main_type(data: bytes, content_type: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(PPTX_MAIN.encode(), content_type.encode())
            target.writestr(info, blob)
    return out.getvalue()


def theme_root(prs):
    """The theme part of the first master, parsed."""
    return etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)


def _set_theme(prs, *, fonts: tuple[str, str] | None = None, colours: dict | None = None):
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    if fonts:
        root.find(".//a:majorFont/a:latin", NS).set("typeface", fonts[0])
        root.find(".//a:minorFont/a:latin", NS).set("typeface", fonts[1])
    for slot, value in (colours or {}).items():
        element = root.find(f".//a:clrScheme/a:{slot}", NS)
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, f"{{{A}}}srgbClr", val=value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _keep(prs, names: list[str]) -> None:
    for layout in list(prs.slide_layouts):
        if layout.name not in names:
            prs.slide_layouts.remove(layout)


def _example_slide(prs) -> None:
    """An example slide, as corporate templates ship them; the output must not keep it."""
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "EXAMPLE SLIDE FROM THE TEMPLATE"


def renamed(folder: Path) -> Path:
    """PowerPoint's layouts renamed (in German), layout types kept; with an example slide."""
    prs = Presentation()
    _keep(prs, list(RENAMED))
    for layout in prs.slide_layouts:
        layout.name = RENAMED[layout.name]
    _example_slide(prs)
    return _save(prs, folder / "renamed.potx", template=True)


def four_three_calibri(folder: Path) -> Path:
    """4:3 slides (python-pptx's default size), Calibri theme fonts and other colours."""
    prs = Presentation()
    _set_theme(prs, fonts=("Calibri", "Calibri"), colours=OTHER_COLOURS)
    return _save(prs, folder / "calibri-4x3.pptx")


def light_accents(folder: Path) -> Path:
    """16:9 with a pale sky-blue, yellow and grey brand: accents no text may be set in."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    _set_theme(prs, colours=LIGHT_ACCENTS)
    return _save(prs, folder / "light-accents.potx", template=True)


def with_logo(folder: Path) -> Path:
    """16:9, Cambria headings, and a logo picture on the master (on every slide)."""
    prs = Presentation()
    _set_theme(prs, fonts=("Cambria", "Calibri"))
    logo = folder / "logo.png"
    Image.new("RGB", (200, 80), "#C2185B").save(logo)
    master = prs.slide_master
    _, rId = master.part.get_or_add_image_part(str(logo))
    x, y, w, h = (Pt(v) for v in (880, 490, 60, 24))
    picture = parse_xml(
        '<p:pic xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'xmlns:a="{A}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvPicPr><p:cNvPr id="99" name="Organisation Logo" descr="Organisation logo"/>'
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )
    master.shapes._spTree.append(picture)
    _widen(prs)
    _example_slide(prs)
    return _save(prs, folder / "logo.potx", template=True)


def no_section(folder: Path) -> Path:
    """PowerPoint's layouts without the section header."""
    prs = Presentation()
    _keep(prs, [n for n in PANDOC_NAMES if n != "Section Header"])
    return _save(prs, folder / "no-section.pptx")


def blank_only(folder: Path) -> Path:
    """PowerPoint's layouts without the section header and Title Only: Blank is the only plain
    layout, with no title placeholder."""
    prs = Presentation()
    _keep(prs, [n for n in PANDOC_NAMES if n not in ("Section Header", "Title Only")])
    return _save(prs, folder / "blank-only.pptx")


def names_only(folder: Path) -> Path:
    """pandoc's reference layouts: the standard names, but no layout types to go by."""
    prs = Presentation()
    _keep(prs, PANDOC_NAMES)
    for layout in prs.slide_layouts:
        layout.element.attrib.pop("type", None)
    return _save(prs, folder / "pandoc.pptx")


TEMPLATES = {
    "renamed": renamed,
    "calibri-4x3": four_three_calibri,
    "logo": with_logo,
    "no-section": no_section,
    "pandoc": names_only,
    "light-accents": light_accents,
}


def four_three_widths(folder: Path) -> Path:
    """16:9 slides whose layouts were left at their 4:3 widths (content in the left 70 %)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    return _save(prs, folder / "wide-4x3.potx", template=True)


def off_slide(folder: Path) -> Path:
    """4:3, the Title and Content layout's text placeholder reaching below the slide's bottom."""
    prs = Presentation()
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    body.left, body.top, body.width, body.height = Pt(36), Pt(130), Pt(648), Pt(450)
    return _save(prs, folder / "off-slide.pptx")


def unknown_font(folder: Path) -> Path:
    """4:3, headings in a font no machine here has and no shipped table measures."""
    prs = Presentation()
    _set_theme(prs, fonts=("Frutiger Next Pro", "Calibri"))
    return _save(prs, folder / "frutiger.pptx")


def faint_no_styles(folder: Path) -> Path:
    """4:3, grey text on white in the theme, and a master without title and body styles."""
    prs = Presentation()
    _set_theme(prs, colours={"dk1": "9E9E9E"})
    styles = prs.slide_master.element.find(qn("p:txStyles"))
    for name in ("p:titleStyle", "p:bodyStyle"):
        styles.remove(styles.find(qn(name)))
    return _save(prs, folder / "faint.pptx")


MISFITS = {
    "wide-4x3": four_three_widths,
    "off-slide": off_slide,
    "frutiger": unknown_font,
    "faint": faint_no_styles,
}


def _widen(prs) -> None:
    """16:9 slides, every master and layout frame widened with them (as PowerPoint does)."""
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    for layout in prs.slide_layouts:
        for placeholder in layout.placeholders:
            if placeholder.element.spPr.find(qn("a:xfrm")) is not None:
                placeholder.left = int(placeholder.left * 4 / 3)
                placeholder.width = int(placeholder.width * 4 / 3)
    for placeholder in prs.slide_master.placeholders:
        placeholder.left = int(placeholder.left * 4 / 3)
        placeholder.width = int(placeholder.width * 4 / 3)


def forced_caps(folder: Path) -> Path:
    """4:3, no section layout, and a title style forcing bold italic capitals on every title."""
    prs = Presentation()
    _keep(prs, [n for n in PANDOC_NAMES if n != "Section Header"])
    title = prs.slide_master.element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    run = title.find(qn("a:lvl1pPr")).find(qn("a:defRPr"))
    run.set("cap", "all")
    run.set("b", "1")
    run.set("i", "1")
    return _save(prs, folder / "caps.pptx")


def wide_fonts(folder: Path) -> Path:
    """16:9, Georgia headings, Verdana body (about 15 % wider than Arial), a dark red accent."""
    prs = Presentation()
    _widen(prs)
    _set_theme(prs, fonts=("Georgia", "Verdana"), colours={"accent1": "8B1A1A"})
    return _save(prs, folder / "wide-fonts.potx", template=True)


def dark(folder: Path) -> Path:
    """16:9, a dark background: the scheme's light colours dark and its dark ones light."""
    prs = Presentation()
    _widen(prs)
    colours = {
        "dk1": "F5F5F5",
        "lt1": "1B1F2A",
        "dk2": "CFD8DC",
        "lt2": "2C3445",
        "accent1": "4FC3F7",
        "accent2": "FFB74D",
        "accent3": "81C784",
        "accent4": "F06292",
        "accent5": "BA68C8",
        "accent6": "90A4AE",
    }
    _set_theme(prs, colours=colours)
    return _save(prs, folder / "dark.potx", template=True)


MAPPED_DARK = {"dk1": "14182B", "lt1": "F4F1EA", "dk2": "232A4A", "lt2": "D9D4C7"}


def mapped_dark(folder: Path) -> Path:
    """A dark background made by the master's colour map (bg1 → dk1, tx1 → lt1, …) over an
    ordinary scheme, and an orange accent: as PowerPoint's dark designs are built."""
    prs = Presentation()
    _widen(prs)
    _set_theme(prs, colours={**MAPPED_DARK, "accent1": "E8A33D"})
    color_map = prs.slide_master.element.find(qn("p:clrMap"))
    for role, slot in (("bg1", "dk1"), ("tx1", "lt1"), ("bg2", "dk2"), ("tx2", "lt2")):
        color_map.set(role, slot)
    return _save(prs, folder / "mapped-dark.potx", template=True)


# The templates the "done" is judged through: 4:3 Calibri, wide fonts, 4:3-width
# layouts on 16:9, no closing/section/statement layout, and a dark background.
DESIGNED = {
    "calibri-4x3": four_three_calibri,
    "wide-fonts": wide_fonts,
    "wide-4x3": four_three_widths,
    "no-section": no_section,
    "dark": dark,
}


ODD_SCALE = (30.0, 26.0, 23.0, 21.0, 19.0)  # body sizes no bundled theme's scale has


def odd_scale(folder: Path) -> Path:
    """4:3, a body style whose levels are set at 30, 26, 23, 21 and 19 pt."""
    prs = Presentation()
    body = prs.slide_master.element.find(qn("p:txStyles")).find(qn("p:bodyStyle"))
    for level, size in enumerate(ODD_SCALE, start=1):
        body.find(qn(f"a:lvl{level}pPr")).find(qn("a:defRPr")).set("sz", str(int(size * 100)))
    return _save(prs, folder / "odd-scale.pptx")


def plain_names(folder: Path) -> Path:
    """Layouts of no type PowerPoint names, in German, one of them a title alone ("Nur Titel"),
    and one called "Opening": roles are found by placeholders, not by names they resemble."""
    prs = Presentation()
    names = {"Title Slide": "A Titelfolie", "Title and Content": "B Inhalt"}
    names |= {"Title Only": "D Nur Titel", "Section Header": "Opening"}
    _keep(prs, list(names))
    for layout in prs.slide_layouts:
        layout.name = names[layout.name]
        layout.element.set("type", "cust")
    return _save(prs, folder / "plain-names.pptx")
