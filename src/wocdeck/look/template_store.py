"""The bundled template's reading, stored beside it (wipo.potx.json) so a render need not parse
its XML each time: the layouts, sizes, fonts and colours, with the digest of the file they were
read from. Used only for the bundled template, and only while its bytes have that digest; it is
written by tools/build_wipo_template.py, and a test checks it against a fresh reading."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from wocdeck.look.template_file import LayoutSpec, PlaceholderSpec, TemplateFile
from wocdeck.plan import Box


class StoredReading(NamedTuple):
    """A template as read before: all but its package, and what the package is made from."""

    template: TemplateFile  # with an empty package
    main: str  # the main part's member name, e.g. ppt/presentation.xml
    content_type: str  # the main part's content type as the file has it


def store_file(template: Path) -> Path:
    """Where a template's stored reading is: wipo.potx → wipo.potx.json."""
    return template.with_name(template.name + ".json")


def stored_reading(path: Path, data: bytes) -> StoredReading | None:
    """The stored reading of the template at path whose bytes are data; None when there is
    none or it was read from other bytes."""
    try:
        stored = json.loads(store_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("sha256") != _digest(data):
        return None
    try:
        return _reading(path, stored)
    except (KeyError, TypeError, ValueError):  # stored by another version: read the XML
        return None


def _reading(path: Path, stored: dict[str, Any]) -> StoredReading:
    layouts = tuple(
        LayoutSpec(
            **{**layout, "placeholders": tuple(_placeholder(p) for p in layout["placeholders"])}
        )
        for layout in stored["layouts"]
    )
    template = TemplateFile(
        path=path,
        package=b"",
        width=stored["width"],
        height=stored["height"],
        layouts=layouts,
        major_font=stored["major_font"],
        minor_font=stored["minor_font"],
        colors=stored["colors"],
        color_map=stored["color_map"],
        macros=stored["macros"],
        styles_missing=tuple(stored["styles_missing"]),
        body_scale=tuple(stored["body_scale"]),
    )
    return StoredReading(template, stored["main"], stored["content_type"])


def reading_json(reading: StoredReading, data: bytes) -> str:
    """A reading of the template whose bytes are data, as the text of its store file."""
    template = reading.template
    stored = {
        "sha256": _digest(data),
        "main": reading.main,
        "content_type": reading.content_type,
        "width": template.width,
        "height": template.height,
        "major_font": template.major_font,
        "minor_font": template.minor_font,
        "colors": template.colors,
        "color_map": template.color_map,
        "macros": template.macros,
        "styles_missing": list(template.styles_missing),
        "body_scale": list(template.body_scale),
        "layouts": [
            {**layout._asdict(), "placeholders": [_as_dict(p) for p in layout.placeholders]}
            for layout in template.layouts
        ],
    }
    return json.dumps(stored, indent=1, ensure_ascii=False) + "\n"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _as_dict(placeholder: PlaceholderSpec) -> dict[str, Any]:
    box = placeholder.box
    return {**placeholder._asdict(), "box": list(box) if box is not None else None}


def _placeholder(stored: dict[str, Any]) -> PlaceholderSpec:
    box = stored["box"]
    return PlaceholderSpec(**{**stored, "box": Box(*box) if box is not None else None})
