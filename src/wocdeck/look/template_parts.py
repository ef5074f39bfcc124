"""A template's XML read part by part: placeholders and their frames, run defaults inherited
through the master as PowerPoint resolves them, the theme's fonts and colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.look.template_file import BODY_KINDS, TITLE_KINDS, PlaceholderSpec
from wocdeck.plan import INSET_X, INSET_Y, Box

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

MACRO_RELATIONSHIPS = ("vbaProject", "vbaProjectSignature", "vbaData", "keyMapCustomizations")
EMU_PER_POINT = 12700
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
R_ID = f"{{{NS['r']}}}id"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def without_macros(rels_xml: bytes) -> bytes:
    """A part's relationships without those to macros (VBA, key maps), which are never kept."""
    import xml.etree.ElementTree as ET  # only for a template with macros

    root = ET.fromstring(rels_xml)
    for rel in list(root):
        if rel.get("Type", "").rsplit("/", 1)[-1] in MACRO_RELATIONSHIPS:
            root.remove(rel)
    ET.register_namespace("", NS["rel"])
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


def placeholders(slide: ET.Element, *, unique: bool = True) -> dict[str, ET.Element]:
    """Placeholder shapes by kind (the ph type; non-unique keys get #n for repeats)."""
    found: dict[str, ET.Element] = {}
    tree = slide.find("p:cSld/p:spTree", NS)
    if tree is None:
        return found
    for shape in tree.iter():
        if shape.tag not in (f"{{{NS['p']}}}sp", f"{{{NS['p']}}}pic"):
            continue
        ph = shape.find("./*/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        kind = ph.get("type", "obj")
        if unique:
            found.setdefault(kind, shape)
        else:
            found[f"{kind}#{len(found)}"] = shape
    return found


def master_kind(kind: str) -> str:
    """The kind of the master placeholder a layout placeholder of `kind` inherits from."""
    if kind in TITLE_KINDS:
        return "title"
    if kind in BODY_KINDS:
        return "body"
    return kind


def frame(shape: ET.Element) -> Box | None:
    """A shape's frame in points, or None when it has no (or an empty) position."""
    off = shape.find("p:spPr/a:xfrm/a:off", NS)
    ext = shape.find("p:spPr/a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    x, y = (int(off.get(k, "0")) / EMU_PER_POINT for k in ("x", "y"))
    w, h = (int(ext.get(k, "0")) / EMU_PER_POINT for k in ("cx", "cy"))
    return Box(x, y, w, h) if w > 0 and h > 0 else None  # an empty frame places nothing


def first_set(elements: list[ET.Element], name: str) -> str:
    """The attribute from the first of elements (nearest first) that sets it, or ""."""
    return next((value for value in (e.get(name) for e in elements) if value), "")


def text_defaults(
    chain: list[ET.Element], kind: str, styles: ET.Element | None
) -> tuple[list[ET.Element], list[ET.Element]]:
    """The first-level paragraph properties a placeholder's text inherits, nearest first (the
    layout's, the master placeholder's, the master's text style's), and their run defaults."""
    levels = [shape.find("p:txBody/a:lstStyle/a:lvl1pPr", NS) for shape in chain]
    if styles is not None:
        style = {"title": "titleStyle", "body": "bodyStyle"}.get(master_kind(kind), "otherStyle")
        levels.append(styles.find(f"p:{style}/a:lvl1pPr", NS))
    paragraphs = [level for level in levels if level is not None]
    runs = [run for run in (p.find("a:defRPr", NS) for p in paragraphs) if run is not None]
    return paragraphs, runs


def style_sizes(styles: ET.Element | None, style: str = "bodyStyle") -> list[float]:
    """The font sizes (points) a master text style gives its levels, in level order."""
    found = styles.find(f"p:{style}", NS) if styles is not None else None
    if found is None:
        return []
    return [
        int(run.get("sz", "")) / 100
        for level in range(1, 10)
        for run in found.findall(f"a:lvl{level}pPr/a:defRPr", NS)
        if run.get("sz", "").isdigit()
    ]


def theme_fonts(theme: ET.Element) -> tuple[str, str]:
    """The theme's major and minor Latin typefaces."""
    major = theme.find(".//a:fontScheme/a:majorFont/a:latin", NS)
    minor = theme.find(".//a:fontScheme/a:minorFont/a:latin", NS)
    return (
        major.get("typeface", "") if major is not None else "",
        minor.get("typeface", "") if minor is not None else "",
    )


def color_map(master: ET.Element) -> dict[str, str]:
    """The master's colour map: the scheme colour a slide's background and text colours (bg1,
    tx1, bg2, tx2) are; a dark template maps the background to dk1."""
    found = master.find("p:clrMap", NS)
    roles = ("bg1", "tx1", "bg2", "tx2")
    return {role: found.get(role, "") for role in roles if found is not None and found.get(role)}


def theme_colors(theme: ET.Element) -> dict[str, str]:
    """The theme's colour scheme: slot name → RRGGBB."""
    scheme = theme.find(".//a:clrScheme", NS)
    colors = {}
    for slot in scheme if scheme is not None else []:
        # a system colour (sysClr val="window") is known by the colour it last had
        value = slot[0].get("lastClr") or slot[0].get("val") if len(slot) else None
        colors[slot.tag.rsplit("}", 1)[-1]] = (value or "").upper()
    return colors


def escape(value: str) -> str:
    """Text escaped for an XML attribute value."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def placeholder_spec(
    kind: str, shape: ET.Element, inherited: ET.Element | None, styles: ET.Element | None
) -> PlaceholderSpec:
    """A layout's placeholder shape as wocdeck fills it, its frame, insets and text
    defaults inherited from the master's placeholder (inherited) and text styles."""
    ph = shape.find("./*/p:nvPr/p:ph", NS)
    assert ph is not None
    attributes = "".join(f' {k}="{escape(v)}"' for k, v in ph.attrib.items())
    c_nv_pr = shape.find("./*/p:cNvPr", NS)
    full = c_nv_pr.get("name", kind) if c_nv_pr is not None else kind
    stem, _, number = full.rpartition(" ")
    chain = [shape] if inherited is None else [shape, inherited]
    box = next((b for b in map(frame, chain) if b is not None), None)
    bodies = [b for b in (part.find("p:txBody/a:bodyPr", NS) for part in chain) if b is not None]
    insets = (first_set(bodies, "lIns"), first_set(bodies, "tIns"))
    paragraphs, runs = text_defaults(chain, kind, styles)
    size = first_set(runs, "sz")
    return PlaceholderSpec(
        kind=kind,
        idx=int(ph.get("idx", "0")),
        attributes=attributes,
        name=stem if stem and number.isdigit() else full,
        box=box,
        inset_x=int(insets[0]) / EMU_PER_POINT if insets[0] else INSET_X,
        inset_y=int(insets[1]) / EMU_PER_POINT if insets[1] else INSET_Y,
        size=int(size) / 100 if size.isdigit() else None,
        bold=first_set(runs, "b") in ("1", "true"),
        caps=first_set(runs, "cap") == "all",
        italic=first_set(runs, "i") in ("1", "true"),
        align=first_set(paragraphs, "algn") or "l",
        anchor=first_set(bodies, "anchor") or ("b" if kind == "ctrTitle" else "t"),
    )


SMALLEST_TEXT = 12.0  # points: a text placeholder must hold a line at least this size


def unusable(spec: PlaceholderSpec) -> str:
    """Why a title or text placeholder cannot hold a line of text ("" when it can): its
    insets larger than its frame, or a frame smaller than one line at 12 pt."""
    if spec.box is None or spec.kind not in (*TITLE_KINDS, *BODY_KINDS):
        return ""
    box = spec.box
    if 2 * spec.inset_x >= box.w or 2 * spec.inset_y >= box.h:
        return (
            f"its insets ({spec.inset_x:g} x {spec.inset_y:g} pt) are larger than its frame "
            f"({box.w:g} x {box.h:g} pt)"
        )
    width, height = box.w - 2 * spec.inset_x, box.h - 2 * spec.inset_y
    if width < 2 * SMALLEST_TEXT or height < SMALLEST_TEXT:
        return (
            f"its frame leaves {width:g} x {height:g} pt for text, too small for a line of "
            f"{SMALLEST_TEXT:g} pt text"
        )
    return ""
