"""The seed deck as a PowerPoint file: text on the right slides, native placeholders, theme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

from tests.conftest import SEED_DECK, SEED_TEXT
from tests.ooxml import assert_opens_cleanly
from wocdeck.pipeline import render

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
# The seed's headings → the slide title wocdeck derives for them (the seed says "Key
# Achievement" on some slides; wocdeck's derived title is always "Key Achievements").
SEED_TITLES = {
    "WOC Strategic Focus II: Key Achievement": "WOC Strategic Focus II: Key Achievements",
    "WOC Strategic Focus III: Key Achievement": "WOC Strategic Focus III: Key Achievements",
    "WOC Strategic Focus IV: Key Achievement": "WOC Strategic Focus IV: Key Achievements",
}
METRIC_LINE = re.compile(r"^(PCT|Madrid|Hague): ")


@pytest.fixture(scope="module")
def seed_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "deck.pptx"
    render(SEED_DECK, out)
    return out


@pytest.fixture(scope="module")
def prs(seed_pptx: Path):
    return Presentation(str(seed_pptx))


def _clean(line: str) -> str:
    line = line.strip().lstrip("#").strip().lstrip("■-").strip()
    line = line.replace("**", "").strip("*").replace("( ", "(")
    return re.sub(r"\s+", " ", line).rstrip(";:")


def _seed_slides() -> list[tuple[str, list[str]]]:
    """The seed as (heading, lines) per slide; the title slide's heading is its first line."""
    slides: list[tuple[str, list[str]]] = []
    for raw in SEED_TEXT.read_text(encoding="utf-8").splitlines():
        line = _clean(raw)
        if raw.startswith("# "):
            slides.append((SEED_TITLES.get(line, line), []))
        elif raw.startswith("*") and not raw.startswith("**"):
            slides.append(("", [line]))  # the closing line, set in italics after the last slide
        elif line:
            slides[-1][1].append(line)
    return slides


def _slide_text(slide) -> str:
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    return re.sub(r"\s+", " ", " ".join(texts).replace("\v", " "))


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title else ""


def test_seed_has_a_slide_per_seed_section(prs) -> None:
    assert len(prs.slides) == 14
    assert prs.slide_width == Emu(12192000) and prs.slide_height == Emu(6858000)  # 16:9


def test_every_seed_line_is_on_the_slide_it_belongs_to(prs) -> None:
    slides = list(prs.slides)
    by_title = {" ".join(_title(s).split()): s for s in slides}  # "(SG\u00a08)" read as "(SG 8)"
    for heading, lines in _seed_slides():
        slide = by_title.get(heading) if heading else slides[-1]
        if heading and slide is None:  # the title slide: its heading is its first line
            slide = slides[0]
            lines = [heading, *lines]
        text = _slide_text(slide)
        for line in lines:
            if METRIC_LINE.match(line):
                fragments = re.split(r": | \(|\), ", line)
                for fragment in fragments:
                    assert fragment.strip("()") in text, (heading, line, fragment)
            else:
                assert line in text, (heading, line)


def test_titles_are_in_title_placeholders(prs) -> None:
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.placeholder_format.type in TITLE_TYPES
        assert title.text_frame.text.strip()


def test_bullets_are_in_body_placeholders_with_levels(prs) -> None:
    slide = prs.slides[3]
    assert _title(slide).startswith("WOC Strategic Focus I: A responsive")
    body = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
    assert len(body) == 1
    paragraphs = body[0].text_frame.paragraphs
    assert [p.level for p in paragraphs] == [0, 0]
    assert paragraphs[0].text.startswith("Outreaching to regions within China")


def test_theme_part_holds_the_wipo_colours_and_fonts(prs) -> None:
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    colours = {
        etree.QName(slot).localname: slot[0].get("val") for slot in theme.find(".//a:clrScheme", ns)
    }
    assert colours["accent1"] == "0059C6"
    assert colours["dk2"] == "004294"
    assert {colours["accent2"], colours["accent3"], colours["accent4"]} == {
        "1C94AB",
        "A8B215",
        "B3145B",
    }
    assert theme.find(".//a:minorFont/a:latin", ns).get("typeface") == "Arial"
    assert theme.find(".//a:minorFont/a:ea", ns).get("typeface") == "Microsoft YaHei"


def test_emphasised_figures_are_bold_runs(prs) -> None:
    bold = set()
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    bold |= {r.text for r in paragraph.runs if r.font.bold}
    for figure in ("17", "60", "15", "20", "28", "29", "7", "277", "5,730", "5,825", "42"):
        assert figure in bold, figure
    assert "33,745" in bold and "CHF 108,348" in bold  # figure tiles


