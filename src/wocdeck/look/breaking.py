"""Where a line may not break: a number stays with its noun or unit ("17 visits", "CHF
108,348"), a parenthetical of up to three words stays whole and with the word before it
("interface (SG 8)", "(15 countries)"), and Chinese and Japanese break between phrases (BudouX),
not inside words.

Layout uses these after fitting: a two-line title breaks only where they allow, and a space
where a paragraph would break against them is written as a no-break space (U+00A0), so the
measurer and every renderer keep the words together.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

NBSP = "\u00a0"
SHORT_PARENTHETICAL = 3  # words
_NUMBER_NOUN = re.compile(r"(?<=\d) (?=[^\W\d_])")  # "17 visits", "2 incumbents"
_CODE_NUMBER = re.compile(r"(?<=\b[A-Z]{3}) (?=\d)")  # "CHF 108,348"
_PARENTHETICAL = re.compile(r" ?\([^()\n]*\)")
_FIRST_IDEOGRAPHIC = "\u3040"  # no text below it has ideographs or kana


@cache  # compiled on first use: its ranges take milliseconds to compile, at every start
def _ideographic() -> re.Pattern[str]:
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def glue_positions(text: str) -> set[int]:
    """The positions of spaces in text that must not break (become no-break spaces)."""
    found = {m.start() for m in _NUMBER_NOUN.finditer(text)}
    found |= {m.start() for m in _CODE_NUMBER.finditer(text)}
    for match in _PARENTHETICAL.finditer(text):
        inner = match.group().strip()
        if len(inner[1:-1].split()) <= SHORT_PARENTHETICAL:
            start = match.start()
            found |= {start + i for i, char in enumerate(match.group()) if char == " "}
    return found


def phrase_ends(text: str) -> set[int]:
    """Where BudouX's phrases of a Chinese or Japanese text end (the text's length included);
    every position for text without ideographs or kana."""
    if max(text, default="") < _FIRST_IDEOGRAPHIC or not _ideographic().search(text):
        return set(range(len(text) + 1))
    ends, total = set(), 0
    for phrase in _phrases(text):
        total += len(phrase)
        ends.add(total)
    return ends


@lru_cache(maxsize=1024)
def _phrases(text: str) -> tuple[str, ...]:
    """BudouX's phrases of a text, in the model of its script (Japanese kana, else Chinese)."""
    kana = re.search(r"[\u3040-\u30ff]", text) is not None
    parser = _parser("ja" if kana else "zh-hans")
    return tuple(parser.parse(text)) or (text,)


@lru_cache(maxsize=2)
def _parser(language: str):
    import budoux

    if language == "ja":
        return budoux.load_default_japanese_parser()
    return budoux.load_default_simplified_chinese_parser()
