"""A chart's data, from the deck or a CSV file beside it; checked here, drawn by the writer.

A CSV file has a header row (the categories' name, then one name per series) and a row per
category: its name, then one value per series, numbers written as in tiles (33745, 33,745).
Every problem is located in the CSV file, at its row and column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.figures import FigureError, parse_figure
from wocdeck.read.files import read_named, unstorable_in
from wocdeck.read.text import balanced

MAX_CSV_BYTES = 1_000_000
MAX_CATEGORIES = 500
MAX_SERIES = 100  # a chart of more is unreadable; each series is styled and written


@dataclass(frozen=True)
class ChartData:
    """What a chart shows: its type, categories, series (name, values) and axis titles."""

    kind: str  # "column", "bar", "line" or "pie"
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal, ...]], ...]
    x_title: str = ""
    y_title: str = ""

    @property
    def decimals(self) -> int:
        """How many decimals the values have at most (0 for whole numbers)."""
        places = [
            max(0, -int(v.normalize().as_tuple().exponent))
            for _, values in self.series
            for v in values
        ]
        return min(max(places, default=0), 6)


def series_problem(kind: str, series: dict[str, list[Decimal]]) -> tuple[str, str] | None:
    """What a kind of chart cannot show, as (message, hint): a pie shows one series, none
    of its values below zero."""
    if kind != "pie":
        return None
    if len(series) > 1:
        return (
            f"a pie chart shows one series, found {len(series)}",
            "use a column or bar chart to compare series",
        )
    for name, values in series.items():
        if any(v < 0 for v in values):
            return (
                f"a pie chart cannot show the negative values of '{name}'",
                "use a column chart",
            )
    return None


def read_csv(
    file: Path, where: Location, shown: str | None = None
) -> tuple[str, tuple[str, ...], dict[str, list[Decimal]]]:
    """A CSV file's categories' name, categories and series; every problem located in it
    (problems with the file itself at `where`, naming it as the editor wrote it: shown)."""
    name, shown = str(file), shown or str(file)
    raw = read_named(file, MAX_CSV_BYTES, where, "data file", shown)
    if len(raw) > MAX_CSV_BYTES:
        raise DeckError.at(
            where,
            f"the data file {shown} is larger than {MAX_CSV_BYTES // 1_000_000} MB",
            "a chart's data is a few rows: keep only those in the file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckError.at(
            Location(name, 1), "the data file is not UTF-8", "save it as CSV UTF-8"
        ) from None
    bad = unstorable_in(text, name)
    if bad:
        raise DeckError([bad])
    reader = csv.reader(io.StringIO(text))
    rows, lines = [], []
    for row in reader:
        if any(cell.strip() for cell in row):
            rows.append(row)
            lines.append(reader.line_num)
        if len(rows) > MAX_CATEGORIES + 1:  # the header and the categories: stop reading
            break
    if len(rows) < 2:
        raise DeckError.at(
            Location(name, 1),
            "the data file needs a header row and at least one row of values",
            "write e.g. `Year,PCT` on the first line and `2017,31600` on the next",
        )
    header = [balanced(cell.strip()) for cell in rows[0]]
    if len(header) < 2 or not all(header[1:]):
        raise DeckError.at(
            Location(name, 1),
            "the header row names the categories, then each series",
            "write e.g. `Year,PCT,Madrid`",
        )
    if len(rows) - 1 > MAX_CATEGORIES:
        raise DeckError.at(
            Location(name, lines[-1]),
            f"a chart may have at most {MAX_CATEGORIES} categories (rows under the header)",
            "keep the rows the chart shows; a long series reads better as a table",
        )
    if len(header) - 1 > MAX_SERIES:
        raise DeckError.at(
            Location(name, 1),
            f"a chart may have at most {MAX_SERIES} series (columns after the first); "
            f"this file has {len(header) - 1:,}",
            "keep the series the chart compares",
        )
    series: dict[str, list[Decimal]] = {title: [] for title in header[1:]}
    problems = []
    for line, row in zip(lines[1:], rows[1:], strict=True):
        if len(row) != len(header):
            problems.append(
                Problem(
                    Location(name, line),
                    f"this row has {len(row)} cells; the header has {len(header)}",
                    "give a category and one value per series",
                )
            )
            continue
        for title, cell in zip(header[1:], row[1:], strict=True):
            try:
                figure = parse_figure(cell.strip())
            except FigureError as exc:
                problems.append(Problem(Location(name, line), f"{title}: {exc.message}", exc.hint))
                continue
            if figure.unit.strip() or figure.prefix:
                problems.append(
                    Problem(
                        Location(name, line),
                        f"{title}: '{cell.strip()}' is not a plain number",
                        "leave the unit out and name it in the axis title (y_title:)",
                    )
                )
                continue
            series[title].append(figure.number)
    if problems:
        raise DeckError(problems)
    return header[0], tuple(balanced(row[0].strip()) for row in rows[1:]), series
