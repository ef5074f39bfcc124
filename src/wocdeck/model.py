"""The deck model: typed, frozen pydantic data for one office report; no I/O."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from contextvars import ContextVar
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from wocdeck.charts import series_problem
from wocdeck.errors import MAX_DESCRIBED, DeckError
from wocdeck.figures import EXAMPLES, Figure, FigureError, change_between, parse_figure
from wocdeck.languages import SUPPORTED
from wocdeck.messages import describe, located_problems, quoted_item, undescribed
from wocdeck.source import Source

MAX_FOCUS_AREAS = 2500
MAX_POINTS = 2000
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _check_text(value: str) -> str:
    if value.strip() and not value.count("**") % 2:
        return value.strip()
    counted = _TEXT_ERRORS.get()
    if counted is not None:  # inside load_deck
        counted[0] += 1
        if counted[0] > MAX_DESCRIBED:
            return value  # counted, not described: the deck fails on the errors already raised
    if not value.strip():
        raise plain("this text is empty", "write the text, or remove the line")
    raise ValueError("unbalanced '**': emphasis is written **like this**")


# Text errors met in the current validation. Past MAX_DESCRIBED they are only counted, so a
# deck of half a million empty bullets costs pydantic a thousand errors, not half a million.
_TEXT_ERRORS: ContextVar[list[int] | None] = ContextVar("text_errors", default=None)


def plain(message: str, hint: str = "") -> PydanticCustomError:
    """A validation error in plain words, with a hint, for load_deck to locate."""
    return PydanticCustomError("plain", "{message}", {"message": message, "hint": hint})


def _as_list(value: Any) -> Any:
    """A single line or group where a list is expected is a one-item list."""
    return [value] if isinstance(value, str | dict) else value


def _as_dict_list(value: Any) -> Any:
    """A single group where a list of groups is expected is a one-item list."""
    return [value] if isinstance(value, dict) else value


def _figure(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
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


def _amount(value: Any) -> Decimal:
    figure = _figure(value)
    if figure.unit or figure.prefix:
        raise plain(
            f"an amount is a number such as 108348 or 108,348, found '{value}'",
            "give the currency in `currency:` and only the number in `amount:`",
        )
    return figure.number


_FIGURE_SCHEMA = WithJsonSchema({"type": ["string", "number"]})
Text = Annotated[str, AfterValidator(_check_text)]
FigureValue = Annotated[Figure, PlainValidator(_figure), _FIGURE_SCHEMA]
Change = Annotated[str, PlainValidator(_change), _FIGURE_SCHEMA]
Lines = Annotated[list[Text], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)]
Language = Literal[tuple(SUPPORTED)]  # type: ignore[valid-type]


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: never a number of seconds since 1970 or another reading of a number."""
    if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("date_format", "a date is written as year-month-day")
    return value


def _cents(value: Decimal) -> Decimal:
    """An amount as it will be written: whole, or with cents; never a fraction of a cent."""
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MONEY_DECIMALS:
        raise plain(
            f"'{value:f}' has more than {MONEY_DECIMALS} decimals, which the slide cannot show",
            "write the amount to the cent, e.g. 108348.50",
        )
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MONEY_DECIMALS = 2


