"""Problems and notices as JSON lines, for editor plug-ins and CI (`--format json`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wocdeck.errors import Problem
    from wocdeck.plan import Adjustment

FIELDS = ("file", "line", "column", "severity", "message", "hint")


@dataclass(frozen=True)
class Diagnostic:
    """One line of machine-readable output; line and column are None when not known."""

    file: str
    line: int | None
    column: int | None
    severity: str
    message: str
    hint: str = ""

    def to_json(self) -> str:
        """The diagnostic as one JSON object on one line (UTF-8 text kept as is)."""
        record = {name: getattr(self, name) for name in FIELDS}
        return json.dumps(record, ensure_ascii=False)


def from_problem(problem: Problem, deck: str) -> Diagnostic:
    """A problem with the deck or one of its inputs; one without a place is the deck's."""
    where = problem.location
    return Diagnostic(
        where.path or deck,
        where.line or None,
        where.column or None,
        problem.severity,
        problem.message,
        problem.hint,
    )


def from_adjustment(deck: str, change: Adjustment) -> Diagnostic:
    """A notice that fitting shrank or continued a slide's text."""
    return Diagnostic(
        deck,
        change.line or None,
        None,
        "notice",
        change.said,
    )


def notice_line(deck: str, change: Adjustment) -> str:
    """The human-readable notice for an adjustment, as `render` prints it."""
    return f"{deck}:{change.line}: {change.said}"
