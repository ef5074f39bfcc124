"""A deck's languages, and the pre-pass that picks one language's text from the plain data.

Any value of a deck file may be given per language, as a mapping whose keys are all language
codes: `office: {en: WIPO Office in China, zh: 世界知识产权组织中国办事处}`, or a list per
language: `aims: {en: [...], fr: [...]}`. Before the model sees the data, `select` replaces
each such mapping by the requested language's value, or, where that is missing, by the deck's
default language's (`language:`, English if not given) with one notice per field, so a partial
translation is visible, never silent. Which fields are text is the model's declaration (`Texts`,
handed in by the caller): only those are asked for a translation, and only where text is may a
value be given per language. Lists given per language with a different number of items get a
notice. Positions are carried over, so later errors still point at the text the editor wrote in
that language.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from wocdeck.errors import DeckError, Problem
from wocdeck.read.source import DataPath, Source, nearest
from wocdeck.read.texts import Texts

SUPPORTED = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "zh": "Chinese",
    "ar": "Arabic",
    "ja": "Japanese",
    "pt": "Portuguese",
    "de": "German",
}
# Language names editors write instead of the code, in English and in the language itself.
NAMES = {
    "english": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "russian": "ru",
    "русский": "ru",
    "chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "arabic": "ar",
    "العربية": "ar",
    "japanese": "ja",
    "日本語": "ja",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
    "german": "de",
    "deutsch": "de",
}
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})
DEFAULT = "en"
# `total: yes`, `closing: no`: a switch, not words (never asked for a translation)
YES = frozenset({"yes", "true", "on"})
NO = frozenset({"no", "false", "off"})
SWITCHES = YES | NO
_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# What one item of a list is called, for a field's place in words (`slides[3]`: slide entry 4).
_ITEM = {
    "slides": "slide entry",
    "focus": "focus area",
    "rows": "table row",
    "year_ahead": "year-ahead item",
    "personnel": "personnel item",
    "history": "history item",
}


def is_right_to_left(language: str) -> bool:
    """Whether a language is written from right to left."""
    return language.split("-")[0] in RIGHT_TO_LEFT


class Selection(NamedTuple):
    """One language's view of a deck file: its data, positions, and the fields that fell back."""

    source: Source
    language: str
    notices: tuple[Problem, ...] = ()
    errors: tuple[Problem, ...] = ()  # an unknown `language:`, reported with the model's errors


def default_language(source: Source) -> str:
    """The deck's own language (`language:`), English when not given; a located error if unknown."""
    code, wrong = _deck_language(source)
    if wrong:
        raise DeckError([wrong])
    return code


def _deck_language(source: Source) -> tuple[str, Problem | None]:
    """The deck's `language:` (English if not given), or English and the problem with it."""
    data = source.data if isinstance(source.data, dict) else {}
    code = data.get("language")
    if code is None:
        return DEFAULT, None
    if not isinstance(code, str) or code not in SUPPORTED:
        where = source.location(("language",))
        return DEFAULT, Problem(where, f"'{code}' is not a supported language", _choices(code))
    return code, None


def present(source: Source) -> list[str]:
    """The deck's default language, then every other language some field is given in."""
    found = [default_language(source)]
    _Walker(source, found[0], found[0], Texts()).collect(source.data, found)
    return found


def select(source: Source, language: str | None = None, *, texts: Texts) -> Selection:
    """The deck file's data in one language (default: the deck's own); see the module's doc.

    `texts` is the model's declaration of which fields are text (wocdeck.model.texts).
    """
    default, wrong = _deck_language(source)
    chosen = language or default
    walker = _Walker(source, chosen, default, texts)
    data = walker.pick(source.data, (), (), texts)
    errors = (wrong,) if wrong else ()
    if walker.problems:
        raise DeckError([*errors, *walker.problems])
    if isinstance(data, dict):
        data["language"] = chosen
        walker.out.written_in = default
        root = source.location(())
        walker.out.values.setdefault(("language",), (root.line, root.column))
    walker.out.data = data
    return Selection(walker.out, chosen, tuple(walker.notices), errors)


def _choices(code: object) -> str:
    """'did you mean' a code: for a code, or a language's name (English → en)."""
    named = NAMES.get(str(code).strip().casefold())
    if named:
        return f"did you mean '{named}'? a language is written as its code: " + ", ".join(SUPPORTED)
    return nearest(str(code), list(SUPPORTED))


def is_translations(node: Any) -> bool:
    """Whether a value is given per language: a mapping whose keys are all language codes."""
    return (
        isinstance(node, dict)
        and bool(node)
        and all(isinstance(k, str) and _CODE.match(k) for k in node)
        and any(k in SUPPORTED for k in node)
    )


