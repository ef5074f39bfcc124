"""The typer application, its --version, and run(): signals, collector, exit."""

# No `from __future__ import annotations` here: typer reads the command's parameters from its
# annotations, which it would otherwise compile from strings on each run.

import gc
import signal
import sys
from typing import Annotated

import typer

from wocdeck import __version__

app = typer.Typer(
    name="wocdeck",
    help="Turn a YAML deck file into a native, editable, on-brand PowerPoint deck.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def prepare() -> None:
    """Set up the process before the commands are imported: Ctrl-C's cleanup on SIGTERM too."""
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, _terminate)


def run() -> None:
    """Run the application on the command line's arguments, with the commands registered."""
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
