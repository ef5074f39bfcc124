"""A kind the template has no layout for is composed on its Title Only layout, as designed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests import pdfcheck
from tests.conftest import SEED_DECK, require_renderer, write_deck
from tests.ooxml import assert_opens_cleanly
from tests.templates import A, forced_caps, four_three_calibri, wide_fonts
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


FIGURES = """\
event:
  office: WIPO Office in China
  title: Side-Event at the 2018 WIPO Assemblies
  date: 2018-09-27
slides:
  - title: The Year in Figures
    tiles:
      - {label: Visitors to the website, value: "2.1 million", period: Jan-Aug}
      - {label: PCT applications, value: 33745, change: "+6.8%"}
      - {label: Madrid applications, value: "1,234,567"}
      - {label: Budget, value: "CHF 108,348"}
"""


@pytest.mark.parametrize("make", [four_three_calibri, wide_fonts])
def test_a_tiles_value_never_wraps_in_a_narrow_template(tmp_path: Path, make) -> None:
    require_renderer()
    deck = write_deck(tmp_path, FIGURES)
    output = render(deck, tmp_path / "out.pptx", template=make(tmp_path)).output
    page = pdfcheck.convert([output])[output][1]
    for value in ("2.1 million", "33,745", "1,234,567", "CHF 108,348"):
        first, *rest = value.split()
        top = next(w.y0 for w in page.words if w.text == first)
        assert all(
            any(w.text == word and abs(w.y0 - top) < 1 for w in page.words) for word in rest
        ), value  # every word of the value on its first word's line
    assert len(Presentation(str(output)).slides) == 2  # the tiles stay on one slide


def test_a_layouts_forced_capitals_and_bold_never_change_the_text_written(tmp_path: Path) -> None:
    """PowerPoint's Section Header sets its title in bold capitals; the section's name stays
    as written."""
    require_renderer()
    showcase = SEED_DECK.parent / "examples" / "showcase.yaml"
    output = render(showcase, tmp_path / "out.pptx", template=four_three_calibri(tmp_path)).output
    prs = Presentation(str(output))
    number, section = next(
        (n, s) for n, s in enumerate(prs.slides) if s.slide_layout.name == "Section Header"
    )
    title = section.shapes.title
    assert title.text_frame.text == "Strategic Focus Areas"
    runs = title._element.findall(f".//{{{A}}}rPr")
    assert runs and all((r.get("cap"), r.get("b")) == ("none", "0") for r in runs)
    words = [w.text for w in pdfcheck.convert([output])[output][number].words]
    assert "Strategic" in words and "STRATEGIC" not in words
