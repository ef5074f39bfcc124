"""A kind the template has no layout for is composed on its Title Only layout, as designed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests import pdfcheck
from tests.conftest import SEED_DECK, require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.templates import A, forced_caps
from wocdeck.pipeline import render


@pytest.fixture(scope="module")
def caps_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed through a template whose titles are forced into bold italic capitals."""
    folder = tmp_path_factory.mktemp("caps")
    return render(SEED_DECK, folder / "out.pptx", template=forced_caps(folder)).output


def test_the_closing_is_centred_on_title_only_in_the_case_written(caps_deck: Path) -> None:
    prs = Presentation(str(caps_deck))
    closing = prs.slides[-1]
    assert closing.slide_layout.name == "Title Only"  # not the cover's or a section's layout
    title = closing.shapes.title
    assert title.text_frame.text == "Thank you for your time."
    runs = title._element.findall(f".//{{{A}}}rPr")
    # explicit: never the title style's forced capitals, bold or italics (the seed's closing
    # line is set in wocdeck's own italic, as in the bundled theme)
    assert runs and all((r.get("cap"), r.get("b")) == ("none", "0") and r.get("i") for r in runs)
    middle = prs.slide_width / 2
    assert abs(title.left + title.width / 2 - middle) <= 12700
    under = [s for s in closing.shapes if s.has_text_frame and s.shape_id != title.shape_id]
    assert [s.text_frame.text for s in under] == [
        "WIPO Office in China\nGeneva, September 27, 2018"
    ]
    assert under[0].top >= title.top + title.height
    assert abs(under[0].left + under[0].width / 2 - middle) <= 12700
    assert_opens_cleanly(caps_deck)


def test_libreoffice_draws_the_closing_line_as_written(caps_deck: Path) -> None:
    require_renderer()
    pages = pdfcheck.convert([caps_deck])[caps_deck]
    words = [w.text for w in pages[-1].words]
    assert "Thank" in words and "THANK" not in words
    assert pdfcheck.drawing_problems(caps_deck, pages) == []
