"""Where a chart's data labels land, measured: against each other and against the
neighbouring bars.

The plot area is estimated as LibreOffice and PowerPoint lay it out (margins, the value
axis' numbers, titles, legend); bars are placed as the writer draws them (gap width 60%, no
overlap); each label is measured with the font's metrics at the chart's text size.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from wocdeck.look.measure import text_width
from wocdeck.plan import Box
from wocdeck.read.chart_data import ChartData

GAP = 0.6  # the gap between categories, in bar widths (the writer's gap width 60%)
MARGIN = 0.017  # of the frame's width: the renderer's margin around the plot
LINE = 1.2  # a line of chart text, in sizes
LABEL = 1.15  # a data label's height, in sizes (its em box, and a renderer's offset)
PAD = 0.3  # between a bar's end and its label, in sizes
TITLE_GAP = 0.8  # between a chart's title and its plot, in sizes
HEADROOM = 1.3  # a chart without a value axis reaches this far above its largest value


@dataclass(frozen=True)
class _Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def meets(self, other: _Rect, slack: float = 0.5) -> bool:
        return (
            self.x0 < other.x1 - slack
            and other.x0 < self.x1 - slack
            and self.y0 < other.y1 - slack
            and other.y0 < self.y1 - slack
        )


def labels_fit(
    data: ChartData, box: Box, size: float, axes: bool, title: bool, metrics: str
) -> bool:
    """Whether a chart's data labels stand clear of each other, of the bars and of its
    title in its box; where they would not, the chart shows its value axis alone."""
    if data.kind == "pie" or not data.categories or box.w <= 0 or box.h <= 0:
        return True
    step = value_step(data, box, size, metrics) if axes else 0.0
    plot = _plot(data, box, size, axes, title, metrics, step)
    bars, labels = _shapes(data, plot, size, _top(data, axes, step), metrics)
    # a label may stand above the plot up to the title (a history's), or half a line as
    # the value axis' top number does
    above = (TITLE_GAP if title else 0.0) * size + (LINE * size / 2 if axes else 0.0)
    return not _collide(bars, labels, _Rect(plot.x0, plot.y0 - above, plot.x1, plot.y1), data.kind)


def _written(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def value_step(data: ChartData, box: Box, size: float, metrics: str) -> float:
    """A bar chart's value axis step: the first round step from an eighth of the largest value
    up whose numbers stand side by side along the bottom, not turned 45 degrees (0 for other
    charts: the renderer's step, as _tick reckons it)."""
    if data.kind != "bar":
        return 0.0
    room = box.w - _bar_left(data, box, size, metrics) - MARGIN * box.w
    steps = list(_steps(data))
    return next((s for s in steps if _side_by_side(data, s, room, size, metrics)), steps[0])


def _side_by_side(data: ChartData, step: float, room: float, size: float, metrics: str) -> bool:
    """Whether the axis' numbers at step, each with half an em around it, fit the room."""
    top = _top(data, True, step)
    wide = text_width(_written(top, data.decimals), size, metrics=metrics) + size / 2
    return (top / step + 1) * wide <= room


def _bar_left(data: ChartData, box: Box, size: float, metrics: str) -> float:
    """Where a bar chart's plot starts: after the category labels and the axis title."""
    across = MARGIN * box.w
    labels = max(text_width(c, size, metrics=metrics) for c in data.categories)
    return across + labels + across + (LINE * size + across if data.x_title else 0.0)


def _top(data: ChartData, axes: bool, step: float = 0.0) -> float:
    """The value axis' maximum: a round number above the largest value, as renderers pick."""
    largest = max([0.0, *(float(v) for _, s in data.series for v in s)])
    if not axes:
        return largest * HEADROOM or 1.0
    if largest <= 0:
        return 1.0
    step = step or _tick(data)
    return math.ceil(largest / step) * step


def _tick(data: ChartData) -> float:
    """The value axis' step: a round number from an eighth to a fourth of the largest value."""
    return next(_steps(data))


def _steps(data: ChartData) -> Iterator[float]:
    """Round steps (1, 2, 2.5, 5 times a power of ten) from an eighth of the largest value up
    to the first that spans it in one."""
    largest = max([0.0, *(float(v) for _, s in data.series for v in s)])
    if largest <= 0:
        yield 1.0
        return
    raw = largest / 8
    power = 10 ** math.floor(math.log10(raw))
    while True:
        for m in (1, 2, 2.5, 5):
            if m * power >= raw:
                yield m * power
                if m * power >= largest:
                    return
        power *= 10


def _plot(
    data: ChartData, box: Box, size: float, axes: bool, title: bool, metrics: str, step: float
) -> _Rect:
    """The plot area inside the chart's frame, in the frame's points; step: the value axis'
    (value_step)."""
    across, down, line = MARGIN * box.w, MARGIN * box.h, LINE * size
    left, right = across, across
    top = down + (line + TITLE_GAP * size if title else 0.0)
    bottom = 2 * down + line  # the category labels
    if axes:
        if data.kind != "bar":  # the value axis' top number stands half above the plot
            top += line / 2
        numbers = _written(_top(data, axes, step), data.decimals)
        wide = text_width(numbers, size, metrics=metrics)
        if data.kind == "bar":  # values along the bottom, categories down the left
            bottom -= down + line
            left = _bar_left(data, box, size, metrics)
            # numbers that do not fit side by side even at the widest step are turned 45 degrees
            if _side_by_side(data, step, box.w - left - right, size, metrics):
                bottom += line + down
            else:
                bottom += (wide + line) * 0.71 + down
            bottom += line + 2 * down if data.y_title else 0.0  # the value axis' title
        else:
            left += wide + across
            left += line + across if data.y_title else 0.0
            bottom += line + 2 * down if data.x_title else 0.0
        bottom += line + 4 * down if len(data.series) > 1 else 0.0  # the legend
    return _Rect(box.x + left, box.y + top, box.x + box.w - right, box.y + box.h - bottom)


def _collide(
    bars: list[tuple[int, _Rect]], labels: list[tuple[int, _Rect]], room: _Rect, kind: str
) -> bool:
    """Whether a data label overlaps another, a bar not its own, or runs above the room
    over the plot (into the chart's title); in a column chart, a label wider than its bar
    collides too, as LibreOffice wraps it onto two lines."""
    own = dict(bars)
    for index, label in labels:
        outside = label.y0 < room.y0  # a bar's label past its end moves the plot over
        wider = kind == "column" and label.x1 - label.x0 > own[index].x1 - own[index].x0
        if outside or wider or any(i != index and label.meets(b) for i, b in bars):
            return True
    return any(a.meets(b) for (_, a), (_, b) in combinations(labels, 2))


def _shapes(
    data: ChartData, plot: _Rect, size: float, top: float, metrics: str
) -> tuple[list[tuple[int, _Rect]], list[tuple[int, _Rect]]]:
    """Every bar (a line's points) and its data label, numbered alike; top: the value at the
    plot's far end."""
    count, series = len(data.categories), len(data.series)
    across = data.kind != "bar"  # categories along x
    length = (plot.y1 - plot.y0) if across else (plot.x1 - plot.x0)
    room = ((plot.x1 - plot.x0) if across else (plot.y1 - plot.y0)) / count
    width = room / (series + GAP) if data.kind != "line" else 0.0
    height, pad = LABEL * size, PAD * size
    bars, labels = [], []
    for s, (_, values) in enumerate(data.series):
        for k, value in enumerate(values):
            number = len(bars)
            if data.kind == "line":
                middle = (k + 0.5) * room
            else:
                middle = k * room + (GAP / 2 + s + 0.5) * width
            end = length * max(0.0, float(value)) / top
            wide = text_width(_written(float(value), data.decimals), size, metrics=metrics)
            if across:
                x, base = plot.x0 + middle, plot.y1
                bars.append((number, _Rect(x - width / 2, base - end, x + width / 2, base)))
                y = base - end - pad - height
                labels.append((number, _Rect(x - wide / 2, y, x + wide / 2, y + height)))
            else:
                y, base = plot.y0 + middle, plot.x0
                bars.append((number, _Rect(base, y - width / 2, base + end, y + width / 2)))
                x = base + end + pad
                labels.append((number, _Rect(x, y - height / 2, x + wide, y + height / 2)))
    return bars, labels
