"""Chart slides and charted tiles: native charts with their workbook, styled from the theme."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_THEME_COLOR

from tests.compose.test_picture import HEAD
from tests.conftest import refused, write_deck
from tests.ooxml import assert_opens_cleanly

CHARTS = """\
  - title: PCT Filings
    chart:
      categories: [2016, 2017, 2018]
      series: {PCT: [43168, "48,882", 53345]}
      x_title: Year
      y_title: Applications
  - title: Madrid and Hague
    chart: {type: bar, data: filings.csv}
  - title: Trend
    chart: {type: line, categories: [a, b], series: {Share: [1.25, 2.5]}}
  - title: Shares
    chart: {type: pie, categories: [PCT, Madrid, Hague], series: {Filings: [53345, 6900, 4087]}}
"""
CSV = "Year,Madrid,Hague\n2017,4810,47\n2018,6900,87\n"


def _render(tmp_path: Path, text: str) -> Path:
    from wocdeck.pipeline import render

    (tmp_path / "filings.csv").write_text(CSV, encoding="utf-8")
    deck = write_deck(tmp_path, text)
    return render(deck, deck.with_suffix(".pptx")).output


def _charts(pptx: Path) -> list[tuple[int, Chart]]:
    return [
        (number, shape.chart)
        for number, slide in enumerate(Presentation(str(pptx)).slides, start=1)
        for shape in slide.shapes
        if shape.has_chart
    ]


def test_charts_have_their_chart_part_and_embedded_workbook(tmp_path: Path) -> None:
    pptx = _render(tmp_path, HEAD + CHARTS)
    charts = _charts(pptx)
    assert [n for n, _ in charts] == [2, 3, 4, 5]
    with zipfile.ZipFile(pptx) as package:
        names = package.namelist()
        assert sum(n.startswith("ppt/charts/chart") for n in names) == 4
        assert sum(n.startswith("ppt/embeddings/") and n.endswith(".xlsx") for n in names) == 4
    for _, chart in charts:
        workbook = chart.part.chart_workbook.xlsx_part
        assert workbook is not None  # "Edit Data" opens it
        with zipfile.ZipFile(io.BytesIO(workbook.blob)) as book:
            assert "xl/worksheets/sheet1.xml" in book.namelist()
    first = charts[0][1]
    assert list(first.plots[0].categories) == ["2016", "2017", "2018"]
    assert list(first.series[0].values) == [43168, 48882, 53345]
    assert [s.name for s in charts[1][1].series] == ["Madrid", "Hague"]  # from the CSV


def test_a_charts_workbook_is_dated_as_the_document_never_by_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for _, chart in _charts(_render(tmp_path, HEAD + CHARTS)):
        blob = chart.part.chart_workbook.xlsx_part.blob
        with zipfile.ZipFile(io.BytesIO(blob)) as book:
            core = book.read("docProps/core.xml").decode()
        assert re.findall(r"<dcterms:created[^>]*>([^<]*)<", core) == ["2018-09-27T09:00:00Z"]


def test_charts_take_theme_accents_labels_with_separators_titles_and_legends(
    tmp_path: Path,
) -> None:
    charts = [chart for _, chart in _charts(_render(tmp_path, HEAD + CHARTS))]
    xml = [chart._chartSpace.xml for chart in charts]
    column, bar, line, pie = charts
    assert re.findall(r'schemeClr val="(accent\d)"', xml[1])[:2] == ["accent1", "accent2"]
    assert re.findall(r'schemeClr val="(accent\d)"', xml[3])[:3] == [
        "accent1",
        "accent2",
        "accent3",
    ]  # a pie's slices in order
    assert 'formatCode="#,##0"' in xml[0] and 'formatCode="#,##0.00"' in xml[2]
    assert column.plots[0].has_data_labels and column.plots[0].data_labels.number_format == "#,##0"
    assert column.category_axis.axis_title.text_frame.text == "Year"
    assert column.value_axis.axis_title.text_frame.text == "Applications"
    assert bar.category_axis.axis_title.text_frame.text == "Year"  # the CSV's first heading
    assert [c.has_legend for c in charts] == [False, True, False, False]
    assert "srgbClr" not in "".join(xml)  # every colour a theme slot
    assert all(not chart.has_title for chart in charts)  # the slide's title says it
    assert bar.category_axis.reverse_order  # the first category at the top, as a list reads
    assert line.series[0].format.line.color.theme_color == MSO_THEME_COLOR.ACCENT_1
    assert pie.plots[0].data_labels.show_category_name  # a pie names its slices itself


def test_bars_start_at_zero_and_numbers_take_the_deck_languages_separators(
    tmp_path: Path,
) -> None:
    charts = [chart for _, chart in _charts(_render(tmp_path, HEAD + CHARTS))]
    assert [c.value_axis.minimum_scale for c in charts[:3]] == [0, 0, None]  # not the line
    french = [chart for _, chart in _charts(_render(tmp_path, "language: fr\n" + HEAD + CHARTS))]
    assert french[0].plots[0].data_labels.number_format == "[$-40C]#,##0"  # 33 745
    assert french[0].value_axis.tick_labels.number_format == "[$-40C]#,##0"


def test_a_chart_is_described_for_screen_readers(tmp_path: Path) -> None:
    pptx = _render(tmp_path, HEAD + CHARTS)
    frame = next(s for s in Presentation(str(pptx)).slides[1].shapes if s.has_chart)
    descr = frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0]
    assert descr == "Column chart, Applications, 2016–2018: PCT from 43,168 to 53,345"


def test_chart_decks_open_cleanly(tmp_path: Path) -> None:
    assert_opens_cleanly(_render(tmp_path, HEAD + CHARTS))


TILES = """\
focus:
  - name: Global IP Services
    achievements:
      - heading: Outcome
        points: [Requests for cooperation in ADR]
        metrics:
          - {label: PCT, value: 33745, period: Jan-Aug, previous: 31600}
          - {label: Hague, value: 87, previous: 47, versus: 2017 total}
