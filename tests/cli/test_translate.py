"""The translators' loop: translate export → a CAT tool's edit → translate import → render."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from lxml import etree
from pptx import Presentation

from tests import pdfcheck
from tests.conftest import write_deck
from tests.ooxml import assert_opens_cleanly

NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"


def translate_all(xlf: Path, translate=lambda unit, text: f"Zq{unit} {text}") -> dict[str, str]:
    """Fill every unit's target as a CAT tool does: a copy of the source, its inline markup
    kept, its text translated; returns each unit's id and its translation's first words."""
    tree = etree.parse(str(xlf))
    done = {}
    for number, unit in enumerate(tree.iter(f"{X}trans-unit")):
        source = unit.find(f"{X}source")
        target = unit.find(f"{X}target")
        if target is not None:
            unit.remove(target)
        target = copy.deepcopy(source)
        target.tag = f"{X}target"
        target.set("state", "translated")
        target.text = translate(number, target.text or "")
        source.addnext(target)
        done[unit.get("id")] = f"Zq{number}"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    return done


def units(xlf: Path) -> dict[str, etree._Element]:
    """The trans-units of an XLIFF file by id (parsed with lxml, namespaces checked)."""
    root = etree.parse(str(xlf)).getroot()
    assert root.tag == f"{X}xliff" and root.get("version") == "1.2"
    return {unit.get("id"): unit for unit in root.iter(f"{X}trans-unit")}


def test_seed_export_edit_import_renders_every_translation(cli, renderer, seed_copy: Path) -> None:
    before = seed_copy.read_text(encoding="utf-8")
    code, out, err = cli("translate", "export", seed_copy, "--lang", "fr")
    assert code == 0, err
    xlf = seed_copy.with_suffix(".fr.xlf")
    assert f"wrote {xlf}: 63 texts to translate into 'fr'" in out
    done = translate_all(xlf)
    code, out, err = cli("translate", "import", seed_copy, xlf)
    assert code == 0, err
    assert f"wrote 63 'fr' translations into {seed_copy}" in out
    code, _, err = cli("validate", seed_copy, "--strict", "--lang", "fr")
    assert code == 0, err
    code, _, err = cli("render", seed_copy, "--lang", "fr")
    assert code == 0, err
    pptx = seed_copy.with_name("deck.fr.pptx")
    assert_opens_cleanly(pptx)
    pages = pdfcheck.convert([pptx])[pptx]
    drawn = " ".join(word.text for page in pages for word in page.words)
    shown = {i: mark for i, mark in done.items() if not i.endswith("notes")}  # notes: not drawn
    assert [i for i, mark in shown.items() if not re.search(rf"\b{mark}\b", drawn)] == []
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(pptx).slides]
    assert any(text.startswith(done["event.notes"]) for text in notes)
    # emphasis survives: the French slide's "**28** seminars" has a bold 28
    runs = [
        run
        for slide in Presentation(pptx).slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert any(run.text == "28" and run.font.bold for run in runs)
    assert any(run.text.startswith(" seminars") and not run.font.bold for run in runs)
    _only_translations_added(before, seed_copy.read_text(encoding="utf-8"))


def _only_translations_added(before: str, after: str) -> None:
    """The deck file after an import is the one before with translations added: without its
    `fr:` values and the `en:` keys that now hold the deck's text it reads word for word the
    same, and its comments and blank lines are the same."""
    kept = re.sub(r"\n *fr: .*  # from en [0-9a-f]{12}(?=\n)", "", after)  # block translations
    kept = re.sub(r", fr: (\"(?:[^\"\\\\]|\\\\.)*\"|[^,{}]*)\}", "}", kept)  # flow ones
    kept = re.sub(r"\{en: ([^{}]*)\}", r"\1", kept)
    kept = re.sub(r"(?<=[:-] )en: |(?<=\n) *en: ", "", kept)
    assert kept.split() == before.split()

    def shape(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.strip() or "#" in line]

    assert [line.strip() for line in shape(before)] == [
        line.strip() for line in shape(after) if "# from en" not in line
    ]


def test_export_has_one_unit_per_text_with_emphasis_notes_and_hashes(cli, seed_copy) -> None:
    code, _, err = cli("translate", "export", seed_copy, "--lang", "fr", "-o", "out.xlf")
    assert code == 0, err
    found = units(Path("out.xlf"))
    Path("out.xlf").unlink()
    assert "focus[1].achievements[0].points[0]" in found
    assert "event.date" not in found and "focus[0].goal" not in found  # not text
    unit = found["focus[1].achievements[0].points[0]"]
    source = unit.find(f"{X}source")
    assert source.text == "Organizing "
    [bold] = source
    assert (bold.tag, bold.get("ctype"), bold.text, bold.tail) == (
        f"{X}g",
        "bold",
        "28",
        " seminars, training workshops and roundtables",
    )
    assert unit.find(f"{X}target") is None
    note = unit.find(f"{X}note").text
    assert note.startswith("slide 7: focus[1].achievements[0].points[0] (deck.yaml, line ")


def test_export_default_is_missing_and_stale_all_texts_adds_the_rest(cli, tmp_path) -> None:
    deck = write_deck(
        tmp_path,
        "event:\n  office: {en: WIPO Office, fr: Bureau de l'OMPI}\n  title: Side-Event\n"
        "  date: 2018-09-27\n",
    )
    code, out, err = cli("translate", "export", deck, "--lang", "fr")
    assert code == 0, err
    assert "1 texts to translate into 'fr' (0 translated, 1 missing, 0 stale)" in out
    assert list(units(tmp_path / "deck.fr.xlf")) == ["event.title"]
    code, out, err = cli("translate", "export", deck, "--lang", "fr", "--all-texts")
    assert code == 0, err
    found = units(tmp_path / "deck.fr.xlf")
    target = found["event.office"].find(f"{X}target")
    assert (target.text, target.get("state")) == ("Bureau de l'OMPI", "translated")


SMALL = """\
# the office's deck
event:
  office: WIPO Office   # as on the door
  title: {en: Side-Event}
  date: 2018-09-27

