"""A native chart: python-pptx's chart part (chart XML and an embedded workbook, so "Edit
Data" opens the numbers in Excel), styled here and shown in a graphic frame.

Series take the theme's accents in order (a:schemeClr, so a template restyles them), data
labels have thousands separators (`#,##0`, which PowerPoint writes with the reader's
separators), axes their titles, and there is a legend only when there is more than one series.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from pptx.dml.color import ColorFormat
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement, OxmlElement
from pptx.util import Pt

from wocdeck.compose.kinds.chart import ChartPlan
from wocdeck.writer import markup
from wocdeck.writer.drawing import Drawing

if TYPE_CHECKING:
    from pptx.chart.chart import Chart
    from pptx.parts.chart import ChartPart


CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
ACCENTS = tuple(getattr(MSO_THEME_COLOR, f"ACCENT_{i}") for i in range(1, 7))
_AXIS_IDS = (qn("c:axId"), qn("c:crossAx"))
# Windows locale ids of the deck languages whose separators differ from "#,##0"'s default
LOCALES = {"fr": 0x40C, "es": 0xC0A, "ru": 0x419, "pt": 0x416, "de": 0x407}
HEADROOM = 1.3  # a small chart's scale reaches this far above its largest value


def draw(drawing: Drawing, shape_id: int, chart: ChartPlan) -> str:
    """The chart's graphic frame, its chart part (with its workbook) related to the slide."""
    from pptx.parts.chart import ChartPart

    data = chart.data
    number_format = (
        _locale(chart.language) + "#,##0" + ("." + "0" * data.decimals if data.decimals else "")
    )
    table = _dated_chart_data()(number_format=number_format)
    table.when = drawing.when
    table.categories = data.categories
    for name, values in data.series:
        table.add_series(name, [float(v) for v in values])
    part = ChartPart.new(CHART_TYPES[data.kind], table, drawing.part.package)
    style(part.chart, chart, number_format)
    _positive_axis_ids(part)
    rId = drawing.part.relate_to(part, RT.CHART)
    return markup.chart(shape_id, chart.name, chart.description, rId, chart.box)


@cache
def _dated_chart_data() -> type:
    """python-pptx's category chart data whose workbook carries the document's date, not the
    clock's (XlsxWriter dates a workbook now, so the same deck gave different bytes), and
    whose text cells are written as text: XlsxWriter's write() turns a name starting with
    `=` into a formula (`=cmd|...`, `=HYPERLINK(...)`) and `http://...` or `external:...` into
    a link, which Excel would run or follow when the editor clicks "Edit Data". Made on
    first use: python-pptx's chart data imports XlsxWriter, which only decks with charts pay
    for."""
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    class DatedWorkbookWriter(CategoryWorkbookWriter):
        def _populate_worksheet(self, workbook, worksheet):  # type: ignore[no-untyped-def]
            workbook.set_properties({"created": self._chart_data.when})
            super()._populate_worksheet(workbook, worksheet)

        def _write_cat_column(self, worksheet, col, level, num_format):  # type: ignore[no-untyped-def]
            worksheet.set_column(col, col, 10)
            for offset, name in level:
                worksheet.write_string(offset + 1, col, str(name), num_format)

        def _write_series(self, workbook, worksheet):  # type: ignore[no-untyped-def]
            column = self._chart_data.categories.depth
            for index, series in enumerate(self._chart_data):
                number_format = workbook.add_format({"num_format": series.number_format})
                worksheet.write_string(0, column + index, str(series.name))
                for row, value in enumerate(series.values, start=1):
                    worksheet.write_number(row, column + index, value, number_format)

    class DatedChartData(CategoryChartData):
        when: dt.datetime

        @property
        def _workbook_writer(self) -> CategoryWorkbookWriter:
            return DatedWorkbookWriter(self)

    return DatedChartData