"""


def test_a_change_is_computed_from_the_previous_value_with_the_tiles_wording(
    tmp_path: Path,
) -> None:
    pptx = _render(tmp_path, HEAD.replace("slides:\n", TILES))
    slide = Presentation(str(pptx)).slides[1]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert any("(Jan-Aug), growing by 6.8%" in t for t in texts), texts  # 31,600 → 33,745
    assert any("exceeding 2017 total by 85.1%" in t for t in texts), texts  # 47 → 87


HISTORY = TILES.replace(
    "          - {label: Hague, value: 87, previous: 47, versus: 2017 total}\n",
    "          - label: Hague\n            value: 87\n"
    "            history: {2015: 12, 2016: 41, 2017: 47}\n",
)


def test_a_metric_history_is_charted_beside_its_tile(tmp_path: Path) -> None:
    pptx = _render(tmp_path, HEAD.replace("slides:\n", HISTORY))
    slide = Presentation(str(pptx)).slides[1]
    (frame,) = [s for s in slide.shapes if s.has_chart]
    hague = next(s for s in slide.shapes if s.has_text_frame and s.text.startswith("Hague"))
    assert frame.left > hague.left + hague.width  # beside its tile, to the right
    assert frame.top == hague.top and frame.height == hague.height
    chart = frame.chart
    assert list(chart.plots[0].categories) == ["2015", "2016", "2017", "2018"]
    assert list(chart.series[0].values) == [12, 41, 47, 87]  # the tile's value, last
    assert chart.has_title and chart.chart_title.text_frame.text == "Hague"  # the tile's label
    assert not chart.value_axis.visible  # its labels say the values
    descr = frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0]
    assert descr == "Column chart, 2015–2018: Hague from 12 to 87"
    assert_opens_cleanly(pptx)


def test_a_metric_history_in_a_column_stands_under_its_tile(tmp_path: Path) -> None:
    slides = """\
  - title: Figures
    columns:
      - points: [Requests for cooperation in ADR]
      - tiles:
          - {label: Hague, value: 87, history: {2016: 41, 2017: 47}}
