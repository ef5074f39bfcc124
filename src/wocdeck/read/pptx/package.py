"""A .pptx opened as an untrusted zip of XML parts: sizes capped, DTDs refused, entities and
the network never touched; parts found through their relationships."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Location

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_EXPANDED_BYTES = 1024 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, expanded
MAX_MEMBERS = 20_000
MAX_SLIDES = 1000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .ppt files
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
R_ID = f"{{{NS['r']}}}id"
R_EMBED = f"{{{NS['r']}}}embed"
_SAVE = "open it in PowerPoint and save it as a .pptx presentation"


class Package:
    """The parts of a .pptx, read on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = Location(str(path))
        data = self._bytes()
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise self.fail(f"the file is damaged ({exc})", _SAVE) from None
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_EXPANDED_BYTES:
            raise self.fail("the file expands to more than 1 GB or 20,000 parts", _SAVE)
        self.names = {i.filename for i in infos}
        if "[Content_Types].xml" not in self.names or "ppt/presentation.xml" not in self.names:
            raise self.fail("this is a zip file but not a PowerPoint presentation", _SAVE)

    def fail(self, message: str, hint: str = "") -> DeckError:
        """A located error about the presentation."""
        return DeckError.at(self.where, message, hint)

    def _bytes(self) -> bytes:
        path = self.path
        if path.is_dir():
            raise self.fail("this is a folder, not a presentation", "give a .pptx file")
        if not path.is_file():
            raise self.fail("no such file", "check the name and path")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise self.fail(
                "the file is larger than 200 MB", "remove videos or large pictures from it"
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise self.fail(f"the file cannot be read: {exc.strerror}") from None
        if data.startswith(OLE_SIGNATURE):
            raise self.fail(
                "the presentation is password-protected (encrypted) or an old .ppt file",
                "remove the password, or open it in PowerPoint and save it as .pptx",
            )
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise self.fail("this is not a PowerPoint presentation (.pptx)", _SAVE)
        return data

    def data(self, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
        """A part's bytes (at most limit once expanded)."""
        if name not in self.names:
            raise self.fail(f"the presentation is damaged: {name} is missing", _SAVE)
        if self.zip.getinfo(name).file_size > limit:
            raise self.fail(f"the part {name} is too large to read", _SAVE)
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
            raise self.fail(f"the presentation is damaged: {name} cannot be read ({exc})") from None

    def xml(self, name: str) -> Any:
        """A part parsed as XML, hardened: no DTD, no entities, no network."""
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(self.data(name, MAX_PART_BYTES), parser)
        except etree.XMLSyntaxError as exc:
            raise self.fail(f"the presentation is damaged: {name} is not XML ({exc})") from None
        if root is None or root.getroottree().docinfo.doctype:
            raise self.fail(f"the part {name} declares a DTD, which a presentation never does")
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str | None]]:
        """rId → (the relationship's kind, the member it targets; None when external)."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if rels_name not in self.names:
            return {}
        found: dict[str, tuple[str, str | None]] = {}
        for rel in self.xml(rels_name).findall("rel:Relationship", NS):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            member: str | None = None
            if rel.get("TargetMode") != "External":
                joined = posixpath.join(folder, target) if not target.startswith("/") else target
                member = posixpath.normpath(joined).lstrip("/")
                member = member if member in self.names else None
            found[rel.get("Id", "")] = (kind, member)
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The first member a part relates to with a relationship of kind."""
        return next((m for k, m in self.rels(part).values() if k == kind and m), None)

    def slides(self) -> list[str]:
        """The slide parts in the presentation's order."""
        presentation = self.xml("ppt/presentation.xml")
        rels = self.rels("ppt/presentation.xml")
        ids = presentation.findall("p:sldIdLst/p:sldId", NS)
        if len(ids) > MAX_SLIDES:
            raise self.fail(
                f"the presentation has {len(ids):,} slides; wocdeck imports at most {MAX_SLIDES:,}",
                "split it into smaller presentations and import each",
            )
        slides = []
        for number, slide in enumerate(ids, 1):
            member = rels.get(slide.get(R_ID, ""), ("", None))[1]
            if member is None:
                raise self.fail(f"the presentation is damaged: slide {number} is missing", _SAVE)
            slides.append(member)
        return slides
