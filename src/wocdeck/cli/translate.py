"""The translators' loop: a deck's texts out as XLIFF, translations back in, and where it
stands (translate export, import, status)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import LANGUAGES, DeckArg, FormatOption, OutputFormat
from wocdeck.cli.report import complain, failures, say

if TYPE_CHECKING:
    from wocdeck.read.source import Source
    from wocdeck.read.xliff import XliffFile
    from wocdeck.read.xliff_texts import DeckText

translate_app = typer.Typer(
    help="Work with translators: the deck's texts as XLIFF for a CAT tool, and back.",
    no_args_is_help=True,
)
app.add_typer(translate_app, name="translate")


def _language(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(LANGUAGES)}")
    return value


@translate_app.command("export")
def export(
    deck: DeckArg,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            callback=_language,
            help="The language to translate into (" + ", ".join(LANGUAGES) + ").",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="The XLIFF file [default: DECK.LANG.xlf].", show_default=False
        ),
    ] = None,
    all_texts: Annotated[
        bool,
        typer.Option("--all-texts", help="Also the texts already translated (to review them)."),
    ] = False,
) -> None:
    """Write the texts of DECK still to translate into LANG as an XLIFF 1.2 file for a
    translator's CAT tool (Trados, memoQ, OmegaT, Weblate)."""
    from wocdeck.output.files import check_target, confine, output_file, write_atomic
    from wocdeck.output.translation_export import Unit, xliff_bytes

    with failures():
        source, texts = _texts(deck, lang)
        chosen = [t for t in texts if all_texts or t.state != "translated"]
        if not chosen:
            say(f"{deck}: every text has a current '{lang}' translation; nothing to export")
            say(f"  (wocdeck translate export {deck} --lang {lang} --all-texts exports them all)")
            return
        slide = _slides(deck)
        units = [Unit(t.id, t.source, t.target, t.state, _note(t, source, slide)) for t in chosen]
        target = output_file(deck, output, f".{lang}.xlf")
        if output is None:
            confine(deck, target)
        check_target(target, [deck])
        data = xliff_bytes(deck.name, _default(source), lang, units)
        write_atomic(target, data)
        counts = _counts(chosen)
        say(f"wrote {target}: {len(units)} texts to translate into '{lang}' ({counts})")
        say(f"then, with the translations filled in: wocdeck translate import {deck} {target}")


@translate_app.command("import")
def import_(
    deck: DeckArg,
    xliff: Annotated[
        Path, typer.Argument(help="The translated XLIFF file (.xlf).", show_default=False)
    ],
) -> None:
    """Write the translations of an XLIFF file into DECK as per-language values, keeping the
    rest of the file as it is. A text changed since its export refuses the whole file."""
    from wocdeck.errors import DeckError, Location
    from wocdeck.model.texts import translatable
    from wocdeck.output.deck_edit import load_for_edit
    from wocdeck.output.files import write_atomic
    from wocdeck.output.translation_import import import_units
    from wocdeck.read.xliff import read_xliff
    from wocdeck.read.xliff_csv import csv_texts
    from wocdeck.read.xliff_texts import deck_texts

    with failures():
        file = read_xliff(xliff)
        edit = load_for_edit(deck)
        language = _for_deck(file, deck, _default(edit.source))
        texts = deck_texts(edit.source, translatable(), language)
        result = import_units(edit, texts + csv_texts(edit.source, language), file, language)
        for notice in result.gone:
            complain(str(notice))
        if result.written:
            text = edit.result()
            if not _same_sources(text, deck, texts, language):  # pragma: no cover
                raise DeckError.at(
                    Location(str(deck)),
                    "the translations could not be written without changing the "
                    "deck's own text; nothing was written",
                    "please report it",
                )
            for csv_file, data in result.files.items():
                write_atomic(csv_file, data)
            if edit.splices:
                write_atomic(deck, _as_read(deck, text))
        files = "".join(f" and {name}" for name in result.files)
        say(
            f"wrote {len(result.written)} '{language}' translations into {deck}{files}"
            + (f"; {result.unchanged} already there" if result.unchanged else "")
        )
        if result.untranslated:
            say(f"{len(result.untranslated)} texts in {xliff} have no translation yet:")
            for unit in result.untranslated[:_LISTED]:
                say(f"  {unit}")
            if len(result.untranslated) > _LISTED:
                rest = len(result.untranslated) - _LISTED
                say(f"  ... and {rest} more (wocdeck translate status {deck} lists them all)")
        say(f"then: wocdeck render {deck} --lang {language}")


