"""A template's package taken apart and rebuilt: only what a deck is drawn with is carried.

Walking the relationships from the package's root, every part is kept but those that are
active, external or the template's own metadata: external links (linked pictures, hyperlinks
to files or the web, an attached template), embedded (OLE) objects, ActiveX controls, macros,
custom XML and properties, comments, the thumbnail and the document properties (python-pptx
writes the deck's own). References to what was dropped are taken out of the parts that made
them, so PowerPoint finds nothing missing. Every XML part carried is refused if it declares
a DTD or entities. Each kind of thing dropped is said once.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from wocdeck.look.template_parts import MACRO_RELATIONSHIPS, escape

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# a relationship type's last word → what the user is told was removed ("" : said by others
# or not worth saying: the template's thumbnail and properties, which the deck replaces)
DROPPED = {
    "oleObject": "embedded objects (OLE)",
    "package": "embedded objects (OLE)",
    "activeXControl": "ActiveX controls",
    "activeXControlBinary": "ActiveX controls",
    "control": "ActiveX controls",
    "customXml": "custom XML",
    "customXmlProps": "custom XML",
    "custom-properties": "custom properties",
    "comments": "comments",
    "commentAuthors": "comments",
    "authors": "comments",
    "thumbnail": "",
    "extended-properties": "",
    "core-properties": "",
    **{kind: "" for kind in MACRO_RELATIONSHIPS},
}
EXTERNAL = "external links"
MAX_EXPANDED_BYTES = 1024 * 1024 * 1024
MAX_PART_BYTES = 256 * 1024 * 1024  # one part, expanded (a video may be large)
MAX_RATIO = 100  # expanded over compressed, for a part of more than a megabyte
_DTD = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
EXPECTED_TYPES = {
    kind: f"{_PML}{kind}+xml"
    for kind in (
        "slideMaster",
        "slideLayout",
        "slide",
        "notesMaster",
        "notesSlide",
        "handoutMaster",
        "presProps",
        "viewProps",
        "tableStyles",
    )
} | {"theme": "application/vnd.openxmlformats-officedocument.theme+xml"}
_RELATIONSHIPS = (
    f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<Relationships xmlns=\"{REL_NS}\">"
)
_XML_NAME = re.compile(r"\.(xml|rels|vml)$", re.I)
_WHOLE = {"oleObj", "control"}  # a reference inside these takes its whole frame with it

Fail = Callable[[str, str], Exception]


def check_sizes(archive: zipfile.ZipFile, path: Path, fail: Callable[[str], Exception]) -> None:
    """Refuse a zip bomb from the sizes its directory declares, before a part is read (the
    zip reader stops at the declared size)."""
    infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_EXPANDED_BYTES:
        raise fail(f"the template {path} expands to more than 1 GB")
    for info in infos:
        size = info.file_size
        if size > MAX_PART_BYTES or (
            size > 1 << 20 and size > MAX_RATIO * max(1, info.compress_size)
        ):
            raise fail(
                f"the template {path} has a part ({info.filename}) that expands to "
                f"{size / 1024 / 1024:,.0f} MB from {info.compress_size / 1024:,.0f} KB, "
                f"as a zip bomb does; at most {MAX_PART_BYTES // 1024 // 1024} MB a part and "
                f"{MAX_RATIO} times its compressed size"
            )


def zipped(members: Iterable[tuple[str, bytes]]) -> bytes:
    """Members as a zip file's bytes, stored: the package only goes to the writer, in memory,
    and python-pptx compresses what it saves (deflating here took a quarter of reading a
    template)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name, blob in members:
            target.writestr(name, blob)
    return out.getvalue()


def member_of(folder: str, target: str) -> str:
    """The zip member a relationship's target names, from the folder of the part it is in."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def has_dtd(blob: bytes) -> bool:
    """Whether an XML part declares a DTD or entities (in UTF-8 or UTF-16)."""
    return any(marker in blob for marker in _DTD)


def rebuilt(
    archive: zipfile.ZipFile, replace: dict[str, bytes], fail: Fail
) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The members a deck is drawn with (name → bytes), and what kinds were removed.

    replace: members whose bytes are given (the content types with the main type changed).
    Relationship parts are written anew; a reference to a relationship a part does not have,
    and a part whose content type is not its kind's, are errors (the template is damaged).
    """
    names = set(archive.namelist())
    kept: dict[str, bytes] = {}
    kinds: dict[str, str] = {}  # a part → the kind of relationship it was reached by
    removed: list[str] = []
    pending = [""]  # the package itself, whose relationships are _rels/.rels
    while pending:
        part = pending.pop()
        if part in kept:
            continue
        blob = replace.get(part) or archive.read(part) if part else b""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        rels = Rels(b"", set(), set(), {})
        if rels_name in names:
            rels = _filtered(archive.read(rels_name), folder, fail, removed)
            kept[rels_name] = rels.blob
        for member, kind in rels.targets.items():
            if member in names:
                kinds.setdefault(member, kind)
                pending.append(member)
        if part:
            kept[part] = _checked_references(blob, part, rels, fail)
    types = replace.get("[Content_Types].xml") or archive.read("[Content_Types].xml")
    kept["[Content_Types].xml"] = types
    _check_types(types, kinds, fail)
    for member, blob in kept.items():
        if _XML_NAME.search(member) and has_dtd(blob):
            raise fail(
                f"its part {member} declares a DTD or entities, which wocdeck refuses",
                "save the template again from PowerPoint",
            )
    said = tuple(dict.fromkeys(kind for kind in removed if kind))
    return kept, said


