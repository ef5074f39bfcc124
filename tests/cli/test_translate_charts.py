"""A chart's names in a translation: the series written in the deck translated in its `names:`
(the figures written once), a CSV file's headings in its translated file."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests import pdfcheck
from tests.cli.test_translate import X, translate_all, units
from tests.conftest import write_deck
from tests.ooxml import assert_opens_cleanly

SERIES_DECK = """\
event: {office: {en: A, fr: B}, title: {en: C, fr: D}, date: 2018-09-27}
slides:
  - title: {en: Filings, fr: Dépôts}
    chart:
      type: column   # the figures are written once
      categories: ["2017", "2018"]
      series:
        Applications 2018: [53345, 6900]
        Applications 2017: [48882, 4810]
  - title: {en: Pie, fr: Camembert}
    chart: {type: pie, categories: {en: [PCT, Madrid], fr: [PCT, Madrid]}, series: {Hague: [8, 92]}}
"""


def test_series_names_go_into_names_never_into_a_copy_of_the_figures(
    cli, renderer, tmp_path: Path
) -> None:
    deck = write_deck(tmp_path, SERIES_DECK)
    code, _, err = cli("translate", "export", deck, "--lang", "fr")
    assert code == 0, err
    xlf = tmp_path / "deck.fr.xlf"
    assert list(units(xlf)) == [
        'slides[0].chart.series["Applications 2018"]',
        'slides[0].chart.series["Applications 2017"]',
        "slides[1].chart.series.Hague",
    ]
    names = {"Applications 2018": "Demandes 2018", "Applications 2017": "Demandes 2017"}
    translate_all(xlf, lambda n, text: names.get(text, "La Haye"))
    code, _, err = cli("translate", "import", deck, xlf)
    assert code == 0, err
    assert deck.read_text(encoding="utf-8") == SERIES_DECK.replace(
        "        Applications 2017: [48882, 4810]\n",
        "        Applications 2017: [48882, 4810]\n"
        "      names: {fr: {Applications 2018: Demandes 2018, Applications 2017: Demandes 2017}}\n",
    ).replace("{Hague: [8, 92]}}", "{Hague: [8, 92]}, names: {fr: {Hague: La Haye}}}")
    assert deck.read_text(encoding="utf-8").count("53345") == 1
    code, out, _ = cli("translate", "status", deck)
    assert out.startswith(f"{deck} in 'fr': 9 translated, 0 missing, 0 stale of 9 texts")
    code, _, err = cli("translate", "export", deck, "--lang", "fr", "--all-texts")
    target = units(xlf)["slides[1].chart.series.Hague"].find(f"{X}target")
    assert (target.text, target.get("state")) == ("La Haye", "translated")
    # a translation changed by the translator replaces the one in names:, in place
    translate_all(xlf, lambda n, text: "Haye" if text == "Hague" else names.get(text, text))
    code, _, err = cli("translate", "import", deck, xlf)
    assert code == 0, err
    assert "names: {fr: {Hague: Haye}}}" in deck.read_text(encoding="utf-8")
    code, _, err = cli("validate", deck, "--strict", "--lang", "fr")
    assert code == 0, err
    code, _, err = cli("render", deck, "--lang", "fr")
    assert code == 0, err
    pptx = tmp_path / "deck.fr.pptx"
    assert_opens_cleanly(pptx)
    charts = [s.chart for slide in Presentation(pptx).slides for s in slide.shapes if s.has_chart]
    assert [[s.name for s in c.plots[0].series] for c in charts] == [
        ["Demandes 2018", "Demandes 2017"],
        ["Haye"],
    ]
    pages = pdfcheck.convert([pptx])[pptx]
    assert "Demandes" in " ".join(w.text for page in pages for w in page.words)


def test_a_chart_drawn_from_its_translated_csv_has_no_headings_notice(cli, tmp_path) -> None:
    deck = write_deck(
        tmp_path,
        "event: {office: {en: A, fr: B}, title: {en: C, fr: D}, date: 2018-09-27}\n"
        "slides:\n  - title: {en: Trend, fr: Tendance}\n"
        "    chart: {type: line, data: trend.csv}\n",
    )
    (tmp_path / "trend.csv").write_text("Year,PCT,Madrid\n2017,31600,3000\n2018,33745,3571\n")
    code, out, _ = cli("validate", deck, "--lang", "fr")
    assert "chart headings 'Year', 'PCT', 'Madrid' of trend.csv have no 'fr' words" in out
    (tmp_path / "trend.fr.csv").write_text("Année,PCT,MADRID\n2017,31600,3000\n2018,33745,3571\n")
    code, out, _ = cli("translate", "status", deck)
    assert out.startswith(f"{deck} in 'fr': 6 translated, 0 missing, 0 stale of 6 texts")
    code, out, err = cli("validate", deck, "--strict", "--lang", "fr")
    assert code == 0, err
    assert "headings" not in out


def test_a_csv_file_outside_the_decks_folder_is_not_read_for_export(cli, tmp_path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.csv").write_text("Secret,Figure\nPassword,1\n", encoding="utf-8")
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "figures.csv").symlink_to(outside / "private.csv")
    deck = write_deck(
        folder,
        "event: {office: A, title: C, date: 2018-09-27}\n"
        "slides:\n  - title: Figures\n    table: {csv: figures.csv}\n",
    )
    code, _, err = cli("translate", "export", deck, "--lang", "fr", "--all-texts")
    assert code == 0, err
    found = units(folder / "deck.fr.xlf")
    assert "slides[0].title" in found
    assert not [unit for unit in found if unit.startswith("figures.csv")]  # a link out: unread
