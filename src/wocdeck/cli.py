"""The wocdeck command line: render, validate, preview. The only module that prints or exits."""

from __future__ import annotations

import contextlib
import gc
import glob
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wocdeck import __version__

if TYPE_CHECKING:
    from wocdeck.errors import Problem
    from wocdeck.init import Office
    from wocdeck.pipeline import Rendered
    from wocdeck.plan import Adjustment
    from wocdeck.preview_session import LibreOffice

app = typer.Typer(
    name="wocdeck",
    help="Turn a YAML deck file into a native, editable, on-brand PowerPoint deck.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DeckArg = Annotated[Path, typer.Argument(help="The deck file, e.g. deck.yaml.", show_default=False)]
DecksArg = Annotated[
    list[Path],
    typer.Argument(
        help="One or more deck files, or a quoted pattern such as 'offices/*.yaml'.",
        metavar="DECK",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    """How problems and results are printed."""

    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        help="text, or json: one JSON object per line (file, line, column, severity, "
        "message, hint).",
    ),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template",
        help="A PowerPoint template (.potx/.pptx) to draw with; wins over the deck's template:.",
    ),
]
LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar", "ja", "pt", "de")  # as languages.SUPPORTED


def _language(value: str | None) -> str | None:
    if value is not None and value not in (*LANGUAGES, "all"):
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(LANGUAGES)} or all")
    return value


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        callback=_language,
        help="Write the deck in this language (" + ", ".join(LANGUAGES) + ") as DECK.LANG.pptx, "
        "or 'all': one deck per language the file has [default: the deck's language:].",
    ),
]


StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Treat shrunk or continued text, untranslated fields and template fallbacks as "
        "errors.",
    ),
]


def _in_languages(deck: Path, lang: str | None) -> list[str | None]:
    """The languages a command runs in: the deck's own (None), one, or every one it has."""
    if lang != "all":
        return [lang]
    from wocdeck.pipeline import languages

    return list(languages(deck))


def _named(path: Path, language: str | None, suffix: str = "") -> Path:
    """deck.yaml → deck.zh.pptx; out.pptx → out.zh.pptx (suffix replaces the extension)."""
    if language is None:
        return path.with_suffix(suffix) if suffix else path
    return path.with_name(f"{path.stem}.{language}{suffix or path.suffix}")


def _notices(notices: tuple[Problem, ...]) -> None:
    for notice in notices:
        _complain(str(notice))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wocdeck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn a YAML deck file into a native, editable, on-brand PowerPoint deck.

    Exit codes: 0 done; 1 the deck or an input is wrong; 2 the command line is wrong.
    """


@app.command()
def render(
    decks: DecksArg,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the .pptx [default: DECK.pptx]; a .pdf name writes the PDF "
            "and the .pptx beside it.",
        ),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write a PDF beside the .pptx (needs LibreOffice).")
    ] = False,
    strict: StrictOption = False,
    lang: LangOption = None,
    template: TemplateOption = None,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Render each DECK to a PowerPoint file; with many decks, exit 1 if any failed."""
    files = _expand(decks)
    if output is not None and len(files) > 1:
        raise typer.BadParameter("names one file; use it with one deck", param_hint="'--output'")
    report = _Report(format_, many=len(files) > 1)
    with _failures():
        for deck in files:
            with report.attempt(deck):
                _render_deck(report, deck, output, pdf, strict=strict, lang=lang, template=template)
    raise typer.Exit(1 if report.failed else 0)


def _render_deck(
    report: _Report,
    deck: Path,
    output: str | None,
    pdf: bool,
    *,
    strict: bool,
    lang: str | None,
    template: Path | None,
) -> None:
    """Render one deck in each language asked for, checking all of them before writing any."""
    from wocdeck.output import check_target, output_file
    from wocdeck.pipeline import check
    from wocdeck.pipeline import render as render_deck
    from wocdeck.source import refuse_non_deck

    refuse_non_deck(deck)
    named = output_file(deck, output, ".pptx")  # a folder, a pipe without -o: exit 1
    if output is not None:
        check_target(named, [deck])  # the input itself, a folder: exit 1
    pptx, pdf_file = _targets(deck, named, pdf)  # a suffix that is neither: exit 2
    languages = _in_languages(deck, lang)
    if len(languages) > 1:  # check every language before writing any of them
        for language in languages:
            check(deck, language, strict=strict, template=template)
    for language in languages:
        # -o names the one file exactly; with --lang all each language's gets its code
        coded = language if output is None or lang == "all" else None
        pdf_target = _named(pdf_file, coded) if pdf_file else None
        if pdf_target is not None:
            check_target(pdf_target, [deck])
        result = render_deck(
            deck, _named(pptx, coded), strict=strict, language=language, template=template
        )
        _render_one(report, deck, result, pdf_target)


