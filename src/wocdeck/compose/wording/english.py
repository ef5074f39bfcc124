"""CLDR's English formats written out, so that an English deck does not import Babel and load
its locale data; tests/compose/test_english.py checks them against Babel's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wocdeck.compose.wording.cldr import Cldr

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class English:
    """English's formats: CLDR's patterns 'EEEE, MMMM d', 'MMMM d, y', '#,##0.###', '#,##0%'
    and '¤#,##0.00' (with the ISO code), applied as Babel applies them."""

    def long_date(self, day: dt.date) -> str:
        """'Thursday, September 27'."""
        return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"

    def date(self, day: dt.date) -> str:
        """'July 10, 2014'."""
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"

    def year(self, day: dt.date) -> str:
        """'2018'."""
        return str(day.year)

    def number(self, value: Decimal) -> str:
        """'33,745', '1,234.5': every digit the value has."""
        if not value.is_finite():
            return _babel().number(value)
        return _apply(value, scale=0, fraction=(0, 3), exact=True)

    def money(self, amount: Decimal, currency: str) -> str:
        """'CHF 108,348', 'CHF 1.50': cents only where the amount has them."""
        if not amount.is_finite() or len(currency) != 3 or not currency.isupper():
            return _babel().money(amount, currency)
        digits = 0 if amount == amount.to_integral_value() else 2
        return _apply(amount, scale=0, fraction=(digits, digits), prefix=currency + " ")

    def percent(self, fraction: Decimal) -> str:
        """0.068 → '6.8%'."""
        if not fraction.is_finite():
            return _babel().percent(fraction)
        return _apply(fraction, scale=2, fraction=(0, 0), exact=True, suffix="%")


def _apply(
    value: Decimal,
    *,
    scale: int,
    fraction: tuple[int, int],
    exact: bool = False,
    prefix: str = "",
    suffix: str = "",
) -> str:
    """Babel's NumberPattern.apply for a finite value, with English's symbols ('.', ',', '-')
    and grouping by three; exact: as decimal_quantization=False, every fraction digit kept."""
    value = value.scaleb(scale)
    negative = value.is_signed()
    value = abs(value).normalize()
    least, most = fraction
    if exact:
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite
        most = max(most, -exponent)
    whole, _, digits = f"{value.quantize(Decimal(10) ** -most):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    number = ",".join([whole, *groups])
    digits = (digits or "0").ljust(least, "0")
    if most and not (least == 0 and int(digits) == 0):
        while len(digits) > least and digits.endswith("0"):
            digits = digits[:-1]
        number += "." + digits
    return ("-" if negative else "") + prefix + number + suffix


def _babel() -> Cldr:
    """Babel's English, for what is not written out here (infinities, odd currency codes)."""
    from wocdeck.compose.wording.cldr import Cldr

    return Cldr("en")
