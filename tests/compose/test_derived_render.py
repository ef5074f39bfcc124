"""The words wocdeck derives, seen in the deck LibreOffice renders, in French and Chinese:
the cover's date, scale words, a table's total and continued title, a chart's CSV headings
through `names:`, a repeated title's number and the default closing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_deck
from tests.ooxml import assert_opens_cleanly
from tests.pdfcheck import convert

DECK = """\
language: {language}
event: {{office: {office}, acronym: WOC, title: {title}, date: 2022-03-01}}
closing: {{notes: {point}}}  # the closing line is the language's own
slides:
  - title: {figures}
    tiles: [{{label: {visitors}, value: 2.1 million}}]
  - title: {cities}
    table:
      columns: [{city}, {seminars}]
      rows: [{rows}]
      total: yes
  - title: {filings}
    chart: {{data: filings.csv, names: {{{language}: {{Year: {year}, PCT: PCT}}}}}}
  - title: {filings}
    points: [{point}]
"""
FRENCH = {
    "language": "fr",
    "office": "Bureau de l’OMPI en Chine",
    "title": "Manifestation parallèle",
    "figures": "Chiffres",
    "visitors": "Visiteurs",
    "cities": "Villes",
    "city": "Ville",
    "seminars": "Séminaires",
    "filings": "Dépôts",
    "year": "Année",
    "point": "Un point",
}
CHINESE = {
    "language": "zh",
    "office": "世界知识产权组织中国办事处",
    "title": "会外活动",
    "figures": "数字",
    "visitors": "访客",
    "cities": "城市",
    "city": "城市",
    "seminars": "研讨会",
    "filings": "申请",
    "year": "年份",
    "point": "一点",
}
EXPECTED = {
    "fr": [
        "mardi 1er mars",
        "2,1 millions",
        "Total",
        "Villes (suite)",
        "Année",
        "Dépôts (2)",
        "Merci de votre attention.",
    ],
    "zh": ["3月1日星期二", "210万", "合计", "城市（续）", "年份", "申请（2）", "谢谢！"],
}


@pytest.mark.usefixtures("renderer")
def test_french_and_chinese_decks_show_their_derived_words(tmp_path: Path) -> None:
    from wocdeck.pipeline import render

    (tmp_path / "filings.csv").write_text("Year,PCT\n2017,48882\n2018,53345\n", encoding="utf-8")
    decks = []
    for words in (FRENCH, CHINESE):
        rows = ", ".join(f"[{words['city']} {n}, {n}]" for n in range(1, 31))
        deck = write_deck(tmp_path, DECK.format(rows=rows, **words), f"{words['language']}.yaml")
        decks.append(render(deck, deck.with_suffix(".pptx")).output)
    for deck in decks:
        assert_opens_cleanly(deck)
    pages = convert(decks)
    for deck, words in zip(decks, (FRENCH, CHINESE), strict=True):
        # LibreOffice spaces Asian text from Latin letters and digits; the words are compared
        # without the spaces it draws
        shown = "".join(w.text for page in pages[deck] for w in page.words).replace(" ", "")
        for expected in EXPECTED[words["language"]]:
            assert expected.replace(" ", "") in shown, (expected, shown)
