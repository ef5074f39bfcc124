"""The XLIFF a deck's texts go out as, and translations written back into the deck's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import write_deck
from wocdeck.errors import DeckError
from wocdeck.model.texts import translatable
from wocdeck.output.deck_edit import load_for_edit
from wocdeck.output.translation_export import Unit, xliff_bytes
from wocdeck.output.translation_import import import_units
from wocdeck.read.languages import select
from wocdeck.read.source import parse
from wocdeck.read.xliff import XliffFile, XliffUnit
from wocdeck.read.xliff_texts import deck_texts, text_hash

X = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_emphasis_goes_out_as_g_and_an_unpaired_mark_as_text() -> None:
    data = xliff_bytes(
        "deck.yaml",
        "en",
        "fr",
        [
            Unit("a", "**28** seminars and **29** events", None, "missing", "slide 2: a"),
            Unit("b", "5 ** 2", "5 ** 2", "translated", "slide 3: b"),
            Unit("c", " spaced  out", None, "missing", "slide 4: c"),
        ],
    )
    root = etree.fromstring(data)
    a, b, c = root.iter(f"{X}trans-unit")
    source = a.find(f"{X}source")
    assert [(g.get("ctype"), g.text, g.tail) for g in source] == [
        ("bold", "28", " seminars and "),
        ("bold", "29", " events"),
    ]
    assert a.find(f"{X}context-group/{X}context").text == text_hash(
        "**28** seminars and **29** events"
    )
    assert a.find(f"{X}note").text == "slide 2: a"
    assert (b.find(f"{X}source").text, len(b.find(f"{X}source"))) == ("5 ** 2", 0)
    assert b.find(f"{X}target").get("state") == "translated"
    assert c.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert c.find(f"{X}source").text == " spaced  out"


DECK = """\
event:
  office: WIPO Office
  title:
    en: Side-Event
    de: Nebenveranstaltung
  city: {en: Geneva, fr: Genf}
  date: 2018-09-27
  notes: >
    Welcome. This is the report

    of the office.
focus:
  - name: Outreach
    achievements:
      - heading: Outcome
        metrics:
          - {label: PCT, value: 33745, period: Jan-Aug}
"""


NOTES = "Welcome. This is the report\nof the office.\n"  # the folded notes as YAML reads them


def _imported(tmp_path: Path, text: str, targets: dict[str, str]) -> str:
    deck = write_deck(tmp_path, text)
    edit = load_for_edit(deck)
    texts = deck_texts(edit.source, translatable(), "fr")
    units = tuple(
        XliffUnit(t.id, t.source, targets[t.id], text_hash(t.source), 1)
        for t in texts
        if t.id in targets
    )
    result = import_units(edit, texts, XliffFile("x.xlf", "deck.yaml", "en", "fr", units, 1), "fr")
    assert sorted(result.written) == sorted(targets)
    return edit.result()


def test_each_form_of_value_takes_its_translation_where_it_stands(tmp_path: Path) -> None:
    targets = {
        "event.office": "Bureau de l'OMPI",
        "event.title": "Manifestation",
        "event.city": "Genève",
        "event.notes": "Bienvenue.",
        "focus[0].achievements[0].metrics[0].label": "PCT",
        "focus[0].achievements[0].metrics[0].period": "janv.-août",
    }
    text = _imported(tmp_path, DECK, targets)
    record = lambda source: f"  # from en {text_hash(source)}"  # noqa: E731
    assert text == (
        "event:\n"
        "  office:\n"
        "    en: WIPO Office\n"
        f'    fr: "Bureau de l\'OMPI"{record("WIPO Office")}\n'
        "  title:\n"
        "    en: Side-Event\n"
        "    de: Nebenveranstaltung\n"
        f"    fr: Manifestation{record('Side-Event')}\n"
        "  city: {en: Geneva, fr: Genève}\n"
        "  date: 2018-09-27\n"
        "  notes:\n"
        "    en: >\n"
        "      Welcome. This is the report\n"
        "\n"
        "      of the office.\n"
        f"    fr: Bienvenue.{record(NOTES)}\n"
        "focus:\n"
        "  - name: Outreach\n"
        "    achievements:\n"
        "      - heading: Outcome\n"
        "        metrics:\n"
        "          - {label: {en: PCT, fr: PCT}, value: 33745, "
        "period: {en: Jan-Aug, fr: janv.-août}}\n"
    )
    french = select(parse(text.encode(), "deck.yaml"), "fr", texts=translatable()).source.data
    english = select(parse(text.encode(), "deck.yaml"), "en", texts=translatable()).source.data
    assert english == select(parse(DECK.encode(), "deck.yaml"), texts=translatable()).source.data
    assert french["event"]["notes"] == "Bienvenue."
    assert french["event"]["office"] == "Bureau de l'OMPI"


def test_a_translation_imported_again_is_replaced_and_its_record_renewed(tmp_path: Path) -> None:
    first = _imported(tmp_path, DECK, {"event.office": "Bureau"})
    second = _imported(tmp_path, first, {"event.office": "Bureau de l'OMPI"})
    assert '    en: WIPO Office\n    fr: "Bureau de l\'OMPI"  # from en ' in second
    assert second.count("# from en") == 1
    assert second.replace('"Bureau de l\'OMPI"', "Bureau") == first


def test_a_translation_for_a_list_shorter_in_french_is_refused_at_it(tmp_path: Path) -> None:
    deck = write_deck(
        tmp_path,
        "event: {office: Office, title: T, date: 2018-09-27}\n"
        "year_ahead:\n  en: [One, Two]\n  fr: [Un]\n",
    )
    edit = load_for_edit(deck)
    texts = deck_texts(edit.source, translatable(), "fr")
    two = next(t for t in texts if t.id == "year_ahead[1]")
    unit = XliffUnit(two.id, "Two", "Deux", text_hash("Two"), 9)
    with pytest.raises(DeckError) as caught:
        import_units(edit, texts, XliffFile("x.xlf", "deck.yaml", "en", "fr", (unit,), 1), "fr")
    assert str(caught.value) == (
        f"{deck}:4:3: error: year_ahead has fewer items in 'fr' than in 'en', so where each "
        "translation goes is not known; nothing was written (give year_ahead the same items in "
        "every language, then import again)"
    )


def test_a_translation_written_as_a_block_is_replaced_up_to_its_end(tmp_path: Path) -> None:
    text = DECK.replace(
        "  city: {en: Geneva, fr: Genf}\n", "  city:\n    en: Geneva\n    fr: >\n      Genf\n"
    )
    assert "    fr: Genève\n  date: 2018-09-27\n" in _imported(
        tmp_path, text, {"event.city": "Genève"}
    )


def test_a_text_on_the_line_under_its_key_keeps_the_comment_after_the_key(tmp_path: Path) -> None:
    text = DECK.replace(
        "  office: WIPO Office\n", "  office:   # the door's sign\n    WIPO Office\n"
    )
    assert _imported(tmp_path, text, {"event.office": "Bureau"}).startswith(
        "event:\n  office:   # the door's sign\n    en: WIPO Office\n    fr: Bureau  # from en "
    )


CHARTS = """\
event: {office: Office, title: T, date: 2018-09-27}
slides:
  - title: Filings
    chart:
      type: column
      categories: [PCT, Madrid]
      series:
        Applications 2018: [53345, 6900]
        Applications 2017: [48882, 4810]
  - title: Pie
    chart:
      type: pie
      categories: [PCT, Madrid]
      series: {Applications 2018: [53345, 6900]}   # one series
