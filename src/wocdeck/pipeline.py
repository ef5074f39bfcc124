"""The render pipeline, one direction: source → model → compose → fit → write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.plan import Adjustment, Slide

if TYPE_CHECKING:
    from wocdeck.model import Deck
    from wocdeck.theme import Theme

MAX_SLIDES = 5000


@dataclass(frozen=True)
class Rendered:
    """A rendered deck: where it went, how many slides, and what fitting changed."""

    output: Path
    slides: int
    adjustments: tuple[Adjustment, ...]


def validate(deck_file: Path) -> list[Slide]:
    """Load, check and plan a deck without writing anything; returns the fitted slides."""
    return _plan(deck_file)[0]


def _plan(deck_file: Path) -> tuple[list[Slide], list[Adjustment], Deck, Theme]:
    """Source → model → compose → fit; heavy modules are imported here, not at start-up."""
    from wocdeck.compose import compose
    from wocdeck.fit import fit_deck
    from wocdeck.model import load_deck
    from wocdeck.source import read
    from wocdeck.theme import load_theme

    name = str(deck_file)
    source = read(deck_file, name)
    deck = load_deck(source)
    theme = load_theme(deck.theme, source.location(("theme",)))
    planned = compose(deck, theme, source)
    _check_count(len(planned), name)
    slides, adjustments = fit_deck(planned, name)
    _check_count(len(slides), name)
    return slides, adjustments, deck, theme


def _check_count(slides: int, name: str) -> None:
    """Refuse decks beyond MAX_SLIDES, before fitting and again after continuations."""
    if slides > MAX_SLIDES:
        raise DeckError.at(
            Location(name), f"the deck makes {slides:,} slides; at most {MAX_SLIDES:,}"
        )


def strict_problems(deck_file: Path, adjustments: list[Adjustment]) -> list[Problem]:
    """Fitting adjustments as errors, for --strict."""
    return [
        Problem(
            Location(str(deck_file), a.line),
            f'slide {a.slide} "{a.title}": {a.message}',
            "shorten the text or split the section",
        )
        for a in adjustments
    ]


def render(deck_file: Path, output: Path, *, strict: bool = False) -> Rendered:
    """Render a deck file to a .pptx; nothing is written when the deck has errors."""
    from wocdeck.output import check_target, write_atomic
    from wocdeck.writer import Properties, build

    check_target(output, [deck_file])
    slides, adjustments, deck, theme = _plan(deck_file)
    if strict and adjustments:
        raise DeckError(strict_problems(deck_file, adjustments))
    event = deck.event
    properties = Properties(
        title=f"{event.office} \u2013 {event.title}",
        author=event.office,
        subject=event.title,
        when=_timestamp(event.date),
    )
    write_atomic(output, build(slides, theme, properties))
    return Rendered(output, len(slides), tuple(adjustments))


def _timestamp(day: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the event's date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)
