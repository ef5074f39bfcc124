"""Figures emptied for next year: a tile's value moved into `history:` (and `previous:`), the
budget's amount left empty, each with a comment giving last year's figure.

A flow mapping (`{label: PCT, value: 33745}`) is rewritten as a block, so the empty `value:`
can carry its comment; a block mapping keeps its lines, comments and blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wocdeck.output.deck_edit import DeckEdit, entries


@dataclass(frozen=True)
class Entry:
    """One `key: value` of a mapping as lines of text (without the key's indentation)."""

    key: str
    text: str


def is_empty(node: Any) -> bool:
    """Whether a value node is missing or written empty (`value:`, `value: ~`, `value: ""`)."""
    if node is None:
        return True
    if type(node).__name__ != "ScalarNode":
        return False
    if node.style in ("'", '"'):
        return node.value.strip() == ""
    return node.value.strip() in ("", "~", "null", "Null", "NULL")


def rewrite(edit: DeckEdit, node: Any, changed: dict[str, str | None], added: list[Entry]) -> None:
    """Rewrite a mapping node: `changed` maps a key to its new text (None: the entry goes),
    `added` entries are appended in order."""
    indent = _key_column(edit, node)
    if node.flow_style:
        lines = []
        for key_node, value in node.value:
            key = str(key_node.value)
            text = changed.get(key, f"{edit.written(key_node)}: {edit.written(value)}")
            if text is not None:
                lines.append(text)
        lines += [entry.text for entry in added]
        pad = "\n" + " " * indent
        start = node.start_mark.index
        first = ""
        if not _in_sequence(edit, node):  # `budget: {…}` → `budget:` and the keys below it
            first = pad
            start = len(edit.text[:start].rstrip(" "))
        edit.replace(start, node.end_mark.index, first + pad.join(lines))
        return
    for key_node, value in node.value:
        key = str(key_node.value)
        if key not in changed:
            continue
        start = edit.text.rfind("\n", 0, key_node.start_mark.index) + 1
        end = edit.line_end(_last_index(value))
        text = changed[key]
        if text is None:
            edit.replace(start, min(end + 1, len(edit.text)), "")
        else:
            after = edit.text[_last_index(value) + 1 : end]  # its comment, spacing kept
            kept = "" if "#" in text or not after.strip().startswith("#") else after
            edit.replace(start, end, " " * indent + text + kept)
    if added:
        last = _last_index(node.value[-1][1])
        at = edit.line_end(last)
        edit.replace(at, at, "".join("\n" + " " * indent + entry.text for entry in added))


def with_history(edit: DeckEdit, node: Any, year: str, old: str) -> str:
    """A `history:` value with last year's figure added under its year, written as a flow
    mapping: `{2016: 41, 2017: 47, 2018: 87}`."""
    pairs = [
        f"{edit.written(key)}: {edit.written(value)}"
        for key, value in (node.value if node is not None else [])
        if str(key.value) != year
    ]
    return "{" + ", ".join([*pairs, f"{year}: {old}"]) + "}"


def value_of(node: Any, key: str) -> Any:
    """The value node under key, or None."""
    for name, value in entries(node):
        if name == key:
            return value
    return None


def _key_column(edit: DeckEdit, node: Any) -> int:
    """The column a block mapping's keys start at (for a flow mapping: where it would)."""
    if not node.flow_style:
        return int(node.value[0][0].start_mark.column) if node.value else 0
    if _in_sequence(edit, node):
        return int(node.start_mark.column)
    line_start = edit.text.rfind("\n", 0, node.start_mark.index) + 1
    owner = edit.text[line_start : node.start_mark.index]
    return len(owner) - len(owner.lstrip(" -")) + 2


def _in_sequence(edit: DeckEdit, node: Any) -> bool:
    """Whether a node is written as a list item (`- {…}`)."""
    before = edit.text[: node.start_mark.index].rstrip(" ")
    return before.endswith("-")


def _last_index(node: Any) -> int:
    """The position of a node's last character (a block's end mark lies past its line)."""
    if type(node).__name__ == "MappingNode" and node.value and not node.flow_style:
        return _last_index(node.value[-1][1])
    if type(node).__name__ == "SequenceNode" and node.value and not node.flow_style:
        return _last_index(node.value[-1])
    return max(int(node.start_mark.index), int(node.end_mark.index) - 1)
