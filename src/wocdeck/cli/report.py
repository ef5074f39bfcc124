"""What the commands print: problems, notices and results, as text or JSON lines, and the exit
code every failure ends in."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from wocdeck.cli.options import OutputFormat
from wocdeck.read.text import printable

if TYPE_CHECKING:
    from wocdeck.errors import Problem
    from wocdeck.plan import Adjustment


def say(message: str, *, end: str = "\n") -> None:
    """Print a line on standard output. When its reader has gone (`| head -1`), the rest is not
    wanted: it is dropped quietly and the work goes on, as Unix tools do; a full disk or another
    failure to write is a failure, not a crash."""
    try:
        typer.echo(printable(message) + end, nl=False)
    except BrokenPipeError:
        drop_stdout()
    except OSError as exc:
        raise StdoutError(exc.strerror or str(exc)) from None


def drop_stdout() -> None:
    """Send what is still to be printed on standard output nowhere (its reader has gone)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a file in tests
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class StdoutError(Exception):
    """Standard output cannot be written (closed pipe, full disk)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class failures:
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
            complain("interrupted: nothing was written or changed")
            raise typer.Exit(128 + error.signal_number if isinstance(error, Terminated) else 130)
        if isinstance(error, StdoutError):
            complain(f"error: cannot print to standard output: {error.reason}")
            drop_stdout()  # so the exit's flush cannot fail
            raise typer.Exit(1)
        if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:
            complain(f"error: {error.filename}: the name is too long for the file system")
            raise typer.Exit(1)
        if isinstance(error, DeckError):
            for problem in error.problems[:MAX_SHOWN]:
                complain(str(problem))
            more = len(error.problems[MAX_SHOWN:]) + error.more
            if more:
                complain(f"... and {more:,} more problems (fix these first)")
            raise typer.Exit(1)
        if isinstance(error, OutputError):
            complain(f"error: {error}")
            raise typer.Exit(1)
        if isinstance(error, MemoryError | RecursionError):
            complain("error: the deck is too large or too deeply nested to process")
            raise typer.Exit(1)
        complain(f"internal error (please report it): {type(error).__name__}: {error}")
        raise typer.Exit(3)


MAX_SHOWN = 50  # problems printed; the rest are counted


def complain(message: str) -> None:
    """Print a line on standard error, if it can still be written."""
    with contextlib.suppress(OSError):
        typer.echo(printable(message), err=True)


def _deck_problems(error: Exception) -> list[Problem]:
    """What went wrong with one deck, as problems; an output or memory failure has no place in
    the deck, so its location is empty."""
    from wocdeck.errors import DeckError, Location, Problem

    if isinstance(error, DeckError):
        return error.problems
    if isinstance(error, MemoryError | RecursionError):
        return [Problem(Location(""), "the deck is too large or too deeply nested to process")]
    return [Problem(Location(""), str(error))]


class Report:
    """Prints what happened to each deck: text for people, or JSON lines for programs."""

    def __init__(self, format_: OutputFormat, *, many: bool = False) -> None:
        self.json = format_ is OutputFormat.json
        self.many = many
        self.failed = 0

    @contextlib.contextmanager
    def attempt(self, deck: Path) -> Iterator[None]:
        """Run one deck's work: a problem with the deck or its output is reported and counted
        and the next deck goes on; anything else (Ctrl-C, a closed output) goes to failures."""
        from wocdeck.errors import DeckError, OutputError

        try:
            yield
        except (DeckError, OutputError, MemoryError, RecursionError) as error:
            problems = _deck_problems(error)
            self.problems(deck, problems, more=getattr(error, "more", 0))
            self.failed += 1
            if self.many and not self.json:
                say(f"{deck}: not written ({_count(len(problems), 'problem')})")

    def problems(self, deck: Path, problems: list[Problem], *, more: int = 0) -> None:
        """Errors: JSON lines on stdout, or `file:line:col: error: …` on stderr (the first
        MAX_SHOWN; `more` counts those found but not described)."""
        from wocdeck.cli.diagnostics import from_problem

        if self.json:
            for problem in problems:
                say(from_problem(problem, str(deck)).to_json())
            return
        for problem in problems[:MAX_SHOWN]:
            where = problem.location.path
            complain(str(problem) if where else f"{problem.severity}: {problem.message}")
        untold = len(problems[MAX_SHOWN:]) + more
        if untold:
            complain(f"... and {untold:,} more problems (fix these first)")

    def notices(
        self, deck: Path, notices: tuple[Problem, ...], changes: Sequence[Adjustment] = ()
    ) -> None:
        """Located notices (e.g. a field not translated) as JSON lines or text on stderr, then
        what fitting changed, a line per slide."""
        for notice in notices:
            if self.json:
                from wocdeck.cli.diagnostics import from_problem

                say(from_problem(notice, str(deck)).to_json())
            else:
                complain(str(notice))
        for change in changes:
            self.notice(deck, change)

    def notice(self, deck: Path, change: Adjustment) -> None:
        """Something fitting changed (text shrunk or continued)."""
        from wocdeck.cli.diagnostics import from_adjustment, notice_line

        line = from_adjustment(str(deck), change).to_json() if self.json else None
        say(line or notice_line(str(deck), change))

    def done(self, deck: Path, message: str, *, name: str = "") -> None:
        """A deck's result line; in text, `name` goes before it."""
        if self.json:
            from wocdeck.cli.diagnostics import Diagnostic

            say(Diagnostic(str(deck), None, None, "info", message).to_json())
        else:
            say(f"{name}: {message}" if name else message)


def accessibility(presentation: Path, *, json: bool = False) -> bool:
    """Print a presentation's accessibility findings and their count (text) or a JSON line
    each; whether any of them is an error."""
    from wocdeck.look.accessibility import check

    findings = check(presentation)
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
