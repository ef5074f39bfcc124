"""The deck model: typed, frozen pydantic data for one office report; no I/O."""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from wocdeck.errors import DeckError, Problem
from wocdeck.languages import SUPPORTED
from wocdeck.source import DataPath, Source, nearest

MAX_FOCUS_AREAS = 2500
MAX_POINTS = 2000


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("text must not be empty")
    if value.count("**") % 2:
        raise ValueError("unbalanced '**': emphasis is written **like this**")
    return value.strip()


Text = Annotated[str, AfterValidator(_check_text)]
Points = Annotated[list[Text], Field(max_length=MAX_POINTS)]
Language = Literal[tuple(SUPPORTED)]  # type: ignore[valid-type]
_TYPE_ERRORS = ("string_type", "model_type", "list_type", "dict_type")
_CHANGE = re.compile(r"^[+\-\u2212]?\d+(?:\.\d+)?\s?%$")


class Part(BaseModel):
    """Base for every part of a deck: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Event(Part):
    """The side-event the deck is presented at; it makes the title slide."""

    office: Text
    acronym: Text | None = None
    title: Text
    city: Text | None = None
    date: dt.date
    footer: Text | None = None
    notes: Text | None = None


class About(Part):
    """When and where the office was established."""

    title: Text | None = None
    established: dt.date | None = None
    location: Text | None = None
    points: Points = []
    notes: Text | None = None


class Money(Part):
    """An amount in a currency, e.g. CHF 108,348."""

    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    amount: Annotated[Decimal, Field(ge=0, allow_inf_nan=False, max_digits=18)]


class Resources(Part):
    """Staff and budget of the office."""

    title: Text | None = None
    personnel_heading: Text | None = None  # default: the language's "Personnel Resources"
    personnel: Points = []
    budget_heading: Text | None = None
    budget: Money | None = None
    notes: Text | None = None


class Metric(Part):
    """A figure worth a tile: label, value, period and change against a basis."""

    label: Text
    value: Annotated[Decimal, Field(allow_inf_nan=False, max_digits=18)]
    period: Text | None = None
    change: str | None = None
    versus: Text | None = None

    @field_validator("change")
    @classmethod
    def _percent(cls, value: str | None) -> str | None:
        if value is not None and not _CHANGE.match(value.strip()):
            raise ValueError(f"a change is a percentage such as +6.8% or -3%, found '{value}'")
        return value


class AchievementGroup(Part):
    """Achievements under a heading, with optional metric tiles."""

    heading: Text
    points: Points = []
    metrics: Annotated[list[Metric], Field(max_length=MAX_POINTS)] = []


Achievement = Text | AchievementGroup


class Focus(Part):
    """A strategic focus area: its aims and key achievements."""

    name: Text
    goal: Annotated[int, Field(ge=1, le=99)] | None = None
    aims: Points = []
    achievements: Annotated[list[Achievement], Field(max_length=MAX_POINTS)] = []
    title: Text | None = None
    achievements_title: Text | None = None
    notes: Text | None = None
    achievements_notes: Text | None = None

    @model_validator(mode="after")
    def _has_content(self) -> Focus:
        if not self.aims and not self.achievements:
            raise ValueError("a focus area needs 'aims' or 'achievements' (or both)")
        return self


class Section(Part):
    """A titled list of points; a bare list is accepted as its points."""

    title: Text | None = None
    points: Points = []
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        return {"points": value} if isinstance(value, list) else value


class Closing(Part):
    """The last slide's line; a bare string is accepted as its text."""

    text: Text | None = None  # default: the language's "Thank you for your time."
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Deck(Part):
    """A whole office report deck."""

    theme: Text = "wipo"
    language: Language = "en"
    event: Event
    about: About | None = None
    resources: Resources | None = None
    focus: Annotated[list[Focus], Field(max_length=MAX_FOCUS_AREAS)] = []
    year_ahead: Section | None = None
    closing: Closing | None = None


def load_deck(source: Source) -> Deck:
    """Validate parsed YAML as a Deck; every problem becomes a located DeckError."""
    if not isinstance(source.data, dict):
        raise DeckError.at(
            source.location(()), "a deck file is a mapping of keys such as 'event:' and 'focus:'"
        )
    try:
        return Deck.model_validate(source.data)
    except ValidationError as exc:
        raise DeckError(located_problems(source, exc, Deck)) from None


def located_problems(source: Source, exc: ValidationError, root: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems, one per error."""
    problems: dict[tuple[Any, ...], Problem] = {}
    for error in exc.errors(include_url=False):
        path = source.resolve(error["loc"])
        problem = _problem(source, error, path, root)
        problems.setdefault((problem.location, problem.message), problem)
    return sorted(problems.values(), key=lambda p: p.location)


def _problem(
    source: Source, error: dict[str, Any], path: DataPath, root: type[BaseModel]
) -> Problem:
    kind, found = error["type"], error.get("input")
    names = [str(p) for p in path if isinstance(p, str)]
    where = ".".join(names) or "the deck"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        hint = nearest(key, _keys_at(root, path[:-1]))
        return Problem(
            source.location(path, key=True), f"unknown key '{key}' in {_parent(path)}", hint
        )
    if kind == "missing":
        field = str(error["loc"][-1])
        return Problem(
            source.location(path, key=True),
            f"'{field}' is missing in {where if path else 'the deck'}",
            f"add `{field}: …`",
        )
    message = error["msg"].removeprefix("Value error, ")
    hint = ""
    if kind.startswith("date"):
        message = f"'{found}' is not a valid date: {error.get('ctx', {}).get('error', message)}"
        hint = "write dates as YYYY-MM-DD, e.g. 2018-09-27"
    elif kind in _TYPE_ERRORS or kind.startswith(("int", "decimal")):
        message = f"{where}: {message.lower()}, found {_describe(found)}"
    elif kind == "string_pattern_mismatch" and names and names[-1] == "currency":
        message = f"'{found}' is not a currency code"
        hint = "use the three-letter ISO code, e.g. CHF or USD"
    else:
        message = f"{where}: {message}"
    return Problem(source.location(path), message, hint)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _parent(path: DataPath) -> str:
    names = [str(p) for p in path[:-1] if isinstance(p, str)]
    return ".".join(names) if names else "the deck"


def _keys_at(root: type[BaseModel], path: DataPath) -> list[str]:
    """The keys the model accepts at a data path (list indices are skipped)."""
    model: type[BaseModel] = root
    for part in path:
        if isinstance(part, int) or part not in model.model_fields:
            continue
        inner = _models_in(model.model_fields[part].annotation)
        if not inner:
            break
        model = inner[0]
    return list(model.model_fields)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
