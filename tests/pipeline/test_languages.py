"""LibreOffice draws the seed deck in each language with every word inside its box."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import SEED_DECK, require_renderer
from tests.ooxml import assert_opens_cleanly

UN_LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"]
LANGUAGES = [*UN_LANGUAGES, "ja", "pt", "de"]  # every supported language


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list]]:
    """The seed deck in each supported language, rendered by wocdeck and drawn by LibreOffice."""
    require_renderer()
    from wocdeck.pipeline import render

    folder = tmp_path_factory.mktemp("languages")
    deck = folder / "deck.yaml"
    deck.write_text(SEED_DECK.read_text(encoding="utf-8"), encoding="utf-8")
    decks = {
        language: render(deck, folder / f"seed-{language}.pptx", language=language).output
        for language in LANGUAGES
    }
    pages = pdfcheck.convert(list(decks.values()))
    return {language: (pptx, pages[pptx]) for language, pptx in decks.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_inside_its_box_and_none_collide(drawn, language: str) -> None:
    pptx, pages = drawn[language]
    assert pdfcheck.drawing_problems(pptx, pages) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_deck_in_each_language_opens_cleanly(drawn, language: str) -> None:
    assert_opens_cleanly(drawn[language][0])


def test_preview_with_lang_writes_that_languages_pictures(cli, renderer, tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        "event: {office: {en: Office, zh: 办事处}, title: T, date: 2018-09-27}\n", encoding="utf-8"
    )
    code, out, err = cli("preview", deck, "--lang", "zh")
    assert code == 0, err
    folder = tmp_path / "deck.zh-preview"
    assert f"wrote 1 slides to {folder}/" in out
    assert (folder / "slide-01.png").is_file() and (folder / "sheet.png").is_file()
    assert "event.title has no 'zh' text" in err
