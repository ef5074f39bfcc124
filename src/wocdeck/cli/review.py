"""The commands that check and show a deck without writing its .pptx: validate, preview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import (
    AllowOption,
    DeckArg,
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
from wocdeck.cli.report import Report, failures, say


@app.command()
def validate(
    decks: DecksArg,
    strict: StrictOption = False,
    lang: LangOption = None,
    template: TemplateOption = None,
    allow: AllowOption = None,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Check each DECK as render would, without writing anything (exit 0 when all are fine)."""
    from wocdeck.pipeline import check

    files = expand(decks)
    report = Report(format_, many=len(files) > 1)
    with failures():
        folders = allowed(allow)
        for deck in files:
            with report.attempt(deck):
                for language in in_languages(deck, lang):
                    checked = check(deck, language, strict=strict, template=template, allow=folders)
                    report.notices(deck, checked.notices, checked.adjustments)
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
    allow: AllowOption = None,
) -> None:
    """Render DECK to one PNG per slide and a contact sheet (needs LibreOffice)."""
    import tempfile

    from wocdeck.output.export import contact_sheet, to_pdf, to_png
    from wocdeck.output.files import confine, output_file
    from wocdeck.pipeline import render as render_deck

    with failures():
        folders = allowed(allow)
        languages = in_languages(deck, lang)
        for language in languages:
            stem = language_file(output_file(deck, None, ".pptx"), language).stem
            folder = output or confine(deck, deck.with_name(stem + "-preview"))
            if output and len(languages) > 1:
                folder = output / str(language)
            with tempfile.TemporaryDirectory(prefix="wocdeck-") as work:
                result = render_deck(
                    deck,
                    Path(work) / "deck.pptx",
                    language=language,
                    template=template,
                    allow=folders,
                )
                Report(OutputFormat.text).notices(deck, result.notices, result.adjustments)
                pdf = to_pdf(result.output, Path(work) / "deck.pdf", result.slides)
                pages = to_png(pdf, folder, slides=result.slides)
                sheet, shown = contact_sheet(pages, folder / "sheet.png")
                more = f" (slides 1-{shown} of {len(pages)})" if shown < len(pages) else ""
                say(f"wrote {len(pages)} slides to {folder}/ and {sheet}{more}")
