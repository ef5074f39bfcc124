"""Script-aware type: language from the text, a font per language, no slanted or smeared CJK."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests import typerules
from tests.conftest import MINIMAL, SEED_DECK, write_deck
from tests.ooxml import assert_opens_cleanly
from tests.stress import CHINESE, JAPANESE, JAPANESE_KANJI
from wocdeck.look.scripts import by_script, east_asian_language
from wocdeck.pipeline import render
from wocdeck.plan import Run

KOREAN = "한국 특허청과의 협력을 강화했습니다"
TRADITIONAL = "世界智慧財產權組織中國辦事處與各地政府的合作"


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        (JAPANESE, "zh-CN", "ja-JP"),
        (KOREAN, "zh-CN", "ko-KR"),
        (CHINESE, "ja-JP", "zh-CN"),
        (TRADITIONAL, "zh-CN", "zh-TW"),
        (JAPANESE_KANJI[:6], "ja-JP", "ja-JP"),  # kanji only: the deck's language decides
        (JAPANESE_KANJI[:6], "zh-CN", "zh-CN"),
    ],
)
def test_language_comes_from_the_text(text: str, default: str, expected: str) -> None:
    assert east_asian_language(text, default) == expected


def test_a_run_is_split_where_the_script_changes_and_cjk_is_never_italic() -> None:
    runs = by_script(Run("谢谢！Thank you", bold=True, italic=True), "zh-CN")
    assert runs == [
        Run("谢谢！", bold=True, italic=False, lang="zh-CN"),
        Run("Thank you", bold=True, italic=True),
    ]


def _render(tmp_path: Path, text: str) -> Path:
    return render(write_deck(tmp_path, text), tmp_path / "deck.pptx").output


def test_each_language_gets_its_tag_and_font(tmp_path: Path) -> None:
    points = [JAPANESE, CHINESE, KOREAN, TRADITIONAL, "Plain English"]
    deck = _render(tmp_path, MINIMAL + yaml.safe_dump({"year_ahead": points}, allow_unicode=True))
    found = typerules.language_of_runs(deck)
    for text, tag in (
        (CHINESE, ("zh-CN", "Microsoft YaHei")),
        (KOREAN, ("ko-KR", "Malgun Gothic")),
        (TRADITIONAL, ("zh-TW", "Microsoft JhengHei")),
        (JAPANESE, ("ja-JP", "Yu Gothic")),
    ):  # a paragraph broken between phrases is written as runs around its line breaks
        pieces = {piece: found[piece] for piece in found if piece.strip() and piece in text}
        assert set(pieces.values()) == {tag}, (text, pieces)


def test_the_deck_language_decides_for_kanji_only_text(tmp_path: Path) -> None:
    text = "language: ja\n" + MINIMAL + f"year_ahead: ['{JAPANESE_KANJI[:6]}']\n"
    found = typerules.language_of_runs(_render(tmp_path, text))
    assert found[JAPANESE_KANJI[:6]] == ("ja-JP", "Yu Gothic")


def test_cjk_in_the_closing_line_is_not_italic(tmp_path: Path) -> None:
    deck = _render(tmp_path, MINIMAL + "closing: ありがとうございました。Thank you.\n")
    assert typerules.east_asian_styling(deck) == []
    italic = [r for r in typerules._runs(_closing(deck)) if r.find(typerules.A + "rPr").get("i")]
    assert [r.findtext(typerules.A + "t") for r in italic] == ["Thank you."]


def _closing(deck: Path):
    from pptx import Presentation

    return Presentation(str(deck)).slides[-1].shapes.title


def test_a_theme_whose_cjk_font_has_no_bold_gets_no_bold_cjk(tmp_path: Path) -> None:
    theme = yaml.safe_load((SEED_DECK.parent / "themes" / "wipo" / "theme.yaml").read_text())
    theme["fonts"]["east_asian_bold"] = False
    (tmp_path / "theme.yaml").write_text(yaml.safe_dump(theme), encoding="utf-8")
    text = f"theme: {tmp_path}\n" + MINIMAL + "year_ahead: ['**第一** Chinese', '**bold**']\n"
    deck = _render(tmp_path, text)
    assert typerules.east_asian_styling(deck, bold_allowed=False) == []
    runs = typerules._runs(_body(deck))
    bold = [
        r.findtext(typerules.A + "t") for r in runs if r.find(typerules.A + "rPr").get("b") == "1"
    ]
    assert bold == ["bold"]


def _body(deck: Path):
    from pptx import Presentation

    return Presentation(str(deck)).slides[1].shapes[1]


def test_script_aware_runs_and_group_boxes_pass_the_package_check(tmp_path: Path) -> None:
    from tests.stress import newcomer

    text = newcomer().replace("Continue outreach across Japan", "مواصلة التوعية في اليابان")
    deck = _render(tmp_path, text)
    assert '<a:cs typeface="Noto Sans Arabic"/>' in _slides_xml(deck)
    assert 'hangingPunct="0"' in _slides_xml(deck)
    assert_opens_cleanly(deck)


def _slides_xml(deck: Path) -> str:
    import zipfile

    with zipfile.ZipFile(deck) as package:
        names = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        return "".join(package.read(n).decode() for n in names)
