"""A scan of a generated deck for anything active or leaking: what a received folder must
never get into the output (formulas or links in embedded workbooks, external targets,
OLE, ActiveX and VBA parts, DTDs, scripts and foreign content in SVG drawings)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

_ACTIVE_PARTS = re.compile(r"(vbaProject|activeX|oleObject|embeddings/.*\.bin$|customXml/)", re.I)
_SVG_ACTIVE = re.compile(
    rb"<script|\son[a-z]+\s*=|javascript:|<foreignObject|href\s*=\s*[\"'](?!data:image/|#)",
    re.I,
)


def active_content(pptx: Path) -> list[str]:
    """Every active or external thing in the deck's parts and embedded workbooks, described."""
    found: list[str] = []
    with zipfile.ZipFile(pptx) as package:
        for name in package.namelist():
            data = package.read(name)
            found += _scan_part(name, data)
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(data)) as workbook:
                    for inner in workbook.namelist():
                        found += _scan_part(f"{name}!{inner}", workbook.read(inner))
    return found


def _scan_part(name: str, data: bytes) -> list[str]:
    found = []
    if _ACTIVE_PARTS.search(name):
        found.append(f"{name}: an OLE, ActiveX, VBA or custom XML part")
    xml = name.endswith((".xml", ".rels", ".svg", ".vml"))
    if xml and (b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data):
        found.append(f"{name}: a DTD")
    if name.endswith(".rels") and b'TargetMode="External"' in data:
        found.append(f"{name}: an external relationship")
    if "!xl/worksheets/" in name and (b"<f>" in data or b"<f " in data):
        found.append(f"{name}: a formula")
    if "!xl/worksheets/" in name and b"<hyperlink" in data:
        found.append(f"{name}: a hyperlink")
    if name.endswith(".svg") and _SVG_ACTIVE.search(data):
        found.append(f"{name}: a script, event handler, foreign object or outside link")
    return found
