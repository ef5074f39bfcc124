"""Native charts: column, bar, line and pie, their data inline or from a CSV file.

The chart fills its frame; the writer (writer/graphics.py) writes it as a PowerPoint chart
with its data in an embedded workbook. Its alt text lists every value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wocdeck.compose.kinds.base import Content, Context, Kind, Sized, whole_slide
from wocdeck.errors import DeckError
from wocdeck.plan import Box
from wocdeck.read.chart_data import ChartData, read_csv, series_problem
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import Chart

CHART_TEXT = 14.0  # points: labels, axes and legend, above the body floor of 12
HISTORY_TEXT = 12.0  # points: a metric's history charted beside its tile


@dataclass(frozen=True)
class ChartPlan(Sized):
    """A native chart on a slide: its data drawn in box, its text at size points."""

    name: str
    box: Box
    data: ChartData
    description: str
    size: float = CHART_TEXT
    axes: bool = True  # False: a small chart without a value axis, its labels giving values
    language: str = "en"  # the deck's: its numbers' separators


def block(composer: Context, spec: Chart, box: Box, name: str, path: DataPath) -> Content:
    """The chart filling the box."""
    del name
    data = chart_data(composer, spec, path)
    return Content(blocks=(plan(composer, data, box),))


def plan(
    composer: Context, data: ChartData, box: Box, size: float = CHART_TEXT, *, axes: bool = True
) -> ChartPlan:
    """A chart of data in box, its text at size points (never below the body floor),
    described for screen readers in the deck's language."""
    size = max(composer.theme.sizes.body_floor, size)
    description = data.description(composer.words.number)
    return ChartPlan("Chart", box, data, description, size, axes, composer.words.language)


def chart_data(composer: Context, spec: Chart, path: DataPath) -> ChartData:
    """The chart's data from the deck, or from its CSV file (located errors in that file)."""
    if spec.data is None:
        series = tuple((name, tuple(values)) for name, values in spec.series.items())
        return ChartData(
            spec.type, tuple(spec.categories), series, spec.x_title or "", spec.y_title or ""
        )
    where = composer.location((*path, "data"))
    file = composer.file(spec.data, (*path, "data"), "data file")
    heading, categories, found = read_csv(file, where, spec.data)
    problem = series_problem(spec.type, found)
    if problem:
        raise DeckError.at(where, *problem)
    series = tuple((name, tuple(values)) for name, values in found.items())
    return ChartData(spec.type, categories, series, spec.x_title or heading, spec.y_title or "")


KIND = Kind("chart", whole_slide(block, "chart"), block)
