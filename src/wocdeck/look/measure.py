"""Measure and wrap text with a font's metrics: Latin breaks between words, CJK per character.

Widths come from metric-compatible open fonts (Liberation Sans/Serif/Mono for Arial, Times New
Roman and Courier New, Carlito for Calibri, Caladea for Cambria), extracted by
tools/build_metrics.py; fonts.py maps a typeface to its table or to an installed font file.
East Asian wide characters are measured as full-width (1 em), as in Microsoft YaHei and Noto
Sans CJK.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from pathlib import Path
from typing import NamedTuple

from wocdeck.look.fonts import file_widths, is_font_file
from wocdeck.look.scripts import has_arabic, has_east_asian, is_wide

_TABLES = Path(__file__).resolve().parent / "fonts"
DEFAULT_METRICS = "liberation-sans"

# Characters that may not start a line (kinsoku shori) and that may not end one.
NO_LINE_START = frozenset(
    "，。、．：；！？）］｝〕〉》」』】〙〗〟’”…‥ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・,.:;!?)]}%"
)
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝‘“([{$")
_HYPHEN_CHARS = frozenset("-\u2010\u2013\u2014")  # a line may end after them, not before a digit
NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2060"  # no-break, narrow no-break, figure space, joiner
UNKNOWN_WIDTH = 0.65
EMOJI_WIDTH = 1.3
ENCLOSING_WIDTH = 1.0  # an enclosing mark (U+20DD ⃝) draws a circle or box about 1 em wide
# PowerPoint and LibreOffice set a gap between East Asian and Latin letters or digits ("1 月
# 15 日", "PCT 巡回"; "apply spacing between Asian and Latin text", on by default): about a
# quarter of an em, 0.22-0.29 em as LibreOffice draws it at 22 pt.
AUTOSPACE = 0.25


class Span(NamedTuple):
    """A piece of text in one style."""

    text: str
    bold: bool = False
    metrics: str = DEFAULT_METRICS  # a table in fonts/ or a font file (see fonts.py)


class Line(NamedTuple):
    """One wrapped line: characters [start, end) of the paragraph, and its width in points."""

    start: int
    end: int
    width: float


class _Advances(dict[str, float | None]):
    """Advance widths in em by character, None for a character the font lacks; a shipped
    table's runs (first code point, then an advance per character) are read as characters are
    first met, since a deck uses a few hundred of a table's thousands."""

    def __init__(self, known: dict[str, float], runs: list[list[int]], units: float) -> None:
        super().__init__(known)
        self._runs, self._units = runs, units
        self._firsts = [run[0] for run in runs]

    def __missing__(self, char: str) -> float | None:
        code, width = ord(char), None
        i = bisect_right(self._firsts, code) - 1
        if i >= 0 and code - self._firsts[i] + 1 < len(self._runs[i]):
            if unicodedata.category(char) == "Me":
                width = ENCLOSING_WIDTH
            else:
                width = self._runs[i][code - self._firsts[i] + 1] / self._units
        self[char] = width
        return width


@lru_cache(maxsize=16)
def _widths(metrics: str = DEFAULT_METRICS) -> tuple[_Advances, _Advances]:
    if is_font_file(metrics):  # an installed font file
        regular, bold = file_widths(metrics)
        return _Advances(regular, [], 1.0), _Advances(bold, [], 1.0)
    table = json.loads((_TABLES / f"{metrics}.json").read_text(encoding="utf-8"))
    units = float(table["units_per_em"])
    return _Advances({}, table["regular"], units), _Advances({}, table["bold"], units)


@lru_cache(maxsize=4096)
def _fallback(char: str) -> float:
    if unicodedata.category(char) == "Me":
        return ENCLOSING_WIDTH  # drawn around the previous character, wider than it
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return EMOJI_WIDTH if ord(char) >= 0x1F000 else 1.0
    return UNKNOWN_WIDTH


def char_widths(spans: list[Span]) -> list[float]:
    """The advance width of every character, in em."""
    out: list[float] = []
    for span in spans:
        regular, bold = _widths(span.metrics)
        table = bold if span.bold else regular
        widths = list(map(table.__getitem__, span.text))
        if None in widths:
            for i, char in enumerate(span.text):
                if widths[i] is None:
                    found = regular[char] if span.bold else None
                    widths[i] = found if found is not None else _fallback(char)
            if has_arabic(span.text):
                from wocdeck.look.shaping import with_arabic_shaped  # for Arabic text only

                widths = with_arabic_shaped(span.text, span.bold, widths)
        out.extend(widths)
    gaps = _gaps("".join(span.text for span in spans))
    return [w + g for w, g in zip(out, gaps, strict=True)] if gaps else out


