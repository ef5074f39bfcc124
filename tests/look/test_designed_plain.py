"""Figure tiles on the template's Title Only layout, and any kind composed on Blank: designed
slides with no empty placeholder, and a title PowerPoint, screen readers and `check` see."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests import pdfcheck
from tests.conftest import ROOT, SEED_DECK, Cli, require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.templates import blank_only, four_three_calibri
from wocdeck.pipeline import render

EMU = 12700  # one point
SHOWCASE = ROOT / "examples" / "showcase.yaml"
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


@pytest.fixture(scope="module")
def calibri(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed through PowerPoint's 4:3 Calibri template (a Title Only layout, none for
    figures)."""
    folder = tmp_path_factory.mktemp("figures")
    return render(SEED_DECK, folder / "seed.pptx", template=four_three_calibri(folder)).output


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase (every kind) through a template whose only plain layout is Blank."""
    folder = tmp_path_factory.mktemp("blank")
    return render(SHOWCASE, folder / "showcase.pptx", template=blank_only(folder)).output


def _no_empty_placeholder(prs) -> None:
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.placeholders:  # PowerPoint shows "Click to add text" in an empty one
            assert shape.text_frame.text.strip(), (number, shape.name)


def test_tiles_alone_sit_on_title_only_in_the_content_body_frame(calibri: Path) -> None:
    prs = Presentation(str(calibri))
    about = prs.slides[1]
    assert about.slide_layout.name == "Title Only"  # not the content layout, body unused
    assert about.shapes.title.text_frame.text == "About the WOC"
    kinds = {p.placeholder_format.type for p in about.placeholders}
    assert kinds <= {*TITLES, *FOOTERS}, kinds  # no body placeholder on the slide
    content = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    frame = next(p for p in content.placeholders if p.placeholder_format.idx == 1)
    tiles = [s for s in about.shapes if s.name == "Figure"]
    assert len(tiles) == 2
    for tile in tiles:  # where the template's content slides have their body
        assert frame.left - EMU <= tile.left
        assert tile.left + tile.width <= frame.left + frame.width + EMU
        assert frame.top - EMU <= tile.top
        assert tile.top + tile.height <= frame.top + frame.height + EMU
    # text with tiles keeps the content layout: its text in the body placeholder
    resources = prs.slides[2]
    assert resources.slide_layout.name == "Title and Content"
    body = next(p for p in resources.placeholders if p.placeholder_format.idx == 1)
    assert body.text_frame.text.startswith("Personnel Resources")
    _no_empty_placeholder(prs)
    assert_opens_cleanly(calibri)


def test_libreoffice_draws_the_tiles_slide_in_its_boxes(calibri: Path) -> None:
    require_renderer()
    pages = pdfcheck.convert([calibri])[calibri]
    words = " ".join(w.text for w in pages[1].words)
    assert "About the WOC" in words and "Beijing, China" in words
    assert pdfcheck.drawing_problems(calibri, pages) == []


def test_a_slide_composed_on_blank_has_a_title_placeholder(blank: Path) -> None:
    prs = Presentation(str(blank))
    on_blank = [s for s in prs.slides if s.slide_layout.name == "Blank"]
    # two slides of tiles, a section divider, a statement and the closing
    titles = []
    for slide in on_blank:
        title = slide.shapes.title
        assert title is not None and title.placeholder_format.type == PP_PLACEHOLDER.TITLE
        assert slide.shapes[0].shape_id == title.shape_id  # read first
        titles.append(title.text_frame.text)
    assert titles == [
        "About the WOC",
        "The Year in Figures",
        "Strategic Focus Areas",
        "The office is the first door to WIPO for users in China.",
        "Thank you for your time.",
    ]
    closing = on_blank[-1].shapes.title  # wocdeck's centred arrangement, as on Title Only
    assert abs(closing.left + closing.width / 2 - prs.slide_width / 2) <= EMU
    _no_empty_placeholder(prs)
    assert_opens_cleanly(blank)


def test_check_finds_nothing_on_a_deck_composed_on_blank(blank: Path, cli: Cli) -> None:
    code, out, err = cli("check", blank)
    assert code == 0, out + err
    assert "no accessibility problems found" in out + err


def test_libreoffice_draws_the_titles_composed_on_blank(blank: Path) -> None:
    require_renderer()
    pages = pdfcheck.convert([blank])[blank]
    prs = Presentation(str(blank))
    for number, slide in enumerate(prs.slides):
        if slide.slide_layout.name == "Blank":
            drawn = " ".join(w.text for w in pages[number].words)
            assert slide.shapes.title.text_frame.text.split()[0] in drawn.split()
    assert pdfcheck.drawing_problems(blank, pages) == []
