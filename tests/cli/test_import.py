"""`wocdeck import`: an old PowerPoint becomes a deck file that renders every word, number,
table, picture and chart of the original."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from tests.conftest import ROOT, SEED_DECK, Cli
from tests.ooxml import assert_opens_cleanly
from tests.pdfcheck import convert


def _texts(deck: Path) -> tuple[list[str], list[str]]:
    """Every paragraph on the slides (tables' cells included) and every notes paragraph."""
    slides, notes = [], []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                slides += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                slides += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            notes += [p.text for p in slide.notes_slide.notes_text_frame.paragraphs]
    return [t for t in slides if t.strip()], [t for t in notes if t.strip()]


def _imported(cli: Cli, original: Path) -> tuple[Path, str]:
    """Import the original and render the deck file; the new .pptx and what import printed."""
    deck = original.with_name(original.stem + "-deck.yaml")
    code, out, err = cli("import", original)
    assert (code, err) == (0, ""), err
    assert cli("render", deck)[0] == 0
    assert_opens_cleanly(deck.with_suffix(".pptx"))
    return deck.with_suffix(".pptx"), out


def _every_word_rendered(original: Path, new: Path) -> None:
    """Each word of each slide of the original is drawn in the new render; each paragraph of
    the original's slides and notes is in the new deck."""
    texts, notes = _texts(original)
    new_texts, new_notes = _texts(new)
    joined = " ".join(" ".join(new_texts).split())
    missing = [t for t in texts if " ".join(t.split()) not in joined]
    assert not missing
    assert [n for n in notes if n not in "\n".join(new_notes)] == []
    drawn = Counter(w.text for page in convert([new])[new] for w in page.words)
    words = {w for t in texts for w in t.split()}
    assert not [w for w in words if drawn[w] == 0 and not any(w in d for d in drawn)]


def _tables(deck: Path) -> set[tuple[str, ...]]:
    return {
        tuple(c.text for c in row.cells)
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
    }


def _charts(deck: Path) -> list[tuple[tuple[str, ...], tuple[tuple[str, tuple[float, ...]], ...]]]:
    found = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                series = tuple((s.name, tuple(s.values)) for s in plot.series)
                found.append((tuple(str(c) for c in plot.categories), series))
    return sorted(found)


def _pictures(deck: Path) -> list[tuple[int, int]]:
    from PIL import Image

    sizes = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # a picture
                with Image.open(io.BytesIO(shape.image.blob)) as image:
                    sizes.append(image.size)
    return sorted(sizes)


def test_the_seed_decks_own_render_imports_to_a_deck_with_every_word(
    cli: Cli, tmp_path: Path, renderer: None
) -> None:
    shutil.copy(SEED_DECK, tmp_path / "seed.yaml")
    assert cli("render", tmp_path / "seed.yaml")[0] == 0
    original = tmp_path / "seed.pptx"
    new, out = _imported(cli, original)
    assert f"wrote {tmp_path / 'seed-deck.yaml'} (14 of 14 slides from {original})" in out
    text = (tmp_path / "seed-deck.yaml").read_text(encoding="utf-8")
    assert "  office: WIPO Office in China\n  acronym: WOC\n" in text
    assert "  date: 2018-09-27\n" in text
    assert "# slide 7 of seed.pptx (Title and Content)" in text
    _every_word_rendered(original, new)


def test_the_showcase_imports_with_its_tables_pictures_and_charts(
    cli: Cli, tmp_path: Path, renderer: None
) -> None:
    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder)
    assert cli("render", folder / "showcase.yaml")[0] == 0
    original = folder / "showcase.pptx"
    new, _ = _imported(cli, original)
    assert _tables(new) == _tables(original)
    assert _charts(new) == _charts(original)
    assert _pictures(new) == _pictures(original)
    _every_word_rendered(original, new)


def _default_template_deck(path: Path) -> None:
    """A deck made with python-pptx's default template: a title slide, bullets three levels
    deep, a table, a described picture and a chart."""
    from PIL import Image

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = "Quarterly Review"
    cover.placeholders[1].text = "Prepared for the board"
    bullets = deck.slides.add_slide(deck.slide_layouts[1])
    bullets.shapes.title.text = "Highlights"
    body = bullets.placeholders[1].text_frame
    body.text = "Sales grew"
    for level, text in ((1, "Europe up 12%"), (2, "Mostly Germany"), (0, "Costs fell")):
        paragraph = body.add_paragraph()
        paragraph.text, paragraph.level = text, level
    bullets.notes_slide.notes_text_frame.text = "Mention the new office."
    table_slide = deck.slides.add_slide(deck.slide_layouts[5])
    table_slide.shapes.title.text = "Figures"
    table = table_slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, row in enumerate((("Region", "Sales"), ("Europe", "1,200"), ("Asia", "950"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    picture_slide = deck.slides.add_slide(deck.slide_layouts[5])
    picture_slide.shapes.title.text = "Our Team"
    image = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 120, 200)).save(image, "PNG")
    image.seek(0)
    picture = picture_slide.shapes.add_picture(image, Inches(1), Inches(2), Inches(4))
    picture._element.nvPicPr.cNvPr.set("descr", "The team at the office")
    chart_slide = deck.slides.add_slide(deck.slide_layouts[5])
    chart_slide.shapes.title.text = "Growth"
    data = CategoryChartData()
    data.categories = ["2016", "2017", "2018"]
    data.add_series("Filings", (120, 135.5, 160))
    chart_slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data
    )
    deck.save(str(path))