class Part(BaseModel):
    """Base for every part of a deck: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Bullet(Part):
    """A bullet with second-level bullets under it."""

    text: Text
    points: Lines = []


def _misread(value: Any) -> Any:
    """A list item YAML read as `key: value` because of a ': ' in its text."""
    assert isinstance(value, dict) and len(value) == 1
    ((key, inner),) = value.items()
    if isinstance(inner, list):
        raise plain(
            f"'{key}:' followed by a list: sub-bullets are written under `points:`",
            f"write `- text: {key}` and, under it, `points:` with the sub-bullets indented "
            "below (see 'Editing deck.yaml' in the README)",
        )
    text = f"{key}:" if inner is None else f"{key}: {inner}"
    where = "a ':' at the end of" if inner is None else "a ': ' inside"
    raise PydanticCustomError(  # messages.py quotes the line as written, with its spacing
        "plain",
        "{message}",
        {
            "message": f"{where} text makes YAML read '{key}' as a key",
            "hint": f"put the line in quotes: {quoted_item(text)}",
            "misread": text,
        },
    )


def _looks_like_key(key: str) -> bool:
    """Whether a would-be key reads as a field name (`image`, `table`, `personnel_heading`):
    then the editor meant a key, and is told what is accepted there, not to quote it."""
    word = key.replace("_", "")
    return (word.isalpha() and key.islower()) or key in _every_key()


def _every_key() -> set[str]:
    """The keys of every part of a deck, including parts added by later modules."""
    keys: set[str] = set()
    parts = [Part]
    while parts:
        part = parts.pop()
        keys.update(part.model_fields)
        parts.extend(part.__subclasses__())
    return keys


def _kind(fields: tuple[str, ...], model: str, other: tuple[str, ...] = ()) -> Any:
    """A discriminator: a list item is text, a `model` mapping, or a line misread as a key."""

    def kind(value: Any) -> str:
        if not isinstance(value, dict):
            return "text"
        keys = [str(k) for k in value]
        if any(k in fields + other for k in keys) or len(keys) != 1:
            return model
        if difflib.get_close_matches(keys[0], fields + other, n=1, cutoff=0.75):
            return model  # a misspelt key: report it as an unknown key with a suggestion
        if _looks_like_key(keys[0]):
            return model  # `- image: x.png`: an unknown key, with what is accepted here
        return "misread"

    return kind


_Misread = Annotated[dict[str, Any], PlainValidator(_misread), Tag("misread")]
Point = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Bullet, Tag("Bullet")] | _Misread,
    Discriminator(_kind(("text", "points"), "Bullet")),
]
Points = Annotated[list[Point], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)]


def _event_day(day: dt.date) -> dt.date:
    """The event's date is written into the file's properties: keep it to plausible years."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise plain(
            f"the year {day.year} is not a plausible event date",
            f"write the full year, from {FIRST_YEAR} to {LAST_YEAR}, e.g. 2018-09-27",
        )
    return day


class Event(Part):
    """The side-event the deck is presented at; it makes the title slide."""

    office: Text
    acronym: Text | None = None
    title: Text
    city: Text | None = None
    date: Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_event_day)]
    footer: Text | None = None
    notes: Text | None = None


class About(Part):
    """When and where the office was established."""

    title: Text | None = None
    established: Date | None = None
    location: Text | None = None
    points: Points = []
    notes: Text | None = None


class Money(Part):
    """An amount in a currency, e.g. CHF 108,348."""

    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    amount: Annotated[Decimal, BeforeValidator(_amount), Field(ge=0), AfterValidator(_cents)]


class Resources(Part):
    """Staff and budget of the office."""

    title: Text | None = None
    personnel_heading: Text | None = None  # default: the language's "Personnel Resources"
    personnel: Points = []
    budget_heading: Text | None = None
    budget: Money | None = None
    notes: Text | None = None


def _computed(previous: Figure, value: Figure) -> str:
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
ChartValues = Annotated[list[ChartNumber], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)]


class Picture(Part):
    """A photo or drawing from a file beside the deck, with alt text or marked decorative."""

    file: Text
    alt: Text | None = None
    decorative: bool = False
    fit: Literal["fit", "crop"] = "fit"  # the whole picture, or the frame filled and cut
    caption: Text | None = None

    @model_validator(mode="after")
    def _described(self) -> Picture:
        if self.alt is None and not self.decorative:
            raise plain(
                "a picture needs alt text for people who cannot see it",
                "add `alt: what the picture shows`, or `decorative: true` if it only decorates",
            )
        if self.alt is not None and self.decorative:
            raise plain(
                "a picture is either described (alt:) or decorative, not both",
                "remove `decorative: true` to keep the alt text",
            )
        return self


