"""Which values are text: only those are asked for a translation, and lists that differ."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.conftest import write_deck

# Every text is translated; files, kinds, places, figures, years and dates are written once.
DECK = """\
language: en
event:
  office: {en: WIPO Office in China, fr: Bureau de l’OMPI en Chine}
  acronym: {en: WIPO, fr: OMPI}
  title: {en: Side-Event, fr: Manifestation parallèle}
  date: 2018-09-27
about: {established: 2014-07-10, location: {en: Beijing, fr: Pékin}}
focus:
  - name: {en: Outreach, fr: Sensibilisation}
    goal: 8
    aims: {en: [Reach the provinces], fr: [Atteindre les provinces]}
    achievements:
      - heading: {en: Outcome, fr: Résultats}
        metrics:
          - label: {en: Applications, fr: Demandes}
            value: 33745
            previous: 31600
            history: {2016: 30100, 2017: 31600}
year_ahead: {en: [Continue outreach], fr: [Poursuivre la sensibilisation]}
closing: {en: Thank you., fr: Merci.}
slides:
  - title: {en: The office, fr: Le bureau}
    after: about
    picture: {file: photo.png, alt: {en: The office building, fr: Le bâtiment du bureau}}
  - title: {en: Figures, fr: Chiffres}
    before: closing
    table: {csv: figures.csv, total: yes}
  - title: {en: Trend, fr: Tendance}
    after: year_ahead
    chart: {type: line, data: trend.csv, names: {fr: {Year: Année, Filings: Dépôts}}}
  - title: {en: Cities, fr: Villes}
    after: year_ahead
    table:
      columns: {en: [City, Seminars], fr: [Ville, Séminaires]}
      rows:
        - [{en: Beijing, fr: Pékin}, "12"]
        - [{en: Shanghai, fr: Shanghai}, "1,200"]
"""


def _line(text: str, needle: str) -> int:
    """The line of the deck text on which needle is."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _deck(folder: Path, text: str = DECK) -> Path:
    Image.new("RGB", (40, 30), "white").save(folder / "photo.png")
    (folder / "figures.csv").write_text("Year,Seminars\n2017,12\n2018,15\n", encoding="utf-8")
    (folder / "trend.csv").write_text("Year,Filings\n2017,100\n2018,120\n", encoding="utf-8")
    return write_deck(folder, text)


def test_values_that_are_not_text_are_never_asked_for_a_translation(cli, tmp_path: Path) -> None:
    deck = _deck(tmp_path)
    code, out, err = cli("validate", deck, "--lang", "fr")
    assert code == 0, err
    assert f"{deck} [fr]: ok" in out
    assert "notice" not in err, err
    code, out, err = cli("validate", deck, "--lang", "fr", "--strict")
    assert code == 0, err


def test_a_total_label_is_translated_but_its_switch_is_not(cli, tmp_path: Path) -> None:
    _changed_then_noticed(
        cli,
        _deck(tmp_path, DECK.replace("total: yes", "total: Five years")),
        "total: Five years",
        "slides[1].table.total (slide entry 2) has no 'fr' text; the 'en' text is used",
    )


def test_untranslated_text_still_gets_its_notice(cli, tmp_path: Path) -> None:
    text = DECK.replace("{en: Trend, fr: Tendance}", "Trend")
    deck, line = _deck(tmp_path, text), _line(text, "title: Trend")
    _only_notice_then_error(
        cli,
        f"{deck}:{line}:5",
        "slides[2].title (slide entry 3) has no 'fr' text; the 'en' text is used",
        "add fr: … to translate it",
    )


def test_a_file_given_per_language_is_an_error_saying_it_is_the_same_in_every_language(
    cli, tmp_path: Path
) -> None:
    deck = _deck(tmp_path, DECK.replace("file: photo.png", "file: {en: photo.png, fr: photo.png}"))
    code, _, err = cli("validate", deck)
    assert code == 1
    line = _line(DECK, "photo.png")
    assert (
        f"{deck}:{line}:15: error: slides[0].picture.file (slide entry 1) is the same in every "
        "language: it is "
        "not given per language (write `file: …` once, without language codes)"
    ) in err
    assert "Traceback" not in err


def test_a_place_given_per_language_is_an_error(cli, tmp_path: Path) -> None:
    deck = _deck(tmp_path, DECK.replace("after: about", "after: {en: about, fr: about}"))
    code, _, err = cli("validate", deck, "--lang", "fr")
    assert code == 1
    line = _line(DECK, "after: about")
    assert f"{deck}:{line}:5: error: slides[0].after (slide entry 1) is the same in every" in err


def test_a_list_with_fewer_items_in_one_language_is_a_notice_naming_both_counts(
    cli, tmp_path: Path
) -> None:
    shorter = DECK.replace(
        "year_ahead: {en: [Continue outreach], fr: [Poursuivre la sensibilisation]}",
        "year_ahead:\n  en: [Continue outreach, Join Hague, Train examiners]\n"
        "  fr: [Poursuivre la sensibilisation, Adhérer à La Haye]",
    )
    deck, line = _deck(tmp_path, shorter), _line(shorter, "  fr: [Poursuivre")
    _only_notice_then_error(
        cli,
        f"{deck}:{line}:3",
        "year_ahead has 2 items in 'fr' but 3 items in 'en'",
        "give the same items in every language, or check none is missing",
    )


