"""The words wocdeck derives, in a deck's language.

Phrases ("Key Achievements", "(cont.)", "growing by …") come from a table per language kept as
data beside this file (`en.yaml`, `zh.yaml`, …; every table has every phrase, see
tests/compose/test_wording.py). Dates, numbers, currency amounts and percentages come from
CLDR through Babel (`cldr`), so "Thursday, September 27" is "9月27日星期四" in Chinese and
"jeudi 27 septembre" in French, and 33745 is "33 745" in French; English's few formats are
written out (`english`), so an English deck does not load Babel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from wocdeck.read.languages import SUPPORTED

if TYPE_CHECKING:
    from wocdeck.compose.wording.cldr import Cldr
    from wocdeck.compose.wording.english import English
    from wocdeck.read.figures import Figure

    Formats = English | Cldr  # a language's dates, numbers, amounts and percentages

_HERE = Path(__file__).resolve().parent
NUMBERINGS = ("roman", "chinese", "decimal")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_CHINESE_DIGITS = "〇一二三四五六七八九"
# Scale words editors type after a number ("2.1 million"), written in the deck's language.
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


def roman(number: int) -> str:
    """A positive whole number in Roman numerals: 4 → 'IV'."""
    out = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def chinese(number: int) -> str:
    """1-99 in Chinese numerals (一, 十一, 二十三); larger numbers in digits."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[ones] if ones else "")


def phrase_names() -> tuple[str, ...]:
    """The phrases every language's table must have (English's are the reference)."""
    return tuple(_table("en")["phrases"])


@lru_cache(maxsize=16)
def _table(language: str) -> dict[str, Any]:
    return yaml.load(  # a safe loader: libyaml's when installed
        (_HERE / f"{language}.yaml").read_text(encoding="utf-8"), Loader=_LOADER
    )


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Wording(NamedTuple):
    """Derived words in one language: phrases from its table, formats from CLDR."""

    language: str
    phrases: dict[str, str]
    numbering: str
    italic: bool = True  # whether the script is set in italics for emphasis (not CJK, Arabic)

    def phrase(self, key: str, /, **values: str) -> str:
        """A phrase of the table with its {names} filled in."""
        return self.phrases[key].format(**values)

    @property
    def formats(self) -> Formats:
        """The language's dates and numbers as CLDR writes them."""
        return _formats(self.language)

    def numeral(self, number: int) -> str:
        """A focus area's number as the language writes it: I, 一 or 1."""
        if self.numbering == "roman":
            return roman(number)
        if self.numbering == "chinese":
            return chinese(number)
        return self.number(Decimal(number))

    def long_date(self, day: dt.date) -> str:
        """Weekday, month and day: 'Thursday, September 27', '9月27日星期四'."""
        return self.formats.long_date(day)

    def date(self, day: dt.date) -> str:
        """A full date: 'July 10, 2014', '10 juillet 2014', '2014年7月10日'."""
        return self.formats.date(day)

    def year(self, day: dt.date) -> str:
        """The year alone: '2018', '2018年'."""
        return self.formats.year(day)

    def number(self, value: Decimal) -> str:
        """A figure with the language's separators: '33,745', '33 745', '33.745'."""
        return self.formats.number(value)

    def figure(self, value: Figure) -> str:
        """A figure as the editor typed it, its number in the language's separators and a
        scale word (thousand, million, billion) in the language, agreeing with the number:
        '2.1 million' is '2,1 millions' in French, '210万' in Chinese."""
        scale = _SCALES.get(value.unit.strip().casefold()) if value.unit[:1] == " " else None
        if scale is None or self.language == "en":
            return value.shown(self.number)
        sign = "+" if value.plus else "-" if value.number < 0 else ""
        exponent = value.number.normalize().as_tuple().exponent
        digits = max(0, -exponent if isinstance(exponent, int) else 0) + 4  # never rounded
        return value.prefix + sign + self.formats.scaled(abs(value.number) * scale, digits)

    def money(self, amount: Decimal, currency: str) -> str:
        """'CHF 108,348', '108 348 CHF'; cents only where the amount has them."""
        return self.formats.money(amount, currency)

    def percent(self, change: str) -> str:
        """A written change such as '+6.8%' as the language writes its size: '6,8 %'."""
        amount = change.strip().replace("\u2212", "-").replace(" ", "").lstrip("+-").rstrip("%")
        return self.formats.percent(Decimal(amount) / 100)

    def change(self, change: str | None, versus: str | None) -> str:
        """'growing by 6.8%', 'exceeding 2017 total by 85%', 'declining by 3%', 'unchanged'."""
        if not change:
            return ""
        falling = change.strip().replace("\u2212", "-").startswith("-")
        percent = self.percent(change)
        if Decimal(change.strip().strip("+-\u2212%").strip()) == 0:
            return self.phrase("level_with", basis=versus) if versus else self.phrase("unchanged")
        if versus:
            return self.phrase("below" if falling else "exceeding", basis=versus, percent=percent)
        return self.phrase("declining" if falling else "growing", percent=percent)

    def caption(self, period: str | None, change: str | None, versus: str | None) -> str:
        """A figure tile's caption: '(Jan-Aug), growing by 6.8%'."""
        parts = [
            self.phrase("period", period=period) if period else "",
            self.change(change, versus),
        ]
        return self.phrase("separator").join(p for p in parts if p)


@lru_cache(maxsize=16)
def _formats(language: str) -> Formats:
    """English's written out; every other language's from Babel, imported only for it."""
    if language == "en":
        from wocdeck.compose.wording.english import English

        return English()
    from wocdeck.compose.wording.cldr import Cldr

    return Cldr(language)


@lru_cache(maxsize=16)
def wording(language: str) -> Wording:
    """The wording of a supported language."""
    if language not in SUPPORTED:
        raise ValueError(f"no wording for language {language!r}")
    table = _table(language)
    return Wording(
        language,
        dict(table["phrases"]),
        table.get("numbering", "roman"),
        bool(table.get("italic", True)),
    )
