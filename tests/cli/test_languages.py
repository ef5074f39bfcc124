"""--lang on render, validate and preview; the seed deck's derived words in each UN language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from pptx import Presentation

from tests.conftest import write_deck
from wocdeck.compose.text import fact_label
from wocdeck.compose.wording import _table, wording

UN_LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"]
ENGLISH_WORDS = (
    "Strategic Focus", "Key Achievements", "The Year Ahead", "About the", "Established",
    "Located", "Resources", "growing", "exceeding", "Thursday", "September", "(cont.)",
)  # fmt: skip

TRANSLATED = """\
language: en
event:
  office: {en: WIPO Office in China, zh: 世界知识产权组织中国办事处, fr: Bureau de l’OMPI en Chine}
  acronym: WOC
  title: {en: Side-Event, zh: 边会, fr: Manifestation parallèle}
  date: 2018-09-27
closing: {en: Thank you., zh: 谢谢！}
"""


def _texts(deck: Path) -> list[str]:
    """Each slide's text, shapes joined by newlines."""
    return [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in Presentation(str(deck)).slides
    ]


def test_lang_writes_deck_dot_lang_and_notices_untranslated_fields(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, TRANSLATED)
    code, out, err = cli("render", deck, "--lang", "zh")
    assert code == 0, err
    assert f"wrote {tmp_path / 'deck.zh.pptx'} (2 slides)" in out
    assert not (tmp_path / "deck.pptx").exists()
    # office, title and closing are translated; the acronym is not, and says so
    assert err.splitlines() == [
        f"{deck}:4:3: notice: event.acronym has no 'zh' text; the 'en' text is used "
        "(add zh: … to translate it)"
    ]
    texts = _texts(tmp_path / "deck.zh.pptx")
    assert "世界知识产权组织中国办事处（WOC）" in texts[0]
    assert "9月27日星期四" in texts[0]
    code, out, err = cli("render", deck, "--lang", "fr")
    assert code == 0
    assert f"{deck}:7:1: notice: closing has no 'fr' text; the 'en' text is used" in err
    assert "jeudi 27 septembre" in _texts(tmp_path / "deck.fr.pptx")[0]


def test_lang_all_writes_one_deck_per_language_present(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, TRANSLATED)
    code, out, _ = cli("render", deck, "--lang", "all")
    assert code == 0
    for language in ("en", "zh", "fr"):
        assert (tmp_path / f"deck.{language}.pptx").is_file(), language
    assert out.count("wrote ") == 3
    code, out, _ = cli("render", deck, "--lang", "all", "-o", tmp_path / "out" / "x.pptx")
    assert code == 0 and (tmp_path / "out" / "x.zh.pptx").is_file()
    code, out, _ = cli("render", deck, "--lang", "fr", "-o", tmp_path / "french.pptx")
    assert code == 0 and f"wrote {tmp_path / 'french.pptx'} (2 slides)" in out


def test_strict_makes_an_untranslated_field_an_error_and_writes_nothing(
    cli, tmp_path: Path
) -> None:
    deck = write_deck(tmp_path, TRANSLATED)
    code, _, err = cli("render", deck, "--lang", "fr", "--strict")
    assert code == 1
    assert f"{deck}:7:1: error: closing has no 'fr' text" in err
    assert not (tmp_path / "deck.fr.pptx").exists()
    code, _, err = cli("render", deck, "--lang", "all", "--strict")
    assert code == 1 and not list(tmp_path.glob("*.pptx"))  # checked before any is written


def test_validate_with_lang_reports_notices(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, TRANSLATED)
    code, out, err = cli("validate", deck, "--lang", "fr")
    assert code == 0
    assert f"{deck} [fr]: ok (2 slides)" in out
    assert "closing has no 'fr' text" in err
    assert list(tmp_path.glob("*.pptx")) == []


def test_an_unknown_lang_is_a_command_line_error(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, TRANSLATED)
    code, _, err = cli("render", deck, "--lang", "it")
    assert code == 2
    assert "'it' is not one of en, fr, es, ru, zh, ar, ja, pt, de or all" in err


def test_the_deck_language_sets_the_default_wording(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, TRANSLATED.replace("language: en", "language: zh"))
    code, out, err = cli("render", deck)
    assert code == 0
    assert "deck.pptx" in out and "notice" not in err
    assert "世界知识产权组织中国办事处（WOC）" in _texts(tmp_path / "deck.pptx")[0]


@pytest.fixture(scope="module")
def seed_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, tuple]]:
    """The seed deck rendered in each UN language, with its notices."""
    from tests.conftest import SEED_DECK
    from wocdeck.pipeline import render

    folder = tmp_path_factory.mktemp("seed-languages")
    deck = folder / "deck.yaml"
    deck.write_text(SEED_DECK.read_text(encoding="utf-8"), encoding="utf-8")
    out = {}
    for language in UN_LANGUAGES:
        result = render(deck, folder / f"deck.{language}.pptx", language=language)
        out[language] = (result.output, result.notices)
    return out