def _only_notice_then_error(cli, where: str, message: str, hint: str) -> None:
    """`validate --lang fr` prints this one notice and passes; with --strict it is an error."""
    deck = where.rsplit(":", 2)[0]
    code, _, err = cli("validate", deck, "--lang", "fr")
    assert code == 0
    assert err.splitlines() == [f"{where}: notice: {message} ({hint})"]
    code, _, err = cli("validate", deck, "--lang", "fr", "--strict")
    assert code == 1
    assert f"{where}: error: {message}" in err


SERIES = """\
language: en
event: {office: {en: A, fr: B}, title: {en: C, fr: D}, date: 2018-09-27}
slides:
  - title: {en: Filings, fr: Dépôts}
    chart: {type: column, categories: ["2016", "2017"], series: {Applications: [1, 2]}}
"""


def test_a_series_name_written_in_the_deck_gets_the_chart_headings_notice(
    cli, tmp_path: Path
) -> None:
    english_only = SERIES.replace("{Applications: [1, 2]}", "{en: {Applications: [1, 2]}}")
    for text in (SERIES, english_only):
        _series_notice(cli, write_deck(tmp_path, text))


def _series_notice(cli, deck: Path) -> None:
    code, out, err = cli("validate", deck, "--lang", "fr")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"{deck}:4: slide 2 \"Dépôts\": chart series names 'Applications' have no "
        "'fr' words, the deck's are shown: add `names: {fr: {Applications: …}}` to the chart"
    )
    code, _, err = cli("validate", deck, "--lang", "fr", "--strict")
    assert code == 1
    assert "error: slide 2 \"Dépôts\": chart series names 'Applications' have no 'fr'" in err
    code, out, _ = cli("translate", "status", deck)
    assert "1 missing" in out and "missing: slides[0].chart.series.Applications" in out


def test_a_series_name_translated_in_names_or_per_language_is_quiet(cli, tmp_path: Path) -> None:
    named = SERIES.replace("[1, 2]}}", "[1, 2]}, names: {fr: {Applications: Demandes}}}")
    per_language = SERIES.replace(
        "{Applications: [1, 2]}", "{en: {Applications: [1, 2]}, fr: {Demandes: [1, 2]}}"
    )
    english_only = named.replace("{Applications: [1, 2]}", "{en: {Applications: [1, 2]}}")
    for text in (named, per_language, english_only):
        deck = write_deck(tmp_path, text)
        code, _, err = cli("validate", deck, "--lang", "fr", "--strict")
        assert (code, err) == (0, ""), text
        code, out, _ = cli("translate", "status", deck)
        assert f"{deck} in 'fr': 4 translated, 0 missing, 0 stale of 4 texts" in out, text


def test_an_untranslated_table_cell_is_named_as_the_xliff_names_it(cli, tmp_path: Path) -> None:
    _changed_then_noticed(
        cli,
        _deck(tmp_path, DECK.replace("[{en: Beijing, fr: Pékin}", "[Beijing")),
        "[Beijing",
        "slides[3].table.rows[0][0] (slide entry 4, table row 1, cell 1) has no 'fr' text; "
        "the 'en' text is used",
    )


def test_an_untranslated_list_names_its_first_text_and_counts_the_rest(cli, tmp_path: Path) -> None:
    text = DECK.replace(
        "aims: {en: [Reach the provinces], fr: [Atteindre les provinces]}",
        'aims: ["2018", Reach the provinces, Train examiners, Open a library]',
    )
    _changed_then_noticed(
        cli,
        _deck(tmp_path, text),
        "Reach the provinces, Train",
        "focus[0].aims[1] (focus area 1, aim 2) has no 'fr' text, nor have 2 more in "
        "focus[0].aims; the 'en' text is used",
    )


def _changed_then_noticed(cli, deck: Path, needle: str, message: str) -> None:
    """The deck's only notice in French is message, located at needle (without its "[")."""
    text = deck.read_text(encoding="utf-8")
    line = _line(text, needle)
    column = text.splitlines()[line - 1].index(needle.lstrip("[")) + 1
    _only_notice_then_error(cli, f"{deck}:{line}:{column}", message, "add fr: … to translate it")


def test_closing_yes_and_total_no_are_switches_never_asked_for_words(cli, tmp_path: Path) -> None:
    """`closing: yes` is the language's own closing line, `closing: no` no closing slide, and
    `total: no` no total row: none of them is text to translate."""
    from pptx import Presentation

    text = DECK.replace("closing: {en: Thank you., fr: Merci.}", "closing: yes")
    deck = _deck(tmp_path, text.replace("total: yes", "total: no"))
    code, _, err = cli("validate", deck, "--lang", "fr", "--strict")
    assert code == 0, err
    code, _, err = cli("translate", "export", deck, "--lang", "fr")
    assert code == 0, err
    units = deck.with_suffix(".fr.xlf").read_text(encoding="utf-8")
    assert ">yes<" not in units and ">no<" not in units
    code, _, err = cli("render", deck, "--lang", "fr", "-o", tmp_path / "fr.pptx")
    assert code == 0, err
    last = list(Presentation(tmp_path / "fr.pptx").slides)[-1]
    assert "Merci de votre attention." in [
        s.text_frame.text for s in last.shapes if s.has_text_frame
    ]
    free = text.replace("    before: closing\n", "")  # a free slide's default place: the end
    code, _, err = cli("render", _deck(tmp_path, free.replace("closing: yes", "closing: no")))
    assert code == 0, err
    slides = list(Presentation(deck.with_suffix(".pptx")).slides)
    assert len(slides) == len(Presentation(tmp_path / "fr.pptx").slides) - 1  # no closing
    assert slides[-1].shapes.title.text == "Figures"  # the free slide kept, at the end
