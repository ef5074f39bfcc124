"""The typer application, its --version, and run(): signals, collector, exit."""

# No `from __future__ import annotations` here: typer reads the command's parameters from its
# annotations, which it would otherwise compile from strings on each run.

import gc
import os
import signal
import sys
from typing import Annotated, TextIO

import typer

from wocdeck import __version__
from wocdeck.cli.report import drop_stdout, say

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
        say(f"wocdeck {__version__}")
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
    _open_standard_streams()
    sys.stdout = _Stdout(sys.stdout)  # type: ignore[assignment]


def run() -> None:
    """Run the application on the command line's arguments, with the commands registered."""
    try:
        sys.exit(app())
    finally:
        # Everything still alive lives until exit: moved out of the collector's reach, the
        # interpreter's teardown skips collecting the imported stack (about 50 ms a run).
        gc.freeze()


def _open_standard_streams() -> None:
    """Give a standard stream that was closed (`wocdeck … >&-`) the null device, so nothing
    wocdeck opens takes its number and printing goes nowhere instead of failing."""
    for number in (0, 1, 2):
        try:
            os.fstat(number)
        except OSError:
            os.dup2(os.open(os.devnull, os.O_RDWR), number)
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


class _Stdout:
    """Standard output whose reader may go away (`| head -1`): what is left to print is then
    dropped quietly, as Unix tools do, help and usage included; the command's work goes on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            drop_stdout()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            drop_stdout()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _terminate(number: int, _frame: object) -> None:
    """Stop as Ctrl-C does, so temporary files and LibreOffice are cleaned up."""
    from wocdeck.errors import Terminated

    raise Terminated(number)
