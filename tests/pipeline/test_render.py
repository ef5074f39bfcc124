"""Proof in a real renderer: LibreOffice draws every word inside its slide and its box."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation

from tests import pdfcheck, typerules
from tests.conftest import SEED_DECK, require_renderer
from tests.stress import STRESS_DECKS
from wocdeck.output.starter import Office, starter


@pytest.fixture(scope="session")
def rendered(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, list[pdfcheck.Page]]]:
    """The seed deck and every stress deck, rendered by wocdeck and drawn by LibreOffice."""
    require_renderer()
    from wocdeck.pipeline import render

    folder = tmp_path_factory.mktemp("render")
    sources = {"seed": SEED_DECK.read_text(encoding="utf-8")}
    sources.update({name: make() for name, make in STRESS_DECKS.items()})
    sources["starter"] = starter(Office("WIPO Office in Japan", "WJO", dt.date(2026, 9, 27)))
    decks = {}
    for name, text in sources.items():
        deck = folder / f"{name}.yaml"
        deck.write_text(text, encoding="utf-8")
        decks[name] = render(deck, deck.with_suffix(".pptx")).output
    pages = pdfcheck.convert(list(decks.values()))
    return {name: (pptx, pages[pptx]) for name, pptx in decks.items()}


NAMES = ["seed", *STRESS_DECKS, "starter"]


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_draws_one_page_per_slide(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    assert len(pages) == len(Presentation(str(pptx)).slides)
    assert all(
        p.width == pytest.approx(960, abs=1) and p.height == pytest.approx(540, abs=1)
        for p in pages
    )


@pytest.mark.parametrize("name", NAMES)
def test_every_word_is_inside_the_slide_and_its_box(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    problems = []
    for number, (page, shapes) in enumerate(
        zip(pages, pdfcheck.frames(pptx), strict=True), start=1
    ):
        problems += [f"slide {number}: {p}" for p in pdfcheck.misplaced(page, shapes)]
    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_no_word_collides_with_another(rendered, name: str) -> None:
    _, pages = rendered[name]
    problems = []
    for number, page in enumerate(pages, start=1):
        problems += [f"slide {number}: {p}" for p in pdfcheck.collisions(page)]
    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_every_word_of_the_deck_is_drawn(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    drawn = "".join(w.text for page in pages for w in page.words)
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for word in shape.text_frame.text.split():
                    assert word in drawn


def test_chinese_text_is_drawn_in_a_chinese_font(rendered) -> None:
    pptx, _ = rendered["chinese"]
    fonts = pdfcheck.pdf_fonts(pptx.with_suffix(".pdf"))
    assert any("CJK" in font for font in fonts), fonts
    assert any("LiberationSans" in font for font in fonts), fonts


def test_sub_bullets_are_drawn_indented_under_their_bullet(rendered) -> None:
    _, pages = rendered["sub_bullets"]
    assert len(pages) > 2  # continued: the fitter measured the sub-bullets
    starts: dict[str, list[float]] = {"Strengthening": [], "Sub-point": []}
    for page in pages:
        for index, word in enumerate(page.words):
            first_on_line = index == 0 or page.words[index - 1].y0 < word.y0 - 1
            previous = page.words[index - 1].text if index else ""
            if word.text in starts and (first_on_line or previous in pdfcheck.BULLETS):
                starts[word.text].append(word.x0)
    assert len(starts["Sub-point"]) == 12  # every sub-bullet drawn
    assert min(starts["Sub-point"]) > max(starts["Strengthening"]) + 15


@pytest.mark.parametrize("name", NAMES)
def test_every_title_starts_at_one_height(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    tops = typerules.title_tops(pages, pptx)
    assert tops and max(tops) - min(tops) <= 1, tops


@pytest.mark.parametrize("name", NAMES)
def test_the_footer_is_drawn_on_one_line(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    assert typerules.footer_lines(pages, pptx) == []


@pytest.mark.parametrize("name", NAMES)
def test_tiles_of_a_row_share_height_and_baselines(rendered, name: str) -> None:
    pptx, pages = rendered[name]
    assert typerules.tile_rows(pages, pptx) == []


def test_japanese_is_drawn_in_a_japanese_font(rendered) -> None:
    pptx, _ = rendered["newcomer"]
    fonts = pdfcheck.pdf_fonts(pptx.with_suffix(".pdf"))
    assert any("CJKjp" in font or "JP" in font for font in fonts), fonts