def _render_one(report: _Report, deck: Path, result: Rendered, pdf: Path | None) -> None:
    """Report one rendered deck, and convert it to PDF if asked (never over the .pptx)."""
    report.notices(deck, result.notices)
    for change in result.adjustments:
        report.notice(deck, change)
    report.done(deck, f"wrote {result.output} ({result.slides} slides)")
    if pdf is not None:
        from wocdeck.export import to_pdf

        report.done(deck, f"wrote {to_pdf(result.output, pdf, result.slides)}")


def _targets(deck: Path, output: Path | None, pdf: bool) -> tuple[Path, Path | None]:
    """The .pptx to write and the PDF, if any; an output's suffix must say which it is."""
    target = output or deck.with_suffix(".pptx")
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        return target.with_suffix(".pptx"), target
    if suffix != ".pptx":
        raise typer.BadParameter(
            f"'{target}' must end in .pptx (the PowerPoint file) or .pdf (the PDF, with the "
            f".pptx written beside it), e.g. {target.with_suffix('.pptx').name}",
            param_hint="'--output' / '-o'",
        )
    return target, target.with_suffix(".pdf") if pdf else None


def _adjustments(deck: Path, adjustments: Sequence[Adjustment]) -> None:
    """Print what fitting changed, one line per slide, as render, validate and preview do."""
    for change in adjustments:
        _say(f'{deck}:{change.line}: slide {change.slide} "{change.title}": {change.message}')


@app.command()
def validate(
    decks: DecksArg,
    strict: StrictOption = False,
    lang: LangOption = None,
    template: TemplateOption = None,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Check each DECK as render would, without writing anything (exit 0 when all are fine)."""
    from wocdeck.pipeline import check

    files = _expand(decks)
    report = _Report(format_, many=len(files) > 1)
    with _failures():
        for deck in files:
            with report.attempt(deck):
                for language in _in_languages(deck, lang):
                    checked = check(deck, language, strict=strict, template=template)
                    report.notices(deck, checked.notices)
                    for change in checked.adjustments:
                        report.notice(deck, change)
                    named = f" [{language}]" if language else ""
                    report.done(deck, f"ok ({len(checked.slides)} slides)", name=f"{deck}{named}")
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def preview(
    deck: DeckArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Folder for the PNGs [default: DECK-preview, DECK.LANG-preview]."
        ),
    ] = None,
    lang: LangOption = None,
    template: TemplateOption = None,
) -> None:
    """Render DECK to one PNG per slide and a contact sheet (needs LibreOffice)."""
    import tempfile

    from wocdeck.export import contact_sheet, to_pdf, to_png
    from wocdeck.output import output_file
    from wocdeck.pipeline import render as render_deck

    with _failures():
        languages = _in_languages(deck, lang)
        for language in languages:
            stem = _named(output_file(deck, None, ".pptx"), language).stem
            folder = output or deck.with_name(stem + "-preview")
            if output and len(languages) > 1:
                folder = output / str(language)
            with tempfile.TemporaryDirectory(prefix="wocdeck-") as work:
                result = render_deck(
                    deck, Path(work) / "deck.pptx", language=language, template=template
                )
                _notices(result.notices)
                _adjustments(deck, result.adjustments)
                pdf = to_pdf(result.output, Path(work) / "deck.pdf", result.slides)
                pages = to_png(pdf, folder, slides=result.slides)
                sheet, shown = contact_sheet(pages, folder / "sheet.png")
                more = f" (slides 1-{shown} of {len(pages)})" if shown < len(pages) else ""
                _say(f"wrote {len(pages)} slides to {folder}/ and {sheet}{more}")


def _say(message: str) -> None:
    """Print a line on standard output; a closed or full output is a failure, not a crash."""
    try:
        typer.echo(message)
    except OSError as exc:
        raise _StdoutError(exc.strerror or str(exc)) from None


class _StdoutError(Exception):
    """Standard output cannot be written (closed pipe, full disk)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@app.command()
def init(
    file: Annotated[
        Path, typer.Argument(help="The new deck file [default: deck.yaml].", show_default=False)
    ] = Path("deck.yaml"),
    office: Annotated[
        str | None, typer.Option(help="The office's full name, e.g. 'WIPO Office in Japan'.")
    ] = None,
    acronym: Annotated[
        str | None, typer.Option(help="Its short name in titles [default: its initials].")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="The event's date, YYYY-MM-DD [default: today].")
    ] = None,
) -> None:
    """Start a deck: a commented starter FILE with every section; never overwrites a file.

    Asks for what is not given as an option when run in a terminal; otherwise uses defaults.
    """
    from wocdeck.init import SCHEMA_FILE, starter, write_new

    details = _office_details(office, acronym, date, ask=sys.stdin.isatty())
    with _failures():
        write_new(file, starter(details))
        typer.echo(f"wrote {file} (a starter deck: edit it, then run: wocdeck render {file})")
        sidecar = file.parent / SCHEMA_FILE
        if not sidecar.exists():
            _write_schema(sidecar)
            typer.echo(f"wrote {sidecar} (lets editors such as VS Code complete and check keys)")


