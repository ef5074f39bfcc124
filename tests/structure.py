"""A structural check of a .pptx package: relationships, content types, well-formed XML."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def problems(deck: Path) -> list[str]:
    """Everything structurally wrong with a package (an empty list when it is sound)."""
    found: list[str] = []
    with zipfile.ZipFile(deck) as package:
        names = set(package.namelist())
        types = etree.fromstring(package.read("[Content_Types].xml"))
        defaults = {d.get("Extension").lower() for d in types.iter(CT + "Default")}
        overrides = {o.get("PartName").lstrip("/") for o in types.iter(CT + "Override")}
        for name in sorted(names):
            if name.endswith("/"):
                continue
            typed = name in overrides or name.rsplit(".", 1)[-1].lower() in defaults
            if name != "[Content_Types].xml" and not typed:
                found.append(f"{name} has no content type")
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(package.read(name))
                except etree.XMLSyntaxError as exc:
                    found.append(f"{name} is not well-formed: {exc}")
                    continue
            if name.endswith(".rels"):
                found += _broken_targets(package, name, names)
        found += [f"content type for missing part {o}" for o in overrides - names]
    return found


def _broken_targets(package: zipfile.ZipFile, rels: str, names: set[str]) -> list[str]:
    folder = posixpath.dirname(posixpath.dirname(rels))
    out = []
    for rel in etree.fromstring(package.read(rels)).iter(RELS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        if path not in names:
            out.append(f"{rels}: {rel.get('Id')} points at missing {path}")
    return out