class Chart(Part):
    """A native chart: data inline (categories and series) or from a CSV file (data:)."""

    type: Literal["column", "bar", "line", "pie"] = "column"
    data: Text | None = None  # a CSV file beside the deck: categories, then a column a series
    categories: Lines = []
    series: Annotated[dict[Text, ChartValues], Field(max_length=MAX_POINTS)] = {}
    x_title: Text | None = None
    y_title: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Chart:
        if self.data is not None:
            if self.series or self.categories:
                raise plain(
                    "a chart takes its data from data: or from categories: and series:, not both",
                    "remove one of them",
                )
            return self
        if not self.series:
            raise plain(
                "a chart needs data",
                "give `data: file.csv`, or `categories:` and `series:` (a name and its values)",
            )
        if not self.categories:
            raise plain("a chart needs its categories", "add `categories: [2015, 2016, 2017]`")
        return self

    @field_validator("series")
    @classmethod
    def _matching(cls, series: dict[str, list[Decimal]], info: ValidationInfo) -> Any:
        categories = info.data.get("categories") or []
        for name, values in series.items():
            if not values:
                raise plain(f"the series '{name}' has no values", "give one value per category")
            if categories and len(values) != len(categories):
                raise plain(
                    f"the series '{name}' has {len(values)} value{'s' * (len(values) != 1)} "
                    f"for {len(categories)} categories",
                    "give one value per category, in the same order",
                )
        problem = series_problem(info.data.get("type", "column"), series)
        if problem:
            raise plain(*problem)
        return series


class Metric(Part):
    """A figure worth a tile: label, value, period and change against a basis.

    `previous:` computes the change instead of typing it; `history:` (period → value) is
    charted beside the tile.
    """

    label: Text
    value: FigureValue
    period: Text | None = None
    change: Change | None = None
    versus: Text | None = None
    previous: FigureValue | None = None
    history: Annotated[dict[Text, ChartNumber], Field(max_length=MAX_POINTS)] = {}

    @model_validator(mode="after")
    def _derive_change(self) -> Metric:
        if self.previous is None:
            return self
        if self.change is not None:
            raise plain(
                "give either change: or previous:, not both",
                "remove change: to have it computed from previous:",
            )
        return self.model_copy(update={"change": _computed(self.previous, self.value)})


class AchievementGroup(Part):
    """Achievements under a heading, with optional metric tiles."""

    heading: Text
    points: Points = []
    metrics: Annotated[list[Metric], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)] = []


_group_kind = _kind(("heading", "points", "metrics"), "AchievementGroup", ("text",))


def _bullet_or_group(value: Any) -> str:
    """An achievement is text, a bullet with sub-bullets (`text:`), or a group (`heading:`)."""
    if isinstance(value, dict) and "text" in value and not {"heading", "metrics"} & set(value):
        return "Bullet"
    return _group_kind(value)


Achievement = Annotated[
    Annotated[Text, Tag("text")]
    | Annotated[Bullet, Tag("Bullet")]
    | Annotated[AchievementGroup, Tag("AchievementGroup")]
    | _Misread,
    Discriminator(_bullet_or_group),
]


Cell = Annotated[str | None, Field(max_length=2000)]  # a table cell; empty is allowed
Metrics = Annotated[list[Metric], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)]


class Table(Part):
    """A table: a header row and rows, written inline or read from a CSV file beside the deck."""

    columns: Annotated[list[Text], BeforeValidator(_as_list)] = []
    rows: Annotated[
        list[list[Cell] | dict[str, Cell]], Field(max_length=MAX_POINTS)
    ] = []  # rows as lists of cells, or as `column: cell` groups
    csv: Text | None = None  # a .csv file, relative to the deck file; its first row is the header
    total: Text | None = None  # `yes`: a total row of the number columns; or the row's label

    @model_validator(mode="after")
    def _has_data(self) -> Table:
        if bool(self.rows) == bool(self.csv):
            raise plain(
                "a table has either `rows:` or `csv:`" if self.csv else "this table has no rows",
                "write its rows under `rows:`, or name a CSV file beside the deck: `csv: data.csv`",
            )
        return self


class Column(Part):
    """What a column, or a slide, shows: one kind of content (see wocdeck/kinds/)."""

    points: Points | None = None
    table: Table | None = None
    tiles: Metrics | None = None
    picture: Picture | None = None
    chart: Chart | None = None

    @model_validator(mode="after")
    def _one_content(self) -> Column:
        content = [k for k in self.model_fields_set if k in content_keys(type(self))]
        if len(content) != 1:
            keys = ", ".join(f"`{k}:`" for k in content_keys(type(self)))
            found = " and ".join(f"`{k}:`" for k in sorted(content))
            if content:
                raise plain(f"this has both {found}", f"give each its own slide or column ({keys})")
            raise plain("this has nothing to show", f"give it one of {keys}")
        return self


