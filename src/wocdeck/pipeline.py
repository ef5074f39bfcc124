"""The render pipeline in one call: read → model → look → compose → layout → write → output."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.plan import Adjustment, Slide

if TYPE_CHECKING:
    from wocdeck.look.load import Look
    from wocdeck.look.theme import Theme
    from wocdeck.model import Deck
    from wocdeck.read.languages import Selection
    from wocdeck.read.source import Source

MAX_SLIDES = 5000
MAX_PROPERTY = 255  # characters in a document property (title, author, subject)
MAX_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC


class Rendered(NamedTuple):
    """A rendered deck: where it went, how many slides, and what fitting changed."""

    output: Path
    slides: int
    adjustments: tuple[Adjustment, ...]
    notices: tuple[Problem, ...] = ()  # language fall-backs, template fallbacks, fonts


@dataclass(frozen=True)
class Checked:
    """A checked deck in one language: its fitted slides and the notices about it."""

    slides: list[Slide]
    notices: tuple[Problem, ...]
    adjustments: tuple[Adjustment, ...] = ()  # what fitting changed, as render reports it
    planned: _Planned | None = field(default=None, repr=False, compare=False)  # for render


class _Planned(NamedTuple):
    """A deck planned and fitted, with what the user is told about it."""

    slides: list[Slide]
    adjustments: list[Adjustment]
    deck: Deck
    theme: Theme
    look: Look
    notices: tuple[Problem, ...]  # may become errors with --strict
    remarks: tuple[Problem, ...]  # never errors: fonts measured approximately, macros dropped


def validate(
    deck_file: Path, template: Path | None = None, allow: tuple[Path, ...] = ()
) -> list[Slide]:
    """Load, check and plan a deck without writing anything; returns the fitted slides."""
    return _plan(deck_file, template=template, allow=allow).slides


def check(
    deck_file: Path,
    language: str | None = None,
    *,
    strict: bool = False,
    template: Path | None = None,
    allow: tuple[Path, ...] = (),
) -> Checked:
    """Validate a deck in a language (default: its own) as render would, writing nothing;
    strict makes notices (template fallbacks among them) and fitting adjustments errors;
    allow: folders besides the deck's own that the files it names may be read from."""
    planned = _plan(deck_file, language, template, allow)
    _refuse(planned, deck_file, strict)
    return Checked(
        planned.slides, planned.notices + planned.remarks, tuple(planned.adjustments), planned
    )


def _refuse(planned: _Planned, deck_file: Path, strict: bool) -> None:
    """Under strict, notices (template fallbacks among them) and fitting changes are errors."""
    _refuse_notices(planned.notices, strict)
    if strict and planned.adjustments:
        raise DeckError(strict_problems(deck_file, planned.adjustments))


def languages(deck_file: Path) -> list[str]:
    """The deck's own language, then every other language its fields are given in."""
    from wocdeck.read.languages import present
    from wocdeck.read.source import read

    return present(read(deck_file, str(deck_file)))


def _refuse_notices(notices: tuple[Problem, ...], strict: bool) -> None:
    if strict and notices:
        raise DeckError([n._replace(severity="error") for n in notices])


def _plan(
    deck_file: Path,
    language: str | None = None,
    template: Path | None = None,
    allow: tuple[Path, ...] = (),
) -> _Planned:
    """Source → language → model → compose → fit; heavy modules are imported here."""
    from wocdeck.compose.composer import compose
    from wocdeck.layout.balance import typeset_lines
    from wocdeck.layout.readable import readable, unreachable
    from wocdeck.layout.sparse import composed
    from wocdeck.layout.typeset import fit_deck
    from wocdeck.look.load import load_look
    from wocdeck.look.placement import adapt
    from wocdeck.look.theme import load_theme, themes_dir
    from wocdeck.look.typescale import rules_for
    from wocdeck.model.texts import translatable
    from wocdeck.read.boundary import Boundary
    from wocdeck.read.languages import is_right_to_left, select
    from wocdeck.read.source import read

    name = str(deck_file)
    original = read(deck_file, name, defer=True)
    try:
        selection = select(original, language, texts=translatable())
    except DeckError as exc:
        raise DeckError(_with_deferred(original, exc.problems), exc.more) from None
    source = selection.source
    deck = _load(original, selection, every_language=language is None)
    boundary = Boundary.around(deck_file, (*allow, themes_dir()))  # bundled themes: always
    theme = load_theme(deck.theme, source.location(("theme",)), deck_file.parent, boundary)
    theme = theme.for_language(deck.language)
    look = load_look(deck, theme, source, template, boundary)
    plans = compose(deck, theme, source, look.frames, boundary)
    planned = adapt(plans, look.frames, look.fonts)
    _check_count(len(planned), name)
    slides, adjustments = fit_deck(planned, name, rules_for(theme, look.scale))
    _check_count(len(slides), name)
    slides = composed(typeset_lines(slides))
    palette = look.palette(theme)
    if not look.restyled:  # a template's own colours: its text colour and one accent in tiles
        from wocdeck.layout.tile_colors import template_tiles

        slides = template_tiles(slides, palette)
    slides = readable(slides, palette)
    pale = unreachable(slides, palette)  # once per render, not per slide
    if is_right_to_left(deck.language):
        from wocdeck.layout.mirror import right_to_left

        slides = right_to_left(slides, look.frames.width)
    notices = selection.notices + tuple(template_fallbacks(deck_file, look, slides))
    remarks = tuple(Problem(Location(name), n, severity="notice") for n in (*look.notices, *pale))
    return _Planned(slides, adjustments, deck, theme, look, notices, remarks)


