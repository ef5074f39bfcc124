"""Where a deck's words are: the shape of the model's declaration of translatable fields.

The model marks each field that holds text to translate; `wocdeck.model.texts` turns those
marks into a `Texts` tree, which the language pre-pass follows beside the data (it runs before
the model, so it is handed the tree rather than importing it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, eq=False)
class Texts:
    """One place of a deck's data: whether its value is text, and what is under it."""

    text: bool = False  # the value here (or each item of a list here) is text to translate
    fields: dict[str, Texts] = field(default_factory=dict)  # a part's keys
    entries: Texts | None = None  # the values of a mapping whose keys are free (rows, series)
    named: bool = False  # those free keys are text too (a chart's series names)
    bare: str | None = None  # the field a part's short form is (`year_ahead: [..]` → points)
    optional: bool = False  # given per language for some: the others keep the data's own words
    switch: bool = False  # `yes`/`no` here is a switch, not words (`total: yes`)

    def under(self, key: str | int) -> Texts | None:
        """The place under key: a list's item is where the list is; None for an unknown key."""
        if isinstance(key, int):
            return self
        return self.fields.get(key, self.entries)

    def written_as(self, value: object) -> Texts:
        """The place as the value is written: a part's short form is the field it stands for."""
        if self.bare and not isinstance(value, dict):
            return self.fields[self.bare]
        return self

    @cached_property
    def holds_text(self) -> bool:
        """Whether any text is here or under here: only then may a value differ by language."""
        below = [*self.fields.values(), *([self.entries] if self.entries else [])]
        return self.text or self.named or any(t.holds_text for t in below)


def merged(one: Texts, other: Texts) -> Texts:
    """The place where a value may be either of two shapes (text, or a bullet with points)."""
    keys = {*one.fields, *other.fields}
    fields = {
        k: merged(one.fields[k], other.fields[k])
        if k in one.fields and k in other.fields
        else one.fields.get(k) or other.fields[k]
        for k in keys
    }
    entries = (
        merged(one.entries, other.entries)
        if one.entries and other.entries
        else one.entries or other.entries
    )
    return Texts(
        one.text or other.text,
        fields,
        entries,
        one.named or other.named,
        one.bare or other.bare,
        one.optional or other.optional,
        one.switch or other.switch,
    )
