"""Every word wocdeck derives is in the deck's language: French ordinal days, scale words that
agree with their number, numbered repeated titles (full-width in Chinese), `total: yes`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import write_deck
from wocdeck.compose.wording import wording
from wocdeck.read.figures import parse_figure


def test_the_first_of_a_month_is_an_ordinal_in_french_only() -> None:
    french = wording("fr")
    assert french.date(dt.date(2022, 3, 1)) == "1er mars 2022"
    assert french.long_date(dt.date(2022, 3, 1)) == "mardi 1er mars"
    assert french.date(dt.date(2022, 3, 11)) == "11 mars 2022"
    assert french.date(dt.date(2001, 1, 1)) == "1er janvier 2001"
    assert wording("es").date(dt.date(2022, 3, 1)) == "1 de marzo de 2022"


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("en", "2.1 million", "2.1 million"),  # as the editor wrote it
        ("fr", "2.1 million", "2,1 millions"),
        ("fr", "1.5 million", "1,5 million"),  # French: plural from 2
        ("fr", "+3.45 billion", "+3,45 milliards"),
        ("es", "1 million", "1 millón"),
        ("es", "2.1 million", "2,1 millones"),
        ("ru", "5 million", "5 миллионов"),
        ("ru", "2.1 million", "2,1 миллиона"),
        ("de", "2.1 million", "2,1 Millionen"),
        ("zh", "2.1 million", "210万"),
        ("ja", "2.3 billion", "23億"),
        ("fr", "CHF 1.2 million", "CHF 1,2 million"),
        ("fr", "2 visitors", "2 visitors"),  # the editor's own unit stays theirs
        ("fr", "33,745", "33\u202f745"),
    ],
)
def test_scale_words_agree_with_their_number(language: str, typed: str, shown: str) -> None:
    assert wording(language).figure(parse_figure(typed)) == shown


HEAD = """\
language: {language}
event: {{office: {office}, acronym: WOC, title: {title}, date: 2022-03-01}}
closing: {closing}
slides:
  - title: {repeated}
    tiles: [{{label: {label}, value: 2.1 million}}]
  - title: {repeated}
    points: [{point}]
"""
FRENCH = dict(
    language="fr",
    office="Bureau de l’OMPI en Chine",
    title="Manifestation",
    closing="Merci.",
    repeated="Principaux résultats",
    label="Visiteurs",
    point="Un point",
)
CHINESE = dict(
    language="zh",
    office="世界知识产权组织中国办事处",
    title="会外活动",
    closing="谢谢",
    repeated="主要成果",
    label="访客",
    point="一点",
)


def _texts(pptx: Path) -> list[str]:
    return [
        shape.text_frame.text
        for slide in Presentation(str(pptx)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (FRENCH, ["mardi 1er mars", "2,1 millions", "Principaux résultats (2)"]),
        (CHINESE, ["3月1日星期二", "210万", "主要成果（2）"]),
    ],
)
def test_a_deck_shows_its_derived_words_in_its_language(
    tmp_path: Path, words: dict[str, str], expected: list[str]
) -> None:
    from wocdeck.pipeline import render

    deck = write_deck(tmp_path, HEAD.format(**words))
    rendered = render(deck, tmp_path / "deck.pptx")
    texts = "\n".join(_texts(rendered.output))
    for word in expected:
        assert word in texts, (word, texts)
    (told,) = [a for a in rendered.adjustments if "repeated" in a.message]
    assert told.slide == 3 and told.title == words["repeated"]
    assert "give it its own title to choose the words" in told.message


def test_a_numbered_title_keeps_full_width_brackets_without_spaces() -> None:
    from wocdeck.layout.unique import numbered

    assert numbered("活动（续）", 2) == "活动（续2）"
    assert numbered("主要成果", 2) == "主要成果（2）"
    assert numbered("Events (cont.)", 2) == "Events (cont. 2)"
    assert numbered("Événements (suite)", 3) == "Événements (suite 3)"
    assert numbered("Key Achievements", 2) == "Key Achievements (2)"


@pytest.mark.parametrize("language", ["zh", "ja"])
def test_no_space_stands_against_a_full_width_bracket_in_chinese_and_japanese(
    tmp_path: Path, language: str
) -> None:
    from wocdeck.pipeline import render

    words = {**CHINESE, "language": language, "office": "知识产权组织 （ 中国 ） 办事处"}
    words["repeated"] = "与 「 WIPO 」 **（ 合作 ）** 项目"
    deck = write_deck(tmp_path, HEAD.format(**words))
    texts = _texts(render(deck, tmp_path / "deck.pptx").output)
    assert "知识产权组织（中国）办事处（WOC）" in texts
    assert "与「WIPO」（合作）项目" in texts


def test_a_space_by_a_bracket_stays_in_other_languages(tmp_path: Path) -> None:
    from wocdeck.pipeline import render

    words = {**FRENCH, "repeated": "Coopération （ OMPI ）"}
    deck = write_deck(tmp_path, HEAD.format(**words))
    assert "Coopération （ OMPI ）" in _texts(render(deck, tmp_path / "deck.pptx").output)


@pytest.mark.parametrize(
    ("written", "set"),
    [
        ("办事处 （ WOC ） 的报告", "办事处（WOC）的报告"),
        ("办事处 **（ WOC ）** 的", "办事处**（WOC）**的"),  # emphasis markers kept
        ("**办事** （a）", "**办事**（a）"),
        ("办事处（WOC） · 会外活动", "办事处（WOC） · 会外活动"),  # a separator keeps its spaces
    ],
)
def test_spaces_against_full_width_brackets(written: str, set: str) -> None:
    from wocdeck.compose.text import tight_brackets

    assert tight_brackets(written) == set
