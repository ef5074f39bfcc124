"""Text as the editor writes it turned into runs: `**` emphasis, plain text, fact labels."""

from __future__ import annotations

from wocdeck.plan import Run

SLOT = "\x00"  # stands for a phrase's value while it is split into label and value


def emphasis(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Split `**bold**` markup into runs; `bold` and `italic` style the whole text."""
    parts = text.split("**")
    return tuple(
        Run(part, bold=bold or i % 2 == 1, italic=italic) for i, part in enumerate(parts) if part
    )


def plain(text: str) -> str:
    """Text without emphasis markup, for alt text and other plain-text places."""
    return text.replace("**", "")


def fact_label(phrase: str) -> str:
    """The words of a fact phrase around its value: "Established on \\0" → "Established on"."""
    before, _, after = phrase.partition(SLOT)
    label = before if before.strip() else after
    return label.strip(" :：,、").strip() or phrase.replace(SLOT, "").strip()