@lru_cache(maxsize=4096)
def _gaps(text: str) -> tuple[float, ...]:
    """The gap before each character (the renderers' between East Asian and Latin letters or
    digits, AUTOSPACE); empty for text without one."""
    if text.isascii() or not has_east_asian(text):
        return ()
    kinds = [_kind(char) for char in text]
    pairs = pairwise(kinds)
    gaps = (0.0, *(AUTOSPACE if {a, b} == {"asian", "latin"} else 0.0 for a, b in pairs))
    return gaps if any(gaps) else ()


def _kind(char: str) -> str:
    """ "asian" for an East Asian letter (ideograph, kana, hangul; not full-width punctuation),
    "latin" for another letter or a digit, else ""."""
    category = unicodedata.category(char)
    if category[0] not in "LN":
        return ""
    return "asian" if is_wide(char) else "latin"


def text_width(
    text: str, size: float, *, bold: bool = False, metrics: str = DEFAULT_METRICS
) -> float:
    """The width of one line of text at size points, in points."""
    return sum(char_widths([Span(text, bold, metrics)])) * size


def _can_break_before(text: str, i: int) -> bool:
    """Whether the house rules let a line start at character i (i > 0), where UAX #14 does."""
    prev, char = text[i - 1], text[i]
    if char in NO_LINE_START or prev in NO_LINE_END or char == " ":
        return False
    if prev in NO_BREAK_SPACES or char in NO_BREAK_SPACES:
        return False  # "(SG 2)", "45 %": glued on purpose, also beside East Asian text
    if prev in _HYPHEN_CHARS:
        return not char.isdigit() and (i < 2 or text[i - 2] != " ")
    return True


class _Measured(NamedTuple):
    """What wrapping needs of a text at any size and width, computed once per text."""

    text: str
    prefix: array[float]  # prefix[i]: the width of text[:i], in em
    breaks: array[int]  # the positions a line may start at, ascending
    gaps: array[float]  # the gap before each character (empty: none); not drawn at a line start


@lru_cache(maxsize=256)
def _measured(spans: tuple[Span, ...]) -> _Measured:
    text = "".join(s.text for s in spans)
    prefix = array("d", accumulate(char_widths(list(spans)), initial=0.0))
    return _Measured(text, prefix, array("q", _breaks(text)), array("d", _gaps(text)))


def _breaks(text: str) -> list[int]:
    """Where a line of text may start: the Unicode line breaking algorithm's opportunities
    (UAX #14, as LibreOffice's and PowerPoint's breakers find them), less the house rules:
    kinsoku, no-break spaces, no break after a slash (LibreOffice keeps "a/b" and addresses
    whole), after a hyphen before a digit or after a spaced hyphen, or after a newline.

    The breaker runs on each word (the text between spaces) and on each run of spaces with
    the characters either side, each once per deck: a paragraph's words repeat."""
    found: list[int] = []
    for word in _WORD.finditer(text):
        start = word.start()
        if start and text[start - 1] == " ":
            before = len(text[:start].rstrip(" ")) - 1
            if before < 0 or _after_spaces(text[before : start + 1]):
                found.append(start)
        found.extend(start + i for i in _inside(word.group()))
    return [i for i in found if text[i - 1] not in "/\n" and _can_break_before(text, i)]


_WORD = re.compile("[^ ]+")


_ASCII_SPECIAL = frozenset("!?|}\t\\")  # ASCII characters UAX #14 may break around ("-" aside;
# "/" lets a line start after it, which _breaks never takes)
# no-break spaces (ours, against widows) and the word joiner glue their neighbours (UAX #14 GL,
# WJ): as "_", a character the ASCII rules never break beside, words glued by them stay ASCII
_GLUE = str.maketrans(dict.fromkeys("\xa0\u202f\u2060", "_"))
_CLOSE_OPEN = re.compile(r"[)\]][(\[]")  # ")(" and "](" may break between