def _office_details(
    office: str | None, acronym: str | None, date: str | None, *, ask: bool
) -> Office:
    """The starter's office, acronym and date: from options, prompts, or defaults."""
    import datetime as dt

    from wocdeck.init import DEFAULT_OFFICE, Office, acronym_of

    if office is None:
        office = typer.prompt("Office", default=DEFAULT_OFFICE) if ask else DEFAULT_OFFICE
    if not office.strip():
        raise typer.BadParameter("give the office's name", param_hint="'--office'")
    if acronym is None:
        acronym = acronym_of(office)
        acronym = typer.prompt("Acronym", default=acronym) if ask else acronym
    if not acronym.strip():
        raise typer.BadParameter("give a short name such as WOC", param_hint="'--acronym'")
    if date is None:
        today = dt.date.today().isoformat()
        date = typer.prompt("Date of the event (YYYY-MM-DD)", default=today) if ask else today
    try:
        day = dt.date.fromisoformat(date.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{date}' is not a date; write it as YYYY-MM-DD, e.g. 2026-09-27",
            param_hint="'--date'",
        ) from None
    return Office(office.strip(), acronym.strip(), day)


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write it to this file instead of printing it."),
    ] = None,
) -> None:
    """Print the deck file's JSON Schema, which editors use to complete and check keys."""
    from wocdeck.schema import deck_schema, to_text

    if output is None:
        typer.echo(to_text(deck_schema()), nl=False)
        return
    with _failures():
        _write_schema(output)
        typer.echo(f"wrote {output}")


def _write_schema(target: Path) -> None:
    from wocdeck.output import write_atomic
    from wocdeck.schema import deck_schema, to_text

    write_atomic(target, to_text(deck_schema()).encode("utf-8"))