focus:
  - name:
      en: Outreach
    aims: {en: [Reach the provinces, "Work with **20** cities"]}
"""


def test_import_writes_in_place_keeping_comments_blank_lines_and_forms(cli, tmp_path) -> None:
    deck = write_deck(tmp_path, SMALL)
    cli("translate", "export", deck, "--lang", "fr")
    xlf = tmp_path / "deck.fr.xlf"
    translate_all(xlf, lambda n, text: "Travailler avec " if text == "Work with " else "T" + text)
    code, _, err = cli("translate", "import", deck, xlf)
    assert code == 0, err
    text = deck.read_text(encoding="utf-8")
    assert text.startswith("# the office's deck\nevent:\n  office:\n    en: WIPO Office")
    assert "# as on the door" in text
    assert "  title: {en: Side-Event, fr: TSide-Event}\n  date: 2018-09-27\n\nfocus:\n" in text
    assert "      en: Outreach\n      fr: TOutreach  # from en " in text
    assert 'aims: {en: [Reach the provinces, "Work with **20** cities"], fr: ' in text
    assert '[TReach the provinces, "Travailler avec **20** cities"]}' in text
    code, _, err = cli("validate", deck, "--strict", "--lang", "fr")
    assert code == 0, err


def test_a_text_changed_since_export_refuses_the_whole_import(cli, seed_copy: Path) -> None:
    cli("translate", "export", seed_copy, "--lang", "fr")
    xlf = seed_copy.with_suffix(".fr.xlf")
    translate_all(xlf)
    changed = seed_copy.read_text(encoding="utf-8").replace("city: Geneva", "city: Genève")
    seed_copy.write_text(changed, encoding="utf-8")
    code, _, err = cli("translate", "import", seed_copy, xlf)
    assert code == 1
    line = next(n for n, t in enumerate(xlf.read_text().splitlines(), 1) if '"event.city"' in t)
    assert err.startswith(
        f"{xlf}:{line}: error: 'event.city' was translated from a text that has changed in the "
        "deck since (now: 'Genève') (export again and have the changed texts translated: "
        "nothing was written)"
    )
    assert seed_copy.read_text(encoding="utf-8") == changed


def test_status_counts_translated_missing_and_stale(cli, seed_copy: Path) -> None:
    code, out, _ = cli("translate", "status", seed_copy)
    assert (code, out.splitlines()[0]) == (
        0,
        f"{seed_copy}: every text is in 'en' only; nothing is translated yet",
    )
    cli("translate", "export", seed_copy, "--lang", "fr")
    done = translate_all(seed_copy.with_suffix(".fr.xlf"))
    cli("translate", "import", seed_copy, seed_copy.with_suffix(".fr.xlf"))
    text = seed_copy.read_text(encoding="utf-8").replace("en: Geneva", "en: Genève")
    text = re.sub(rf"\n +fr: {done['focus[1].name']} .*", "", text)  # one translation deleted
    seed_copy.write_text(text, encoding="utf-8")
    code, out, err = cli("translate", "status", seed_copy)
    assert code == 0, err
    assert (
        out.splitlines()[0] == f"{seed_copy} in 'fr': 61 translated, 1 missing, 1 stale of 63 texts"
    )
    assert "  missing: focus[1].name" in out and "  stale: event.city" in out
    code, out, _ = cli("translate", "status", seed_copy, "--format", "json")
    found = json.loads(out)
    assert (found["translated"], found["missing"], found["stale"]) == (61, 1, 1)
    assert (found["missing_fields"], found["stale_fields"]) == (["focus[1].name"], ["event.city"])
    code, out, _ = cli("translate", "export", seed_copy, "--lang", "fr")
    assert "2 texts to translate into 'fr' (0 translated, 1 missing, 1 stale)" in out
    target = units(seed_copy.with_suffix(".fr.xlf"))["event.city"].find(f"{X}target")
    assert (target.text, target.get("state")) == ("Zq3 Geneva", "needs-review-translation")


def test_an_xliff_for_another_deck_or_language_is_refused(cli, seed_copy: Path) -> None:
    cli("translate", "export", seed_copy, "--lang", "fr")
    xlf = seed_copy.with_suffix(".fr.xlf")
    text = xlf.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "<file " in t)
    xlf.write_text(text.replace('original="deck.yaml"', 'original="other.yaml"'), "utf-8")
    code, _, err = cli("translate", "import", seed_copy, xlf)
    assert (code, err.splitlines()[0]) == (
        1,
        f"{xlf}:{line}: error: this XLIFF file was exported from other.yaml, not from deck.yaml "
        f"(export it again: wocdeck translate export {seed_copy} --lang LANG)",
    )
    xlf.write_text(text.replace('source-language="en"', 'source-language="de"'), "utf-8")
    code, _, err = cli("translate", "import", seed_copy, xlf)
    assert code == 1
    assert "error: this XLIFF file translates from 'de', but the deck is written in 'en'" in err
    xlf.write_text(text.replace('target-language="fr"', 'target-language="fr-CA"'), "utf-8")
    translate_all(xlf)
    code, out, err = cli("translate", "import", seed_copy, xlf)
    assert code == 0, err
    assert "wrote 63 'fr' translations" in out  # a region's code is its language's
    code, _, err = cli("translate", "export", seed_copy, "--lang", "en")
    assert (code, err.strip()) == (
        1,
        f"{seed_copy}:4:1: error: the deck is written in 'en' already (name the language to "
        "translate into, e.g. --lang fr)",
    )


def test_units_whose_field_is_gone_are_reported_and_the_rest_written(cli, tmp_path) -> None:
    deck = write_deck(
        tmp_path, "event:\n  office: Office\n  title: Side-Event\n  date: 2018-09-27\n"
    )
    cli("translate", "export", deck, "--lang", "fr")
    xlf = tmp_path / "deck.fr.xlf"
    translate_all(xlf)
    deck.write_text("event:\n  office: Office\n  date: 2018-09-27\n", encoding="utf-8")
    code, out, err = cli("translate", "import", deck, xlf)
    assert code == 0, err
    line = next(n for n, t in enumerate(xlf.read_text().splitlines(), 1) if '"event.title"' in t)
    assert err.strip() == (
        f"{xlf}:{line}: notice: 'event.title' is no longer in the deck; its translation was not "
        "written"
    )
    assert out.startswith(f"wrote 1 'fr' translations into {deck}\n")
    assert "office:\n    en: Office\n    fr: Zq0 Office  # from en " in deck.read_text("utf-8")


CSV_DECK = """\
event: {office: Office, title: Side-Event, date: 2018-09-27}
slides:
  - title: Seminars
    table: {csv: figures.csv}
  - title: Filings
    chart: {type: column, data: trend.csv, y_title: Filings}
