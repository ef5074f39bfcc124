"""Save a python-pptx package as deterministic .pptx bytes, in one pass."""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import lru_cache

from pptx.opc.package import Part, _Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.presentation import Presentation

from wocdeck.writer.markup import attribute

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_RELATIONSHIPS = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


class _Members:
    """A zip writer with fixed member times, in the shape PackageWriter writes to."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Add one member."""
        member = zipfile.ZipInfo(pack_uri.membername, ZIP_TIME)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        self._archive.writestr(member, blob)


def save(prs: Presentation) -> bytes:
    """The presentation as .pptx bytes: python-pptx's members, order and XML; fixed times."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    # PackageWriter's steps, run against our own zip so every member gets a fixed time:
    # python-pptx stamps the clock and offers no option, and rewriting the zip afterwards
    # would compress everything twice.
    writer = PackageWriter(io.BytesIO(), package._rels, parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        members = _Members(archive)
        writer._write_content_types_stream(members)
        writer._write_pkg_rels(members)
        for part in parts:
            members.write(part.partname, part.blob)
            if part._rels:
                members.write(part.partname.rels_uri, relationships_xml(part))
    return buffer.getvalue()


def relationships_xml(part: Part) -> bytes:
    """A part's .rels XML, as python-pptx's `_Relationships.xml` writes it.

    python-pptx builds an element tree and a relative path per relationship, a third of the
    save time of a large deck; this writes the same bytes directly, with relative paths
    worked out once per folder pair.
    """
    rels: _Relationships = part.rels
    base = part.partname.baseURI
    lines = [_RELATIONSHIPS]
    for rId in sorted(rels.keys(), key=_rId_number):
        rel = rels[rId]
        if rel.is_external:
            target, mode = rel.target_ref, ' TargetMode="External"'
        else:
            target, mode = _relative(rel.target_partname, base), ""
        lines.append(
            f'<Relationship Id="{attribute(rId)}" Type="{attribute(rel.reltype)}" '
            f'Target="{attribute(target)}"{mode}/>'
        )
    lines.append("</Relationships>")
    return "".join(lines).encode()


def _rId_number(rId: str) -> tuple[int, str]:
    """python-pptx's order: by the number in rIdN; other ids first."""
    return (int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId)


def _relative(partname: str, base: str) -> str:
    """python-pptx's `PackURI.relative_ref`, with the folder part cached."""
    if base == "/":
        return partname[1:]
    folder, name = posixpath.split(partname)
    relative = _relative_folder(folder, base)
    return name if relative == "." else f"{relative}/{name}"


@lru_cache(maxsize=256)
def _relative_folder(folder: str, base: str) -> str:
    return posixpath.relpath(folder, base)
