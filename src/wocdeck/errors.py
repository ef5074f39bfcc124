"""Located problems: what went wrong, where, and what to do about it."""

from __future__ import annotations

from typing import NamedTuple

MAX_DESCRIBED = 1000  # problems worked out in full; the rest of a huge list are only counted


class Location(NamedTuple):
    """A place in an input file; line and column count from 1."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.column <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


class Problem(NamedTuple):
    """One problem with an input, with its location and an optional hint."""

    location: Location
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class DeckError(Exception):
    """The deck or one of its inputs is wrong; carries every problem found."""

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        super().__init__()
        self.problems = problems
        self.more = more  # problems found but not described (beyond MAX_DESCRIBED)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def at(cls, location: Location, message: str, hint: str = "") -> DeckError:
        """Build an error with a single problem."""
        return cls([Problem(location, message, hint)])


class OutputError(Exception):
    """An output file cannot be written; the message says why and what to do."""


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM, SIGHUP); cleans up as Ctrl-C does."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number