"""


def test_series_names_go_into_names_and_the_figures_stay_once(tmp_path: Path) -> None:
    names = {
        'slides[0].chart.series["Applications 2018"]': "Demandes 2018",
        'slides[0].chart.series["Applications 2017"]': "Demandes 2017",
        'slides[1].chart.series["Applications 2018"]': "Demandes 2018",
    }
    text = _imported(tmp_path, CHARTS, names)
    assert text == CHARTS.replace(
        "        Applications 2017: [48882, 4810]\n",
        "        Applications 2017: [48882, 4810]\n"
        "      names: {fr: {Applications 2018: Demandes 2018, Applications 2017: Demandes 2017}}\n",
    ).replace(
        "# one series\n", "# one series\n      names: {fr: {Applications 2018: Demandes 2018}}\n"
    )
    renamed = _imported(tmp_path, text, {'slides[1].chart.series["Applications 2018"]': "D"})
    assert renamed == text.replace(
        "{fr: {Applications 2018: Demandes 2018}}\n", "{fr: {Applications 2018: D}}\n"
    )


def test_a_names_block_takes_a_new_language_or_a_new_heading_in_its_style(tmp_path: Path) -> None:
    with_names = CHARTS.replace(
        "# one series\n",
        "# one series\n      names:\n        de:\n          Applications 2018: Anmeldungen\n",
    )
    text = _imported(tmp_path, with_names, {'slides[1].chart.series["Applications 2018"]': "D"})
    assert text.endswith(
        "          Applications 2018: Anmeldungen\n        fr: {Applications 2018: D}\n"
    )
    block = with_names.replace(
        "de:\n          Applications 2018: Anmeldungen", "fr:\n          Other: Autre"
    )
    text = _imported(tmp_path, block, {'slides[1].chart.series["Applications 2018"]': "D"})
    assert text.endswith("          Other: Autre\n          Applications 2018: D\n")


def test_series_given_per_language_are_renamed_in_place(tmp_path: Path) -> None:
    per_language = CHARTS.replace(
        "{Applications 2018: [53345, 6900]}   # one series",
        "{en: {Applications 2018: [53345, 6900]}, fr: {Demandes: [53345, 6900]}}",
    )
    text = _imported(tmp_path, per_language, {'slides[1].chart.series["Applications 2018"]': "D"})
    assert text == per_language.replace("fr: {Demandes: [", "fr: {D: [")


def test_series_given_in_the_decks_language_only_take_names_too(tmp_path: Path) -> None:
    english = CHARTS.replace("series: {Applications 2018", "series: {en: {Applications 2018")
    english = english.replace("[53345, 6900]}   #", "[53345, 6900]}}   #")
    text = _imported(tmp_path, english, {'slides[1].chart.series["Applications 2018"]': "D"})
    assert text == english + "      names: {fr: {Applications 2018: D}}\n"