def _locale(language: str) -> str:
    """The number format's locale: separators as the deck's language writes them (as the
    tiles are), whatever the reader's own settings; nothing for English."""
    code = LOCALES.get(language)
    return f"[$-{code:X}]" if code else ""


def _positive_axis_ids(part: ChartPart) -> None:
    """python-pptx's axis ids are negative (copied from PowerPoint 2011 for Mac); the schema
    wants unsigned numbers, so each becomes its absolute value."""
    for element in part._element.iter(*_AXIS_IDS):
        element.set("val", str(abs(int(element.get("val", "0")))))


def style(chart: Chart, plan: ChartPlan, number_format: str) -> None:
    """Theme colours, data labels, axis titles and legend, at the plan's text size."""
    data, size = plan.data, plan.size
    chart.font.size = Pt(size)
    chart.has_title = bool(plan.title)
    if plan.title:  # a tile's history: the tile's label; a chart in a column: its own
        chart.chart_title.text_frame.text = plan.title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
    many = len(data.series) > 1
    chart.has_legend = many
    if many:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    if data.kind == "pie":
        for index, point in enumerate(plot.series[0].points):
            _fill(point.format, index)
    else:
        plot.vary_by_categories = False
        for index, series in enumerate(plot.series):
            if data.kind == "line":
                _accent(series.format.line.color, index)
                series.format.line.width = Pt(2.5)
                series.marker.format.fill.solid()
                _accent(series.marker.format.fill.fore_color, index)
                series.marker.format.line.fill.background()
            else:
                _fill(series.format, index)
        if data.kind in ("column", "bar"):
            plot.gap_width = 60
            plot.overlap = 0
        _axes(chart, plan, number_format)
    shown = plan.labels  # measured in the chart's box: labels that would collide are left off
    plot.has_data_labels = shown
    if not shown:  # the value axis (or, on a tile's history, the tile) says the values
        return
    labels = plot.data_labels
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(size)
    if data.kind == "pie":
        labels.show_category_name = True
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        _separate_lines(labels._element)
    elif data.kind == "line":
        labels.position = XL_LABEL_POSITION.ABOVE
    else:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END


def _axes(chart: Chart, plan: ChartPlan, number_format: str) -> None:
    data = plan.data
    values, categories = chart.value_axis, chart.category_axis
    if data.kind == "bar":  # the first category at the top, read as a list; values below
        categories.reverse_order = True
        values._element.get_or_add_crosses().val = XL_AXIS_CROSSES.MAXIMUM
    if not plan.axes:  # a small chart: its data labels say the values
        values.visible = False
        values.has_major_gridlines = False
        top = max(float(v) for _, series in data.series for v in series)
        if top > 0:  # room above the tallest bar for its label, inside the chart's frame
            values.maximum_scale = top * HEADROOM
            values.minimum_scale = min(0.0, *(float(v) for _, s in data.series for v in s))
        return
    lowest = min(float(v) for _, series in data.series for v in series)
    if data.kind in ("column", "bar") and lowest >= 0:
        values.minimum_scale = 0  # a bar's length is its value: it starts at zero
    if plan.step:
        values.major_unit = plan.step
    values.tick_labels.number_format = number_format
    values.tick_labels.number_format_is_linked = False
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    values.format.line.fill.background()
    for axis, title in ((categories, data.x_title), (values, data.y_title)):
        axis.has_title = bool(title)
        if title:
            axis.axis_title.text_frame.text = title


def _separate_lines(labels: BaseOxmlElement) -> None:
    """Category and value on two lines (PowerPoint's "(New Line)" separator), not "; "."""
    separator = OxmlElement("c:separator")
    separator.text = "\n"
    labels.find(qn("c:showBubbleSize")).addnext(separator)


def _fill(shape_format: object, index: int) -> None:
    fill = shape_format.fill  # type: ignore[attr-defined]
    fill.solid()
    _accent(fill.fore_color, index)


def _accent(color: ColorFormat, index: int) -> None:
    color.theme_color = ACCENTS[index % len(ACCENTS)]
