"""Chinese and Japanese body text broken between BudouX phrases, measured in LibreOffice
renders: the break falls where a reader would pause, not inside a word ("マ / ドリッド")."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.pdfstyle import drawn_lines
from wocdeck.pipeline import render

JA = [
    "マドリッド制度とハーグ制度の利用者を増やすため、地方の中小企業に向けたセミナーを"
    "全国各地で開催し、サービスの改善した点を紹介します",
    "特許協力条約に基づく国際出願の件数は前年と比べて大きく増加し、特に大学と研究機関からの"
    "出願が目立ちました",
    "知的財産庁との協力を通じて、審査官向けの研修プログラムを改善し、アジア太平洋地域の"
    "各国から参加者を迎えました",
    "世界知的所有権機関の仲裁調停センターの紹介を行い、裁判外紛争解決手続の利用を促進する"
    "ための説明会を開きました",
]
ZH = [
    "通过与知识产权主管部门的合作，进一步加强了同中国政府的联合活动，特别是在中西部省份"
    "开展了多场面向中小企业的宣传活动",
    "马德里体系和海牙体系的用户数量持续增长，办事处为地方企业举办了二十八场研讨会和培训班，"
    "介绍全球知识产权服务的最新改进",
    "与最高人民法院的合作推动了产权组织对成员国司法机构合作的新重点，包括八月份举办的"
    "知识产权审判大师班",
]
HEAD = {
    "ja": ("ja", "WIPO日本事務所", "WJO", "2018年WIPO加盟国総会サイドイベント"),
    "zh": ("zh", "世界知识产权组织中国办事处", "WOC", "2018年产权组织成员国大会边会"),
}


def _deck(name: str) -> str:
    language, office, acronym, title = HEAD[name]
    bullets = "".join(f"  - {text}\n" for text in (JA if name == "ja" else ZH))
    return (
        f"theme: wipo\nlanguage: {language}\nevent:\n  office: {office}\n"
        f"  acronym: {acronym}\n  title: {title}\n  date: 2018-09-27\n"
        f"year_ahead:\n{bullets}"
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Japanese and Chinese decks, rendered once to .pptx and converted to PDF."""
    require_renderer()
    folder = tmp_path_factory.mktemp("phrases")
    decks = {}
    for name in HEAD:
        source = folder / f"{name}.yaml"
        source.write_text(_deck(name), encoding="utf-8")
        decks[name] = render(source, folder / f"{name}.pptx").output
    pdfcheck.convert(list(decks.values()))
    return decks


@pytest.mark.parametrize("name", sorted(HEAD))
def test_body_lines_break_between_phrases(rendered, name: str) -> None:
    import budoux

    parser = (
        budoux.load_default_japanese_parser()
        if name == "ja"
        else budoux.load_default_simplified_chinese_parser()
    )
    lines = [line for line in drawn_lines(rendered[name].with_suffix(".pdf")) if line.page == 2]
    marks = {round(line.top) for line in lines if line.text == "•"}
    body = [line for line in lines if line.text != "•" and 100 < line.top < 480]
    breaks = 0
    for before, line in pairwise(body):
        if any(round(line.top) + d in marks for d in (-2, -1, 0, 1, 2)):
            continue  # a new bullet
        first, second = ("".join(part.text.split()) for part in (before, line))
        ends, total = set(), 0
        for phrase in parser.parse(first + second):
            total += len(phrase)
            ends.add(total)
        breaks += 1
        assert len(first) in ends, (first, second)
    assert breaks >= 3
    assert_opens_cleanly(rendered[name])
