"""English's dates, numbers, amounts and percentages, written out without Babel, are Babel's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wocdeck.compose.wording import wording
from wocdeck.compose.wording.cldr import Cldr
from wocdeck.compose.wording.english import English

ENGLISH, BABEL = English(), Cldr("en")
DECIMALS = st.decimals(allow_nan=True, allow_infinity=True) | st.decimals(
    min_value=-(10**15), max_value=10**15, places=6
)


def _same(ours: Callable[..., str], babels: Callable[..., str], *args: Any) -> None:
    """The same text, or the same kind of failure."""
    try:
        expected: object = babels(*args)
    except Exception as exc:  # e.g. a figure of more digits than decimal's precision
        expected = type(exc)
    try:
        found: object = ours(*args)
    except Exception as exc:
        found = type(exc)
    assert found == expected, args


def test_english_is_the_formats_of_an_english_deck() -> None:
    assert isinstance(wording("en").formats, English)
    assert isinstance(wording("fr").formats, Cldr)


def test_every_day_of_four_years_and_every_year_of_the_deck_range() -> None:
    start = dt.date(2015, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(4 * 366)]
    days += [dt.date(year, 12, 31) for year in range(1900, 3000)]
    for day in days:
        for name in ("long_date", "date", "year"):
            assert getattr(ENGLISH, name)(day) == getattr(BABEL, name)(day), (name, day)


@settings(max_examples=400, deadline=None)
@given(DECIMALS)
def test_numbers(value: Decimal) -> None:
    _same(ENGLISH.number, BABEL.number, value)


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2) | DECIMALS,
    st.from_regex(r"[A-Z]{3}", fullmatch=True) | st.sampled_from(["chf", "US", "EURO"]),
)
def test_money(amount: Decimal, currency: str) -> None:
    _same(ENGLISH.money, BABEL.money, amount, currency)


@settings(max_examples=300, deadline=None)
@given(DECIMALS)
def test_percentages(written: Decimal) -> None:
    _same(ENGLISH.percent, BABEL.percent, written / 100 if written.is_finite() else written)


def test_examples() -> None:
    assert ENGLISH.number(Decimal("1234567.890")) == "1,234,567.89"
    assert ENGLISH.number(Decimal("-0.5")) == "-0.5"
    assert ENGLISH.money(Decimal("1234.5"), "USD") == "USD 1,234.50"
    assert ENGLISH.percent(Decimal("0.068")) == "6.8%"
