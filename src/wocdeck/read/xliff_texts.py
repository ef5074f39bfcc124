"""A deck's texts to translate into one language: each with its id, its text in the deck's
language, its translation if given, and whether that translation was made from today's text.

The id is the field's path as messages print it (`focus[2].achievements[0].points[1]`). A
translation wocdeck wrote carries, in a comment on its line, a short hash of the text it was
translated from (`fr: …  # from en 1a2b3c4d5e6f`); when the deck's text changes later, the
translation is stale. A translation written by hand has no such record and counts as current.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from wocdeck.read.languages import SWITCHES, default_language, field_id, is_translations
from wocdeck.read.source import DataPath, Source
from wocdeck.read.texts import Texts

_RECORD = re.compile(r"#\s*from ([a-z]{2,3}(?:-[A-Za-z0-9]+)*) ([0-9a-f]{12})\s*$")
_MISSING = object()


def text_hash(text: str) -> str:
    """A short, stable fingerprint of a source text (12 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def record(language: str, text: str) -> str:
    """The comment kept beside a translation: which language and text it was made from."""
    return f"# from {language} {text_hash(text)}"


@dataclass(frozen=True)
class DeckText:
    """One text of the deck to translate, as it stands in the deck file."""

    id: str
    path: DataPath  # where the deck's-language text is in the file (language keys included)
    source: str
    target: str | None  # its translation in the language asked for, if given
    target_path: DataPath | None  # where that translation is (or would be) in the file
    recorded: str | None  # the hash written beside the translation, if any
    whole: DataPath | None = None  # a per-language list or part above the text, if any
    cell: tuple[str, int, int] | None = None  # a CSV file's cell (file, row, column), if one
    outdated: bool = False  # its translated CSV file no longer has the source's numbers
    key: bool = False  # the text is the key of a mapping (a chart's series name)
    names: DataPath | None = None  # the chart whose `names:` holds its translation, if one

    @property
    def state(self) -> str:
        """translated, missing, or stale (translated from a text that has changed since)."""
        if self.target is None:
            return "missing"
        if self.outdated or (self.recorded is not None and self.recorded != text_hash(self.source)):
            return "stale"
        return "translated"


def deck_texts(source: Source, texts: Texts, language: str) -> list[DeckText]:
    """Every text of the deck to translate into language, in file order."""
    walker = _Walker(source, default_language(source), language)
    walker.walk(source.data, _Here((), (), _MISSING, None, None), texts)
    return walker.found


@dataclass(frozen=True)
class _Here:
    """Where the walk is: in the file, as messages name it, and the same place's value in the
    language asked for when a per-language mapping above gave it (else _MISSING)."""

    at: DataPath
    logical: DataPath
    other: Any
    other_at: DataPath | None
    whole: DataPath | None  # the per-language list or part above, if any

    def under(self, key: Any) -> _Here:
        """The place one key or item further down."""
        theirs = _MISSING
        if isinstance(self.other, dict | list) and _has(self.other, key):
            theirs = self.other[key]
        there = (*self.other_at, key) if self.other_at is not None else None
        return _Here((*self.at, key), (*self.logical, key), theirs, there, self.whole)


@dataclass
class _Walker:
    source: Source
    default: str
    language: str

    def __post_init__(self) -> None:
        self.found: list[DeckText] = []

    def walk(self, node: Any, here: _Here, place: Texts | None) -> None:
        """Find the texts under node."""
        if place is None:
            return
        if is_translations(node) and here.whole is None:
            if not place.holds_text or node.get(self.default) is None:
                return
            mine = node[self.default]
            there = node.get(self.language, _MISSING)
            outer = None if isinstance(mine, str) else here.at
            at, logical = (*here.at, self.default), here.logical
            self.walk(mine, _Here(at, logical, there, (*here.at, self.language), outer), place)
            return
        place = place.written_as(node)
        if isinstance(node, str):
            switch = place.switch and node.strip().casefold() in SWITCHES  # `total: yes`
            if place.text and any(c.isalpha() for c in node) and not switch:
                self._text(node, here)
            return
        if isinstance(node, dict):
            items: list[tuple[Any, Any]] = list(node.items())
        elif isinstance(node, list):
            items = list(enumerate(node))
        else:
            return
        if place.named and isinstance(node, dict):
            self._keys(node, here)
        for key, value in items:
            self.walk(value, here.under(key), place.under(key))

    def _keys(self, node: dict[str, Any], here: _Here) -> None:
        """The keys of a mapping whose keys are text (a chart's series names). Written once,
        a key's translation is in the chart's `names: {fr: {key: …}}`; in a mapping given per
        language, it is the key in the same place of the same mapping in that language."""
        theirs = list(here.other) if isinstance(here.other, dict) else []
        chart, names = here.at[:-1], None
        if here.whole is not None and here.whole == chart and here.other is _MISSING:
            chart = here.whole[:-1]  # series given in the deck's language only
        if here.whole is None or chart != here.at[:-1]:
            names = self._names(chart)
        for index, key in enumerate(node):
            if not any(c.isalpha() for c in str(key)):
                continue
            logical, path = field_id((*here.logical, str(key))), (*here.at, key)
            if names is not None:
                target = names.get(key)
                there = (*chart, "names", self.language, key)
                text = DeckText(logical, path, str(key), target, there, None, key=True, names=chart)
                self.found.append(text)
                continue
            target = theirs[index] if index < len(theirs) else None
            there = (*here.other_at, target) if here.other_at is not None and target else None
            self.found.append(
                DeckText(logical, path, str(key), target, there, None, here.whole, key=True)
            )

    def _names(self, chart: DataPath) -> dict[Any, str]:
        """The words `names:` gives a chart's headings in the language asked for."""
        node = self.source.data
        for part in chart:
            node = node[part]
        names = node.get("names") if isinstance(node, dict) else None
        mine = names.get(self.language) if is_translations(names) else None
        if not isinstance(mine, dict):
            return {}
        return {k: v for k, v in mine.items() if isinstance(v, str)}

    def _text(self, text: str, here: _Here) -> None:
        target = here.other if isinstance(here.other, str) else None
        recorded = None
        if target is not None and here.other_at in self.source.values:
            line = self.source.values[here.other_at][0]
            found = _RECORD.search(self.source.lines[line - 1]) if line else None
            recorded = found.group(2) if found and found.group(1) == self.default else None
        where = here.other_at if here.other_at is not None else here.at
        self.found.append(
            DeckText(field_id(here.logical), here.at, text, target, where, recorded, here.whole)
        )


def _has(node: dict[Any, Any] | list[Any], key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(key, int) and 0 <= key < len(node)