_SLIDE_FIELDS = ("title", "notes", "before", "after", "subtitle", "by")


def content_keys(model: type[Column]) -> tuple[str, ...]:
    """The keys that say what a slide or column shows, one per kind of content."""
    return tuple(k for k in model.model_fields if k not in _SLIDE_FIELDS)


class FreeSlide(Column):
    """A slide of the editor's own, placed before or after a section of the report."""

    title: Text | None = None
    notes: Text | None = None
    before: Text | None = None  # cover, about, resources, focus, focus 2, year_ahead, closing
    after: Text | None = None
    columns: Annotated[list[Column], Field(min_length=2, max_length=2)] | None = None
    section: Text | None = None  # a section divider's big title
    subtitle: Text | None = None  # under a section divider's title
    statement: Text | None = None  # a statement or quote, large
    by: Text | None = None  # who said the statement

    @model_validator(mode="after")
    def _extras_belong(self) -> FreeSlide:
        for key, owner in (("subtitle", "section"), ("by", "statement")):
            if key in self.model_fields_set and owner not in self.model_fields_set:
                raise plain(f"`{key}:` belongs to a `{owner}:` slide", f"remove `{key}:`")
        if self.before and self.after:
            raise plain("a slide goes either `before:` or `after:` a section, not both")
        return self


FreeSlides = Annotated[
    list[FreeSlide], BeforeValidator(_as_dict_list), Field(max_length=MAX_FOCUS_AREAS)
]


class Focus(Part):
    """A strategic focus area: its aims and key achievements."""

    name: Text
    goal: Annotated[int, Field(ge=1, le=99)] | None = None
    aims: Points = []
    achievements: Annotated[
        list[Achievement], BeforeValidator(_as_list), Field(max_length=MAX_POINTS)
    ] = []
    title: Text | None = None
    achievements_title: Text | None = None
    notes: Text | None = None
    achievements_notes: Text | None = None
    extra: FreeSlides = []  # slides of this focus area's own, after its aims or achievements

    @model_validator(mode="after")
    def _has_content(self) -> Focus:
        if not self.aims and not self.achievements:
            raise ValueError("a focus area needs 'aims' or 'achievements' (or both)")
        return self


class Section(Part):
    """A titled list of points; a bare list (or a single line) is accepted as its points."""

    title: Text | None = None
    points: Points = []
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"points": value} if isinstance(value, list | str) else value


class Closing(Part):
    """The last slide's line; a bare string is accepted as its text."""

    text: Text | None = None  # default: the language's "Thank you for your time."
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, list):
            raise plain(
                "closing: should be a line of text, found a list",
                "write it after the key: `closing: Thank you for your time.`",
            )
        return {"text": value} if isinstance(value, str) else value


class Deck(Part):
    """A whole office report deck."""

    theme: Text = "wipo"
    language: Language = "en"
    template: Text | None = None  # a .potx/.pptx, relative to the deck file
    layouts: dict[str, Text] = {}  # slide role → the template layout's name
    event: Event
    about: About | None = None
    resources: Resources | None = None
    focus: Annotated[
        list[Focus], BeforeValidator(_as_dict_list), Field(max_length=MAX_FOCUS_AREAS)
    ] = []
    year_ahead: Section | None = None
    closing: Closing | None = None
    slides: FreeSlides = []  # the editor's own slides, placed with before:/after:


def load_deck(source: Source) -> Deck:
    """Validate parsed YAML as a Deck; every problem becomes a located DeckError."""
    if not isinstance(source.data, dict):
        raise DeckError.at(
            source.location(()), "a deck file is a mapping of keys such as 'event:' and 'focus:'"
        )
    counted = [0]
    token = _TEXT_ERRORS.set(counted)
    try:
        return Deck.model_validate(source.data)
    except ValidationError as exc:
        more = undescribed(exc) + max(0, counted[0] - MAX_DESCRIBED)
        raise DeckError(located_problems(source, exc, Deck), more) from None
    finally:
        _TEXT_ERRORS.reset(token)
