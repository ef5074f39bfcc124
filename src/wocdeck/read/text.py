"""Text from a received file, made harmless: direction controls closed where a field ends,
text of nothing but invisible characters recognised, and any text shown in a message with its
control characters escaped (a terminal never runs an escape sequence from a deck)."""

from __future__ import annotations

import re
import unicodedata

# Direction controls: embeddings and overrides end with PDF, isolates with PDI (UAX #9).
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_ISOLATES = {"\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_CLOSERS = {"\u202c", "\u2069"}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Shown escaped in messages: C0 and C1 controls but the line break and tab, direction
# controls and marks, line and paragraph separators, the byte order mark.
_UNSHOWN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}  # fillers drawn as nothing


def balanced(text: str) -> str:
    """The text with every direction embedding, override or isolate it opens closed at its
    end, so a right-to-left override in one field never reverses the next (the footer)."""
    if not _BIDI.search(text):
        return text
    stack: list[str] = []
    for char in text:
        if char in _OPENERS:
            stack.append(_OPENERS[char])
        elif char in _ISOLATES:
            stack.append(_ISOLATES[char])
        elif char in _CLOSERS:
            if char == "\u2069":  # a PDI closes its isolate and any embedding inside it
                while stack and stack.pop() != "\u2069":
                    pass
            elif stack and stack[-1] == "\u202c":
                stack.pop()
    return text + "".join(reversed(stack))


def invisible_only(text: str) -> bool:
    """Whether the text has characters but none that shows (zero-width spaces, joiners,
    direction marks, blank fillers, spaces)."""
    return bool(text) and all(
        char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in ("Cf", "Cc")
        for char in text
    )


def printable(text: str) -> str:
    """Text as a message shows it: control and direction characters as \\u escapes."""
    if not _UNSHOWN.search(text):
        return text
    return _UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
