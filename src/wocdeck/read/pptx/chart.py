"""A chart part's cached values: its kind, categories and series, as PowerPoint stored them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wocdeck.read.pptx.package import NS

# chart element → wocdeck's chart type (bar charts: barDir col → column, bar → bar)
_KINDS = {"barChart": "column", "bar3DChart": "column", "lineChart": "line", "line3DChart": "line"}
_KINDS |= {"pieChart": "pie", "pie3DChart": "pie", "doughnutChart": "pie"}


@dataclass(frozen=True)
class ChartData:
    """A chart's type, categories and series (name → values as written in the cache)."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[str, ...]], ...]
    title: str = ""
    x_title: str = ""  # the category axis's title
    y_title: str = ""  # the value axis's title


class ChartProblem(ValueError):
    """A chart wocdeck cannot take over; the message says why in plain words."""


def read_chart(root: Any) -> ChartData:
    """Read a chart part (c:chartSpace); a ChartProblem when it has no usable cached values."""
    plot = root.find("c:chart/c:plotArea", NS)
    charts = [c for c in (plot if plot is not None else []) if _local(c.tag) in _KINDS]
    if not charts:
        kinds = [_local(c.tag) for c in (plot if plot is not None else []) if "Chart" in c.tag]
        raise ChartProblem(f"a {kinds[0] if kinds else 'chart'} wocdeck cannot draw")
    first = charts[0]
    kind = _KINDS[_local(first.tag)]
    direction = first.find("c:barDir", NS)
    if kind == "column" and direction is not None and direction.get("val") == "bar":
        kind = "bar"
    categories: tuple[str, ...] = ()
    series = []
    for number, ser in enumerate((s for c in charts for s in c.findall("c:ser", NS)), 1):
        name = _texts(ser.find("c:tx", NS)) or f"Series {number}"
        values = _points(ser.find("c:val", NS))
        if not values or any(v is None for v in values):
            raise ChartProblem(f"the series '{name}' has no cached values")
        categories = categories or tuple(v or "" for v in _points(ser.find("c:cat", NS)))
        series.append((name, tuple(str(v) for v in values)))
    if not series:
        raise ChartProblem("it has no series")
    if not categories:
        categories = tuple(str(i) for i in range(1, len(series[0][1]) + 1))
    title = _texts(root.find("c:chart/c:title", NS))
    x_title = _texts(plot.find("c:catAx/c:title", NS)) if plot is not None else ""
    y_title = _texts(plot.find("c:valAx/c:title", NS)) if plot is not None else ""
    if kind == "bar":  # a bar chart's axes are turned: its category axis stands upright
        x_title, y_title = y_title, x_title
    return ChartData(kind, categories, tuple(series), title, x_title, y_title)


def _points(node: Any) -> list[str | None]:
    """The cached points of a c:cat or c:val, in index order (None where one is missing)."""
    if node is None:
        return []
    cache = next(iter(node.iterfind(".//c:numCache", NS)), None)
    if cache is None:
        cache = next(iter(node.iterfind(".//c:strCache", NS)), None)
    if cache is None:
        return []
    count = cache.find("c:ptCount", NS)
    size = int(count.get("val", "0")) if count is not None else 0
    points: list[str | None] = [None] * min(size, 10_000)
    for point in cache.findall("c:pt", NS):
        index = int(point.get("idx", "-1"))
        value = point.find("c:v", NS)
        if 0 <= index < len(points) and value is not None:
            points[index] = (value.text or "").strip()
    return points


def _texts(node: Any) -> str:
    """The text of a title or series name: its cached string or its runs."""
    if node is None:
        return ""
    found = [t.text or "" for t in node.iterfind(".//c:v", NS)]
    found = found or [t.text or "" for t in node.iterfind(".//a:t", NS)]
    return " ".join("".join(found).split())


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]
