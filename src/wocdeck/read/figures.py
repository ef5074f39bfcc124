"""Figures as editors type them: 33745, 33,745, 33 745, 33'745, 45%, 2.3 million, CHF 1.2 million.

A separator before exactly three digits is a thousands separator when it is a comma, a space or
an apostrophe. A lone '.' before three digits (38.912) may be either, so it is refused with a
hint rather than guessed. Tiles write the number with the deck language's separators and keep
what the editor wrote around it (a currency, a unit, a per cent sign).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

MAX_DIGITS = 18
_SPACES = "\u00a0\u202f\u2009 "  # space, no-break space, narrow no-break space, thin space
_APOSTROPHES = "'\u2019"
_SEPARATORS = ".," + _SPACES + _APOSTROPHES
_FIGURE = re.compile(
    r"^(?P<prefix>(?:[A-Z]{3}[ \u00a0]?|[$€£¥][ \u00a0]?)?)"
    r"(?P<sign>[+\-\u2212]?)[ \u00a0]?"
    rf"(?P<number>\d[\d{re.escape(_SEPARATORS)}]*)"
    r"(?P<unit>.*)$",
    re.DOTALL,
)
_EXPONENT = re.compile(r"^[eE][+\-\u2212]?\d")
EXAMPLES = "a number such as 33745 or 33,745, optionally with a unit: 45%, 2.3 million"


class FigureError(ValueError):
    """Text that is not a figure, or an ambiguous one; carries a hint."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


class Figure(NamedTuple):
    """A number as the editor typed it, with what comes before and after it."""

    number: Decimal
    prefix: str = ""  # a currency code or symbol: "CHF ", "$"
    unit: str = ""  # what follows the number: "%", " million", " visitors"
    plus: bool = False  # written with a '+' sign

    def __str__(self) -> str:
        sign = "+" if self.plus else ""
        return f"{self.prefix}{sign}{grouped(self.number)}{self.unit}"

    def shown(self, number: Callable[[Decimal], str]) -> str:
        """The figure with its number written by `number` (a language's separators)."""
        sign = "+" if self.plus else "-" if self.number < 0 else ""
        return f"{self.prefix}{sign}{number(abs(self.number))}{self.unit}"


def grouped(value: Decimal) -> str:
    """A number with commas between thousands: 33745 → '33,745', -1234.5 → '-1,234.5'."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,}"


def parse_figure(text: str) -> Figure:
    """Read a figure; a FigureError says what is wrong and what to write instead."""
    written = text.strip()
    match = _FIGURE.match(written)
    if not match:
        raise FigureError(f"'{written}' is not a figure", f"write {EXAMPLES}")
    digits = match["number"]
    kept = digits.rstrip(_SEPARATORS)
    unit = digits[len(kept) :] + match["unit"]
    if unit and unit[0] in ".,":
        raise FigureError(f"'{written}' is not a figure", f"write {EXAMPLES}")
    if _EXPONENT.match(unit):  # 1e-17, 1E+3: a slide would show the exponent, not the figure
        raise FigureError(
            f"'{written}' is written with an exponent",
            "write the figure out as it should appear on the slide, e.g. 1000 or 0.00001",
        )
    number = read_number(kept, written)
    if match["sign"] in ("-", "\u2212"):
        number = -number
    return Figure(number, match["prefix"], unit.rstrip(), plus=match["sign"] == "+")


def read_number(digits: str, written: str) -> Decimal:
    """Digits with thousands and decimal separators → a Decimal."""
    parts = re.split(f"([{re.escape(_SEPARATORS)}])", digits)
    numbers, separators = parts[::2], [_kind(s) for s in parts[1::2]]
    whole, fraction = numbers, ""
    last = separators[-1] if separators else ""
    if (
        last in (".", ",")
        and last not in separators[:-1]
        and (len(separators) > 1 or _decimal_alone(numbers, last, written))
    ):
        whole, fraction = numbers[:-1], numbers[-1]
    if len(set(separators[: len(whole) - 1])) > 1:
        raise _unreadable(written, "it mixes different separators between thousands")
    if any(len(group) != 3 for group in whole[1:]) or (len(whole) > 1 and len(whole[0]) > 3):
        raise _unreadable(written, "each group after a thousands separator has three digits")
    text = "".join(whole) + (f".{fraction}" if fraction else "")
    if len(text.replace(".", "").lstrip("0")) > MAX_DIGITS:
        raise FigureError(
            f"'{written}' has more than {MAX_DIGITS} digits", "shorten it, e.g. 2.3 million"
        )
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise _unreadable(written, "it is not a number") from None


def _kind(separator: str) -> str:
    if separator in _SPACES:
        return " "
    if separator in _APOSTROPHES:
        return "'"
    return separator


def _decimal_alone(numbers: list[str], separator: str, written: str) -> bool:
    """Whether a single '.' or ',' is a decimal point; a lone '.' before 3 digits is refused."""
    before, after = numbers
    if len(after) != 3 or before.lstrip("0") == "":
        return True
    if separator == ",":
        return False  # 33,745: thousands, as English-language reports write them
    whole = before + after
    raise FigureError(
        f"'{written}' is ambiguous: the '.' may separate thousands ({int(whole):,}) or "
        f"decimals ({before}.{after})",
        f"write {int(whole):,} or {int(whole)} for the whole number; a tile does not show "
        f"three decimals, so round a decimal, e.g. {before}.{after[:2]}",
    )


def _unreadable(written: str, why: str) -> FigureError:
    return FigureError(
        f"'{written}' is not a number wocdeck can read: {why}",
        "write the digits without separators, e.g. 33745, or with commas: 33,745",
    )


def change_between(previous: Figure, value: Figure) -> str:
    """The change from previous to value in per cent, to one decimal: 31600 → 33745 '+6.8%'."""
    if (previous.prefix, previous.unit.strip()) != (value.prefix, value.unit.strip()):
        raise FigureError(
            f"the previous value {previous} and the value {value} are not in the same unit",
            "give both in the same unit, or type the change: change: +6.8%",
        )
    if previous.number == 0:
        raise FigureError(
            "a change cannot be computed from a previous value of 0",
            "type the change instead, or leave it out",
        )
    percent = (value.number - previous.number) / abs(previous.number) * 100
    rounded = percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    sign = "+" if rounded > 0 else "-" if rounded < 0 else ""
    return f"{sign}{abs(rounded)}%"