@pytest.mark.parametrize("language", UN_LANGUAGES)
def test_every_derived_phrase_of_the_seed_is_in_the_language(seed_decks, language: str) -> None:
    deck, _ = seed_decks[language]
    texts = _texts(deck)
    words = wording(language)
    phrase = _table(language)["phrases"]
    numeral = words.numeral
    cover, about, resources = texts[0], texts[1], texts[2]
    assert phrase["office_acronym"].format(office="WIPO Office in China", acronym="WOC") in cover
    assert words.long_date(dt.date(2018, 9, 27)) in cover
    assert phrase["about_title"].format(acronym="WOC") in about
    long_date = format_date(dt.date(2014, 7, 10), "long", locale=language)
    # About's facts are tiles: the phrase's words over its value
    assert fact_label(phrase["established"].format(date="\x00")) in about
    assert long_date in about
    assert fact_label(phrase["located"].format(place="\x00")) in about
    assert "Beijing, China" in about
    assert phrase["resources_title"].format(acronym="WOC") in resources
    assert phrase["personnel_heading"] in resources
    assert format_decimal(108348, locale=language) in resources
    achievements = texts[6]
    assert phrase["achievements_title"].format(acronym="WOC", number=numeral(2)) in achievements
    assert format_decimal(33745, locale=language) in achievements
    six_eight = format_percent(Decimal("0.068"), locale=language, decimal_quantization=False)
    assert phrase["growing"].format(percent=six_eight) in achievements
    assert (
        phrase["exceeding"].format(
            basis="2017 total",
            percent="85%".replace("85%", format_percent(Decimal("0.85"), locale=language)),
        )
        in achievements
    )
    named = phrase["with_goal"].format(name="A responsive communications interface", goal="8")
    assert phrase["focus_title"].format(acronym="WOC", number=numeral(1), name=named) in texts[3]
    assert phrase["year_ahead"] in texts[-2]
    closing_date = format_date(dt.date(2018, 9, 27), "long", locale=language)
    assert closing_date in texts[-1]
    if language != "en":
        everything = "\n".join(texts)
        assert [w for w in ENGLISH_WORDS if w in everything] == []


@pytest.mark.parametrize("language", [lang for lang in UN_LANGUAGES if lang != "en"])
def test_the_seeds_english_text_falls_back_with_a_notice_per_field(
    seed_decks, language: str
) -> None:
    _, notices = seed_decks[language]
    messages = [str(n) for n in notices]
    assert (
        f":7:3: notice: event.office has no '{language}' text; the 'en' text is used"
        in (messages[0])
    )
    assert any("year_ahead[0] (year-ahead item 1) has no" in m for m in messages)
    assert any("focus[0].aims[0] (focus area 1, aim 1) has no" in m for m in messages)
    assert not any("event.date" in m or ".goal" in m or ".value" in m for m in messages)
    assert len(messages) == len(set(messages))


def test_a_continuation_slide_is_titled_in_the_language(tmp_path: Path) -> None:
    from wocdeck.pipeline import render

    points = "\n".join(f"  - Point number {i} of a long list for the year ahead" for i in range(40))
    deck = write_deck(
        tmp_path,
        f"language: zh\nevent: {{office: O, title: T, date: 2018-09-27}}\nyear_ahead:\n{points}\n",
    )
    render(deck, tmp_path / "deck.pptx")
    titles = [t.split("\n")[0] for t in _texts(tmp_path / "deck.pptx")]
    assert "未来一年（续）" in titles


@pytest.mark.parametrize(
    ("name", "code"),
    [("English", "en"), ("français", "fr"), ("Spanish", "es"), ("中文", "zh"), ("العربية", "ar")],
)
def test_a_language_name_suggests_its_code_beside_the_decks_other_errors(
    cli, tmp_path: Path, name: str, code: str
) -> None:
    text = TRANSLATED.replace("language: en", f"language: {name}")
    deck = write_deck(tmp_path, text.replace("2018-09-27", "2018-13-27"))
    result, _, err = cli("validate", deck)
    assert result == 1
    wrong = f"{deck}:1:11: error: '{name}' is not a supported language"
    assert f"{wrong} (did you mean '{code}'?" in err
    assert f"{deck}:6:9: error: '2018-13-27' is not a valid date" in err  # not hidden


ARABIC_COLON = """\
language: fr
event:
  office: {fr: Bureau de l’OMPI en Algérie, ar: مكتب الويبو في الجزائر}
  title: {fr: Manifestation parallèle, ar: فعالية جانبية}
  date: 2019-10-01
year_ahead:
  fr:
    - "Compétence : Algérie"
  ar:
    - الاختصاص: الجزائر
"""


@pytest.mark.parametrize("command", ["validate", "render"])
def test_without_lang_every_languages_values_are_checked(cli, tmp_path: Path, command: str) -> None:
    """A ': ' in the Arabic list is found without --lang ar; the French deck is not written."""
    deck = write_deck(tmp_path, ARABIC_COLON)
    code, _, err = cli(command, deck)
    assert code == 1
    assert err.count("error:") == 1, err
    assert f"{deck}:10:7: error: a ': ' inside text makes YAML read 'الاختصاص' as a key" in err
    assert not list(tmp_path.glob("*.pptx"))
    deck.write_text(ARABIC_COLON.replace("- الاختصاص: الجزائر", '- "الاختصاص: الجزائر"'))
    code, out, err = cli(command, deck)
    assert code == 0 and "error" not in err, err
    assert "ok (" in out or "deck.pptx" in out
    assert "notice" not in err  # the other languages are checked, not reported as fallbacks
