"""The base of every part of a deck, bullets (with their second level) and figure tiles."""

# No `from __future__ import annotations` here: pydantic would compile every field's annotation
# from its string when the models are built, at each start.

import difflib
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    model_validator,
)

from wocdeck.model.values import (
    MAX_POINTS,
    Change,
    ChartNumber,
    EmptyFigure,
    FigureValue,
    Lines,
    Name,
    Text,
    as_list,
    computed_change,
    plain,
    this_year,
)
from wocdeck.read.figures import FigureError, parse_figure
from wocdeck.read.messages import quoted_item


class Part(BaseModel):
    """Base for every part of a deck: unknown keys are errors, values never change."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


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
    raise plain(  # messages.py quotes the line as written, with its spacing
        f"{where} text makes YAML read '{key}' as a key",
        f"put the line in quotes: {quoted_item(text)}",
        misread=text,
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


def kind_of(fields: tuple[str, ...], model: str, other: tuple[str, ...] = ()) -> Any:
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


Misread = Annotated[dict[str, Any], PlainValidator(_misread), Tag("misread")]
Point = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Bullet, Tag("Bullet")] | Misread,
    Discriminator(kind_of(("text", "points"), "Bullet")),
]
Points = Annotated[list[Point], BeforeValidator(as_list), Field(max_length=MAX_POINTS)]


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
    history: Annotated[dict[Name, ChartNumber], Field(max_length=MAX_POINTS)] = {}

    @model_validator(mode="before")
    @classmethod
    def _empty_value(cls, data: Any) -> Any:
        """An empty value (left so by next-year) asks for this year's figure by name."""
        if not isinstance(data, dict) or "value" not in data:
            return data
        value = data["value"]
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return data
        label = data.get("label")
        named = f" for '{label}'" if isinstance(label, str) and label.strip() else ""
        message = f"give {this_year()} figure{named}{_last_figure(data.get('history'))}"
        hint = "write it after value:, e.g. value: 34000; last year's stays in history:"
        return {**data, "value": EmptyFigure(message, hint)}

    @model_validator(mode="after")
    def _derive_change(self) -> Self:
        if self.previous is None:
            return self
        if self.change is not None:
            raise plain(
                "give either change: or previous:, not both",
                "remove change: to have it computed from previous:",
            )
        return self.model_copy(update={"change": computed_change(self.previous, self.value)})


def _last_figure(history: Any) -> str:
    """' (2018: 33,745)': the latest figure of a tile's history, as written in a message."""
    if not isinstance(history, dict) or not history:
        return ""
    year, value = list(history.items())[-1]
    try:
        return f" ({year}: {parse_figure(str(value))})"
    except FigureError:
        return ""


Metrics = Annotated[list[Metric], BeforeValidator(as_list), Field(max_length=MAX_POINTS)]
