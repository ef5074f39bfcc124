"""Native charts: column, bar, line and pie, their data inline or from a CSV file.

The chart fills its frame; the writer (writer/graphics.py) writes it as a PowerPoint chart
with its data in an embedded workbook. Its alt text summarises the data in the deck's language
(or is the editor's `alt:`); a CSV file's headings are shown through `names:` in a translation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wocdeck.compose.kinds.base import (
    Content,
    Context,
    Kind,
    mirrored_as_is,
    unmeasured,
    whole_slide,
)
from wocdeck.compose.kinds.chart_labels import labels_fit, value_step
from wocdeck.errors import DeckError, Location
from wocdeck.look.measure import DEFAULT_METRICS
from wocdeck.plan import Box
from wocdeck.read.chart_data import ChartData, read_csv, series_problem
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import Chart

PIE_SLIVER = 0.05  # a pie slice smaller than this share of the whole cannot be read
SMALL_SERIES = 0.02  # a series whose values stay under this share of the axis is invisible
CHART_TEXT = 14.0  # points: labels, axes and legend, above the body floor of 12
HISTORY_TEXT = 12.0  # points: a metric's history charted beside its tile


class ChartPlan(NamedTuple):
    """A native chart on a slide: its data drawn in box, its text at size points."""

    name: str
    box: Box
    data: ChartData
    description: str
    size: float = CHART_TEXT
    axes: bool = True  # False: a small chart without a value axis, its labels giving values
    language: str = "en"  # the deck's: its numbers' separators
    title: str = ""  # drawn above the plot (a tile's history: the tile's label)
    note: str = ""  # what the reader should know about how the chart was drawn
    metrics: str = DEFAULT_METRICS  # the chart text's font widths

    measured = unmeasured
    mirrored = mirrored_as_is

    @property
    def labels(self) -> bool:
        """Whether the chart carries data labels: measured in its box as it is placed (a
        tile's history gets its box when its tile is laid out), where they do not collide."""
        return labels_fit(self.data, self.box, self.size, self.axes, bool(self.title), self.metrics)

    @property
    def step(self) -> float:
        """The value axis' step, chosen where the renderer's would turn a bar chart's numbers
        45 degrees; 0: the renderer's own."""
        return value_step(self.data, self.box, self.size, self.metrics) if self.axes else 0.0

    def fit(self, where: Location) -> tuple[list[ChartPlan], str]:
        """A chart always fits its frame; its note (a pie drawn as bars, a series too small
        to see) is reported as fitting changes are."""
        del where
        return [self], self.note


def block(composer: Context, spec: Chart, box: Box, name: str, path: DataPath) -> Content:
    """The chart filling the box; in a column, a chart of one series is titled with its
    name (its slide's title names a chart alone on it; a legend names several series)."""
    data, untranslated = _renamed(composer, chart_data(composer, spec, path), spec, path)
    title = data.series[0][0] if name and len(data.series) == 1 else ""
    chart = plan(composer, data, box, title=title, subject=data.y_title, alt=spec.alt or "")
    if untranslated:
        names = ", ".join(f"'{n}'" for n in untranslated)
        language = composer.words.language
        what = f"headings {names} of {spec.data}" if spec.data else f"series names {names}"
        note = (
            f"chart {what} have no '{language}' words, the {'file' if spec.data else 'deck'}'s "
            f"are shown: add `names: {{{language}: {{{untranslated[0]}: …}}}}` to the chart"
        )
        chart = chart._replace(note="; ".join(n for n in (chart.note, note) if n))
    return Content(blocks=(chart,))


def _renamed(
    composer: Context, data: ChartData, spec: Chart, path: DataPath
) -> tuple[ChartData, list[str]]:
    """The data with its headings (the category axis' title, the series' names, from a CSV
    file or written in the deck) in the words of `names:`, and the headings left in the
    deck's or the file's words when the deck is shown in another language than its own
    (series given per language are in that language's words)."""
    names = spec.names or {}
    headings = [*([data.x_title] if not spec.x_title else []), *(n for n, _ in data.series)]
    left = [h for h in headings if h not in names and any(c.isalpha() for c in h)]
    data = replace(
        data,
        x_title=spec.x_title or names.get(data.x_title, data.x_title),
        series=tuple((names.get(n, n), values) for n, values in data.series),
    )
    if spec.data is None:
        return data, left if composer.in_own_words((*path, "series")) else []
    # a translated file beside the CSV (NAME.fr.csv) has its headings in the deck's language
    read = composer.file(spec.data, (*path, "data"), "data file")
    return data, left if composer.translated and read.name == Path(spec.data).name else []


def plan(
    composer: Context,
    data: ChartData,
    box: Box,
    size: float = CHART_TEXT,
    *,
    axes: bool = True,
    title: str = "",
    subject: str = "",
    alt: str = "",
) -> ChartPlan:
    """A chart of data in box, its text at size points (never below the body floor),
    described for screen readers in the deck's language (alt: the editor's own words); a pie
    with a sliver is drawn as bars, and a series too small to see on the value axis is
    reported."""
    from wocdeck.compose.wording.charts import chart_summary

    size = max(composer.theme.sizes.body_floor, size)
    description = alt or chart_summary(composer.words, data, subject)
    data, note = readable_data(data)
    return ChartPlan(
        "Chart", box, data, description, size, axes, composer.words.language, title, note
    )


def readable_data(data: ChartData) -> tuple[ChartData, str]:
    """The data as it reads best, and a note if it was changed or cannot be read: a pie
    with a slice under PIE_SLIVER of the whole becomes a bar chart; a series whose largest
    value is under SMALL_SERIES of the axis is named."""
    values = [float(v) for _, series in data.series for v in series]
    if not values:
        return data, ""
    if data.kind == "pie":
        total = sum(values)
        slivers = [
            c
            for c, v in zip(data.categories, data.series[0][1], strict=True)
            if total and float(v) / total < PIE_SLIVER
        ]
        if slivers:
            note = f"pie chart drawn as a bar chart: {', '.join(slivers)} under 5% of the whole"
            return replace(data, kind="bar"), note
        return data, ""
    top = max(abs(v) for v in values)
    small = [
        name
        for name, series in data.series
        if top and max(abs(float(v)) for v in series) < SMALL_SERIES * top
    ]
    if small and len(data.series) > 1:
        names = ", ".join(f"'{n}'" for n in small)
        return data, f"chart series {names} under 2% of the value axis: give it a chart of its own"
    return data, ""


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
