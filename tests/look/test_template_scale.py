"""Body text through a template is set in the template's type scale, one size and one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests.conftest import SEED_DECK
from tests.templates import ODD_SCALE, A, four_three_calibri, odd_scale
from wocdeck.errors import Location
from wocdeck.look.template import read_template
from wocdeck.look.theme import load_theme
from wocdeck.pipeline import render

BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
CONTENT_LAYOUTS = ("Title and Content", "Two Content")


def body_sizes(deck: Path) -> set[float]:
    """The sizes of body text on content and two-column slides, in points."""
    found = set()
    for slide in Presentation(str(deck)).slides:
        if slide.slide_layout.name not in CONTENT_LAYOUTS:
            continue
        for shape in slide.placeholders:
            if shape.placeholder_format.type in BODIES:
                runs = shape._element.iter(f"{{{A}}}rPr")
                found |= {int(r.get("sz")) / 100 for r in runs if r.get("sz")}
    return found


@pytest.mark.parametrize("deck", [SEED_DECK, SEED_DECK.parent / "examples" / "showcase.yaml"])
def test_body_sizes_come_from_the_templates_scale(tmp_path: Path, deck: Path) -> None:
    template = odd_scale(tmp_path)
    output = render(deck, tmp_path / "out.pptx", template=template).output
    sizes = body_sizes(output)
    floor = load_theme("wipo", Location("t")).sizes.body_floor
    layouts = read_template(template, Location("t")).layouts
    columns = {p.size for lay in layouts if lay.name == "Two Content" for p in lay.all("obj")}
    assert columns == {28.0}  # the layout's own size for two columns
    assert sizes and sizes <= {*ODD_SCALE, *columns, floor}, sizes  # not the theme's 24, 22, 20
    assert len(sizes) <= 2  # one body size, at most one smaller step


def title_sizes(deck: Path) -> set[float]:
    """The sizes of the titles of content slides, in points."""
    found = set()
    for slide in Presentation(str(deck)).slides:
        if slide.slide_layout.name in CONTENT_LAYOUTS and slide.shapes.title is not None:
            runs = slide.shapes.title._element.iter(f"{{{A}}}rPr")
            found |= {int(r.get("sz")) / 100 for r in runs if r.get("sz")}
    return found


def test_a_long_title_takes_the_body_text_down_with_the_titles(tmp_path: Path) -> None:
    """PowerPoint's default template titles at 44 pt over 32 pt text; one long focus name
    sets every title smaller than 32 pt: the body text is then set under the titles' size
    (a step of the template's scale), never larger than the titles over it."""
    name = "Wider and Better Use of the PCT, Madrid and Hague Systems in the Member States (SG 2)"
    text = SEED_DECK.read_text(encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(text.replace("name: A responsive communications interface", f"name: {name}"))
    rendered = render(deck, tmp_path / "out.pptx", template=four_three_calibri(tmp_path))
    (title,) = title_sizes(rendered.output)
    assert title < 32 and max(body_sizes(rendered.output)) < title
    said = [a.message for a in rendered.adjustments if "every title set at" in a.message]
    assert said and said[0].endswith(f"body text at most {max(body_sizes(rendered.output)):g} pt")
