"""`wocdeck check`: PowerPoint's accessibility rules on any .pptx; nothing to find in wocdeck's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from tests.conftest import ROOT, SEED_DECK, Cli
from tests.ooxml import assert_opens_cleanly
from tests.templates import TEMPLATES
from wocdeck.pipeline import render

LANGUAGES = ("en", "zh", "fr", "ar")


def _decks(folder: Path) -> dict[str, Path]:
    """Every deck wocdeck renders in the tests: name → output."""
    out = {
        "seed": render(SEED_DECK, folder / "seed.pptx").output,
        "showcase": render(ROOT / "examples" / "showcase.yaml", folder / "showcase.pptx").output,
    }
    for language in LANGUAGES:
        translated = ROOT / "examples" / "translated.yaml"
        target = folder / f"translated.{language}.pptx"
        out[language] = render(translated, target, language=language).output
    for name, make in TEMPLATES.items():
        template = make(folder)
        out[name] = render(SEED_DECK, folder / f"seed-{name}.pptx", template=template).output
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed, the showcase, each translation and the seed through each test template."""
    return _decks(tmp_path_factory.mktemp("check"))


@pytest.mark.parametrize("name", ["seed", "showcase", *LANGUAGES, *TEMPLATES])
def test_wocdeck_decks_have_nothing_to_find(rendered: dict[str, Path], cli: Cli, name: str):
    code, out, err = cli("check", rendered[name])
    assert (code, err) == (0, ""), out
    assert out.strip() == f"{rendered[name]}: no accessibility problems found"


def test_showcase_titles_are_numbered_where_repeated(rendered: dict[str, Path]):
    titles = [slide.shapes.title.text for slide in Presentation(rendered["showcase"]).slides]
    assert len(titles) == len(set(titles))
    assert titles[21:23] == ["Events of the Year (cont.)", "Events of the Year (cont. 2)"]
    assert titles[11] == "WOC Strategic Focus I: Key Achievements (2)"
    assert_opens_cleanly(rendered["showcase"])


def test_tables_carry_their_columns_as_alternative_text(rendered: dict[str, Path]):
    slide = Presentation(rendered["showcase"]).slides[17]
    table = next(shape for shape in slide.shapes if shape.has_table)
    assert table._element.nvGraphicFramePr.cNvPr.get("descr") == "City, Seminars, Participants"


def _bad_deck(folder: Path) -> Path:
    """A deck with every fault the checker knows, one or two per slide."""
    prs = Presentation()
    blank, titled = prs.slide_layouts[6], prs.slide_layouts[5]
    grey = prs.slides.add_slide(blank)  # slide 1: no title; grey text on a grey box
    box = grey.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.name = "Grey box"
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor(0x99, 0x99, 0x99)
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Hard to read"
    run.font.size = Pt(20)
    run.font.color.rgb = RGBColor(0x88, 0x88, 0x88)
    picture = prs.slides.add_slide(titled)  # slide 2: a picture without alternative text
    picture.shapes.title.text = "Results"
    image = folder / "dot.png"
    Image.new("RGB", (8, 8), "navy").save(image)
    picture.shapes.add_picture(str(image), Inches(1), Inches(2)).name = "Photo"
    table = prs.slides.add_slide(titled)  # slide 3: same title; a table without header row
    table.shapes.title.text = "Results"
    frame = table.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1))
    frame.name = "Figures"
    frame.table.first_row = False
    frame._element.nvGraphicFramePr.cNvPr.set("descr", "Figures by year")
    small = prs.slides.add_slide(titled)  # slide 4: text under 10 pt
    small.shapes.title.text = "Small print"
    note = small.shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(1))
    note.name = "Footnote"
    note.text_frame.paragraphs[0].add_run().text = "Source: WIPO"
    note.text_frame.paragraphs[0].runs[0].font.size = Pt(8)
    _inherited_faults(prs, image)
    _tag_languages(prs, untagged="Untagged")
    path = folder / "bad.pptx"
    prs.save(path)
    return path


def _inherited_faults(prs: Any, image: Path) -> None:
    """Slides 5 and 6: faults a run does not carry itself."""
    cover = prs.slide_layouts[0]  # its title placeholder's list style: pale grey titles
    title = next(s for s in cover.placeholders if s.placeholder_format.type == 3)  # CENTER_TITLE
    body = title.text_frame._txBody
    body.replace(body.find(qn("a:lstStyle")), etree.fromstring(PALE))
    pale = prs.slides.add_slide(cover)  # slide 5: an inherited pale title; a group's picture
    pale.shapes.title.text = "Pale title"
    group = pale.shapes.add_group_shape()
    group.name = "Logos"
    group._element.nvGrpSpPr.cNvPr.set("descr", "The partners' logos")
    group.shapes.add_picture(str(image), Inches(1), Inches(4)).name = "Logo"
    shaded = prs.slides.add_slide(prs.slide_layouts[5])  # slide 6: gradient, picture, no lang
    shaded.shapes.title.text = "Shaded"
    box = shaded.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1))
    box.name = "Gradient box"
    box.fill.gradient()
    box.fill.gradient_stops[0].color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    box.fill.gradient_stops[1].color.rgb = RGBColor(0x33, 0x33, 0x33)
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "Fades away", Pt(20)
    run.font.color.rgb = RGBColor(0x00, 0x00, 0x00)
    photo = shaded.shapes.add_picture(str(image), Inches(5), Inches(3), Inches(3), Inches(2))
    photo._element.nvPicPr.cNvPr.set("descr", "A navy square")
    over = shaded.shapes.add_textbox(Inches(5.5), Inches(3.5), Inches(2), Inches(1))
    over.name = "Caption"
    caption = over.text_frame.paragraphs[0].add_run()
    caption.text, caption.font.size = "On the photo", Pt(20)
    caption.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    other = shaded.shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(1))
    other.name = "Untagged"
    other.text_frame.paragraphs[0].add_run().text = "No language"


DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
PALE = (
    '<a:lstStyle xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:lvl1pPr>'
    '<a:defRPr><a:solidFill><a:srgbClr val="EEEEEE"/></a:solidFill></a:defRPr>'
    "</a:lvl1pPr></a:lstStyle>"
)


def _tag_languages(prs: Any, untagged: str) -> None:
    """Every run tagged English, as PowerPoint tags them, but in the shape named untagged."""
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.name != untagged:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run._r.get_or_add_rPr().set("lang", "en-US")


def test_each_fault_is_found_on_its_slide(tmp_path: Path, cli: Cli):
    deck = _bad_deck(tmp_path)
    assert_opens_cleanly(deck)
    code, out, err = cli("check", deck)
    assert code == 1 and err == "", out
    lines = out.splitlines()
    expected = [
        f"{deck}: slide 1: error: the slide has no title",
        f'{deck}: slide 1, "Grey box": error: text "Hard to read" (#888888 on #999999) has '
        "contrast 1.24:1, under 3:1",
        f'{deck}: slide 2, "Photo": error: the picture has no alternative text',
        f'{deck}: slide 3, "Figures": error: the table does not mark its first row as a header row',
        f'{deck}: slide 3: error: another slide has the same title "Results"',
        f'{deck}: slide 4, "Footnote": warning: text "Source: WIPO" is 8 pt, under 10 pt',
        f'{deck}: slide 5, "Logo": error: the picture in the group "Logos" has no alternative text',
        f'{deck}: slide 5, "Title 1": error: text "Pale title" (#EEEEEE on #FFFFFF) has '
        "contrast 1.16:1, under 3:1",
        f'{deck}: slide 6, "Gradient box": error: text "Fades away" (#000000 on #333333) has '
        "contrast 1.66:1, under 3:1",
        f'{deck}: slide 6, "Caption": warning: text "On the photo" stands on a picture: its '
        "contrast cannot be measured",
        f'{deck}: slide 6, "Untagged": warning: text "No language" has no language tag',
    ]
    for line, start in zip(lines, expected, strict=False):
        assert line.startswith(start + " ("), (line, start)
    assert lines[len(expected) :] == [f"{deck}: 8 error(s), 3 warning(s)"]


def test_json_output_is_one_object_per_finding(tmp_path: Path, cli: Cli):
    deck = _bad_deck(tmp_path)
    code, out, _ = cli("check", deck, "--format", "json")
    found = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [(f["slide"], f["rule"]) for f in found] == [
        (1, "missing-title"),
        (1, "contrast"),
        (2, "missing-alt-text"),
        (3, "table-header"),
        (3, "duplicate-title"),
        (4, "small-text"),
        (5, "missing-alt-text"),
        (5, "contrast"),
        (6, "contrast"),
        (6, "contrast-by-eye"),
        (6, "language"),
    ]
    assert found[2]["shape"] == "Photo" and found[2]["fix"].startswith("right-click it")


def test_a_file_that_is_not_a_presentation_is_refused(tmp_path: Path, cli: Cli):
    text = tmp_path / "deck.pptx"
    text.write_text("event: {}\n", encoding="utf-8")
    code, out, err = cli("check", text)
    assert (code, out) == (1, "")
    assert err.startswith(f"{text}: error: this is not a PowerPoint presentation (.pptx)")


def test_render_check_passes_on_the_seed(seed_copy: Path, cli: Cli):
    code, out, err = cli("render", seed_copy, "--check")
    assert code == 0, out + err
    output = seed_copy.with_suffix(".pptx")
    assert out.splitlines()[-2:] == [
        f"wrote {output} (14 slides)",
        f"{output}: no accessibility problems found",
    ]


def test_render_check_fails_listing_what_the_output_breaks(
    seed_copy: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
):
    # a contrast rule no colours can meet: every measured text is an error
    monkeypatch.setattr("wocdeck.look.accessibility.required", lambda size, bold: 22.0)
    code, out, _ = cli("render", seed_copy, "--check", "--format", "json")
    found = [json.loads(line) for line in out.splitlines()]
    checked = [f for f in found if "rule" in f]
    assert code == 1
    assert checked and {f["rule"] for f in checked} == {"contrast"}
    assert all(f["file"] == str(seed_copy.with_suffix(".pptx")) for f in checked)
    assert {f["slide"] for f in checked} >= {2, 3}


def test_a_title_coloured_by_the_master_text_styles_is_measured(tmp_path: Path, cli: Cli):
    prs = Presentation()
    master = prs.slide_master._element
    fill = master.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    colour = fill.find(f"{qn('a:defRPr')}/{qn('a:solidFill')}")
    colour.clear()
    colour.append(etree.fromstring(f'<a:schemeClr xmlns:a="{DRAWING}" val="bg2"/>'))
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Light on light"
    _tag_languages(prs, untagged="")
    deck = tmp_path / "master.pptx"
    prs.save(deck)
    code, out, _ = cli("check", deck, "--format", "json")
    (found,) = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert (found["slide"], found["rule"]) == (1, "contrast")
    assert found["message"].startswith('text "Light on light" (#EEECE1 on #FFFFFF)')
