"""Dates as people write them (1 March 2022, March 1, 2022, 01.03.2022, 2022年3月1日), read
only to say exactly how to write them as the deck file wants: year-month-day."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

_NUMERIC = re.compile(r"^(\d{1,4})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,4})$")
_EAST_ASIAN = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_FILLERS = frozenset({"st", "nd", "rd", "th", "er", "de", "del", "of", "le", "the", "am", "den"})
_LANGUAGES = ("en", "fr", "es", "pt", "de", "ru")  # month names written in words


def readings(text: str) -> list[dt.date]:
    """The dates text can mean: one when it is unambiguous, two when day and month could be
    either way round (01.03.2022), none when it is not a date."""
    text = text.strip()
    if match := _EAST_ASIAN.match(text):
        return _valid(*map(int, match.groups()))
    if match := _NUMERIC.match(text):
        first, second, third = match.groups()
        if len(first) == 4:
            return _valid(int(first), int(second), int(third))
        if len(third) != 4:
            return []  # a two-digit year could be any century
        day, month, year = int(first), int(second), int(third)
        found = _valid(year, month, day) + _valid(year, day, month)
        return sorted(set(found), key=found.index)
    return _in_words(text)


def _in_words(text: str) -> list[dt.date]:
    """`1 March 2022`, `March 1st, 2022`, `1er mars 2022`, `1 марта 2022`."""
    numbers, months = [], []
    for token in _TOKEN.findall(text.lower()):
        if token.isdigit():
            numbers.append(token)
        elif token in _month_names():
            months.append(_month_names()[token])
        elif token not in _FILLERS:
            return []
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        return []
    return _valid(int(years[0]), months[0], int(days[0]))


@cache
def _month_names() -> dict[str, int]:
    """Month names and abbreviations, in the languages written with words, lower case."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for language in _LANGUAGES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, language).items():
                    names.setdefault(name.lower().rstrip("."), number)
    return names


def _valid(year: int, month: int, day: int) -> list[dt.date]:
    try:
        return [dt.date(year, month, day)]
    except ValueError:
        return []
