"""The deck's translatable fields, read once from the model's `Text` marks (see values.py)."""

import types
import typing
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from wocdeck.model.values import OWN_WORDS, SWITCH, TRANSLATED
from wocdeck.read.texts import Texts, merged


@cache
def translatable() -> Texts:
    """Where a deck's text to translate is: every field typed `Text`, and nothing else."""
    from wocdeck.model import Deck

    return _place(Deck)


def _place(kind: Any) -> Texts:
    origin = get_origin(kind)
    if origin is Annotated:
        base, *marks = get_args(kind)
        return _marked(_place(base), marks)
    if origin in (Union, types.UnionType):
        places = [_place(arg) for arg in get_args(kind) if arg is not type(None)]
        return _all(places)
    if origin is list:
        return _place(get_args(kind)[0])
    if origin is dict:
        key, value = get_args(kind)
        return Texts(entries=_place(value), named=_place(key).text)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _model(kind)
    return Texts()


@cache
def _model(kind: type[BaseModel]) -> Texts:
    """A part's place, once per part: most parts occur in many places of a deck."""
    fields = {name: _field(info) for name, info in kind.model_fields.items()}
    return Texts(fields=fields, bare=getattr(kind, "short_form", None))


def _field(info: FieldInfo) -> Texts:
    return _marked(_place(info.annotation), info.metadata)


def _marked(place: Texts, marks: typing.Iterable[Any]) -> Texts:
    marks = list(marks)
    if any(mark is OWN_WORDS for mark in marks):
        place = merged(place, Texts(optional=True))
    if any(mark is SWITCH for mark in marks):
        place = merged(place, Texts(switch=True))
    if any(mark is TRANSLATED for mark in marks):
        return merged(place, Texts(text=True))
    return place


def _all(places: list[Texts]) -> Texts:
    found = Texts()
    for place in places:
        found = merged(found, place)
    return found