class _Walker:
    """Copies plain data, replacing per-language mappings and moving positions along."""

    def __init__(self, source: Source, language: str, default: str, texts: Texts) -> None:
        self.source, self.language, self.default, self.texts = source, language, default, texts
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.out = Source(source.path, None, lines=source.lines)

    def collect(self, node: Any, found: list[str]) -> None:
        """Add the languages of every per-language mapping under node to found."""
        if is_translations(node):
            found.extend(k for k in node if k in SUPPORTED and k not in found)
        children = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict | list):
            for child in children:
                self.collect(child, found)

    def pick(
        self, node: Any, at: DataPath, to: DataPath, place: Texts | None, *, chosen: bool = False
    ) -> Any:
        """node (at `at` in the file, at `place` of the model) as it goes to `to` in the chosen
        language's data.

        `chosen` is set under a per-language mapping, whose text is already in its language;
        elsewhere, text in another language than the requested one gets a notice per field.
        """
        if at in self.source.values:
            self.out.values[to] = self.source.values[at]
        if is_translations(node):
            if place is not None and not place.holds_text:
                self._same_everywhere(at)
                return None
            return self._translated(node, at, to, place)
        if place is not None:
            place = place.written_as(node)
        if not chosen and self._untranslated(node, at, place):
            self._fell_back(at, self.default, node)
        if isinstance(node, dict):
            copy = {}
            for key, value in node.items():
                if (*at, key) in self.source.keys:
                    self.out.keys[(*to, key)] = self.source.keys[(*at, key)]
                below = place.under(key) if place else None
                copy[key] = self.pick(value, (*at, key), (*to, key), below, chosen=chosen)
            return copy
        if isinstance(node, list):
            return [
                self.pick(item, (*at, i), (*to, i), place, chosen=chosen)
                for i, item in enumerate(node)
            ]
        return node

    def _untranslated(self, node: Any, at: DataPath, place: Texts | None) -> bool:
        """Whether node is text (or a list with text) in the deck's language, not the requested."""
        if self.language == self.default or not at or place is None or not place.text:
            return False
        if isinstance(node, list):
            return any(_words(item) for item in node)
        if place.switch and isinstance(node, str) and node.strip().casefold() in SWITCHES:
            return False
        return _words(node) and not isinstance(at[-1], int)

    def _same_everywhere(self, at: DataPath) -> None:
        value = f"`{at[-1]}: …`" if at and isinstance(at[-1], str) else "the value"
        self.problems.append(
            Problem(
                self.source.location(at, key=True),
                f"{_field_name(at)} is the same in every language: it is not given per language",
                f"write {value} once, without language codes",
            )
        )

    def _differing(self, one: Any, other: Any, at: DataPath, codes: tuple[str, str]) -> None:
        """A notice for each list whose items differ in number between two languages."""
        if isinstance(one, list) and isinstance(other, list):
            if len(one) != len(other):
                self.notices.append(
                    Problem(
                        self.source.location((*at, codes[0]), key=True),
                        f"{_field_name(at)} has {_items(len(one))} in '{codes[0]}' but "
                        f"{_items(len(other))} in '{codes[1]}'",
                        "give the same items in every language, or check none is missing",
                        severity="notice",
                    )
                )
                return
            pairs = zip(range(len(one)), one, other, strict=True)
        elif isinstance(one, dict) and isinstance(other, dict):
            pairs = ((k, v, other[k]) for k, v in one.items() if k in other)
        else:
            return
        for key, mine, theirs in pairs:
            self._differing(mine, theirs, (*at, key), codes)

    def _fell_back(self, at: DataPath, fallback: str, node: Any = None) -> None:
        """A notice for a text shown in another language; a list's names its first text and
        counts the others."""
        more = ""
        if isinstance(node, list):
            texts = [i for i, item in enumerate(node) if _words(item)]
            at = (*at, texts[0])
            if len(texts) > 1:
                more = f", nor have {len(texts) - 1} more in {field_id(at[:-1])}"
        self.notices.append(
            Problem(
                self.source.location(at, key=True),
                f"{_field_name(at)} has no '{self.language}' text{more}; the '{fallback}' text "
                "is used",
                f"add {self.language}: … to translate it",
                severity="notice",
            )
        )

    def _translated(
        self, node: dict[str, Any], at: DataPath, to: DataPath, place: Texts | None
    ) -> Any:
        for code in node:
            if code not in SUPPORTED:
                self.problems.append(
                    Problem(
                        self.source.location((*at, code), key=True),
                        f"'{code}' is not a supported language",
                        _choices(code),
                    )
                )
        given = [code for code, value in node.items() if value is not None]
        if self.language in given:
            if self.default in given and self.language != self.default:
                self._differing(
                    node[self.language], node[self.default], at, (self.language, self.default)
                )
            self.out.chosen.add(to)
            return self.pick(node[self.language], (*at, self.language), to, place, chosen=True)
        if place is not None and place.optional:  # the data's own words stand
            return None
        fallback = self.default if self.default in given else (given[0] if given else None)
        if fallback is None:
            self.problems.append(
                Problem(
                    self.source.location(at, key=True),
                    f"{_field_name(at)} has no text in any language",
                    f"add {self.language}: …",
                )
            )
            return None
        if place is None or not place.named:  # names (a chart's series): the chart's notice
            self._fell_back(at, fallback)
        return self.pick(node[fallback], (*at, fallback), to, place, chosen=True)


def _words(value: Any) -> bool:
    """Whether a value is words to translate: text with a letter, not a number such as 33,745."""
    return isinstance(value, str) and any(c.isalpha() for c in value)


def _items(count: int) -> str:
    return f"{count} item{'s' * (count != 1)}"


def field_id(path: DataPath) -> str:
    """A field's path as messages and XLIFF ids print it: `focus[2].achievements[0].points[1]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += '["' + part.replace("\\", "\\\\").replace('"', '\\"') + '"]'
    return out


def _field_name(path: DataPath) -> str:
    """A field's path, and the places of its list items in words counted from 1:
    `slides[3].table.rows[0][0] (slide entry 4, table row 1, cell 1)`."""
    words, previous = [], None
    for part in path:
        if isinstance(part, int):
            if isinstance(previous, int):
                name = "cell"
            elif isinstance(previous, str):
                name = _ITEM.get(previous, previous[:-1] if previous.endswith("s") else previous)
            else:
                name = "item"
            words.append(f"{name.replace('_', ' ')} {part + 1}")
        previous = part
    named = field_id(path) or "the deck"
    return f"{named} ({', '.join(words)})" if words else named
