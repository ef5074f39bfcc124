"""Save a python-pptx package as deterministic .pptx bytes, in one pass."""

from __future__ import annotations

import io
import zipfile

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.presentation import Presentation

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    """The presentation as .pptx bytes: python-pptx's members and order, fixed times."""
    package = prs.part.package
    # PackageWriter's steps, run against our own zip so every member gets a fixed time:
    # python-pptx stamps the clock and offers no option, and rewriting the zip afterwards
    # would compress everything twice.
    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        members = _Members(archive)
        writer._write_content_types_stream(members)
        writer._write_pkg_rels(members)
        writer._write_parts(members)
    return buffer.getvalue()
