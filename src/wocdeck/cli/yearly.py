"""The yearly cycle: next year's deck from this year's, and an old PowerPoint into a deck file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import DeckArg, iso_day, output_option
from wocdeck.cli.report import failures, say


@app.command("next-year")
def next_year(
    deck: DeckArg,
    date: Annotated[
        str, typer.Option(help="The date of next year's event, YYYY-MM-DD.", show_default=False)
    ],
    output: output_option("The new deck file [default: DECK with the new year].") = None,
) -> None:
    """Write next year's deck from DECK: new date and year, figures emptied for the new ones.

    Last year's figures move into history: and previous:; titles naming the event's year
    move on; what the editor should review is listed. Never overwrites a file.
    """
    from wocdeck.output.deck_edit import load_for_edit
    from wocdeck.output.files import write_new_file
    from wocdeck.output.next_year import next_name
    from wocdeck.output.next_year import next_year as carry_over
    from wocdeck.read.source import parse

    day = iso_day(date, "2019-09-24")
    with failures():
        edit = load_for_edit(deck)
        result = carry_over(edit, day)
        target = output or next_name(deck, result.old_year, result.new_year)
        text = edit.result()
        new = parse(text.encode("utf-8"), str(target))
        write_new_file(target, text.encode("utf-8"), "next-year")
        say(f"wrote {target} (next year's deck, {day.isoformat()}, from {deck})")
        _listing(f"changed to {result.new_year}", result.lines(result.changed, new), target)
        _listing(
            f"emptied: give the {result.new_year} figures (last year's are kept in "
            "history:/previous: and in a comment)",
            result.lines(result.emptied, new),
            target,
        )
        _listing(
            "kept as written: review each for the new year",
            result.lines(result.review, new),
            target,
        )
        say(f"then: wocdeck validate {target} names each figure still to give")


def _listing(heading: str, lines: list[str], target: Path) -> None:
    """A heading and its lines, each as `FILE:LINE: …`."""
    if not lines:
        return
    say(f"{heading}:")
    for line in lines:
        say(f"  {target}:{line.removeprefix('line ')}")


@app.command("import")
def import_(
    presentation: Annotated[
        Path, typer.Argument(help="The PowerPoint file (.pptx) to import.", show_default=False)
    ],
    output: output_option("The new deck file [default: PRESENTATION-deck.yaml].") = None,
    keep_template: Annotated[
        bool,
        typer.Option("--keep-template", help="Name the presentation as the deck's template:."),
    ] = False,
) -> None:
    """Turn an existing PowerPoint into a deck file: the cover into event:, every other slide
    a free slide; pictures written under pictures/ beside it. Never overwrites a file."""
    from wocdeck.errors import OutputError
    from wocdeck.output.imported import deck_text
    from wocdeck.output.pictures import write_imported
    from wocdeck.read.pptx.slides import read_presentation

    target = output or presentation.with_name(presentation.stem + "-deck.yaml")
    with failures():
        if target.with_suffix(".pptx").resolve() == presentation.resolve():
            raise OutputError(
                f"{target}: rendering it would write over {presentation}; choose another "
                f"name, e.g. -o {presentation.stem}-deck.yaml"
            )
        slides, saved = read_presentation(presentation)
        copies, template = _kept_template(presentation, target) if keep_template else ({}, None)
        result = deck_text(slides, saved, presentation.name, template)
        write_imported(target, result.text, {**result.pictures, **copies})
        pictures = f", {len(result.pictures)} pictures under pictures/" if result.pictures else ""
        counted = f"{result.slides} of {len(slides)} slides from {presentation}{pictures}"
        say(f"wrote {target} ({counted})")
        if result.reports:
            say("look at these: they could not be taken over as they were")
            for report in result.reports:
                say(f"  {presentation}: {report}")
        if copies:
            say(f"copied {presentation} beside {target} as its template")
        say(f"then: wocdeck render {target}, and compare it with {presentation}")


def _kept_template(presentation: Path, target: Path) -> tuple[dict[str, bytes], str]:
    """The presentation as the new deck's template: named where it is when it lies in the
    deck's folder, else copied beside the deck (a deck reads files in its own folder only)."""
    from wocdeck.look.template import MAX_TEMPLATE_BYTES
    from wocdeck.read.files import read_limited

    source, folder = presentation.resolve(), target.resolve().parent
    if folder in source.parents:
        return {}, source.relative_to(folder).as_posix()
    return {presentation.name: read_limited(source, MAX_TEMPLATE_BYTES)}, presentation.name
