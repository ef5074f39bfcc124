"""Charts' alt text summarises their data in the deck's language; a CSV file's headings are
shown in a translation through `names:`, and named in a notice when they have no words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pptx import Presentation

from tests.compose.test_picture import HEAD
from tests.conftest import write_deck
from wocdeck.compose.wording import wording
from wocdeck.compose.wording.charts import chart_summary
from wocdeck.read.chart_data import ChartData
from wocdeck.read.languages import SUPPORTED

PCT = ChartData(
    "column",
    ("2014", "2015", "2016", "2017", "2018"),
    (("PCT", tuple(Decimal(v) for v in (25539, 29846, 43168, 48882, 53345))),),
    "Year",
    "Applications",
)
EXPECTED = {
    "en": "Column chart, Applications, 2014–2018: PCT from 25,539 to 53,345",
    "fr": "Graphique à colonnes, Applications, 2014–2018\u202f: PCT de 25\u202f539 à 53\u202f345",
    "zh": "柱形图，Applications，2014至2018：PCT从25,539到53,345",
    "es": "Gráfico de columnas, Applications, 2014–2018: PCT de 25.539 a 53.345",
    "ru": "Гистограмма, Applications, 2014–2018: PCT: с 25\xa0539 до 53\xa0345",
    "ar": "مخطط عمودي، Applications، 2014–2018: PCT من 25,539 إلى 53,345",
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_a_chart_is_summarised_in_the_deck_language(language: str) -> None:
    assert chart_summary(wording(language), PCT, "Applications") == EXPECTED[language]


@pytest.mark.parametrize("language", list(SUPPORTED))
def test_every_language_names_every_kind_of_chart(language: str) -> None:
    words = wording(language)
    kinds = {words.phrase(f"chart_{kind}") for kind in ("column", "bar", "line", "pie")}
    assert len(kinds) == 4
    assert words.number(Decimal(53345)) in chart_summary(words, PCT)


def test_a_peak_inside_the_span_is_named_and_a_pie_gives_each_slice() -> None:
    words = wording("en")
    peaked = ChartData("line", ("a", "b", "c"), (("Share", (Decimal(1), Decimal(9), Decimal(2))),))
    assert chart_summary(words, peaked) == "Line chart, a–c: Share from 1 to 2, highest 9 (b)"
    pie = ChartData(
        "pie", ("PCT", "Madrid"), (("Applications 2018", (Decimal(53345), Decimal(6900))),)
    )
    assert chart_summary(words, pie) == "Pie chart, Applications 2018: PCT 53,345; Madrid 6,900"


CSV = "Year,PCT,Hague\n2017,48882,4700\n2018,53345,8700\n"
DECK = (
    HEAD.replace("closing: Thank you.", "closing: {en: Thank you., fr: Merci.}")
    + """\
  - title: {en: Filings, fr: Dépôts}
    chart:
      data: filings.csv
      y_title: {en: Applications, fr: Demandes}
      names:
        fr: {Year: Année, Hague: La Haye}
  - title: {en: Shares, fr: Parts}
    chart:
      type: pie
      categories: [PCT, Madrid]
      series: {"2018": [53345, 6900]}
      alt: {en: PCT is most of the filings, fr: Le PCT domine les dépôts}
"""
)


def _charts(pptx: Path) -> list[tuple[str, object]]:
    return [
        (shape._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0], shape.chart)
        for slide in Presentation(str(pptx)).slides
        for shape in slide.shapes
        if shape.has_chart
    ]


def test_csv_headings_are_shown_through_names_and_the_rest_named_in_a_notice(
    tmp_path: Path,
) -> None:
    from wocdeck.pipeline import render

    (tmp_path / "filings.csv").write_text(CSV, encoding="utf-8")
    deck = write_deck(tmp_path, DECK)
    french = render(deck, tmp_path / "fr.pptx", language="fr")
    (described, chart), (alt, _) = _charts(french.output)
    assert [s.name for s in chart.series] == ["PCT", "La Haye"]
    assert chart.category_axis.axis_title.text_frame.text == "Année"
    assert described == (
        "Graphique à colonnes, Demandes, 2017–2018\u202f: "
        "PCT de 48\u202f882 à 53\u202f345\u202f; La Haye de 4\u202f700 à 8\u202f700"
    )
    assert alt == "Le PCT domine les dépôts"  # the editor's own alt text wins
    notes = [a.message for a in french.adjustments if "headings" in a.message]
    assert notes == [
        "chart headings 'PCT' of filings.csv have no 'fr' words, the file's are shown: "
        "add `names: {fr: {PCT: …}}` to the chart"
    ]
    english = render(deck, tmp_path / "en.pptx")
    (described, chart), (alt, _) = _charts(english.output)
    assert [s.name for s in chart.series] == ["PCT", "Hague"]  # the file's own words
    assert described.startswith("Column chart, Applications, 2017–2018: PCT from 48,882")
    assert alt == "PCT is most of the filings"
    assert not [a for a in english.adjustments if "headings" in a.message]
    assert not [n for n in english.notices if "names" in n.message]