@app.command()
def watch(
    deck: DeckArg,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write the .pptx [default: DECK.pptx]."),
    ] = None,
    preview: Annotated[
        bool,
        typer.Option(
            "--preview",
            help="Also keep DECK.pdf and DECK-preview/slide-NN.png current (one LibreOffice "
            "kept running for the session).",
        ),
    ] = False,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Re-render DECK whenever it, its theme or a file it uses changes (Ctrl-C stops).

    Problems are printed as by render; a deck with errors leaves the last good one in place.
    """
    from wocdeck.watch import Lock, changes, inputs, snapshot

    target = output or deck.with_suffix(".pptx")
    report = _Report(format_)
    lock = Lock(deck)
    office: LibreOffice | None = None
    try:
        with _failures():
            lock.acquire(deck)
            if preview:
                from wocdeck.preview_session import LibreOffice

                office = LibreOffice()
        stamp = snapshot(inputs(deck))  # before rendering: a save during it is not lost
        _watched_render(report, deck, target, office)
        if not report.json:
            typer.echo(f"watching {deck} and the files it uses (Ctrl-C to stop)")
        while True:
            next(changes(stamp))  # blocks until a watched file changes
            # watch again from a snapshot taken before rendering, so that the set of files
            # follows the theme and template, and a save during the render is not lost
            stamp = snapshot(inputs(deck))
            _watched_render(report, deck, target, office)
    except KeyboardInterrupt:
        if not report.json:
            typer.echo("stopped watching")
    finally:
        if office is not None:
            office.close()
        lock.release()


def _watched_render(report: _Report, deck: Path, target: Path, office: LibreOffice | None) -> None:
    """One render in a watch session, and its preview when asked for."""
    from wocdeck.pipeline import render as render_deck

    with report.attempt(deck):
        _render_one(report, deck, render_deck(deck, target), None)
        if office is not None:
            from wocdeck.export import to_png

            pdf = office.to_pdf(target, target.with_suffix(".pdf"))
            folder = deck.with_name(deck.stem + "-preview")
            pages = to_png(pdf, folder)
            report.done(deck, f"wrote {pdf} and {len(pages)} slides to {folder}/")


template_app = typer.Typer(
    help="Check an organisation's PowerPoint template.", no_args_is_help=True
)
app.add_typer(template_app, name="template")


@template_app.command("check")
def template_check(
    file: Annotated[Path, typer.Argument(help="The template, .potx or .pptx.", show_default=False)],
) -> None:
    """List the template's layouts, which kind of slide each serves and why, and fallbacks."""
    from wocdeck.contract import describe, make_contract
    from wocdeck.errors import Location
    from wocdeck.placement import Fonts
    from wocdeck.templatefile import read_template

    with _failures():
        template = read_template(file, Location(str(file)))
        contract = make_contract(template, {})
        for line in describe(contract):
            typer.echo(line)
        fonts = Fonts(template.major_font or "Arial", template.minor_font or "Arial")
        for notice in fonts.notices():
            typer.echo(f"{file}: notice: {notice}")
        if template.macros:
            typer.echo(f"{file}: notice: it has macros; wocdeck never runs or copies them")
        typer.echo(f"{file}: ok, this template can make the report")