@translate_app.command("status")
def status(
    deck: DeckArg,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_language,
            help="Only this language [default: every language the deck has].",
            show_default=False,
        ),
    ] = None,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Per language: how many texts of DECK are translated, missing, and stale (translated
    from a text that has changed since), and which fields are missing."""
    from wocdeck.read.languages import present
    from wocdeck.read.source import read

    with failures():
        source = read(deck, str(deck))
        default = _default(source)
        languages = [lang] if lang else [code for code in present(source) if code != default]
        if not languages and format_ is OutputFormat.json:
            return  # one object per language: none
        if not languages:
            say(f"{deck}: every text is in '{default}' only; nothing is translated yet")
            say(f"  (wocdeck translate export {deck} --lang fr starts a French translation)")
            return
        for language in languages:
            _, texts = _texts(deck, language, source)
            _status(deck, language, texts, format_ is OutputFormat.json)


def _status(deck: Path, language: str, texts: list[DeckText], as_json: bool) -> None:
    states = {state: [t for t in texts if t.state == state] for state in _STATES}
    if as_json:
        fields = {f"{state}_fields": [t.id for t in states[state]] for state in _STATES[1:]}
        counts = {state: len(found) for state, found in states.items()}
        say(json.dumps({"file": str(deck), "language": language, **counts, **fields}))
        return
    say(f"{deck} in '{language}': {_counts(texts)} of {len(texts)} texts")
    for state in _STATES[1:]:
        for text in states[state]:
            say(f"  {state}: {text.id}")


_STATES = ("translated", "missing", "stale")
_LISTED = 10  # untranslated units an import names


def _counts(texts: list[DeckText]) -> str:
    return ", ".join(f"{sum(t.state == s for t in texts)} {s}" for s in _STATES)


def _texts(
    deck: Path, language: str, source: Source | None = None
) -> tuple[Source, list[DeckText]]:
    """The deck's texts to translate into language; the deck's own language is refused."""
    from wocdeck.model.texts import translatable
    from wocdeck.read.source import read
    from wocdeck.read.xliff_csv import csv_texts
    from wocdeck.read.xliff_texts import deck_texts

    source = source or read(deck, str(deck))
    _refuse_own(source, language)
    return source, deck_texts(source, translatable(), language) + csv_texts(source, language)


def _refuse_own(source: Source, language: str) -> None:
    """Refuse to translate a deck into the language it is written in."""
    from wocdeck.errors import DeckError

    if language == _default(source):
        raise DeckError.at(
            source.location(("language",), key=True),
            f"the deck is written in '{language}' already",
            "name the language to translate into, e.g. --lang fr",
        )


def _default(source: Source) -> str:
    from wocdeck.read.languages import default_language

    return default_language(source)


def _same_sources(text: str, deck: Path, texts: list[DeckText], language: str) -> bool:
    """Whether the edited deck still reads, with every text of the deck's language as it was."""
    from wocdeck.errors import DeckError
    from wocdeck.model.texts import translatable
    from wocdeck.read.source import parse
    from wocdeck.read.xliff_texts import deck_texts

    try:
        found = deck_texts(parse(text.encode("utf-8"), str(deck)), translatable(), language)
    except DeckError:
        return False
    return [t.source for t in found] == [t.source for t in texts]


def _slides(deck: Path) -> list[int]:
    """The deck file line each slide comes from, in slide order; none for a deck that does not
    render yet (its texts can be translated all the same), said in a notice."""
    from wocdeck.errors import DeckError
    from wocdeck.pipeline import validate

    try:
        return [slide.line for slide in validate(deck)]
    except DeckError as exc:
        count = len(exc.problems) + exc.more
        complain(
            f"{deck}: notice: the deck does not render yet ({count} problem{'s' * (count != 1)}"
            f": wocdeck validate {deck} lists them), so the notes name no slide"
        )
        return []


def _note(text: DeckText, source: Source, slides: list[int]) -> str:
    """Where a text is shown: its slide (the last one starting at or above its line), its
    field and its line in the deck file."""
    line = source.location(text.path).line
    above = [(start, number) for number, start in enumerate(slides, 1) if 0 < start <= line]
    shown = f"slide {_first_of_last(above)}: " if above else ""
    return f"{shown}{text.id} ({Path(source.path).name}, line {line})"


def _first_of_last(above: list[tuple[int, int]]) -> int:
    """Of the slides starting nearest above a line, the first (a focus area's aims slide)."""
    nearest = max(start for start, _ in above)
    return min(number for start, number in above if start == nearest)


def _for_deck(file: XliffFile, deck: Path, default: str) -> str:
    """The language an XLIFF file translates the deck into; one made for another deck or
    from another language is refused."""
    from wocdeck.errors import DeckError, Location
    from wocdeck.read.languages import SUPPORTED

    where = Location(file.path, file.line)
    again = f"export it again: wocdeck translate export {deck} --lang LANG"
    if file.original != deck.name:
        raise DeckError.at(
            where, f"this XLIFF file was exported from {file.original}, not from {deck.name}", again
        )
    if file.source_language.split("-")[0] != default:
        raise DeckError.at(
            where,
            f"this XLIFF file translates from '{file.source_language}', but the deck is "
            f"written in '{default}'",
            again,
        )
    code = file.target_language
    language = code if code in SUPPORTED else code.split("-")[0]
    if language not in SUPPORTED or language == default:
        raise DeckError.at(
            where, f"this XLIFF file translates into '{code}', which the deck cannot take", again
        )
    return language


def _as_read(deck: Path, text: str) -> bytes:
    """The edited text as bytes, with the line breaks and byte order mark the file had."""
    from wocdeck.read.files import read_limited
    from wocdeck.read.source import MAX_BYTES

    raw = read_limited(deck, MAX_BYTES)
    if b"\r\n" in raw:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if raw.startswith(b"\xef\xbb\xbf") else data
