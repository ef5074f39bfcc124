"""`wocdeck check`: PowerPoint's accessibility rules on any .pptx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import OutputFormat
from wocdeck.cli.report import failures, say


@app.command("check")
def check(
    presentation: Annotated[
        Path, typer.Argument(help="The PowerPoint file (.pptx) to check.", show_default=False)
    ],
    format_: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="text, or json: one JSON object per line (file, slide, shape, rule, "
            "severity, message, fix).",
        ),
    ] = OutputFormat.text,
) -> None:
    """Check a presentation against PowerPoint's accessibility rules.

    Lists each finding with its slide, shape, rule and how to fix it: slide titles (present and
    unique), alternative text, table header rows, text contrast (WCAG 2.1 AA), text under
    10 pt and reading order. Exits with 1 when any is an error.
    """
    with failures():
        if report(presentation, format_ is OutputFormat.json):
            raise typer.Exit(1)


def report(presentation: Path, json: bool = False) -> bool:
    """Print a presentation's findings; whether any of them is an error."""
    from wocdeck.look.accessibility import check as findings_in

    findings = findings_in(presentation)
    name = str(presentation)
    for finding in findings:
        say(finding.to_json(name) if json else finding.line(name))
    errors = sum(f.severity == "error" for f in findings)
    if not json:
        if findings:
            say(f"{name}: {errors} error(s), {len(findings) - errors} warning(s)")
        else:
            say(f"{name}: no accessibility problems found")
    return errors > 0
