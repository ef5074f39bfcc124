"""Value types of a deck's fields: text, figures, changes, amounts, dates and lists, with
validators that speak plain words."""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from wocdeck.errors import MAX_DESCRIBED
from wocdeck.read.figures import EXAMPLES, Figure, FigureError, change_between, parse_figure
from wocdeck.read.languages import SUPPORTED
from wocdeck.read.messages import describe
from wocdeck.read.text import balanced, invisible_only

MAX_FOCUS_AREAS = 2500
MAX_POINTS = 2000
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _check_text(value: str) -> str:
    if value.strip() and not value.count("**") % 2 and not invisible_only(value):
        return balanced(value.strip())
    counted = TEXT_ERRORS.get()
    if counted is not None:  # inside load_deck
        counted[0] += 1
        if counted[0] > MAX_DESCRIBED:
            return value  # counted, not described: the deck fails on the errors already raised
    if not value.strip():
        raise plain("this text is empty", "write the text, or remove the line")
    if invisible_only(value):
        raise plain(
            "this text is only invisible characters (zero-width spaces, joiners or direction "
            "marks): nothing would show",
            "write the text, or remove the line",
        )
    raise ValueError("unbalanced '**': emphasis is written **like this**")


# Text errors met in the current validation. Past MAX_DESCRIBED they are only counted, so a
# deck of half a million empty bullets costs pydantic a thousand errors, not half a million.
TEXT_ERRORS: ContextVar[list[int] | None] = ContextVar("text_errors", default=None)


def plain(message: str, hint: str = "", **context: str) -> PydanticCustomError:
    """A validation error in plain words, with a hint, for load_deck to locate; `context`
    carries more for messages.py (e.g. `misread`: the text a ': ' made a key)."""
    return PydanticCustomError("plain", "{message}", {"message": message, "hint": hint, **context})


# The event's year of the deck being validated, for the messages of emptied figures.
EVENT_YEAR: ContextVar[int | None] = ContextVar("event_year", default=None)


def this_year() -> str:
    """'the 2019' for the deck being validated, or 'this year's'."""
    year = EVENT_YEAR.get()
    return f"the {year}" if year else "this year's"


class EmptyFigure(NamedTuple):
    """A figure left empty (by next-year), with what the editor must give instead."""

    message: str
    hint: str


def as_list(value: Any) -> Any:
    """A single line or group where a list is expected is a one-item list."""
    return [value] if isinstance(value, str | dict) else value


def as_dict_list(value: Any) -> Any:
    """A single group where a list of groups is expected is a one-item list."""
    return [value] if isinstance(value, dict) else value


