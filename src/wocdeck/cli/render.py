"""The command that makes decks: render."""

# No `from __future__ import annotations` here: typer reads the command's parameters from its
# annotations, which it would otherwise compile from strings on each run.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import (
    AllowOption,
    DecksArg,
    FormatOption,
    LangOption,
    OutputFormat,
    StrictOption,
    TemplateOption,
    allowed,
    expand,
    in_languages,
    language_file,
)
from wocdeck.cli.report import Report, accessibility, failures

if TYPE_CHECKING:
    from wocdeck.pipeline import Rendered


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
    allow: AllowOption = None,
    format_: FormatOption = OutputFormat.text,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Check the output against the accessibility rules (as `wocdeck check`); "
            "exit 1 if any is broken.",
        ),
    ] = False,
) -> None:
    """Render each DECK to a PowerPoint file; with many decks, exit 1 if any failed."""
    files = expand(decks)
    if output is not None and len(files) > 1:
        raise typer.BadParameter("names one file; use it with one deck", param_hint="'--output'")
    report = Report(format_, many=len(files) > 1)
    with failures():
        folders = allowed(allow)
        for deck in files:
            with report.attempt(deck):
                _render_deck(
                    report,
                    deck,
                    output,
                    pdf,
                    strict=strict,
                    lang=lang,
                    template=template,
                    allow=folders,
                    accessible=check,
                )
    raise typer.Exit(1 if report.failed else 0)


def _render_deck(
    report: Report,
    deck: Path,
    output: str | None,
    pdf: bool,
    *,
    strict: bool,
    lang: str | None,
    template: Path | None,
    allow: tuple[Path, ...],
    accessible: bool = False,
) -> None:
    """Render one deck in each language asked for, checking all of them before writing any."""
    from wocdeck.output.files import check_target, confine, output_file
    from wocdeck.pipeline import check
    from wocdeck.pipeline import render as render_deck
    from wocdeck.read.files import refuse_non_deck

    refuse_non_deck(deck)
    named = output_file(deck, output, ".pptx")  # a folder, a pipe without -o: exit 1
    if output is not None:
        check_target(named, [deck])  # the input itself, a folder: exit 1
    pptx, pdf_file = _targets(deck, named, pdf)  # a suffix that is neither: exit 2
    languages = in_languages(deck, lang)
    checked = {}
    if len(languages) > 1:  # check every language before writing any of them
        checked = {
            language: check(deck, language, strict=strict, template=template, allow=allow)
            for language in languages
        }
    for language in languages:
        # -o names the one file exactly; with --lang all each language's gets its code
        coded = language if output is None or lang == "all" else None
        pdf_target = language_file(pdf_file, coded) if pdf_file else None
        target = language_file(pptx, coded)
        if output is None:  # a default output never follows a link out of the deck's folder
            for default in (target, *([pdf_target] if pdf_target else [])):
                confine(deck, default)
        if pdf_target is not None:
            check_target(pdf_target, [deck])
        result = render_deck(
            deck,
            target,
            strict=strict,
            language=language,
            template=template,
            checked=checked.get(language),
            allow=allow,
        )
        render_one(report, deck, result, pdf_target)
        if accessible and accessibility(result.output, json=report.json):
            report.failed += 1


def render_one(report: Report, deck: Path, result: "Rendered", pdf: Path | None) -> None:
    """Report one rendered deck, and convert it to PDF if asked (never over the .pptx)."""
    report.notices(deck, result.notices, result.adjustments)
    report.done(deck, f"wrote {result.output} ({result.slides} slides)")
    if pdf is not None:
        from wocdeck.output.export import to_pdf

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
