"""Writing systems in text: Arabic (shaped, right to left), East Asian (wide, its own font).

PowerPoint picks a run's East Asian font and line-breaking rules from its `lang` tag, so a
Japanese sentence tagged zh-CN is set in a Chinese font with Chinese glyph forms. The language
comes from the text itself (kana → Japanese, hangul → Korean, characters that only one written
form of Chinese uses → Simplified or Traditional), else from the deck language's East Asian
tag (the theme's fonts for the deck's `language:`).
"""

from __future__ import annotations

import re
import unicodedata

from wocdeck.plan import Run

# Arabic, Arabic Supplement, Extended-A and the presentation forms.
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """Whether text holds any Arabic letter or mark."""
    return not text.isascii() and ARABIC.search(text) is not None


def is_wide(char: str) -> bool:
    """Whether a character is East Asian wide or full-width (measured as 1 em)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def has_east_asian(text: str) -> bool:
    """Whether text holds any East Asian wide character."""
    if text.isascii() or max(text) < "\u1100":  # most text: no character that can be wide
        return False
    return any(ord(c) >= 0x1100 and is_wide(c) for c in text)


EAST_ASIAN_LANGUAGES = ("ja-JP", "ko-KR", "zh-CN", "zh-TW", "zh-HK", "zh-MO", "zh-SG")
# Characters written only in Simplified Chinese (not in Japanese), and their Traditional forms
# (not in Japanese either); a few are enough to tell the two apart in a sentence.
_SIMPLIFIED = frozenset(
    "这们说对发经进过还开乐东车书长见电话业产权专标识处织组务办协议约际门时间问题语关现实为"
)
_TRADITIONAL = frozenset("這們說對發經還樂產權專處辦關實與國會學體點擴續區廣")


def _is_kana(char: str) -> bool:
    return (
        "\u3040" <= char <= "\u30ff" or "\u31f0" <= char <= "\u31ff" or "\uff66" <= char <= "\uff9f"
    )


def _is_hangul(char: str) -> bool:
    return (
        "\uac00" <= char <= "\ud7af" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"
    )


def is_east_asian(char: str) -> bool:
    """Whether a character is set in the East Asian font (CJK, kana, hangul, wide punctuation)."""
    code = ord(char)
    return code >= 0x1100 and (is_wide(char) or _is_kana(char) or _is_hangul(char))


def east_asian_language(text: str, default: str) -> str:
    """The language of East Asian text, from its characters, else from the default tag."""
    if any(_is_kana(c) for c in text):
        return "ja-JP"
    if any(_is_hangul(c) for c in text):
        return "ko-KR"
    simplified = sum(c in _SIMPLIFIED for c in text)
    traditional = sum(c in _TRADITIONAL for c in text)
    if simplified > traditional:
        return "zh-CN"
    if traditional > simplified:
        return default if default in ("zh-TW", "zh-HK", "zh-MO") else "zh-TW"
    return default if default in EAST_ASIAN_LANGUAGES else "zh-CN"


def by_script(run: Run, language: str) -> list[Run]:
    """A run split where its text changes between East Asian and other scripts.

    East Asian pieces carry `language` and are never italic (CJK fonts have no italic; a
    renderer would slant them synthetically); spaces stay with the piece before them.
    """
    if run.text.isascii() or not any(is_east_asian(c) for c in run.text):
        return [run]
    pieces: list[tuple[bool, list[str]]] = []
    for char in run.text:
        kind = is_east_asian(char) if char != " " or not pieces else pieces[-1][0]
        if pieces and pieces[-1][0] == kind:
            pieces[-1][1].append(char)
        else:
            pieces.append((kind, [char]))
    return [
        Run("".join(chars), run.bold, False, language)
        if east_asian
        else Run("".join(chars), run.bold, run.italic)
        for east_asian, chars in pieces
    ]
