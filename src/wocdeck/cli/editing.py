"""The editor's commands: init, schema, watch, template check."""

from __future__ import annotations

import sys
from json import dumps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import (
    AllowOption,
    DeckArg,
    FormatOption,
    OutputFormat,
    allowed,
    iso_day,
)
from wocdeck.cli.render import render_one
from wocdeck.cli.report import Report, complain, failures, say

if TYPE_CHECKING:
    from wocdeck.output.session import LibreOffice
    from wocdeck.output.starter import Office


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
    from wocdeck.output.starter import SCHEMA_FILE, starter, write_new

    details = _office_details(office, acronym, date, ask=sys.stdin.isatty())
    with failures():
        write_new(file, starter(details))
        say(f"wrote {file} (a starter deck: edit it, then run: wocdeck render {file})")
        sidecar = file.parent / SCHEMA_FILE
        if not sidecar.exists():
            _write_schema(sidecar)
            say(f"wrote {sidecar} (lets editors such as VS Code complete and check keys)")


def _office_details(
    office: str | None, acronym: str | None, date: str | None, *, ask: bool
) -> Office:
    """The starter's office, acronym and date: from options, prompts, or defaults."""
    import datetime as dt

    from wocdeck.output.starter import DEFAULT_OFFICE, Office, acronym_of

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
    day = iso_day(date, "2026-09-27")
    return Office(office.strip(), acronym.strip(), day)


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write it to this file instead of printing it."),
    ] = None,
) -> None:
    """Print the deck file's JSON Schema, which editors use to complete and check keys."""
    from wocdeck.model.schema import to_text

    with failures():
        if output is None:
            say(to_text(deck_file_schema()), end="")
            return
        _write_schema(output)
        say(f"wrote {output}")


def deck_file_schema() -> dict[str, Any]:
    """The deck file's JSON Schema, with the bundled themes and the template slide roles."""
    from wocdeck.look.contract import SlideRole
    from wocdeck.look.theme import available
    from wocdeck.model.schema import deck_schema

    return deck_schema(available(), [role.value for role in SlideRole])


def _write_schema(target: Path) -> None:
    from wocdeck.model.schema import to_text
    from wocdeck.output.files import write_atomic

    write_atomic(target, to_text(deck_file_schema()).encode("utf-8"))


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
    allow: AllowOption = None,
    format_: FormatOption = OutputFormat.text,
) -> None:
    """Re-render DECK whenever it, its theme or a file it uses changes (Ctrl-C stops).

    Problems are printed as by render; a deck with errors leaves the last good one in place.
    """
    from wocdeck.cli.watching import Lock, changes, inputs, snapshot
    from wocdeck.output.files import confine

    target = output or deck.with_suffix(".pptx")
    report = Report(format_)
    lock = Lock(deck)
    office: LibreOffice | None = None
    session = _Session(target, ())
    try:
        with failures():
            session = _Session(target, allowed(allow))
            for default in [target][bool(output) :] + [_pdf(target), _preview(deck)] * preview:
                confine(deck, default)  # never written through a link out of the folder
            lock.acquire(deck)
            if preview:
                from wocdeck.output.session import LibreOffice

                office = LibreOffice()
        stamp = snapshot(inputs(deck))  # before rendering: a save during it is not lost
        _watched_render(report, deck, session, office)
        if not report.json:
            say(f"watching {deck} and the files it uses (Ctrl-C to stop)")
        while True:
            next(changes(stamp))  # blocks until a watched file changes
            # watch again from a snapshot taken before rendering, so that the set of files
            # follows the theme and template, and a save during the render is not lost
            stamp = snapshot(inputs(deck))
            _watched_render(report, deck, session, office)
    except KeyboardInterrupt:
        if not report.json:
            say("stopped watching")
    finally:
        if office is not None:
            office.close()
        lock.release()


class _Session(NamedTuple):
    """What every render of a watch session writes, and the folders it may read from."""

    target: Path
    allow: tuple[Path, ...]


def _pdf(target: Path) -> Path:
    return target.with_suffix(".pdf")


def _preview(deck: Path) -> Path:
    return deck.with_name(deck.stem + "-preview")


def _watched_render(
    report: Report, deck: Path, session: _Session, office: LibreOffice | None
) -> None:
    """One render in a watch session, and its preview when asked for."""
    from wocdeck.pipeline import render as render_deck

    target = session.target
    with report.attempt(deck):
        render_one(report, deck, render_deck(deck, target, allow=session.allow), None)
        if office is not None:
            from wocdeck.output.export import to_png

            pdf = office.to_pdf(target, _pdf(target))
            folder = _preview(deck)
            pages = to_png(pdf, folder)
            report.done(deck, f"wrote {pdf} and {len(pages)} slides to {folder}/")


template_app = typer.Typer(
    help="Check an organisation's PowerPoint template.", no_args_is_help=True
)
app.add_typer(template_app, name="template")


@template_app.command("check")
def template_check(
    file: Annotated[Path, typer.Argument(help="The template, .potx or .pptx.", show_default=False)],
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat every warning as an error (exit code 1).")
    ] = False,
    format_: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="text, or json: one JSON object per line for each finding (file, rule, "
            "message, fix, layout, severity), then the verdict (file, verdict, warnings, "
            "message).",
        ),
    ] = OutputFormat.text,
) -> None:
    """List the template's layouts, which kind of slide each serves and why, and fallbacks;
    warn about what would make slides drawn through it look wrong; end with a verdict."""
    from wocdeck.errors import Location
    from wocdeck.look.contract import describe, make_contract
    from wocdeck.look.template import read_template
    from wocdeck.look.template_audit import Finding, template_findings

    json = format_ is OutputFormat.json
    with failures():
        template = read_template(file, Location(str(file)))
        contract = make_contract(template, {})
        notices = [Finding("macros", "it has macros; wocdeck never runs or copies them")]
        notices = notices[: int(template.macros)] + [
            Finding("removed", f"it has {kind}; wocdeck never copies them into a deck")
            for kind in template.removed
        ]
        findings = template_findings(contract)
        if json:
            fallbacks = [
                Finding("fallback", line) for line in contract.fallbacks(tuple(contract.choices))
            ]
            for notice in (*fallbacks, *notices):
                say(notice.to_json(str(file), "notice"))
            for finding in findings:
                say(finding.to_json(str(file), "error" if strict else "warning"))
        else:
            for line in describe(contract):
                say(line)
            for notice in notices:
                say(f"{file}: notice: {notice.message}")
        verdict, message = _verdict(len(findings), strict)
        if json:
            record = {"file": str(file), "verdict": verdict, "warnings": len(findings)}
            say(dumps({**record, "message": message}, ensure_ascii=False))
        elif strict and findings:
            for finding in findings:
                complain(f"{file}: error: {finding.line()}")
            complain(f"{file}: {message}")
        else:
            for finding in findings:
                say(f"{file}: warning: {finding.line()}")
            say(f"{file}: {message}")
        if strict and findings:
            raise typer.Exit(1)


def _verdict(warnings: int, strict: bool) -> tuple[str, str]:
    """The verdict on a template with this many warnings, and the sentence saying it."""
    count = f"{warnings} warning{'s' if warnings != 1 else ''}"
    if strict and warnings:
        return "not accepted", f"not accepted: {count}, and --strict makes them errors"
    if warnings:
        return "usable", (
            f"usable, with {count}: it can make the report, but its slides may not look as the "
            "organisation designed them (see the warnings above)"
        )
    return "ok", "ok, this template can make the report"