class Rels(NamedTuple):
    """A part's relationships as carried: the .rels XML, the ids kept and dropped, and each
    target member with the kind of relationship to it."""

    blob: bytes
    ids: set[str]
    gone: set[str]
    targets: dict[str, str]


def _filtered(blob: bytes, folder: str, fail: Fail, removed: list[str]) -> Rels:
    """A .rels part written anew without the dropped relationships."""
    import xml.etree.ElementTree as ET

    if has_dtd(blob):
        raise fail("a relationships part declares a DTD, which wocdeck refuses", "")
    try:
        root = ET.fromstring(blob)
    except ET.ParseError as exc:
        raise fail(f"a relationships part is damaged ({exc})", "") from None
    ids: set[str] = set()
    gone: set[str] = set()
    targets: dict[str, str] = {}
    lines = [_RELATIONSHIPS]
    for rel in root:
        if rel.tag.rpartition("}")[2] != "Relationship":
            continue
        rid, kind_uri = rel.get("Id", ""), rel.get("Type", "")
        kind = kind_uri.rsplit("/", 1)[-1]
        external = rel.get("TargetMode") == "External"
        if external or kind in DROPPED:
            removed.append(EXTERNAL if external else DROPPED[kind])
            gone.add(rid)
            continue
        target = rel.get("Target", "")
        ids.add(rid)
        targets[member_of(folder, target)] = kind
        lines.append(
            f'<Relationship Id="{escape(rid)}" Type="{escape(kind_uri)}" '
            f'Target="{escape(target)}"/>'
        )
    lines.append("</Relationships>")
    return Rels("".join(lines).encode(), ids, gone, targets)


def _checked_references(blob: bytes, part: str, rels: Rels, fail: Fail) -> bytes:
    """A part without its references (r:id, r:embed, r:link, ...) to dropped relationships:
    an attribute goes; an OLE object or ActiveX control goes with its whole frame. A
    reference to a relationship the part does not have is an error."""
    if part.lower().endswith(".svg"):
        return _clean_drawing(blob, part, fail)
    if not _XML_NAME.search(part) or R_NS.encode() not in blob:
        return blob  # no reference to a relationship can be made without the namespace
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise fail(f"its part {part} is damaged ({exc})", "") from None
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for key, value in list(element.attrib.items()):
            if not key.startswith(f"{{{R_NS}}}") or value in rels.ids:
                continue
            if value not in rels.gone:
                raise fail(
                    f"its part {part} refers to a relationship '{value}' it does not have",
                    "open it in PowerPoint, let it repair the file, and save it again",
                )
            changed = True
            if etree.QName(element).localname in _WHOLE:
                _remove_frame(element)
                break
            del element.attrib[key]
    if not changed:
        return blob
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_drawing(blob: bytes, part: str, fail: Fail) -> bytes:
    """An SVG picture of the template, cleaned as a deck's drawings are."""
    from wocdeck.read.svg import DrawingError, cleaned

    try:
        return cleaned(blob, part)
    except DrawingError as exc:
        raise fail(exc.message, exc.hint) from None


def _check_types(types: bytes, kinds: dict[str, str], fail: Fail) -> None:
    """Every part carried has a content type, and the parts python-pptx reads by kind have
    their kind's (a layout that says it is something else is not read as a layout)."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(types)
    except ET.ParseError as exc:
        raise fail(f"its content types are damaged ({exc})", "") from None
    defaults, overrides = {}, {}
    for item in root:
        local = item.tag.rpartition("}")[2]
        if local == "Default":
            defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        elif local == "Override":
            overrides[item.get("PartName", "").lstrip("/")] = item.get("ContentType", "")
    for member, kind in kinds.items():
        declared = overrides.get(member) or defaults.get(member.rpartition(".")[2].lower())
        expected = EXPECTED_TYPES.get(kind)
        if declared is None or (expected is not None and declared != expected):
            raise fail(
                f"its part {member} has the content type {declared or 'none'}"
                + (f", not {expected}" if expected else ""),
                "open it in PowerPoint, let it repair the file, and save it again",
            )


def _remove_frame(element: object) -> None:
    """Remove the shape (graphic frame, or the markup-compatibility block) holding element."""
    node = element
    holder = None
    while node is not None:
        name = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""  # type: ignore[attr-defined]
        if name == "spTree":
            break
        if name in ("graphicFrame", "AlternateContent"):
            holder = node
        node = node.getparent()  # type: ignore[attr-defined]
    target = holder if holder is not None else element
    parent = target.getparent()  # type: ignore[attr-defined]
    if parent is not None:
        parent.remove(target)
