"""Dates, numbers, amounts and percentages in a deck's language, from CLDR through Babel."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

_QUOTED = re.compile(r"'[^']*'")
_FIRST_DAY = re.compile(r"(?<!\d)1(?=[ \u00a0\u202f])")  # the day "1" before its month
# CLDR's currency spacing: a currency code written against a digit gets a space.
_CODE_BEFORE = re.compile(r"([A-Z]{3})(?=\d)")
_CODE_AFTER = re.compile(r"(?<=\d)([A-Z]{3})")


class Cldr:
    """A language's formats, as CLDR writes them (Babel's locale data)."""

    def __init__(self, language: str) -> None:
        self.locale = Locale.parse(language.replace("-", "_"))
        self._long_date = _weekday_month_day(self.locale)

    def long_date(self, day: dt.date) -> str:
        """Weekday, month and day: 'Thursday, September 27', '9月27日星期四'."""
        return self._ordinal(day, format_date(day, self._long_date, locale=self.locale))

    def date(self, day: dt.date) -> str:
        """A full date: 'July 10, 2014', '10 juillet 2014', '2014年7月10日'."""
        return self._ordinal(day, format_date(day, "long", locale=self.locale))

    def _ordinal(self, day: dt.date, text: str) -> str:
        """French writes the first day of a month as an ordinal: '1er mars 2022'."""
        if day.day == 1 and self.locale.language == "fr":
            return _FIRST_DAY.sub("1er", text, count=1)
        return text

    def year(self, day: dt.date) -> str:
        """The year alone: '2018', '2018年'."""
        return format_date(day, self.locale.datetime_skeletons["y"].pattern, locale=self.locale)

    def number(self, value: Decimal) -> str:
        """A figure with the language's separators: '33,745', '33 745', '33.745'."""
        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def scaled(self, value: Decimal, digits: int) -> str:
        """A large number in words that agree with it: 2100000 → '2,1 millions', '210万'."""
        return format_compact_decimal(
            value, format_type="long", locale=self.locale, fraction_digits=digits
        )

    def money(self, amount: Decimal, currency: str) -> str:
        """'CHF 108,348', '108 348 CHF'; cents only where the amount has them."""
        pattern = self.locale.currency_formats["standard"].pattern
        if amount == amount.to_integral_value():
            pattern = re.sub(r"\.0+", "", pattern)
        text = format_currency(
            amount,
            currency,
            format=pattern.replace("¤", "¤¤"),  # the ISO code, not a symbol such as "$"
            locale=self.locale,
            currency_digits=False,
        )
        return _CODE_AFTER.sub(" \\1", _CODE_BEFORE.sub("\\1 ", text))

    def percent(self, fraction: Decimal) -> str:
        """A fraction as a percentage: 0.068 → '6.8%', '6,8 %'."""
        return format_percent(fraction, locale=self.locale, decimal_quantization=False)


def _weekday_month_day(locale: Locale) -> str:
    """CLDR's pattern for weekday, month and day, with the weekday and month written out."""
    skeletons = locale.datetime_skeletons
    pattern = str((skeletons.get("MMMMEd") or skeletons["MEd"]).pattern)
    parts = re.split(f"({_QUOTED.pattern})", pattern)
    for i in range(0, len(parts), 2):  # outside quoted literals
        parts[i] = re.sub(r"E+", "EEEE", parts[i])
    return "".join(parts)
