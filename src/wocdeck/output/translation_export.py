"""A deck's texts as an XLIFF 1.2 file for a translator's CAT tool (Trados, memoQ, OmegaT).

One trans-unit per text: its id the field's path, its source the deck's text with `**`
emphasis as `<g ctype="bold">`, its target the translation given so far, a note naming the
slide and the field, and the source's hash (a context the tools keep) so that an import can
tell a translation of a text that has changed since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wocdeck.read.xliff import NAMESPACE
from wocdeck.read.xliff_texts import text_hash


@dataclass(frozen=True)
class Unit:
    """One text to translate as it goes into the XLIFF file."""

    id: str
    source: str
    target: str | None
    state: str  # translated, missing or stale
    note: str


def xliff_bytes(
    original: str, source_language: str, target_language: str, units: Iterable[Unit]
) -> bytes:
    """The XLIFF 1.2 document for units, as UTF-8 bytes."""
    from lxml import etree

    root = etree.Element(_tag("xliff"), {"version": "1.2"}, nsmap={None: NAMESPACE})
    part = _element(root, "file", original=original, datatype="plaintext")
    part.set("source-language", source_language)
    part.set("target-language", target_language)
    _element(_element(part, "header"), "tool", **{"tool-id": "wocdeck", "tool-name": "wocdeck"})
    body = _element(part, "body")
    for unit in units:
        item = _element(body, "trans-unit", id=unit.id, resname=unit.id)
        if unit.source != unit.source.strip() or "  " in unit.source or "\n" in unit.source:
            item.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        _marked(_element(item, "source"), unit.source)
        if unit.target is not None:
            state = "needs-review-translation" if unit.state == "stale" else "translated"
            _marked(_element(item, "target", state=state), unit.target)
        group = _element(item, "context-group", purpose="information")  # no name: unique per file
        _element(group, "context", **{"context-type": "x-source-hash"}).text = text_hash(
            unit.source
        )
        _element(item, "note", **{"from": "wocdeck"}).text = unit.note
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _element(parent: Any, name: str, /, **attributes: str) -> Any:
    from lxml import etree

    return etree.SubElement(parent, _tag(name), attributes)


def _marked(holder: Any, text: str) -> None:
    """Fill an element with text, each `**…**` span as `<g ctype="bold">`."""
    parts = text.split("**")
    if len(parts) % 2 == 0:  # an unpaired ** stays as written
        parts = [text]
    holder.text = parts[0]
    for index in range(1, len(parts), 2):
        bold = _element(holder, "g", id=str(index // 2 + 1), ctype="bold")
        bold.text, bold.tail = parts[index], parts[index + 1]
