"""Wording tables are complete in every language; dates and numbers are CLDR's (Babel)."""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal

import pytest
from babel.dates import format_date, get_day_names, get_month_names
from babel.numbers import format_decimal, format_percent

from wocdeck.compose.wording import NUMBERINGS, _table, chinese, phrase_names, roman, wording
from wocdeck.read.languages import SUPPORTED

LANGUAGES = list(SUPPORTED)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_phrase_exists_in_every_language_with_the_same_blanks(language: str) -> None:
    english = _table("en")["phrases"]
    table = _table(language)
    assert table["numbering"] in NUMBERINGS
    assert isinstance(table["italic"], bool)
    assert set(table["phrases"]) == set(english)
    for name, template in table["phrases"].items():
        assert isinstance(template, str) and template.strip(), name
        assert _fields(template) == _fields(english[name]), (language, name)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_language_borrows_english_report_phrases(language: str) -> None:
    english = _table("en")["phrases"]
    table = _table(language)["phrases"]
    for name in ("about_title", "year_ahead", "personnel_heading", "growing", "thank_you"):
        assert table[name] != english[name], (language, name)


def test_phrase_names_are_the_english_tables() -> None:
    assert "achievements_title" in phrase_names()
    assert "continued" in phrase_names()


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_are_cldr_dates_with_weekday_and_month_written_out(language: str) -> None:
    words = wording(language)
    day = dt.date(2018, 9, 27)  # a Thursday
    cover = words.long_date(day)
    assert get_day_names("wide", locale=language)[3] in cover
    month = get_month_names("wide", locale=language)[9]
    numeric_month = language in ("zh", "ja")
    assert ("9月" in cover) if numeric_month else (month in cover or month.lower() in cover)
    assert "27" in cover
    assert words.date(dt.date(2014, 7, 10)) == format_date(
        dt.date(2014, 7, 10), "long", locale=language
    )
    assert "2018" in words.year(day)


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_money_and_percentages_follow_the_locale(language: str) -> None:
    words = wording(language)
    assert words.number(Decimal(33745)) == format_decimal(33745, locale=language)
    assert words.number(Decimal("1234.5")) == format_decimal(Decimal("1234.5"), locale=language)
    money = words.money(Decimal(108348), "CHF")
    assert format_decimal(108348, locale=language) in money and "CHF" in money
    assert words.money(Decimal("12.5"), "USD").count("5") == 1  # cents kept: 12.50
    assert words.percent("+6.8%") == format_percent(
        Decimal("0.068"), locale=language, decimal_quantization=False
    )


def test_english_wording_is_unchanged() -> None:
    words = wording("en")
    assert words.long_date(dt.date(2018, 9, 27)) == "Thursday, September 27"
    assert words.date(dt.date(2014, 7, 10)) == "July 10, 2014"
    assert words.money(Decimal(108348), "CHF") == "CHF 108,348"
    assert words.money(Decimal("1.5"), "CHF") == "CHF 1.50"
    assert words.caption("Jan-Aug", "+6.8%", None) == "(Jan-Aug), growing by 6.8%"
    assert words.change("+85%", "2017 total") == "exceeding 2017 total by 85%"
    assert words.change("-3%", None) == "declining by 3%"
    assert words.change("\u22123%", "2017") == "below 2017 by 3%"
    assert words.change("0%", None) == "unchanged"
    assert words.change("+0.0%", "2017") == "level with 2017"


def test_french_and_chinese_changes() -> None:
    assert (
        wording("fr").caption("janv.-août", "+6.8%", None)
        == "(janv.-août), en hausse de 6,8\u00a0%"
    )
    assert wording("zh").caption("1-8月", "+6.8%", None) == "（1-8月），增长6.8%"


def test_numerals_roman_chinese_and_decimal() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [chinese(n) for n in (1, 5, 10, 11, 20, 23, 99, 100)] == [
        "一", "五", "十", "十一", "二十", "二十三", "九十九", "100",
    ]  # fmt: skip
    assert wording("zh").numeral(2) == "二"
    assert wording("fr").numeral(2) == "II"
    assert wording("ar").numeral(12) == "12"
