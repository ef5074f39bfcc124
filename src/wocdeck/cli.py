"""The wocdeck command line: render, validate, preview. The only module that prints or exits."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wocdeck import __version__

if TYPE_CHECKING:
    from wocdeck.errors import Problem
    from wocdeck.pipeline import Rendered
    from wocdeck.plan import Adjustment

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
    deck: DeckArg,
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
) -> None:
    """Render DECK to a PowerPoint file."""
    from wocdeck.output import check_target, output_file
    from wocdeck.pipeline import check
    from wocdeck.pipeline import render as render_deck
    from wocdeck.source import refuse_non_deck

    with _failures():
        refuse_non_deck(deck)
        named = output_file(deck, output, ".pptx")  # a folder, a pipe without -o: exit 1
        if output is not None:
            check_target(named, [deck])  # the input itself, a folder: exit 1
    pptx, pdf_file = _targets(deck, named, pdf)  # a suffix that is neither: exit 2
    with _failures():
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
            _render_one(deck, result, pdf_target)


def _render_one(deck: Path, result: Rendered, pdf: Path | None) -> None:
    """Report one rendered deck, and convert it to PDF if asked (never over the .pptx)."""
    _notices(result.notices)
    _adjustments(deck, result.adjustments)
    _say(f"wrote {result.output} ({result.slides} slides)")
    if pdf is not None:
        from wocdeck.export import to_pdf

        written = to_pdf(result.output, pdf, result.slides)
        _say(f"wrote {written}")


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
    deck: DeckArg,
    strict: StrictOption = False,
    lang: LangOption = None,
    template: TemplateOption = None,
) -> None:
    """Check DECK as render would, without writing anything (exit 0 when fine, 1 when not)."""
    from wocdeck.pipeline import check

    with _failures():
        for language in _in_languages(deck, lang):
            checked = check(deck, language, strict=strict, template=template)
            _notices(checked.notices)
            _adjustments(deck, checked.adjustments)
            named = f" [{language}]" if language else ""
            _say(f"{deck}{named}: ok ({len(checked.slides)} slides)")


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
    from wocdeck.templatefile import read_template

    with _failures():
        contract = make_contract(read_template(file, Location(str(file))), {})
        for line in describe(contract):
            typer.echo(line)
        typer.echo(f"{file}: ok, this template can make the report")


class _failures:
    """Turn every known failure into a message on stderr and exit code 1."""

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: object
    ) -> bool:
        from wocdeck.errors import DeckError, OutputError, Terminated

        if error is None or isinstance(error, typer.Exit | SystemExit):
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


# A render allocates millions of short-lived, acyclic objects; the default young-generation
# threshold (700) runs the cycle collector thousands of times for nothing, a fifth of the
# time of a large deck. Reference counting still frees them at once.
GC_THRESHOLD = (50_000, 20, 20)


def main() -> None:
    """Run the command line."""
    gc.set_threshold(*GC_THRESHOLD)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, _terminate)
    sys.exit(app())


def _terminate(number: int, _frame: object) -> None:
    """Stop as Ctrl-C does, so temporary files and LibreOffice are cleaned up."""
    from wocdeck.errors import Terminated

    raise Terminated(number)


if __name__ == "__main__":
    main()
