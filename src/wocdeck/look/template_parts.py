"""A template's XML read part by part: placeholders and their frames, run defaults inherited
through the master as PowerPoint resolves them, the theme's fonts and colours."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from wocdeck.plan import Box

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
TITLE_KINDS = ("title", "ctrTitle")
BODY_KINDS = ("body", "obj", "subTitle")
RUN = "/a:defRPr"
_PREFIX = re.compile(r"\b([a-z]+):(?=[A-Za-z])")
_STEP = re.compile(r"[a-z]+:[A-Za-z][\w.-]*|\*")  # a child step: a prefixed name, or any


@cache
def clark(path: str) -> str:
    """A path written with prefixes (p:, a:) in ElementTree's {uri}name notation, so that a
    find need not map the prefixes again on every call."""
    return _PREFIX.sub(lambda m: "{" + NS[m[1]] + "}", path)


@cache
def _steps(path: str) -> tuple[str, ...] | None:
    """A path of child steps (a tag, or * for any element) in Clark notation; None for one
    that needs ElementPath (descendants, predicates)."""
    steps = path.removeprefix("./").split("/")
    if not all(_STEP.fullmatch(step) for step in steps):
        return None
    return tuple(step if step == "*" else clark(step) for step in steps)


def find(element: ET.Element, path: str) -> ET.Element | None:
    """The first element at a path written with prefixes, as Element.find finds it; child
    steps are walked here, without ElementPath's generators, a template's most frequent work."""
    steps = _steps(path)
    return element.find(clark(path)) if steps is None else _walk(element, steps)


def _walk(element: ET.Element, steps: tuple[str, ...]) -> ET.Element | None:
    if not steps:
        return element
    tag, rest = steps[0], steps[1:]
    for child in element:
        if tag in ("*", child.tag):
            found = _walk(child, rest)
            if found is not None:
                return found
    return None


def without_macros(rels_xml: bytes) -> bytes:
    """A part's relationships without those to macros (VBA, key maps), which are never kept."""
    root = ET.fromstring(rels_xml)
    for rel in list(root):
        if rel.get("Type", "").rsplit("/", 1)[-1] in MACRO_RELATIONSHIPS:
            root.remove(rel)
    ET.register_namespace("", NS["rel"])
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


def placeholders(slide: ET.Element, *, unique: bool = True) -> dict[str, ET.Element]:
    """Placeholder shapes by kind (the ph type; non-unique keys get #n for repeats)."""
    found: dict[str, ET.Element] = {}
    tree = find(slide, "p:cSld/p:spTree")
    if tree is None:
        return found
    for shape in tree.iter():
        if shape.tag not in (f"{{{NS['p']}}}sp", f"{{{NS['p']}}}pic"):
            continue
        ph = find(shape, "./*/p:nvPr/p:ph")
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
    off = find(shape, "p:spPr/a:xfrm/a:off")
    ext = find(shape, "p:spPr/a:xfrm/a:ext")
    if off is None or ext is None:
        return None
    x, y = (int(off.get(k, "0")) / EMU_PER_POINT for k in ("x", "y"))
    w, h = (int(ext.get(k, "0")) / EMU_PER_POINT for k in ("cx", "cy"))
    return Box(x, y, w, h) if w > 0 and h > 0 else None  # an empty frame places nothing


def first_attr(chain: list[ET.Element], path: str, names: tuple[str, ...]) -> list[str]:
    """Each attribute from the first element in the inheritance chain that sets it."""
    values = []
    for name in names:
        value = ""
        for shape in chain:
            element = find(shape, path)
            if element is not None and element.get(name):
                value = element.get(name, "")
                break
        values.append(value)
    return values


def run_default(
    chain: list[ET.Element], kind: str, styles: ET.Element | None, name: str, element: str
) -> str:
    """A first-level paragraph ("") or run (RUN) attribute (algn; sz, b, cap): the layout's,
    the master placeholder's, else the master's text style's."""
    for shape in chain:
        found = find(shape, f"p:txBody/a:lstStyle/a:lvl1pPr{element}")
        if found is not None and found.get(name):
            return found.get(name, "")
    if styles is None:
        return ""
    style = {"title": "titleStyle", "body": "bodyStyle"}.get(master_kind(kind), "otherStyle")
    found = find(styles, f"p:{style}/a:lvl1pPr{element}")
    return found.get(name, "") if found is not None else ""


def theme_fonts(theme: ET.Element) -> tuple[str, str]:
    """The theme's major and minor Latin typefaces."""
    major = find(theme, ".//a:fontScheme/a:majorFont/a:latin")
    minor = find(theme, ".//a:fontScheme/a:minorFont/a:latin")
    return (
        major.get("typeface", "") if major is not None else "",
        minor.get("typeface", "") if minor is not None else "",
    )


def theme_colors(theme: ET.Element) -> dict[str, str]:
    """The theme's colour scheme: slot name → RRGGBB."""
    scheme = find(theme, ".//a:clrScheme")
    colors = {}
    for slot in scheme if scheme is not None else []:
        value = slot[0].get("val") or slot[0].get("lastClr") if len(slot) else None
        colors[slot.tag.rsplit("}", 1)[-1]] = (value or "").upper()
    return colors


def escape(value: str) -> str:
    """Text escaped for an XML attribute value."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
