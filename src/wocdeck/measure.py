"""Measure and wrap text with a font's metrics: Latin breaks between words, CJK per character.

Widths come from metric-compatible open fonts (Liberation Sans/Serif/Mono for Arial, Times New
Roman and Courier New, Carlito for Calibri, Caladea for Cambria), extracted by
tools/build_metrics.py; fonts.py maps a typeface to its table or to an installed font file.
East Asian wide characters are measured as full-width (1 em), as in Microsoft YaHei and Noto
Sans CJK.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wocdeck.scripts import has_arabic
from wocdeck.shaping import with_arabic_shaped

_TABLES = Path(__file__).resolve().parent / "fonts"
DEFAULT_METRICS = "liberation-sans"

# Characters that may not start a line (kinsoku shori) and that may not end one.
NO_LINE_START = frozenset(
    "，。、．：；！？）］｝〕〉》」』】〙〗〟’”…‥ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・,.:;!?)]}%"
)
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝‘“([{$")
_BREAK_AFTER = frozenset(" -\u2010\u2013\u2014\u200b")  # not "/": LibreOffice keeps URLs whole
UNKNOWN_WIDTH = 0.65
EMOJI_WIDTH = 1.3


@dataclass(frozen=True)
class Span:
    """A piece of text in one style."""

    text: str
    bold: bool = False
    metrics: str = DEFAULT_METRICS  # a table in fonts/ or a font file (see fonts.py)


@dataclass(frozen=True)
class Line:
    """One wrapped line: characters [start, end) of the paragraph, and its width in points."""

    start: int
    end: int
    width: float


@lru_cache(maxsize=16)
def _widths(metrics: str = DEFAULT_METRICS) -> tuple[dict[str, float], dict[str, float]]:
    if metrics.startswith("/"):
        from wocdeck.fonts import file_widths

        return file_widths(metrics)
    table = json.loads((_TABLES / f"{metrics}.json").read_text(encoding="utf-8"))
    units = float(table["units_per_em"])
    styles = []
    for style in ("regular", "bold"):
        widths: dict[str, float] = {}
        for first, *advances in table[style]:
            for offset, advance in enumerate(advances):
                widths[chr(first + offset)] = advance / units
        styles.append(widths)
    return styles[0], styles[1]


@lru_cache(maxsize=4096)
def _fallback(char: str) -> float:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return EMOJI_WIDTH if ord(char) >= 0x1F000 else 1.0
    return UNKNOWN_WIDTH


def is_wide(char: str) -> bool:
    """Whether a character is East Asian wide or full-width (measured as 1 em)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def has_east_asian(text: str) -> bool:
    """Whether text holds any East Asian wide character."""
    if text.isascii():
        return False
    return any(ord(c) >= 0x1100 and is_wide(c) for c in text)


def char_widths(spans: list[Span]) -> list[float]:
    """The advance width of every character, in em."""
    out: list[float] = []
    for span in spans:
        regular, bold = _widths(span.metrics)
        table = bold if span.bold else regular
        widths = list(map(table.get, span.text))
        if None in widths:
            for i, char in enumerate(span.text):
                if widths[i] is None:
                    found = regular.get(char) if span.bold else None
                    widths[i] = found if found is not None else _fallback(char)
            if has_arabic(span.text):
                widths = with_arabic_shaped(span.text, span.bold, widths)
        out.extend(widths)
    return out


def text_width(
    text: str, size: float, *, bold: bool = False, metrics: str = DEFAULT_METRICS
) -> float:
    """The width of one line of text at size points, in points."""
    return sum(char_widths([Span(text, bold, metrics)])) * size


def _can_break_before(text: str, i: int) -> bool:
    """Whether a line may start at character i (i > 0)."""
    prev, char = text[i - 1], text[i]
    if char in NO_LINE_START or prev in NO_LINE_END or char == " ":
        return False
    if prev == " " or prev == "\u200b":
        return True
    if prev in _BREAK_AFTER:
        return not char.isdigit() and (i < 2 or text[i - 2] != " ")
    ord_prev, ord_char = ord(prev), ord(char)
    return (ord_prev >= 0x1100 and is_wide(prev)) or (ord_char >= 0x1100 and is_wide(char))


def wrap(spans: list[Span], size: float, width: float) -> list[Line]:
    """Break text into lines no wider than width points at size points; never drops text.

    Breaks at spaces, after hyphens and slashes, and around East Asian characters (keeping
    closing punctuation off a line's start); a word longer than a line is broken between
    characters; a newline always breaks.
    """
    text = "".join(s.text for s in spans)
    advances = [w * size for w in char_widths(spans)]
    if "\n" not in text and sum(advances) <= width:
        trimmed = len(text.rstrip(" "))
        return [Line(0, len(text), sum(advances[:trimmed]))]  # the common case: one line
    lines: list[Line] = []
    start, n = 0, len(text)
    while start < n or not lines:
        end, used, last_break = start, 0.0, -1
        while end < n and text[end] != "\n":
            if end > start and _can_break_before(text, end):
                last_break = end
            if text[end] != " " and used + advances[end] > width and end > start:
                break
            used += advances[end]
            end += 1
        if end < n and text[end] != "\n" and last_break > start:
            end = last_break
        line_end = end
        while line_end > start and text[line_end - 1] == " ":
            line_end -= 1
        lines.append(Line(start, end, sum(advances[start:line_end])))
        if end < n and text[end] == "\n":
            end += 1
        start = end
        while start < n and text[start] == " " and text[start - 1] != "\n":
            start += 1
    return lines
