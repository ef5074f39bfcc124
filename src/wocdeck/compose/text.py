"""Text as the editor writes it turned into runs: `**` emphasis, plain text, fact labels."""

from __future__ import annotations

import re

from wocdeck.plan import Run

SLOT = "\x00"  # stands for a phrase's value while it is split into label and value
# Spaces written against a full-width bracket: the bracket's glyph carries its own space.
_OPENING, _CLOSING = "（【〔「『〈《", "）】〕」』〉》"
_OPEN, _CLOSE, _SPACE, _MARK = f"[{_OPENING}]", f"[{_CLOSING}]", "[ \u00a0]+", "(?:\\*\\*)?"
_LOOSE = "|".join(
    (
        f"(?<=\\w){_SPACE}(?={_MARK}{_OPEN})|(?<=\\w\\*\\*){_SPACE}(?={_OPEN})",  # word, (
        f"(?<={_OPEN}){_SPACE}|(?<={_OPEN}\\*\\*){_SPACE}",  # inside, after the bracket
        f"{_SPACE}(?={_MARK}{_CLOSE})",  # inside, before the closing bracket
        f"(?<={_CLOSE}){_SPACE}(?={_MARK}[\\w{_OPENING}])",  # after it: a word or (
        f"(?<={_CLOSE}\\*\\*){_SPACE}(?=[\\w{_OPENING}])",
    )
)
EAST_ASIAN = frozenset({"zh", "ja"})  # languages set without spaces by full-width brackets


def emphasis(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Split `**bold**` markup into runs; `bold` and `italic` style the whole text."""
    parts = text.split("**")
    return tuple(
        Run(part, bold=bold or i % 2 == 1, italic=italic) for i, part in enumerate(parts) if part
    )


def tight_brackets(text: str) -> str:
    """Chinese and Japanese typography: no space against a full-width bracket, so Latin inside
    reads "（WOC）", not " （ WOC ） "."""
    if not any(bracket in text for bracket in _OPENING + _CLOSING):
        return text  # most text: the pattern (slow to compile) is not needed
    return re.sub(_LOOSE, "", text)


def plain(text: str) -> str:
    """Text without emphasis markup, for alt text and other plain-text places."""
    return text.replace("**", "")


def fact_label(phrase: str) -> str:
    """The words of a fact phrase around its value: "Established on \\0" → "Established on"."""
    before, _, after = phrase.partition(SLOT)
    label = before if before.strip() else after
    return label.strip(" :：,、").strip() or phrase.replace(SLOT, "").strip()
