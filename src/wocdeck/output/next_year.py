"""Next year's deck from this year's: the new date, the event's year in titles moved on, every
figure emptied with last year's kept in `history:`/`previous:`, and what the editor must review.

Only the text that changes is rewritten (see deck_edit); everything else stays byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.output.deck_edit import DataPath, DeckEdit, entries
from wocdeck.output.emptied import Entry, is_empty, rewrite, value_of, with_history
from wocdeck.read.figures import FigureError, parse_figure
from wocdeck.read.source import Source

# Texts the editor wrote as content: kept as written and listed for review.
_REVIEWED = frozenset({"aims", "achievements", "notes", "achievements_notes"})
# Texts that name the event (titles, headings, footers): the event's year in them moves on.
_NAMING = frozenset(
    {
        "title",
        "subtitle",
        "footer",
        "heading",
        "name",
        "section",
        "closing",
        "achievements_title",
        "personnel_heading",
        "budget_heading",
        "x_title",
        "y_title",
    }
)
_FIGURES = frozenset({"metrics", "tiles"})
_SHOWN = 70  # characters of a reviewed text shown in the listing


Listed = tuple[DataPath, str]  # where in the deck (the same path in the new file), and what


@dataclass
class NextYear:
    """What next_year changed and what the editor must look at, each at its place."""

    old_year: int
    new_year: int
    changed: list[Listed] = field(default_factory=list)
    emptied: list[Listed] = field(default_factory=list)
    review: list[Listed] = field(default_factory=list)

    def lines(self, listed: list[Listed], new: Source) -> list[str]:
        """The listed items as 'line N: …', numbered as in the new file."""
        placed = sorted((new.location(path, key=True).line, text) for path, text in listed)
        return [f"line {line}: {text}" for line, text in placed]


def next_year(edit: DeckEdit, day: dt.date) -> NextYear:
    """Turn the deck into next year's (splices on `edit`); a bad date or a deck whose figures
    are already empty is a located DeckError."""
    where = edit.source.location(("event", "date"))
    old_day = _old_date(edit, where)
    if day.year <= old_day.year:
        raise DeckError.at(
            where,
            f"the new date {day.isoformat()} is not in a later year than this deck's "
            f"({old_day.isoformat()})",
            "give next year's date, e.g. --date "
            f"{old_day.replace(year=old_day.year + 1).isoformat()}",
        )
    _refuse_empty(edit)
    from wocdeck.model import load_deck
    from wocdeck.model.texts import translatable
    from wocdeck.read.languages import select

    # this year's deck must be right first
    load_deck(select(edit.source, None, texts=translatable()).source)
    result = NextYear(old_day.year, day.year)
    date = edit.node(("event", "date"))
    edit.set_scalar(date, day.isoformat())
    result.changed.append((("event", "date"), f"event date: {day.isoformat()}"))
    _walk(edit, edit.root, (), result, reviewed=False)
    return result


def next_name(deck: Path, old: int, new: int) -> Path:
    """deck.yaml → deck-2019.yaml; deck-2018.yaml → deck-2019.yaml."""
    stem = re.sub(rf"(?<!\d){old}(?!\d)", str(new), deck.stem)
    if stem == deck.stem:
        stem = f"{deck.stem}-{new}"
    return deck.with_name(stem + deck.suffix)


def _old_date(edit: DeckEdit, where: Location) -> dt.date:
    event = edit.source.data.get("event") if isinstance(edit.source.data, dict) else None
    written = event.get("date") if isinstance(event, dict) else None
    try:
        return dt.date.fromisoformat(str(written).strip())
    except ValueError:
        raise DeckError.at(
            where, "this deck has no event date to start from", "write it: date: 2018-09-27"
        ) from None


def _refuse_empty(edit: DeckEdit) -> None:
    """A deck with an empty figure has been carried over already (or is unfinished)."""
    problems = []
    for path, node in _figure_nodes(edit.root, ()):
        if is_empty(value_of(node, "value")):
            label = _words(value_of(node, "label"))
            name = f" for '{label}'" if label else ""
            problems.append(
                Problem(
                    edit.source.location((*path, "value"), key=True),
                    f"the figure{name} is already empty: this deck looks carried over already",
                    "fill in this year's figures, or run next-year on last year's deck",
                )
            )
    resources = edit.node(("resources", "budget"))
    if resources is not None and is_empty(value_of(resources, "amount")):
        problems.append(
            Problem(
                edit.source.location(("resources", "budget", "amount"), key=True),
                "the budget's amount is already empty: this deck looks carried over already",
                "fill in this year's amount, or run next-year on last year's deck",
            )
        )
    if problems:
        raise DeckError(problems)


def _figure_nodes(node: Any, path: DataPath) -> list[tuple[DataPath, Any]]:
    """Every figure tile's mapping node, with its path."""
    found = []
    kind = type(node).__name__
    if kind == "MappingNode":
        for key, value in entries(node):
            if key in _FIGURES:
                items = value.value if type(value).__name__ == "SequenceNode" else [value]
                at = [(*path, key, i) for i in range(len(items))]
                if type(value).__name__ != "SequenceNode":
                    at = [(*path, key)]
                found += [
                    (p, item)
                    for p, item in zip(at, items, strict=True)
                    if type(item).__name__ == "MappingNode"
                ]
            else:
                found += _figure_nodes(value, (*path, key))
    elif kind == "SequenceNode":
        for i, item in enumerate(node.value):
            found += _figure_nodes(item, (*path, i))
    return found