def _load(original: Source, selection: Selection, *, every_language: bool) -> Deck:
    """The selected language's deck. Its errors are reported together with an unknown
    `language:` and, with every_language, with those of every other language's values, so a
    mistake in a translation is found without --lang; each problem once."""
    from wocdeck.model import load_deck
    from wocdeck.model.texts import translatable
    from wocdeck.read.languages import present, select

    problems, more = list(selection.errors), 0
    try:
        deck = load_deck(selection.source)
    except DeckError as exc:
        problems, more = problems + exc.problems, exc.more
    if every_language and not selection.errors:
        others = [code for code in present(original) if code != selection.language]
        for code in others:
            try:
                load_deck(select(original, code, texts=translatable()).source)
            except DeckError as exc:
                problems, more = problems + exc.problems, more + exc.more
    if problems or original.deferred:
        raise DeckError(_with_deferred(original, problems), more)
    return deck


def _with_deferred(original: Source, problems: list[Problem]) -> list[Problem]:
    """The reader's deferred problems (a comma inside { }) with the others, each once, in file
    order; another problem on the line of a deferred one follows from it and is left out."""
    lines = {(p.location.path, p.location.line) for p in original.deferred}
    kept = [p for p in problems if (p.location.path, p.location.line) not in lines]
    return sorted(dict.fromkeys([*original.deferred, *kept]), key=lambda p: p.location)


def template_fallbacks(deck_file: Path, look: Look, slides: list[Slide]) -> list[Problem]:
    """One note per fallback the deck's slides use: what the template could not give them."""
    from wocdeck.look.placement import role_of

    used = tuple(dict.fromkeys(role_of(s, look.contract) for s in slides))
    name = look.contract.template.path.name
    return [
        Problem(
            Location(str(deck_file)),
            f"template {name}: {line}",
            "name a layout in 'layouts:' or add one to the template",
            severity="notice",
        )
        for line in look.contract.fallbacks(used)
    ]


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
            a.said,
            a.hint or "shorten the text or split the section",
        )
        for a in adjustments
    ]


def render(
    deck_file: Path,
    output: Path,
    *,
    strict: bool = False,
    language: str | None = None,
    template: Path | None = None,
    checked: Checked | None = None,
    allow: tuple[Path, ...] = (),
) -> Rendered:
    """Render a deck file (in a language, default its own) to a .pptx; nothing on errors.

    template: a .potx/.pptx that wins over the deck's and theme's `template:`; checked: the
    same deck, language and template already checked, whose plan is written, not made again;
    allow: folders besides the deck's own that the files it names may be read from.
    """
    from wocdeck.output.files import check_target, write_atomic
    from wocdeck.read.files import refuse_non_deck
    from wocdeck.writer import Properties, build

    refuse_non_deck(deck_file)
    check_target(output, [deck_file, *([template] if template else [])])
    planned = checked.planned if checked and checked.planned else None
    planned = planned or _plan(deck_file, language, template, allow)
    slides, adjustments, deck = planned.slides, planned.adjustments, planned.deck
    _refuse(planned, deck_file, strict)
    read = [deck_file, *planned.theme.inputs, planned.look.contract.template.path]
    check_target(output, read)  # every file the render read: theme, logo, template
    event = deck.event
    properties = Properties(
        title=document_property(f"{event.office} \u2013 {event.title}"),
        author=document_property(event.office),
        subject=document_property(event.title),
        when=_timestamp(event.date),
        language=deck.language,
    )
    look = planned.look
    write_atomic(
        output, build(slides, planned.theme, properties, look.contract, restyled=look.restyled)
    )
    return Rendered(output, len(slides), tuple(adjustments), planned.notices + planned.remarks)


def document_property(text: str) -> str:
    """Text as a document property: plain (no `**`), on one line, at most 255 characters.

    Properties are metadata that PowerPoint limits to 255 characters; a long event title is
    shortened there with an ellipsis, never on the slides.
    """
    flat = " ".join(text.replace("**", "").split())
    return flat if len(flat) <= MAX_PROPERTY else flat[: MAX_PROPERTY - 1].rstrip() + "\u2026"


def _timestamp(day: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH if set, else the event's date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime(day.year, day.month, day.day, 9, 0, 0)
    if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > MAX_EPOCH:
        raise DeckError.at(  # from 1970 to 9999: four-digit years, as the file's properties need
            Location("SOURCE_DATE_EPOCH"),
            f"'{epoch}' is not a time a PowerPoint file can hold",
            "set it to whole seconds since 1970, e.g. 1538038800, or unset it",
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