@lru_cache(maxsize=4096)
def _after_spaces(window: str) -> bool:
    """Whether UAX #14 lets a line start at the last character of a window (a character,
    spaces, a character): not before a closing bracket, "!", "," or "/", nor after an
    opening bracket (rules LB13 and LB14, worked out here for ASCII), as LibreOffice does."""
    if window.isascii():
        return window[-1] not in ")]}!?,.;:/" and window[0] not in "([{"
    if {unicodedata.category(window[0]), unicodedata.category(window[-1])} & {"Pi", "Pf"}:
        # a quotation mark beside spaces ("« Madrid »"): Unicode 15.1's rules keep it on its
        # word's line, LibreOffice's breaker (Unicode 15.0's) does not: measure what is drawn
        return window[-1] not in NO_LINE_START and window[0] not in NO_LINE_END
    return len(window) - 1 in _uax14(window)


@lru_cache(maxsize=1 << 14)
def _inside(word: str) -> tuple[int, ...]:
    """The UAX #14 opportunities inside a word, as offsets: in ASCII, after a hyphen that
    follows a character and comes before a letter."""
    glued = word.translate(_GLUE)
    if glued.isascii() and not _ASCII_SPECIAL.intersection(glued) and not _CLOSE_OPEN.search(glued):
        return tuple(i for i in range(2, len(glued)) if glued[i - 1] == "-" and glued[i].isalpha())
    return tuple(sorted(i for i in _uax14(word) if 0 < i < len(word)))


def _uax14(text: str) -> set[int]:
    from uniseg.linebreak import line_break_boundaries  # text other than plain words only

    return set(line_break_boundaries(text))


def wrap(spans: list[Span], size: float, width: float, start: int = 0) -> Sequence[Line]:
    """Break text into lines no wider than width points at size points; never drops text.

    Breaks at spaces, after hyphens and slashes, and around East Asian characters (keeping
    closing punctuation off a line's start); a word longer than a line is broken between
    characters; a newline always breaks. With `start`, wraps the text from that character on.

    Each line is found with a binary search over the text's cumulative widths and its break
    positions, which are computed once per text: wrapping is linear in the text's length,
    however long a paragraph is and however often it is wrapped at another size.
    """
    key = tuple(spans)
    if start == 0:
        total, trimmed = _one_line(key)
        if total * size <= width:  # the common case: one line, no walk
            return [Line(0, sum(len(s.text) for s in spans), trimmed * size)]
    return _wrapped(key, size, width, start)  # shared: callers only read it


@lru_cache(maxsize=1 << 16)
def _one_line(spans: tuple[Span, ...]) -> tuple[float, float]:
    """A text's width in em, and without its trailing spaces; infinite if it has a newline."""
    text = "".join(s.text for s in spans)
    if "\n" in text:
        return float("inf"), float("inf")
    widths = char_widths(list(spans))
    return sum(widths), sum(widths[: len(text.rstrip(" "))])


@lru_cache(maxsize=64)
def _wrapped(spans: tuple[Span, ...], size: float, width: float, start: int) -> tuple[Line, ...]:
    """The lines of a text that does not fit one line (cached: fitting asks more than once)."""
    text = "".join(s.text for s in spans)
    measured = _measured(spans)
    prefix, breaks, gaps = measured.prefix, measured.breaks, measured.gaps
    limit = width / size if size > 0 else float("inf")
    lines: list[Line] = []
    n = len(text)
    newline = -1
    while start < n or not lines:
        if newline < start:
            found = text.find("\n", start)
            newline = n if found < 0 else found
        base = prefix[start] + (gaps[start] if gaps else 0.0)  # no gap before a line
        # the first character past the width (trailing spaces may hang past it)
        over = max(bisect_right(prefix, base + limit, start + 1) - 1, start + 1)
        while over > start + 1 and (prefix[over] - base) * size > width:
            over -= 1  # rounding: the search runs in em, the promise is in points
        while over < newline and text[over] == " ":
            over += 1
        if over >= newline:
            end = newline
        else:
            before = bisect_right(breaks, over) - 1
            end = breaks[before] if before >= 0 and breaks[before] > start else over
        line_end = end
        while line_end > start and text[line_end - 1] == " ":
            line_end -= 1
        lines.append(Line(start, end, (prefix[line_end] - base) * size))
        if end < n and text[end] == "\n":
            end += 1
        start = end
        while start < n and text[start] == " " and text[start - 1] != "\n":
            start += 1
    return tuple(lines)


def break_positions(spans: list[Span]) -> Sequence[int]:
    """The positions a line of the text may start at, ascending (no-break spaces and word
    joiners hold their neighbours together)."""
    return _measured(tuple(spans)).breaks
