"""Read a YAML deck file safely into plain data, keeping every node's position.

Scalars stay text exactly as written (YAML 1.1's `NO` → False, `1.10` → 1.1 and `010` → 8
never happen); the model decides what a field's text means. Only plain empty, `~` and `null`
become None.
"""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.builder import MAX_CHARACTERS, MAX_DEPTH, MAX_VALUES, Builder, DataPath
from wocdeck.read.files import (
    NotARegularFile,
    kind_of,
    name_too_long,
    not_a_deck,
    read_limited,
)

MAX_BYTES = 4 * 1024 * 1024
__all__ = [
    "MAX_BYTES",
    "MAX_CHARACTERS",
    "MAX_DEPTH",
    "MAX_VALUES",
    "DataPath",
    "Source",
    "nearest",
    "parse",
    "read",
]


@dataclass
class Source:
    """A parsed YAML file: plain data plus the position of every key and value."""

    path: str
    data: Any
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the file's lines, for hints as written
    deferred: list[Problem] = field(default_factory=list)  # see parse(defer=True)
    written_in: str = ""  # the deck's own language, once one language's text is selected
    chosen: set[DataPath] = field(default_factory=set)  # values given in the language selected

    def resolve(self, loc: tuple[Any, ...]) -> DataPath:
        """Map a validation path onto the data, skipping parts the data does not have."""
        node, path = self.data, ()
        for part in loc:
            if _has(node, part):
                node = node[part]
            else:
                continue
            path += (part,)
        return path

    def location(self, path: DataPath, *, key: bool = False) -> Location:
        """The position of the value (or, with key=True, the key) at path, or its nearest parent."""
        while path:
            if key and path in self.keys:
                return Location(self.path, *self.keys[path])
            if path in self.values:
                return Location(self.path, *self.values[path])
            path = path[:-1]
        line, column = self.values.get((), (1, 1))
        return Location(self.path, line, column)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def read(file: Path, name: str | None = None, *, defer: bool = False) -> Source:
    """Read and parse a YAML file; every problem becomes a located DeckError (see parse)."""
    name = name or str(file)
    too_long = name_too_long(file)
    if too_long:
        raise DeckError.at(Location(name), too_long, "give the deck file a shorter name")
    try:
        raw = read_limited(file, MAX_BYTES)
        kind = kind_of(raw[:8])
        if kind:
            raise not_a_deck(name, kind, file)
    except IsADirectoryError:
        raise DeckError.at(Location(name), "this is a folder, not a deck file") from None
    except FileNotFoundError:
        raise DeckError.at(Location(name), "no such file") from None
    except PermissionError:
        raise DeckError.at(Location(name), "the file cannot be read (permission denied)") from None
    except NotARegularFile:
        raise DeckError.at(
            Location(name),
            "this is a device or socket, not a file",
            "give the path of a .yaml file",
        ) from None
    except OSError as exc:
        raise DeckError.at(Location(name), f"the file cannot be read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise DeckError.at(
            Location(name),
            f"the file is over {MAX_BYTES // (1024 * 1024)} MB; a deck file may be at most "
            f"{MAX_BYTES // (1024 * 1024)} MB",
            "keep pictures and data in their own files",
        )
    return parse(raw, name, defer=defer)


def parse(raw: bytes, name: str, *, defer: bool = False) -> Source:
    """Parse YAML bytes into a Source; every problem becomes a located DeckError. With defer,
    problems that leave the data readable (a comma inside { }) are kept in `deferred`, for the
    caller to report together with the model's."""
    if len(raw) > MAX_BYTES:
        raise DeckError.at(Location(name), f"the file is larger than {MAX_BYTES} bytes")
    built = Builder(name).build(_decode(raw, name))
    if built.deferred and not defer:
        raise DeckError(built.deferred)
    return Source(name, built.data, built.values, built.keys, built.lines, built.deferred)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "save the file as UTF-8"
        if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            hint = "the file is UTF-16; save it as UTF-8"
        raise DeckError.at(
            Location(name, line, column),
            f"byte 0x{raw[exc.start]:02X} at offset {exc.start} is not valid UTF-8",
            hint,
        ) from None


def nearest(word: str, choices: list[str]) -> str:
    """A 'did you mean' hint for word among choices, or a list of the choices."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "expected one of: " + ", ".join(choices)
