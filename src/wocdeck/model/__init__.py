"""The deck model: typed, frozen pydantic data for one office report; no I/O.

Takes the read stage's located YAML values; gives a validated `Deck`, or every problem at its
line in plain words. `values` holds the field types, `parts` the base part, bullets and
tiles, `slides` the editor's own slides; this module the report itself (cover, about,
resources, focus areas, year ahead, closing) and load_deck.
"""

# No `from __future__ import annotations` here: pydantic would compile every field's annotation
# from its string when the models are built, at each start.

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from wocdeck.errors import MAX_DESCRIBED, DeckError
from wocdeck.model.parts import Bullet, Metric, Metrics, Misread, Part, Points, kind_of
from wocdeck.model.slides import (
    Chart,
    Column,
    FreeSlide,
    FreeSlides,
    Picture,
    Table,
    content_key,
    content_keys,
)
from wocdeck.model.values import (
    EVENT_YEAR,
    MAX_FOCUS_AREAS,
    MAX_POINTS,
    TEXT_ERRORS,
    Date,
    Label,
    Language,
    Name,
    Text,
    as_dict_list,
    as_list,
    event_day,
    iso_date,
    money_amount,
    plain,
    whole_cents,
)
from wocdeck.read.languages import NO, YES
from wocdeck.read.messages import located_problems, undescribed
from wocdeck.read.source import Source


class Event(Part):
    """The side-event the deck is presented at; it makes the title slide."""

    office: Text
    acronym: Text | None = None
    title: Text
    city: Text | None = None
    date: Annotated[dt.date, BeforeValidator(iso_date), AfterValidator(event_day)]
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
    amount: Annotated[
        Decimal, BeforeValidator(money_amount), Field(ge=0), AfterValidator(whole_cents)
    ]


class Resources(Part):
    """Staff and budget of the office."""

    title: Text | None = None
    personnel_heading: Text | None = None  # default: the language's "Personnel Resources"
    personnel: Points = []
    budget_heading: Text | None = None
    budget: Money | None = None
    notes: Text | None = None


class AchievementGroup(Part):
    """Achievements under a heading, with optional metric tiles."""

    heading: Text
    points: Points = []
    metrics: Metrics = []


_group_kind = kind_of(("heading", "points", "metrics"), "AchievementGroup", ("text",))


def _bullet_or_group(value: Any) -> str:
    """An achievement is text, a bullet with sub-bullets (`text:`), or a group (`heading:`)."""
    if isinstance(value, dict) and "text" in value and not {"heading", "metrics"} & set(value):
        return "Bullet"
    return _group_kind(value)


Achievement = Annotated[
    Annotated[Text, Tag("text")]
    | Annotated[Bullet, Tag("Bullet")]
    | Annotated[AchievementGroup, Tag("AchievementGroup")]
    | Misread,
    Discriminator(_bullet_or_group),
]


class Focus(Part):
    """A strategic focus area: its aims and key achievements."""

    name: Text
    goal: Annotated[int, Field(ge=1, le=99)] | None = None
    aims: Points = []
    achievements: Annotated[
        list[Achievement], BeforeValidator(as_list), Field(max_length=MAX_POINTS)
    ] = []
    title: Text | None = None
    achievements_title: Text | None = None
    notes: Text | None = None
    achievements_notes: Text | None = None
    extra: FreeSlides = []  # slides of this focus area's own, after its aims or achievements

    @model_validator(mode="after")
    def _has_content(self) -> Self:
        if not self.aims and not self.achievements:
            raise ValueError("a focus area needs 'aims' or 'achievements' (or both)")
        return self


class Section(Part):
    """A titled list of points; a bare list (or a single line) is accepted as its points."""

    short_form: ClassVar[str] = "points"  # the field a bare list stands for
    title: Text | None = None
    points: Points = []
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"points": value} if isinstance(value, list | str) else value


class Closing(Part):
    """The last slide's line; a bare string is accepted as its text (`yes`: the default)."""

    short_form: ClassVar[str] = "text"  # the field a bare line stands for
    text: Label | None = None  # default (or `yes`): the language's "Thank you for your time."
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

    @property
    def line(self) -> str | None:
        """The closing line as written; None for the language's own (`yes`, or no text)."""
        return None if self.text is None or self.text.strip().casefold() in YES else self.text


class Deck(Part):
    """A whole office report deck."""

    theme: Name = "wipo"
    language: Language = "en"
    template: Name | None = None  # a .potx/.pptx, relative to the deck file
    layouts: dict[str, Name] = {}  # slide role → the template layout's name
    event: Event
    about: About | None = None
    resources: Resources | None = None
    focus: Annotated[
        list[Focus], BeforeValidator(as_dict_list), Field(max_length=MAX_FOCUS_AREAS)
    ] = []
    year_ahead: Section | None = None
    closing: Closing | None = None
    slides: FreeSlides = []  # the editor's own slides, placed with before:/after:

    @field_validator("closing", mode="before")
    @classmethod
    def _no_closing(cls, value: Any) -> Any:
        """`closing: no` is a deck without a closing slide, as one without `closing:`."""
        return None if isinstance(value, str) and value.strip().casefold() in NO else value


def load_deck(source: Source) -> Deck:
    """Validate parsed YAML as a Deck; every problem becomes a located DeckError."""
    if not isinstance(source.data, dict):
        raise DeckError.at(
            source.location(()), "a deck file is a mapping of keys such as 'event:' and 'focus:'"
        )
    counted = [0]
    token = TEXT_ERRORS.set(counted)
    year = EVENT_YEAR.set(_event_year(source.data))
    try:
        return Deck.model_validate(source.data)
    except ValidationError as exc:
        more = undescribed(exc) + max(0, counted[0] - MAX_DESCRIBED)
        raise DeckError(located_problems(source, exc, Deck), more) from None
    finally:
        TEXT_ERRORS.reset(token)
        EVENT_YEAR.reset(year)


def _event_year(data: dict[str, Any]) -> int | None:
    """The year of the event's date as written, if it reads as one (for messages)."""
    event = data.get("event")
    written = str(event.get("date", "")) if isinstance(event, dict) else ""
    try:
        return dt.date.fromisoformat(written.strip()).year
    except ValueError:
        return None


__all__ = [
    "AchievementGroup",
    "Bullet",
    "Chart",
    "Column",
    "Deck",
    "Focus",
    "FreeSlide",
    "Metric",
    "Picture",
    "Table",
    "content_key",
    "content_keys",
    "load_deck",
]