def _figure(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if isinstance(value, EmptyFigure):
        raise plain(value.message, value.hint)
    if not isinstance(value, str):
        raise plain(f"a figure is {EXAMPLES}, found {describe(value)}")
    try:
        return parse_figure(value)
    except FigureError as exc:
        raise plain(exc.message, exc.hint) from None


def _change(value: Any) -> str:
    """A change in per cent, separators read: '+1,200%' → '+1200%', for the wording to write."""
    figure = _figure(value)
    if figure.unit.strip() != "%" or figure.prefix:
        raise plain(
            f"a change is a percentage such as +6.8% or -3%, found '{value}'",
            "write the change in per cent, with a % sign",
        )
    return ("+" if figure.plus else "") + f"{figure.number}%"


def money_amount(value: Any) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise plain(
            f"give {this_year()} budget amount",
            "write it after amount:, e.g. amount: 108348",
        )
    figure = _figure(value)
    if figure.unit or figure.prefix:
        raise plain(
            f"an amount is a number such as 108348 or 108,348, found '{value}'",
            "give the currency in `currency:` and only the number in `amount:`",
        )
    return figure.number


class _Translated:
    """The mark of a field whose value is text to translate (see wocdeck.model.texts)."""

    def __repr__(self) -> str:
        return "TRANSLATED"

    def __get_pydantic_json_schema__(self, core: Any, handler: Any) -> Any:
        """The JSON Schema marks text to translate: only there may a value be per language."""
        schema = handler(core)
        if self is TRANSLATED:
            schema = {**handler.resolve_ref_schema(schema), SCHEMA_MARK: True}
        return schema


SCHEMA_MARK = "x-translated"  # removed from the shipped schema by model/schema.py
TRANSLATED = _Translated()
# The mark of a translation of words the data already has in the deck's language (a chart's
# CSV headings): a language it leaves out keeps those words, without a notice.
OWN_WORDS = _Translated()
_FIGURE_SCHEMA = WithJsonSchema({"type": ["string", "number"]})
# Words a reader sees, translated per language; `Name` is text that reads the same in every
# language (a file, a kind, a slide's place, a year): never asked for a translation.
Name = Annotated[str, AfterValidator(_check_text)]
Text = Annotated[Name, TRANSLATED]
Renamed = Annotated[dict[Name, Name], TRANSLATED, OWN_WORDS]  # a CSV heading → its words
# The mark of text that may instead be a switch (`total: yes`): the switch is not translated.
SWITCH = _Translated()
Label = Annotated[Name, TRANSLATED, SWITCH]  # `yes`, or words shown in its place
FigureValue = Annotated[Figure, PlainValidator(_figure), _FIGURE_SCHEMA]
Change = Annotated[str, PlainValidator(_change), _FIGURE_SCHEMA]
Lines = Annotated[list[Text], BeforeValidator(as_list), Field(max_length=MAX_POINTS)]
Language = Literal[tuple(SUPPORTED)]  # type: ignore[valid-type]


def iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: never a number of seconds since 1970 or another reading of a number."""
    if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
        from wocdeck.read.dates import readings

        meant = [day.isoformat() for day in readings(value)]
        if len(meant) == 1:
            raise plain(f"'{value}' is not written as year-month-day", rewrite=meant[0])
        if len(meant) == 2:
            raise plain(
                f"'{value}' could be either of two dates",
                f"write it as year-month-day: {meant[0]} or {meant[1]}",
            )
        raise PydanticCustomError("date_format", "a date is written as year-month-day")
    return value


def whole_cents(value: Decimal) -> Decimal:
    """An amount as it will be written: whole, or with cents; never a fraction of a cent."""
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MONEY_DECIMALS:
        raise plain(
            f"'{value:f}' has more than {MONEY_DECIMALS} decimals, which the slide cannot show",
            "write the amount to the cent, e.g. 108348.50",
        )
    return value


Date = Annotated[dt.date, BeforeValidator(iso_date)]
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MONEY_DECIMALS = 2


def event_day(day: dt.date) -> dt.date:
    """The event's date is written into the file's properties: keep it to plausible years."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise plain(
            f"the year {day.year} is not a plausible event date",
            f"write the full year, from {FIRST_YEAR} to {LAST_YEAR}, e.g. 2018-09-27",
        )
    return day


def computed_change(previous: Figure, value: Figure) -> str:
    try:
        return change_between(previous, value)
    except FigureError as exc:
        raise plain(exc.message, exc.hint) from None


def _chart_number(value: Any) -> Decimal:
    """A value of a chart: a plain number, separators read as in tiles."""
    figure = _figure(value)
    if figure.unit.strip() or figure.prefix:
        raise plain(
            f"a chart value is a plain number such as 33745, found '{value}'",
            "leave the unit out and name it in the axis title (y_title:)",
        )
    return figure.number


ChartNumber = Annotated[Decimal, PlainValidator(_chart_number), _FIGURE_SCHEMA]
ChartValues = Annotated[list[ChartNumber], BeforeValidator(as_list), Field(max_length=MAX_POINTS)]


Cell = Annotated[str | None, Field(max_length=2000), TRANSLATED]  # a table cell; empty is allowed
