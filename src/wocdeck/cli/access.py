"""`wocdeck check`: PowerPoint's accessibility rules on any .pptx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wocdeck.cli.base import app
from wocdeck.cli.options import OutputFormat
from wocdeck.cli.report import accessibility, failures


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
        if accessibility(presentation, json=format_ is OutputFormat.json):
            raise typer.Exit(1)
