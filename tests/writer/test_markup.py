"""Slide XML written as text: what a user typed comes back exactly, pictures keep their shape."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from lxml import etree
from PIL import Image
from pptx import Presentation

from tests.conftest import ROOT, write_deck
from wocdeck.pipeline import render

TRICKY = "R&D <2018> \"quoted\" 'single' a && b > c"
DECK = {
    "event": {
        "office": "WIPO Office in China",
        "title": TRICKY,
        "date": "2018-09-27",
        "notes": f"First line {TRICKY}\n\nThird line\tafter a tab",
    },
    "focus": [
        {
            "name": "Outreach & <partners>",
            "aims": [f"Aim with {TRICKY}", "Line one\u2028line two"],
            "achievements": [
                {
                    "heading": "Figures",
                    "points": ["Plain point"],
                    "metrics": [{"label": 'PCT & "Madrid"', "value": "33745"}],
                }
            ],
        }
    ],
}


def _render(folder: Path, deck: dict) -> Presentation:
    source = write_deck(folder, yaml.safe_dump(deck, allow_unicode=True, sort_keys=False))
    return Presentation(str(render(source, folder / "out.pptx").output))


def _texts(prs: Presentation) -> list[str]:
    return [
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]


def test_markup_characters_round_trip_exactly(tmp_path: Path) -> None:
    prs = _render(tmp_path, DECK)
    texts = _texts(prs)
    assert TRICKY in texts  # the cover title
    assert f"Aim with {TRICKY}" in "\n".join(texts)
    assert any("Outreach & <partners>" in t for t in texts)
    assert prs.slides[0].notes_slide.notes_text_frame.text == DECK["event"]["notes"]
    tile = next(s for slide in prs.slides for s in slide.shapes if s.name == "Figure")
    assert tile._element.nvSpPr.cNvPr.get("descr") == 'PCT & "Madrid": 33,745'


def test_a_line_break_inside_a_bullet_stays_in_one_paragraph(tmp_path: Path) -> None:
    prs = _render(tmp_path, DECK)
    body = next(
        shape
        for slide in prs.slides
        for shape in slide.placeholders
        if "Line one" in shape.text_frame.text
    )
    paragraph = next(p for p in body.text_frame.paragraphs if "Line one" in p.text)
    assert paragraph.text == "Line one\vline two"  # python-pptx shows <a:br/> as a vertical tab
    sizes = {r.font.size.pt for r in paragraph.runs}
    assert len(sizes) == 1


def test_every_part_is_well_formed_xml(tmp_path: Path) -> None:
    prs = _render(tmp_path, DECK)
    for slide in prs.slides:
        etree.fromstring(slide.part.blob)  # raises on malformed XML
        if slide.has_notes_slide:
            etree.fromstring(slide.notes_slide.part.blob)


def test_theme_logo_is_a_picture_with_alt_text_not_its_file_name(tmp_path: Path) -> None:
    theme = tmp_path / "brand"
    theme.mkdir()
    shutil.copy(ROOT / "themes" / "wipo" / "theme.yaml", theme / "theme.yaml")
    text = (theme / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(
        text.replace("logo: null", "logo: secret-draft-logo.png"), encoding="utf-8"
    )
    Image.new("RGB", (300, 100), "#0059C6").save(theme / "secret-draft-logo.png")
    prs = _render(tmp_path, {**DECK, "theme": str(theme)})
    pictures = [s for s in prs.slides[0].shapes if s.element.tag.endswith("}pic")]
    assert len(pictures) == 1  # in the cover's logo slot: a placeholder picture
    logo = pictures[0]
    assert logo.height.pt == 48
    assert abs(logo.width.pt - 144) < 0.01  # 3:1, as the image
    described = logo._element.nvPicPr.cNvPr.get("descr")
    assert described == "WIPO logo" and "secret" not in described
    assert logo.image.size == (300, 100)
    assert not any(
        s.element.tag.endswith("}pic") for slide in list(prs.slides)[1:] for s in slide.shapes
    )
