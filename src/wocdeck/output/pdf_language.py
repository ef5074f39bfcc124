"""A PDF's language (/Lang) set to its deck's: LibreOffice writes its own locale's
(en-US) whatever the presentation's language, and a screen reader reads the PDF in it."""

from __future__ import annotations

import io
from pathlib import Path

from wocdeck.read.pptx.package import NS, Package

CORE = "docProps/core.xml"


def deck_language(deck: Path) -> str:
    """The language the presentation declares (dc:language), or "" when it has none."""
    package = Package(deck)
    if CORE not in package.names:
        return ""
    found = package.xml(CORE).find("dc:language", {**NS, "dc": "http://purl.org/dc/elements/1.1/"})
    return (found.text or "").strip() if found is not None else ""


def with_language(pdf: bytes, language: str) -> bytes:
    """The PDF with /Lang set to language, appended as an incremental update (the pages'
    bytes untouched); as it was when it already says that language or none is known."""
    if not language:
        return pdf
    import pypdf
    from pypdf.generic import NameObject, TextStringObject

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    current = str(reader.trailer["/Root"].get("/Lang", ""))
    if current.split("-")[0].lower() == language.split("-")[0].lower():
        return pdf
    writer = pypdf.PdfWriter(reader, incremental=True)
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