"""


def test_csv_texts_go_into_a_translated_csv_the_french_deck_draws(cli, renderer, tmp_path) -> None:
    deck = write_deck(tmp_path, CSV_DECK)
    (tmp_path / "figures.csv").write_text('City;Seminars\nBeijing;12\nShanghai;"1,200"\n')
    (tmp_path / "trend.csv").write_text("Year,PCT,Madrid\n2017,31600,3000\n2018,33745,3571\n")
    code, out, err = cli("translate", "export", deck, "--lang", "fr")
    assert code == 0, err
    found = units(tmp_path / "deck.fr.xlf")
    cells = [i for i in found if ".csv!" in i]
    assert cells == [
        "figures.csv!A1",
        "figures.csv!B1",
        "figures.csv!A2",
        "figures.csv!A3",
        "trend.csv!A1",
        "trend.csv!B1",
        "trend.csv!C1",
    ]
    assert (
        found["figures.csv!A2"].find(f"{X}note").text
        == "slide 2: figures.csv!A2 (deck.yaml, line 4)"
    )
    names = {"City": "Ville", "Seminars": "Séminaires", "Beijing": "Pékin", "Year": "Année"}
    translate_all(tmp_path / "deck.fr.xlf", lambda n, text: names.get(text, text.upper()))
    code, out, err = cli("translate", "import", deck, tmp_path / "deck.fr.xlf")
    assert code == 0, err
    assert (tmp_path / "figures.fr.csv").read_text("utf-8") == (
        "Ville;Séminaires\nPékin;12\nSHANGHAI;1,200\n"
    )
    assert (tmp_path / "trend.fr.csv").read_text("utf-8") == (
        "Année,PCT,MADRID\n2017,31600,3000\n2018,33745,3571\n"
    )
    code, out, _ = cli("translate", "status", deck)
    assert out.startswith(f"{deck} in 'fr': 12 translated, 0 missing, 0 stale of 12 texts")
    code, _, err = cli("render", deck, "--lang", "fr")
    assert code == 0, err
    pptx = tmp_path / "deck.fr.pptx"
    assert_opens_cleanly(pptx)
    slides = Presentation(pptx).slides
    table = next(s.table for s in slides[1].shapes if s.has_table)
    assert [c.text for c in table.rows[0].cells] == ["Ville", "Séminaires"]
    assert table.cell(1, 0).text == "Pékin"
    chart = next(s.chart for s in slides[2].shapes if s.has_chart)
    assert [s.name for s in chart.plots[0].series] == ["PCT", "MADRID"]
    pages = pdfcheck.convert([pptx])[pptx]
    drawn = [[w.text for w in page.words] for page in pages]
    assert {"Ville", "Séminaires", "Pékin", "SHANGHAI"} <= set(drawn[1])
    assert "MADRID" in drawn[2]
    # the English numbers change: the French file is stale until translated again
    (tmp_path / "trend.csv").write_text("Year,PCT,Madrid\n2017,31600,3000\n2018,33746,3571\n")
    code, out, _ = cli("translate", "status", deck)
    assert out.startswith(f"{deck} in 'fr': 9 translated, 0 missing, 3 stale of 12 texts")


def test_a_translation_tools_xliff_library_reads_and_writes_the_export(cli, seed_copy) -> None:
    """translate-toolkit (the XLIFF storage of Weblate and Pootle) reads every unit with its
    bold markup and note, and the file it saves imports."""
    from translate.storage.xliff import xlifffile

    cli("translate", "export", seed_copy, "--lang", "fr")
    xlf = seed_copy.with_suffix(".fr.xlf")
    store = xlifffile.parsefile(str(xlf))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "fr")
    assert len(store.units) == 63
    unit = next(u for u in store.units if u.getid().endswith("focus[1].achievements[0].points[0]"))
    assert [type(part).__name__ for part in unit.rich_source[0].sub] == [
        "StringElem",
        "G",
        "StringElem",
    ]
    assert unit.getnotes().startswith("slide 7: focus[1].achievements[0].points[0]")
    unit.rich_target = unit.rich_source
    city = next(u for u in store.units if u.getid().endswith("event.city"))
    city.target = "Genève"
    store.savefile(str(xlf))
    code, out, err = cli("translate", "import", seed_copy, xlf)
    assert code == 0, err
    assert out.splitlines()[:2] == [
        f"wrote 2 'fr' translations into {seed_copy}",
        f"61 texts in {xlf} have no translation yet:",
    ]
    assert f"  ... and 51 more (wocdeck translate status {seed_copy} lists them all)" in out
    text = seed_copy.read_text(encoding="utf-8")
    assert '"Organizing **28** seminars, training workshops and roundtables"  # from en' in text
    assert "city:\n    en: Geneva\n    fr: Genève  # from en " in text


def test_a_tables_total_yes_is_not_sent_but_its_label_is(cli, tmp_path) -> None:
    deck = write_deck(
        tmp_path,
        "event: {office: Office, title: T, date: 2018-09-27}\n"
        "slides:\n"
        "  - title: Seminars\n"
        "    table: {columns: [City, Seminars], rows: [[Beijing, 12]], total: yes}\n"
        "  - title: Cities\n"
        "    table: {columns: [City, Seminars], rows: [[Beijing, 12]], total: All cities}\n",
    )
    cli("translate", "export", deck, "--lang", "fr")
    found = units(tmp_path / "deck.fr.xlf")
    assert "slides[0].table.total" not in found
    assert found["slides[1].table.total"].find(f"{X}source").text == "All cities"


def test_a_deck_that_does_not_render_yet_is_exported_without_slide_numbers(cli, tmp_path) -> None:
    deck = write_deck(
        tmp_path, "event: {office: Office, title: T, date: 2018-09-27}\nslides:\n  - points: [A]\n"
    )
    code, _, err = cli("translate", "export", deck, "--lang", "fr")
    assert code == 0, err
    assert err.strip() == (
        f"{deck}: notice: the deck does not render yet (1 problem: wocdeck validate {deck} "
        "lists them), so the notes name no slide"
    )
    note = units(tmp_path / "deck.fr.xlf")["slides[0].points[0]"].find(f"{X}note").text
    assert note == "slides[0].points[0] (deck.yaml, line 3)"


def test_importing_what_the_deck_has_changes_no_byte(cli, tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    deck = tmp_path / "translated.yaml"
    deck.write_bytes((examples / "translated.yaml").read_bytes())
    code, out, err = cli("translate", "status", deck, "--lang", "fr")
    assert out.splitlines()[0] == f"{deck} in 'fr': 16 translated, 5 missing, 0 stale of 21 texts"
    cli("translate", "export", deck, "--lang", "fr", "--all-texts")
    code, out, err = cli("translate", "import", deck, tmp_path / "translated.fr.xlf")
    assert code == 0, err
    assert out.startswith(f"wrote 0 'fr' translations into {deck}; 16 already there\n")
    assert deck.read_bytes() == (examples / "translated.yaml").read_bytes()
