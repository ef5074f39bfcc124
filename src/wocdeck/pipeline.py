"""The render pipeline, one direction: source → model → compose → fit → write."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
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
    notices: tuple[Problem, ...] = ()  # fields that fell back to the deck's default language


@dataclass(frozen=True)
class Checked:
    """A checked deck in one language: its fitted slides and the notices about it."""

    slides: list[Slide]
    notices: tuple[Problem, ...]
    adjustments: tuple[Adjustment, ...] = ()  # what fitting changed, as render reports it


def validate(deck_file: Path) -> list[Slide]:
    """Load, check and plan a deck without writing anything; returns the fitted slides."""
    return _plan(deck_file)[0]


def check(deck_file: Path, language: str | None = None, *, strict: bool = False) -> Checked:
    """Validate a deck in a language (default: its own) as render would, writing nothing;
    strict makes notices and fitting adjustments errors."""
    slides, adjustments, _, _, notices = _plan(deck_file, language)
    _refuse_notices(notices, strict)
    if strict and adjustments:
        raise DeckError(strict_problems(deck_file, adjustments))
    return Checked(slides, notices, tuple(adjustments))


def languages(deck_file: Path) -> list[str]:
    """The deck's own language, then every other language its fields are given in."""
    from wocdeck.languages import present
    from wocdeck.source import read

    return present(read(deck_file, str(deck_file)))


def _refuse_notices(notices: tuple[Problem, ...], strict: bool) -> None:
    if strict and notices:
        raise DeckError([replace(n, severity="error") for n in notices])


def _plan(
    deck_file: Path, language: str | None = None
) -> tuple[list[Slide], list[Adjustment], Deck, Theme, tuple[Problem, ...]]:
    """Source → language → model → compose → fit; heavy modules are imported here."""
    from wocdeck.compose import compose
    from wocdeck.fit import fit_deck
    from wocdeck.languages import is_right_to_left, select
    from wocdeck.mirror import right_to_left
    from wocdeck.model import load_deck
    from wocdeck.source import read
    from wocdeck.theme import load_theme

    name = str(deck_file)
    selection = select(read(deck_file, name), language)
    source = selection.source
    deck = load_deck(source)
    theme = load_theme(deck.theme, source.location(("theme",))).for_language(deck.language)
    planned = compose(deck, theme, source)
    _check_count(len(planned), name)
    slides, adjustments = fit_deck(planned, name)
    _check_count(len(slides), name)
    if is_right_to_left(deck.language):
        slides = right_to_left(slides)
    return slides, adjustments, deck, theme, selection.notices


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


def render(
    deck_file: Path, output: Path, *, strict: bool = False, language: str | None = None
) -> Rendered:
    """Render a deck file (in a language, default its own) to a .pptx; nothing on errors."""
    from wocdeck.output import check_target, write_atomic
    from wocdeck.source import refuse_non_deck
    from wocdeck.writer import Properties, build

    refuse_non_deck(deck_file)
    check_target(output, [deck_file])
    slides, adjustments, deck, theme, notices = _plan(deck_file, language)
    _refuse_notices(notices, strict)
    if strict and adjustments:
        raise DeckError(strict_problems(deck_file, adjustments))
    event = deck.event
    properties = Properties(
        title=f"{event.office} \u2013 {event.title}",
        author=event.office,
        subject=event.title,
        when=_timestamp(event.date),
        language=deck.language,
    )
    write_atomic(output, build(slides, theme, properties))
    return Rendered(output, len(slides), tuple(adjustments), notices)


def _timestamp(day: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the event's date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:  # from 1970 to 9999: four-digit years, as the file's properties need
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            raise DeckError.at(
                Location("SOURCE_DATE_EPOCH"),
                f"'{epoch}' is not a time a PowerPoint file can hold",
                "set it to seconds since 1970, e.g. 1538038800, or unset it",
            ) from None
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0)