def test_figures_are_large_tiles_with_alt_text(prs) -> None:
    slide = next(s for s in prs.slides if _title(s) == "WOC Strategic Focus II: Key Achievements")
    tiles = [s for s in slide.shapes if s.name == "Figure"]
    assert [t.text_frame.paragraphs[1].text for t in tiles] == ["33,745", "3,571", "87"]
    assert all(t.text_frame.paragraphs[1].runs[0].font.size.pt >= 28 for t in tiles)
    alt = [t._element.nvSpPr.cNvPr.get("descr") for t in tiles]
    assert alt[2] == "Hague: 87 (Jan-Aug), exceeding 2017 total by 85%"


def test_speaker_notes_come_from_the_yaml(prs) -> None:
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert notes.startswith("Welcome. This is the report of the WIPO Office in China")
    assert not prs.slides[1].has_notes_slide  # no notes in the YAML: no notes slide


def test_footer_and_slide_number_placeholders(prs) -> None:
    slide = prs.slides[4]
    kinds = {p.placeholder_format.type: p for p in slide.placeholders}
    assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == (
        "WIPO Office in China · Side-Event at the 2018 WIPO Assemblies"
    )
    number = kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element.xpath(".//a:fld[@type='slidenum']")
    assert len(number) == 1 and number[0].xpath("string(a:t)") == "5"


def test_layouts_are_the_themes_own(prs) -> None:
    assert [layout.name for layout in prs.slide_layouts] == [
        "Cover",
        "Title and Content",
        "Section",
        "Two Content",
        "Closing",
        "Statement",
    ]
    assert prs.slides[0].slide_layout.name == "Cover"
    assert prs.slides[-1].slide_layout.name == "Closing"


def test_east_asian_runs_get_the_east_asian_font(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, write_deck

    deck = write_deck(tmp_path, MINIMAL + "year_ahead: [继续在中国开展推广活动, Plain English]\n")
    prs = Presentation(str(render(deck, tmp_path / "out.pptx").output))
    runs = [r for p in prs.slides[1].placeholders[1].text_frame.paragraphs for r in p.runs]
    chinese, english = runs
    assert chinese._r.rPr.get("lang") == "zh-CN"
    assert (
        chinese._r.rPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}ea").get(
            "typeface"
        )
        == "Microsoft YaHei"
    )
    assert english._r.rPr.get("lang") == "en-US"


# --- package conformance: the notes master listed, sub-bullets at level 2 ---

ROOT = SEED_DECK.parent
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"


SUB_BULLETS = """\
event:
  office: WIPO Office in China
  title: Side-Event at the 2018 WIPO Assemblies
  date: 1900-01-01
  notes: Welcome
year_ahead:
  - text: Cooperation with stakeholders in China
    points:
      - universities
      - industry associations
  - A plain bullet
"""


def test_the_notes_master_is_listed_and_the_package_opens_cleanly(
    seed_pptx: Path, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(SUB_BULLETS, encoding="utf-8")
    for pptx in (seed_pptx, render(deck, deck.with_suffix(".pptx")).output):
        assert_opens_cleanly(pptx)
        prs = Presentation(str(pptx))
        listed = prs.part._element.xpath("./p:notesMasterIdLst/p:notesMasterId/@r:id")
        assert [prs.part.rels[r].reltype for r in listed] == [RT.NOTES_MASTER]


def _bullet_mark(prs, paragraph) -> str:
    """The bullet PowerPoint shows: the paragraph's own, else the master's body style's."""
    own = paragraph._p.pPr.find(f"{{{_A}}}buChar")
    if own is not None:
        return own.get("char")
    styles = prs.slide_master._element.find(f"{{{_P}}}txStyles").find(f"{{{_P}}}bodyStyle")
    level = styles.find(f"{{{_A}}}lvl{paragraph.level + 1}pPr")
    return level.find(f"{{{_A}}}buChar").get("char")


def test_sub_bullets_are_level_two_paragraphs_with_their_own_indent(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(SUB_BULLETS, encoding="utf-8")
    prs = Presentation(str(render(deck, deck.with_suffix(".pptx")).output))
    body = next(s for s in prs.slides[1].placeholders if s.placeholder_format.idx == 1)
    rows = [(p.level, p.text, p._p.pPr.get("marL")) for p in body.text_frame.paragraphs]
    assert [(level, text) for level, text, _ in rows] == [
        (0, "Cooperation with stakeholders in China"),
        (1, "universities"),
        (1, "industry associations"),
        (0, "A plain bullet"),
    ]
    assert int(rows[1][2]) > int(rows[0][2])  # indented further
    marks = [_bullet_mark(prs, p) for p in body.text_frame.paragraphs]
    assert marks == ["\u2022", "\u2013", "\u2013", "\u2022"]  # sub-bullets: their own mark
    hanging = [
        int(p._p.pPr.get("marL")) + int(p._p.pPr.get("indent")) for p in body.text_frame.paragraphs
    ]
    assert hanging[1] == int(rows[0][2])  # a sub-bullet's mark sits under its bullet's text
