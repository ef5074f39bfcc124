"""Read an XLIFF 1.2 file that comes back from a translator, as untrusted input.

lxml parses it with no DTD, no entities and no network, never more than MAX_XLIFF_BYTES; a
file that declares a DOCTYPE is refused. Inline markup comes back as the deck writes it:
`<g ctype="bold">` (or a `<bpt>`/`<ept>` pair) is `**…**`; `<mrk>` segments a CAT tool adds
are read through. Every problem is located in the XLIFF file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.files import NotARegularFile, read_limited

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
MAX_XLIFF_BYTES = 16 * 1024 * 1024
_NS = "{" + NAMESPACE + "}"
_AGAIN = "export it again with wocdeck translate export, and send the translator that file"


@dataclass(frozen=True)
class XliffUnit:
    """One trans-unit: its id, source and target (with `**` emphasis), the source's hash."""

    id: str
    source: str
    target: str | None
    hash: str | None
    line: int
    reviewed: bool = True  # False while the target's state asks for a (re)translation


@dataclass(frozen=True)
class XliffFile:
    """What an XLIFF file says it is for, and its units."""

    path: str
    original: str
    source_language: str
    target_language: str
    units: tuple[XliffUnit, ...]
    line: int  # where its <file> element is


def read_xliff(file: Path) -> XliffFile:
    """An XLIFF 1.2 file's units; a file that is not one is a located DeckError."""
    from lxml import etree

    name = str(file)
    try:
        raw = read_limited(file, MAX_XLIFF_BYTES)
    except (IsADirectoryError, NotARegularFile):
        raise DeckError.at(
            Location(name), "this is not a file", "give the translated .xlf file"
        ) from None
    except OSError as exc:
        raise DeckError.at(Location(name), f"cannot read this file: {exc.strerror}") from None
    if len(raw) > MAX_XLIFF_BYTES:
        raise DeckError.at(
            Location(name), f"the file is larger than {MAX_XLIFF_BYTES // 2**20} MB", _AGAIN
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        reason = str(exc.msg).split(",")[0] if exc.msg else "it cannot be read"
        raise DeckError.at(
            Location(name, line, column + 1 if line else 0),
            f"this is not a well-formed XLIFF file ({reason})",
            "it may have been cut short or edited by hand; " + _AGAIN,
        ) from None
    if root.getroottree().docinfo.doctype:
        raise DeckError.at(
            Location(name, 1),
            "this XLIFF file declares a DOCTYPE, which wocdeck does not read",
            _AGAIN,
        )
    return _document(name, root)


def _document(name: str, root: Any) -> XliffFile:
    if root.tag != _NS + "xliff":
        version = root.get("version", "")
        what = f"XLIFF {version}" if root.tag.endswith("xliff") and version else "not XLIFF 1.2"
        raise DeckError.at(
            Location(name, root.sourceline or 1),
            f"this file is {what}; wocdeck reads XLIFF 1.2",
            "save it from your translation tool as XLIFF 1.2 (.xlf), or " + _AGAIN,
        )
    files = root.findall(_NS + "file")
    if len(files) != 1:
        raise DeckError.at(
            Location(name, root.sourceline or 1),
            f"this XLIFF file has {len(files)} <file> parts; a deck's has one",
            _AGAIN,
        )
    part = files[0]
    at = Location(name, part.sourceline or 1)
    missing = [a for a in ("original", "source-language", "target-language") if not part.get(a)]
    if missing:
        raise DeckError.at(at, f"the <file> part has no {missing[0]}", _AGAIN)
    units, problems = [], []
    for element in part.iter(_NS + "trans-unit"):
        try:
            units.append(_unit(name, element))
        except DeckError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DeckError(problems)
    return XliffFile(
        name,
        part.get("original"),
        part.get("source-language"),
        part.get("target-language"),
        tuple(units),
        part.sourceline or 1,
    )


def _unit(name: str, element: Any) -> XliffUnit:
    where = Location(name, element.sourceline or 0)
    unit = element.get("id")
    if not unit:
        raise DeckError.at(where, "a <trans-unit> has no id", _AGAIN)
    source = element.find(_NS + "source")
    if source is None:
        raise DeckError.at(where, f"the unit '{unit}' has no <source>", _AGAIN)
    target = element.find(_NS + "target")
    hashes = [
        c.text.strip()
        for c in element.iter(_NS + "context")
        if c.get("context-type") == "x-source-hash" and c.text
    ]
    translated = _inline(name, unit, target) if target is not None else None
    return XliffUnit(
        unit,
        _inline(name, unit, source),
        translated if translated and translated.strip() else None,
        hashes[0] if hashes else None,
        element.sourceline or 0,
        target is None or not str(target.get("state", "")).startswith(("needs-", "new")),
    )


def _inline(name: str, unit: str, element: Any) -> str:
    """An element's text with its inline markup as the deck writes it."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.removeprefix(_NS) if isinstance(child.tag, str) else ""
        if tag in ("g", "mrk"):
            inner = _inline(name, unit, child)
            bold = tag == "g" and child.get("ctype", "bold") in ("bold", "x-bold")
            parts.append(f"**{inner}**" if bold else inner)
        elif tag in ("bpt", "ept"):
            parts.append("**")
        elif tag:  # <x/>, <ph>, <bx/>, <ex/>, <it>: wocdeck never writes them
            raise DeckError.at(
                Location(name, child.sourceline or 0),
                f"the unit '{unit}' has <{tag}> markup, which the deck's text cannot hold",
                "keep only the text and the bold markup the exported file had",
            )
        parts.append(child.tail or "")
    return "".join(parts)


def problem(
    file: XliffFile, unit: XliffUnit, message: str, hint: str = "", severity: str = "error"
) -> Problem:
    """A problem with one unit, located at its line in the XLIFF file."""
    return Problem(Location(file.path, unit.line), message, hint, severity)
