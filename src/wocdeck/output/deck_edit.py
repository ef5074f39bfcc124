"""Edit a deck file in place of its text: values replaced at their exact position, so that
comments, order, quoting, line wrapping and blank lines stay as the editor wrote them.

ruamel.yaml composes the file into nodes that know where they start and end; an edit is a
splice of the file's text at those positions, applied when the result is taken.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Location
from wocdeck.read.files import read_limited
from wocdeck.read.source import MAX_BYTES, Source

DataPath = tuple[str | int, ...]


@dataclass
class DeckEdit:
    """A deck file's text, its composed nodes, and the splices waiting to be applied."""

    path: Path
    text: str
    root: Any
    source: Source  # the same file as the deck reader reads it: plain data and positions
    splices: list[tuple[int, int, str]] = field(default_factory=list)

    def node(self, path: DataPath) -> Any:
        """The node at a path of keys and list positions, or None."""
        node = self.root
        for part in path:
            node = child(node, part)
            if node is None:
                return None
        return node

    def written(self, node: Any) -> str:
        """A node's text as written."""
        return self.text[node.start_mark.index : node.end_mark.index]

    def line(self, node: Any) -> int:
        """A node's line number, counted from 1."""
        return int(node.start_mark.line) + 1

    def replace(self, start: int, end: int, text: str) -> None:
        """Replace the file's text between two positions (applied by result())."""
        self.splices.append((start, end, text))

    def set_scalar(self, node: Any, text: str) -> None:
        """Replace a scalar value's text (written as given: quote it first when needed)."""
        self.replace(node.start_mark.index, node.end_mark.index, text)

    def line_end(self, index: int) -> int:
        """The position of the end of the line holding index (before its line break)."""
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end

    def result(self) -> str:
        """The text with every splice applied."""
        text = self.text
        for start, end, new in sorted(self.splices, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def child(node: Any, part: str | int) -> Any:
    """A mapping's value under a key, or a sequence's item; None when absent."""
    kind = type(node).__name__
    if kind == "MappingNode" and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return value
    if kind == "SequenceNode" and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def entries(node: Any) -> Iterator[tuple[str, Any]]:
    """A mapping node's keys and value nodes (nothing for any other node)."""
    if type(node).__name__ == "MappingNode":
        for key, value in node.value:
            yield str(key.value), value


def load_for_edit(path: Path) -> DeckEdit:
    """Read a deck file for editing; a file YAML cannot read is a located DeckError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    from wocdeck.read.source import read

    source = read(path)  # the deck reader's own checks and messages come first
    text = read_limited(path, MAX_BYTES).decode("utf-8-sig").replace("\r\n", "\n")
    try:
        root = YAML(typ="rt").compose(text)
    except MarkedYAMLError as exc:  # pragma: no cover - parse() refuses what ruamel refuses
        mark = exc.problem_mark
        where = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        raise DeckError.at(where, f"YAML cannot read this file: {exc.problem}") from None
    return DeckEdit(path, text, root, source)


_PLAIN = re.compile(r"^[A-Za-z0-9(][^:#\n\"'\\{}\[\],&*!|>%@`]*$")


def yaml_text(text: str) -> str:
    """Text as a YAML scalar the deck reader reads back exactly: plain where that is safe,
    else double-quoted."""
    plain = _PLAIN.match(text) and text == text.strip() and text not in ("null", "Null", "NULL")
    if plain and not text.endswith((" -", "?")):
        return text
    return json.dumps(text, ensure_ascii=False)