def test_a_default_template_deck_imports_with_levels_table_picture_and_chart(
    cli: Cli, tmp_path: Path, renderer: None
) -> None:
    original = tmp_path / "review.pptx"
    _default_template_deck(original)
    new, out = _imported(cli, original)
    text = (tmp_path / "review-deck.yaml").read_text(encoding="utf-8")
    assert (
        '  - text: Sales grew\n        points:\n          - "Europe up 12%; Mostly Germany"\n'
        in text
    )
    assert "slide 2: bullets deeper than two levels joined to the bullet above them" in out
    assert "slide 1: not recognised as a cover" in out
    assert "      alt: The team at the office\n" in text
    assert "  # slide 1 of review.pptx (Title Slide)\n  - section: Quarterly Review\n" in text
    assert (tmp_path / "pictures" / "slide-04-image1.png").is_file()
    assert _tables(new) == _tables(original)
    assert _charts(new) == _charts(original)
    assert _pictures(new) == _pictures(original)
    _every_word_rendered(original, new)


def _rewrite(path: Path, changes: dict[str, bytes | None]) -> None:
    """Rewrite members of a zip file (None: remove it)."""
    import zipfile

    members = {}
    if path.exists():
        with zipfile.ZipFile(path) as source:
            members = {name: source.read(name) for name in source.namelist()}
    for name, data in changes.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def _member(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as source:
        return source.read(name)


def _many_slides(path: Path, count: int) -> None:
    slides = "".join(f'<p:sldId id="{256 + i}" r:id="rId{i + 1}"/>' for i in range(count))
    presentation = (
        '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<p:sldIdLst>{slides}</p:sldIdLst></p:presentation>"
    )
    _rewrite(
        path, {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": presentation.encode()}
    )


BAD = {
    "not a presentation": (
        lambda p: p.write_text("event: {}\n"),
        "error: this is not a PowerPoint presentation (.pptx)",
    ),
    "a zip of something else": (
        lambda p: _rewrite(p, {"word/document.xml": b"<w/>"}),
        "error: this is a zip file but not a PowerPoint presentation",
    ),
    "password-protected": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        "error: the presentation is password-protected (encrypted) or an old .ppt file",
    ),
    "damaged slide": (
        lambda p: (_default_template_deck(p), _rewrite(p, {"ppt/slides/slide2.xml": b"<p:sld"})),
        "error: the presentation is damaged: ppt/slides/slide2.xml is not XML",
    ),
    "missing slide": (
        lambda p: (_default_template_deck(p), _rewrite(p, {"ppt/slides/slide3.xml": None})),
        "error: the presentation is damaged: slide 3 is missing",
    ),
    "a DTD in a part": (
        lambda p: (
            _default_template_deck(p),
            _rewrite(
                p,
                {
                    "ppt/slides/slide1.xml": b'<!DOCTYPE l [<!ENTITY a "aaaa">]>'
                    + _member(p, "ppt/slides/slide1.xml").split(b"?>", 1)[1]
                },
            ),
        ),
        "error: the part ppt/slides/slide1.xml declares a DTD, which a presentation never does",
    ),
    "2,000 slides": (
        lambda p: _many_slides(p, 2000),
        "error: the presentation has 2,000 slides; wocdeck imports at most 1,000",
    ),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_presentation_is_a_plain_message_and_nothing_is_written(
    cli: Cli, tmp_path: Path, case: str
) -> None:
    make, expected = BAD[case]
    original = tmp_path / "old.pptx"
    make(original)
    code, out, err = cli("import", original)
    assert code == 1
    assert f"{original}: {expected}" in err
    assert "Traceback" not in err + out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pptx"]


def test_a_picture_without_a_file_and_a_chart_without_values_are_reported(
    cli: Cli, tmp_path: Path
) -> None:
    import re

    original = tmp_path / "old.pptx"
    _default_template_deck(original)
    rels = _member(original, "ppt/slides/_rels/slide4.xml.rels").decode()
    linked = re.sub(
        r'Target="[^"]*image1.png"', 'Target="file:///c:/team.png" TargetMode="External"', rels
    )
    chart = re.sub(
        rb"<c:numCache>.*?</c:numCache>",
        b"",
        _member(original, "ppt/charts/chart1.xml"),
        flags=re.S,
    )
    _rewrite(
        original,
        {"ppt/slides/_rels/slide4.xml.rels": linked.encode(), "ppt/charts/chart1.xml": chart},
    )
    code, out, err = cli("import", original)
    assert (code, err) == (0, "")
    assert (
        f"{original}: slide 4: the picture 'Picture 2' has no file in the presentation: "
        "not imported" in out
    )
    assert (
        f"{original}: slide 5: the chart 'Chart 2' cannot be imported: the series 'Filings' "
        "has no cached values" in out
    )
    text = (tmp_path / "old-deck.yaml").read_text(encoding="utf-8")
    assert "  - section: Our Team\n" in text and "  - section: Growth\n" in text
    assert cli("validate", tmp_path / "old-deck.yaml")[0] == 0


def test_keep_template_names_the_original_and_renders_in_its_look(cli: Cli, tmp_path: Path) -> None:
    original = tmp_path / "review.pptx"
    _default_template_deck(original)
    deck = tmp_path / "new" / "deck.yaml"
    code, _, err = cli("import", original, "-o", deck, "--keep-template")
    assert (code, err) == (0, "")
    text = deck.read_text(encoding="utf-8")
    assert "template: review.pptx  # the original's template (--keep-template)\n" in text
    assert (deck.parent / "review.pptx").read_bytes() == original.read_bytes()  # beside it
    assert cli("render", deck)[0] == 0
    assert_opens_cleanly(deck.with_suffix(".pptx"))
    layouts = {s.slide_layout.name for s in Presentation(str(deck.with_suffix(".pptx"))).slides}
    assert "Title and Content" in layouts
