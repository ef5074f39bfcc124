"""The seed, the showcase and a new office's deck through the templates an organisation may
have (4:3 Calibri, wide fonts, layouts left at 4:3 widths, no closing/section/statement
layout, a dark background): designed in each, and drawn inside their boxes by LibreOffice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests import pdfcheck, pdfstyle
from tests.conftest import ROOT, SEED_DECK, require_renderer
from tests.templates import DESIGNED, A
from wocdeck.errors import Location
from wocdeck.look.contract import SlideRole, make_contract
from wocdeck.look.template import read_template
from wocdeck.output.starter import Office, starter
from wocdeck.pipeline import render

DECKS = ("seed", "showcase", "new office")
CASES = [(template, deck) for template in DESIGNED for deck in DECKS]
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every deck rendered through every template: (template, deck) → output."""
    folder = tmp_path_factory.mktemp("designed")
    new = folder / "new-office.yaml"
    office = Office("WIPO Office in Singapore", "WSO", dt.date(2026, 9, 24))
    new.write_text(starter(office), encoding="utf-8")
    sources = {
        "seed": SEED_DECK,
        "showcase": ROOT / "examples" / "showcase.yaml",
        "new office": new,
    }
    out = {}
    for name, make in DESIGNED.items():
        template = make(folder)
        for deck, source in sources.items():
            target = folder / f"{name}-{deck.replace(' ', '-')}.pptx"
            out[name, deck] = render(source, target, template=template).output
    return out


@pytest.fixture(scope="module")
def drawn(decks) -> dict[Path, list[pdfcheck.Page]]:
    """Every output drawn by LibreOffice."""
    require_renderer()
    return pdfcheck.convert(list(decks.values()))


def _sizes(shape) -> set[float]:
    return {int(r.get("sz")) / 100 for r in shape._element.iter(f"{{{A}}}rPr") if r.get("sz")}


@pytest.mark.parametrize(("template", "deck"), CASES)
def test_no_slide_borrows_a_layout_made_for_another_kind(decks, template, deck) -> None:
    source = next(p for p in decks[template, deck].parent.iterdir() if p.stem == template)
    contract = make_contract(read_template(source, Location("t")), {})
    assert [c.fallback for c in contract.choices.values() if c.fallback] == []
    kinds = {c.layout.name for c in contract.choices.values()}
    prs = Presentation(str(decks[template, deck]))
    assert {slide.slide_layout.name for slide in prs.slides} <= kinds
    closing = prs.slides[-1]
    assert closing.slide_layout.name == contract.layout(SlideRole.CLOSING).name


@pytest.mark.parametrize(("template", "deck"), CASES)
def test_one_title_size_and_at_most_one_body_step(decks, template, deck) -> None:
    titles, bodies = set(), set()
    for slide in Presentation(str(decks[template, deck])).slides:
        if slide.slide_layout.name not in ("Title and Content", "Two Content"):
            continue
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            if kind == PP_PLACEHOLDER.TITLE:
                titles |= _sizes(shape)
            elif kind in BODIES:
                bodies |= _sizes(shape)
    assert len(titles) == 1, titles
    assert 1 <= len(bodies) <= 2, bodies


@pytest.mark.parametrize(("template", "deck"), CASES)
def test_tiles_take_the_text_colour_and_one_accent(decks, template, deck) -> None:
    tiles = [
        shape
        for slide in Presentation(str(decks[template, deck])).slides
        for shape in slide.shapes
        if shape.name == "Figure"
    ]
    for tile in tiles:
        colours = [
            {c.get("val") for c in p._p.iter(f"{{{A}}}schemeClr")}
            for p in tile.text_frame.paragraphs
        ]
        label, value, *caption = colours
        assert label == {"tx1"} and all(c == {"tx1"} for c in caption), colours
        assert len(value) == 1, colours


@pytest.mark.parametrize(("template", "deck"), CASES)
def test_every_word_inside_its_box_and_readable(decks, drawn, template, deck) -> None:
    output = decks[template, deck]
    pages = drawn[output]
    frames = pdfcheck.frames(output)
    problems = [
        f"slide {n}: {p}"
        for n, (page, shapes) in enumerate(zip(pages, frames, strict=True), start=1)
        for p in pdfcheck.misplaced(page, shapes)
    ]
    assert problems == []
    assert pdfstyle.contrast_failures(output.with_suffix(".pdf")) == []
