"""The comma trap inside { }: `{Type: Seminars, Participants: 2,450}` reads as a key '450'.

Inside { } a comma separates entries, so a comma in a value ends it and what follows becomes a
key without a ':' (YAML gives it no value). A key written without a ':' is never what an editor
means, so wherever a { } mapping is (table rows, tiles, pictures, titles, per-language values),
the reader refuses it at its line and says how to write the text or the number with its comma.
"""

from __future__ import annotations

from wocdeck.read import yaml_errors
from wocdeck.read.figures import FigureError, parse_figure

Place = tuple[int, int]  # 1-based line and column


class Braces:
    """One { } mapping being read: its last `key: value` and the keys a comma made after it."""

    def __init__(self) -> None:  # a plain class: a dataclass's methods compile at each start
        self.last: tuple[str, str | None, Place] | None = None  # key, plain text value, start
        self.split: list[tuple[str, Place, Place]] = []  # key, start, end

    def take(self, key: str, value: object, start: Place, *, plain: bool) -> None:
        """Note a finished `key: value` pair (a value written without quotes is `plain`)."""
        self.last = (key, value if plain and isinstance(value, str) else None, start)


def without_colon(lines: list[str], line: int, column: int) -> bool:
    """Whether the key ending at a 0-based line and column has no ':' after it."""
    rest = lines[line][column:] if line < len(lines) else ""
    for row in [rest, *lines[line + 1 :]]:
        text = row.lstrip()
        if text:
            return not text.startswith(":")
    return True


def wording(lines: list[str], braces: Braces) -> yaml_errors.Wording:
    """The keys a comma made in braces.split, in plain words, at the first of them."""
    keys = [key for key, _, _ in braces.split]
    line, column = braces.split[0][1]
    if ":" in keys[0]:  # `{label:PCT}`: without a space after it, ':' is part of the word
        return yaml_errors.Wording(
            line,
            column,
            f"'{keys[0]}' has no space after its ':', so YAML reads it as one word",
            f"put a space after the ':': {keys[0].replace(':', ': ', 1)}",
        )
    if braces.last is None or braces.last[1] is None:
        return yaml_errors.Wording(
            line,
            column,
            f"inside {{ }} each entry is `key: value`, and '{keys[0]}' has no ':'",
            f"write it as `{keys[0]}: …`; if a comma before it belongs to the text, put that "
            "text in quotes",
        )
    before, value, start = braces.last
    written = _span(lines, start, braces.split[-1][2])
    named = f"a key '{keys[0]}'" if len(keys) == 1 else "the keys " + _listed(keys)
    return yaml_errors.Wording(
        line,
        column,
        f"inside {{ }} a comma separates keys, so '{written}' was read as '{value}' and {named}",
        _fix(before, written),
    )


def _fix(key: str, written: str) -> str:
    """The two ways to keep the comma: a number without it or quoted; text quoted or in lines."""
    quoted = f"{key}: {yaml_errors.double_quoted(written)}"
    try:
        parse_figure(written)
    except FigureError:
        return (
            f"put text that contains a comma in quotes: {quoted}; or write the group without "
            "{ }, one `key: value` per line"
        )
    return f"write the number without the comma ({written.replace(',', '')}) or quote it: {quoted}"


def _span(lines: list[str], start: Place, end: Place) -> str:
    """The text as written from start to end (1-based, end exclusive), lines joined by a space."""
    (first, column), (last, stop) = start, end
    if first == last:
        return lines[first - 1][column - 1 : stop - 1]
    rows = [lines[first - 1][column - 1 :], *lines[first : last - 1], lines[last - 1][: stop - 1]]
    return " ".join(row.strip() for row in rows if row.strip())


def _listed(keys: list[str]) -> str:
    quoted = [f"'{k}'" for k in keys]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