def _walk(edit: DeckEdit, node: Any, path: DataPath, result: NextYear, *, reviewed: bool) -> None:
    kind = type(node).__name__
    if kind == "SequenceNode":
        for i, item in enumerate(node.value):
            _walk(edit, item, (*path, i), result, reviewed=reviewed)
        return
    if kind == "ScalarNode":
        _text(edit, node, path, result, reviewed=reviewed)
        return
    for key, value in entries(node):
        at = (*path, key)
        if key in _FIGURES:
            for where, tile in _figure_nodes(node, path):
                if where[: len(at)] == at:
                    _empty_figure(edit, tile, where, result)
        elif key == "budget" and type(value).__name__ == "MappingNode":
            _empty_budget(edit, value, at, result)
        elif at == ("event", "date"):
            continue
        elif key in _REVIEWED or (path == () and key == "year_ahead") or path == ("year_ahead",):
            review = key not in ("title",)
            _walk(edit, value, at, result, reviewed=review or reviewed)
        elif key in _NAMING and not reviewed and _translated(value):
            for code, text in entries(value):
                _move_year(edit, text, (*at, code), result)
        elif type(value).__name__ == "ScalarNode":
            if key in _NAMING and not reviewed:
                _move_year(edit, value, at, result)
            else:
                _text(edit, value, at, result, reviewed=reviewed)
        else:
            _walk(edit, value, at, result, reviewed=reviewed)


def _translated(node: Any) -> bool:
    """Whether a node is a text given per language (`en: …`, `zh: …`)."""
    from wocdeck.read.languages import SUPPORTED

    found = list(entries(node))
    return bool(found) and all(
        code in SUPPORTED and type(text).__name__ == "ScalarNode" for code, text in found
    )


def _words(node: Any) -> str:
    """A text as written, or its first language's when it is given per language."""
    if node is None:
        return ""
    if type(node).__name__ == "ScalarNode":
        return str(node.value)
    return next((str(text.value) for _, text in entries(node) if hasattr(text, "value")), "")


def _text(edit: DeckEdit, node: Any, path: DataPath, result: NextYear, *, reviewed: bool) -> None:
    """A text kept as written: listed when it is content to review, or mentions the year."""
    if not isinstance(node.value, str) or not node.value.strip():
        return
    old = str(result.old_year)
    mentions = re.search(rf"(?<!\d){old}(?!\d)", node.value) is not None
    if not reviewed and not mentions:
        return
    if path and path[-1] in ("file", "csv", "data", "template", "theme", "language"):
        return
    words = " ".join(node.value.split())
    shown = words if len(words) <= _SHOWN else words[: _SHOWN - 1].rstrip() + "…"
    note = f" (mentions {old})" if mentions else ""
    result.review.append((path, f"{_section(path)}: {shown}{note}"))


def _section(path: DataPath) -> str:
    """Where a text is, in the deck's words: 'focus 2 achievements', 'year_ahead'."""
    words = []
    for i, part in enumerate(path):
        if isinstance(part, int):
            if i > 0 and path[i - 1] in ("focus", "slides"):
                words.append(str(part + 1))
            continue
        if part not in ("points", "text"):
            words.append(part)
    return " ".join(words) or "deck"


def _move_year(edit: DeckEdit, node: Any, path: DataPath, result: NextYear) -> None:
    """The event's year in a naming text becomes the new year, in the text as written."""
    written = edit.written(node)
    pattern = rf"(?<!\d){result.old_year}(?!\d)"
    moved = re.sub(pattern, str(result.new_year), written)
    if moved != written:
        edit.set_scalar(node, moved)
        words = " ".join(re.sub(pattern, str(result.new_year), node.value).split())
        result.changed.append((path, words))


def _empty_figure(edit: DeckEdit, tile: Any, path: DataPath, result: NextYear) -> None:
    """A tile's value moves into history (and previous); the value is left empty."""
    value = value_of(tile, "value")
    label = _words(value_of(tile, "label")) or "a figure"
    old = edit.written(value)
    try:
        shown = str(parse_figure(value.value))
    except FigureError:  # pragma: no cover - load_deck has checked every figure
        shown = value.value
    year, new = str(result.old_year), result.new_year
    changed: dict[str, str | None] = {
        "value": f"value:  # {year}: {shown}; give the {new} figure",
        "history": f"history: {with_history(edit, value_of(tile, 'history'), year, old)}",
    }
    added = []
    versus = value_of(tile, "versus")
    if versus is not None:
        if value_of(tile, "change") is not None:
            changed["change"] = None
        result.review.append(
            (
                (*path, "versus"),
                f"{label}: its change was against '{_words(versus)}': type this year's change: "
                "and versus:",
            )
        )
    else:
        changed["change"] = None
        changed["previous"] = f"previous: {old}"
        if value_of(tile, "previous") is None:
            added.append(Entry("previous", f"previous: {old}"))
    if value_of(tile, "history") is None:
        added.append(Entry("history", str(changed["history"])))
    rewrite(edit, tile, changed, added)
    result.emptied.append(((*path, "value"), f"{label} (was {shown})"))


def _empty_budget(edit: DeckEdit, budget: Any, path: DataPath, result: NextYear) -> None:
    """The budget's amount is left empty, last year's in a comment."""
    amount = value_of(budget, "amount")
    if amount is None:
        return
    currency = value_of(budget, "currency")
    money = f"{currency.value} " if currency is not None else ""
    try:
        shown = money + str(parse_figure(amount.value))
    except FigureError:  # pragma: no cover - load_deck has checked the amount
        shown = money + amount.value
    year, new = result.old_year, result.new_year
    text = f"amount:  # {year}: {shown}; give the {new} budget"
    rewrite(edit, budget, {"amount": text}, [])
    result.emptied.append(((*path, "amount"), f"budget (was {shown})"))
