"""A chart's alternative text in the deck's language: what kind of chart, what it is about,
and what its data does ("Column chart, Applications, 2014–2018: PCT from 25,539 to 53,345").

A screen reader reads the summary; the chart itself (and "Edit Data") holds every value.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from wocdeck.compose.wording import Wording
    from wocdeck.read.chart_data import ChartData


def chart_summary(words: Wording, data: ChartData, subject: str = "") -> str:
    """The chart's alt text: its kind, subject and categories' span, then each series from its
    first value to its last (with its highest where that is neither); a pie's slices by value."""
    chart = words.phrase(f"chart_{data.kind}")
    about = words.phrase("chart_about", chart=chart, subject=subject) if subject else chart
    if not data.categories or not data.series:
        return about
    if data.kind == "pie":  # one series: its name, then each slice
        name, series = data.series[0]
        span, values = name, _values(words, zip(data.categories, series, strict=True))
    elif len(data.categories) == 1:
        span = data.categories[0]
        values = _values(words, ((name, series[0]) for name, series in data.series))
    else:
        span = words.phrase("chart_span", first=data.categories[0], last=data.categories[-1])
        values = [_trend(words, data.categories, name, series) for name, series in data.series]
    return words.phrase(
        "chart_summary", about=about, span=span, values=words.phrase("chart_join").join(values)
    )


def _values(words: Wording, pairs: Iterable[tuple[str, Decimal]]) -> list[str]:
    """'PCT 53,345' for each name and value."""
    return [words.phrase("chart_value", name=n, value=words.number(v)) for n, v in pairs]


def _trend(
    words: Wording, categories: tuple[str, ...], name: str, series: tuple[Decimal, ...]
) -> str:
    """'PCT from 25,539 to 53,345', with ', highest 60 (2016)' when the top is inside."""
    trend = words.phrase(
        "chart_trend", name=name, start=words.number(series[0]), end=words.number(series[-1])
    )
    top = max(range(len(series)), key=lambda i: series[i])
    if series[top] > max(series[0], series[-1]):
        peak = words.phrase("chart_peak", value=words.number(series[top]), category=categories[top])
        return words.phrase("separator").join((trend, peak))
    return trend