"""
    pptx = _render(tmp_path, HEAD + slides)
    slide = Presentation(str(pptx)).slides[1]
    (frame,) = [s for s in slide.shapes if s.has_chart]
    hague = next(s for s in slide.shapes if s.has_text_frame and s.text.startswith("Hague"))
    assert frame.left == hague.left and frame.top > hague.top + hague.height


def test_a_change_in_another_language_is_worded_as_tiles_are(tmp_path: Path) -> None:
    pptx = _render(tmp_path, "language: fr\n" + HEAD.replace("slides:\n", TILES))
    texts = [
        s.text_frame.text for s in Presentation(str(pptx)).slides[1].shapes if s.has_text_frame
    ]
    assert any("6,8\u00a0%" in t for t in texts), texts


def _error(tmp_path: Path, cli, text: str) -> str:
    (tmp_path / "filings.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "bad.csv").write_text("Year,PCT\n2017,n/a\n", encoding="utf-8")
    return refused(cli, write_deck(tmp_path, text))


@pytest.mark.parametrize(
    ("chart", "message"),
    [
        ("{categories: [a, b], series: {PCT: [1, x]}}", "9:51: error: 'x' is not a figure"),
        ("{categories: [a, b], series: {PCT: [1]}}", "the series 'PCT' has 1 value for 2"),
        ("{categories: [a, b], series: {PCT: []}}", "9:41: error: the series 'PCT' has no values"),
        ("{categories: [a], series: {PCT: [5%]}}", "a chart value is a plain number"),
        ("{type: pie, categories: [a], series: {A: [1], B: [2]}}", "a pie chart shows one series"),
        ("{type: pie, categories: [a], series: {A: [-1]}}", "cannot show the negative values"),
        ("{type: radar, categories: [a], series: {A: [1]}}", "should be 'column', 'bar', 'line'"),
        ("{data: filings.csv, series: {A: [1]}}", "not both"),
        ("{series: {A: [1]}}", "a chart needs its categories"),
        ("{categories: [a]}", "a chart needs data"),
        ("{data: nofile.csv}", "9:19: error: the data file nofile.csv does not exist"),
        ("{data: bad.csv}", "bad.csv:2: error: PCT: 'n/a' is not a figure"),
        ("{type: pie, data: filings.csv}", "a pie chart shows one series, found 2"),
    ],
)
def test_bad_chart_data_is_a_located_error(tmp_path: Path, cli, chart: str, message: str) -> None:
    assert message in _error(tmp_path, cli, f"{HEAD}  - title: T\n    chart: {chart}\n")


def test_a_bad_history_is_a_located_error(tmp_path: Path, cli) -> None:
    bad = HISTORY.replace("2016: 41", "2016: lots")
    assert "16:39: error: 'lots' is not a figure" in _error(
        tmp_path, cli, HEAD.replace("slides:\n", bad)
    )


def test_a_bad_previous_is_a_located_error(tmp_path: Path, cli) -> None:
    bad = TILES.replace("previous: 47", "previous: lots")
    assert "14:49: error: 'lots' is not a figure" in _error(
        tmp_path, cli, HEAD.replace("slides:\n", bad)
    )
    both = TILES.replace("previous: 31600}", 'previous: 31600, change: "+7%"}')
    assert "give either change: or previous:, not both" in _error(
        tmp_path, cli, HEAD.replace("slides:\n", both)
    )
    zero = TILES.replace("previous: 31600", "previous: 0")
    assert "a previous value of 0" in _error(tmp_path, cli, HEAD.replace("slides:\n", zero))
    units = TILES.replace("previous: 31600", "previous: 31600 visitors")
    assert "are not in the same unit" in _error(tmp_path, cli, HEAD.replace("slides:\n", units))


def test_a_pie_with_a_sliver_is_drawn_as_bars_and_said(tmp_path: Path, cli) -> None:
    pie = "  - title: Shares\n    chart: {type: pie, categories: [PCT, Madrid, Hague], "
    deck = tmp_path / "deck.yaml"
    deck.write_text(HEAD + pie + "series: {Filings: [53345, 6900, 87]}}\n", encoding="utf-8")
    code, out, _ = cli("render", deck)
    assert code == 0 and "pie chart drawn as a bar chart: Hague under 5% of the whole" in out
    (chart,) = [c for _, c in _charts(deck.with_suffix(".pptx"))]
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert cli("render", deck, "--strict")[0] == 1


def test_a_series_too_small_for_the_axis_is_said_and_crowded_labels_give_way_to_the_axis(
    tmp_path: Path, cli
) -> None:
    categories = list(range(2010, 2019))
    chart = (
        f"  - title: Filings\n    chart: {{type: column, categories: {categories}, series: "
        f"{{PCT: {[53345 + i for i in range(9)]}, Hague: {[40 + i for i in range(9)]}}}}}\n"
    )
    deck = tmp_path / "deck.yaml"
    deck.write_text(HEAD + chart, encoding="utf-8")
    code, out, _ = cli("render", deck)
    assert code == 0 and "chart series 'Hague' under 2% of the value axis" in out
    (drawn,) = [c for _, c in _charts(deck.with_suffix(".pptx"))]
    assert not drawn.plots[0].has_data_labels and drawn.value_axis.visible