class _failures:
    """Turn every known failure into a message on stderr and exit code 1."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: object
    ) -> bool:
        from wocdeck.errors import DeckError, OutputError, Terminated

        if error is None or isinstance(error, typer.Exit | SystemExit | typer.BadParameter):
            return False
        if isinstance(error, KeyboardInterrupt):
            _complain("interrupted: nothing was written or changed")
            raise typer.Exit(128 + error.signal_number if isinstance(error, Terminated) else 130)
        if isinstance(error, _StdoutError):
            _complain(f"error: cannot print to standard output: {error.reason}")
            with contextlib.suppress(OSError, ValueError):  # so the exit's flush cannot fail
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1)
        if isinstance(error, DeckError):
            for problem in error.problems[:MAX_SHOWN]:
                _complain(str(problem))
            more = len(error.problems[MAX_SHOWN:]) + error.more
            if more:
                _complain(f"... and {more:,} more problems (fix these first)")
            raise typer.Exit(1)
        if isinstance(error, OutputError):
            _complain(f"error: {error}")
            raise typer.Exit(1)
        if isinstance(error, MemoryError | RecursionError):
            typer.echo("error: the deck is too large or too deeply nested to process", err=True)
            raise typer.Exit(1)
        typer.echo(f"internal error (please report it): {type(error).__name__}: {error}", err=True)
        raise typer.Exit(3)


MAX_SHOWN = 50  # problems printed; the rest are counted


def _complain(message: str) -> None:
    """Print a line on standard error, if it can still be written."""
    with contextlib.suppress(OSError):
        typer.echo(message, err=True)


def _deck_problems(error: Exception) -> list[Problem]:
    """What went wrong with one deck, as problems; an output or memory failure has no place in
    the deck, so its location is empty."""
    from wocdeck.errors import DeckError, Location, Problem

    if isinstance(error, DeckError):
        return error.problems
    if isinstance(error, MemoryError | RecursionError):
        return [Problem(Location(""), "the deck is too large or too deeply nested to process")]
    return [Problem(Location(""), str(error))]


class _Report:
    """Prints what happened to each deck: text for people, or JSON lines for programs."""

    def __init__(self, format_: OutputFormat, *, many: bool = False) -> None:
        self.json = format_ is OutputFormat.json
        self.many = many
        self.failed = 0

    @contextlib.contextmanager
    def attempt(self, deck: Path) -> Iterator[None]:
        """Run one deck's work: a problem with the deck or its output is reported and counted
        and the next deck goes on; anything else (Ctrl-C, a closed output) goes to _failures."""
        from wocdeck.errors import DeckError, OutputError

        try:
            yield
        except (DeckError, OutputError, MemoryError, RecursionError) as error:
            problems = _deck_problems(error)
            self.problems(deck, problems, more=getattr(error, "more", 0))
            self.failed += 1
            if self.many and not self.json:
                _say(f"{deck}: not written ({_count(len(problems), 'problem')})")

    def problems(self, deck: Path, problems: list[Problem], *, more: int = 0) -> None:
        """Errors: JSON lines on stdout, or `file:line:col: error: …` on stderr (the first
        MAX_SHOWN; `more` counts those found but not described)."""
        from wocdeck.diagnostics import from_problem

        if self.json:
            for problem in problems:
                _say(from_problem(problem, str(deck)).to_json())
            return
        for problem in problems[:MAX_SHOWN]:
            where = problem.location.path
            _complain(str(problem) if where else f"{problem.severity}: {problem.message}")
        untold = len(problems[MAX_SHOWN:]) + more
        if untold:
            _complain(f"... and {untold:,} more problems (fix these first)")

    def notices(self, deck: Path, notices: tuple[Problem, ...]) -> None:
        """Located notices (e.g. a field not translated): JSON lines, or text on stderr."""
        from wocdeck.diagnostics import from_problem

        for notice in notices:
            if self.json:
                _say(from_problem(notice, str(deck)).to_json())
            else:
                _complain(str(notice))

    def notice(self, deck: Path, change: Adjustment) -> None:
        """Something fitting changed (text shrunk or continued)."""
        from wocdeck.diagnostics import from_adjustment, notice_line

        line = from_adjustment(str(deck), change).to_json() if self.json else None
        _say(line or notice_line(str(deck), change))

    def done(self, deck: Path, message: str, *, name: str = "") -> None:
        """A deck's result line; in text, `name` goes before it."""
        if self.json:
            from wocdeck.diagnostics import Diagnostic

            _say(Diagnostic(str(deck), None, None, "info", message).to_json())
        else:
            _say(f"{name}: {message}" if name else message)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _expand(decks: list[Path]) -> list[Path]:
    """Deck arguments with quoted patterns expanded (the shell does it on Linux, not Windows)."""
    files: list[Path] = []
    for deck in decks:
        pattern = str(deck)
        matches = [] if deck.exists() else sorted(glob.glob(pattern, recursive=True))
        if matches and glob.has_magic(pattern):
            files += [Path(m) for m in matches]
        else:
            files.append(deck)
    return files


# A render allocates millions of short-lived, acyclic objects; the default young-generation
# threshold (700) runs the cycle collector thousands of times for nothing, a fifth of the
# time of a large deck. Reference counting still frees them at once.
GC_THRESHOLD = (50_000, 20, 20)


def main() -> None:
    """Run the command line."""
    gc.set_threshold(*GC_THRESHOLD)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, _terminate)
    try:
        sys.exit(app())
    finally:
        # Everything still alive lives until exit: moved out of the collector's reach, the
        # interpreter's teardown skips collecting the imported stack (about 50 ms a run).
        gc.freeze()


def _terminate(number: int, _frame: object) -> None:
    """Stop as Ctrl-C does, so temporary files and LibreOffice are cleaned up."""
    from wocdeck.errors import Terminated

    raise Terminated(number)


if __name__ == "__main__":
    main()
