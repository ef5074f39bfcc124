"""An organisation's template: the output is drawn with its masters, layouts, theme and size."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests import pdfcheck
from tests.conftest import ROOT, SEED_DECK, require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.templates import (
    OTHER_COLOURS,
    PANDOC_NAMES,
    RENAMED,
    TEMPLATES,
    A,
    _keep,
    _save,
    plain_names,
)
from wocdeck.errors import DeckError, Location
from wocdeck.look.contract import Contract, SlideRole, make_contract
from wocdeck.look.template import read_template
from wocdeck.pipeline import render

NAMES = list(TEMPLATES)
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The seed deck rendered with every test template: name → (template, output)."""
    folder = tmp_path_factory.mktemp("templates")
    out = {}
    for name, make in TEMPLATES.items():
        template = make(folder)
        out[name] = (
            template,
            render(SEED_DECK, folder / f"out-{name}.pptx", template=template).output,
        )
    return out


@pytest.fixture(scope="module")
def drawn(rendered) -> dict[str, list[pdfcheck.Page]]:
    """Every output drawn by LibreOffice."""
    require_renderer()
    pages = pdfcheck.convert([output for _, output in rendered.values()])
    return {name: pages[output] for name, (_, output) in rendered.items()}


def _expected_roles(prs, contract: Contract) -> list[SlideRole]:
    """Figures are slides with tiles; where wocdeck composes them, only tiles without text."""
    roles = []
    for number, slide in enumerate(prs.slides):
        if number == 0:
            roles.append(SlideRole.COVER)
        elif number == len(prs.slides) - 1:
            roles.append(SlideRole.CLOSING)
        elif any(shape.name == "Figure" for shape in slide.shapes):
            text = any(_body_text(shape) for shape in slide.shapes)
            composed = contract.composed(SlideRole.FIGURES)
            roles.append(SlideRole.CONTENT if text and composed else SlideRole.FIGURES)
        else:
            roles.append(SlideRole.CONTENT)
    return roles


def _body_text(shape) -> bool:
    if shape.is_placeholder:
        return shape.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
    return shape.name != "Figure" and shape.has_text_frame and bool(shape.text_frame.text)


@pytest.mark.parametrize("name", NAMES)
def test_master_layouts_theme_and_size_are_the_templates(rendered, name: str) -> None:
    template_file, output = rendered[name]
    template = read_template(template_file, Location("t"))
    result = read_template(output, Location("o"))
    assert [layout.name for layout in result.layouts] == [lay.name for lay in template.layouts]
    assert [lay.placeholders for lay in result.layouts] == [
        lay.placeholders for lay in template.layouts
    ]
    assert result.colors == template.colors
    assert (result.major_font, result.minor_font) == (template.major_font, template.minor_font)
    assert (result.width, result.height) == (template.width, template.height)
    prs = Presentation(str(output))
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    # the seed's slides (a smaller body may continue one), none of the template's examples
    assert len([t for t in titles if not t.endswith("(cont.)")]) == 14
    texts = " ".join(s.text_frame.text for sl in prs.slides for s in sl.shapes if s.has_text_frame)
    assert "EXAMPLE SLIDE" not in texts


@pytest.mark.parametrize("name", NAMES)
def test_every_slide_uses_the_mapped_layout(rendered, name: str) -> None:
    template_file, output = rendered[name]
    contract = make_contract(read_template(template_file, Location("t")), {})
    prs = Presentation(str(output))
    used = [slide.slide_layout.name for slide in prs.slides]
    assert used == [contract.layout(role).name for role in _expected_roles(prs, contract)]


@pytest.mark.parametrize("name", NAMES)
def test_texts_sit_in_the_layouts_placeholders(rendered, name: str) -> None:
    template_file, output = rendered[name]
    contract = make_contract(read_template(template_file, Location("t")), {})
    prs = Presentation(str(output))
    last = len(prs.slides) - 1
    for number, slide in enumerate(prs.slides):
        if number == last and contract.composed(SlideRole.CLOSING):  # wocdeck's arrangement
            title = slide.shapes.title
            assert abs(title.left + title.width / 2 - prs.slide_width / 2) <= 12700
            continue
        layout = {
            (p.placeholder_format.type, p.placeholder_format.idx)
            for p in slide.slide_layout.placeholders
        }
        assert slide.shapes.title is not None
        assert slide.shapes.title.placeholder_format.type in TITLES
        frames = {
            p.placeholder_format.idx: (p.left, p.top, p.left + p.width)
            for p in slide.slide_layout.placeholders
        }
        for shape in slide.shapes:
            # tiles, and body text placed below or beside a group's tiles, are drawn shapes
            drawn = shape.name in ("Figure", "Text")
            if shape.has_text_frame and shape.text_frame.text.strip() and not drawn:
                assert shape.is_placeholder, (slide.slide_layout.name, shape.name)
                key = (shape.placeholder_format.type, shape.placeholder_format.idx)
                assert key in layout, (slide.slide_layout.name, shape.name)
                if shape._element.spPr.find(f"{{{A}}}xfrm") is not None:  # in the layout's frame
                    left, top, right = frames[shape.placeholder_format.idx]
                    assert abs(shape.top - top) <= 12700
                    if shape.placeholder_format.type in TITLES:  # balanced: narrower, inside
                        assert left - 12700 <= shape.left
                        assert shape.left + shape.width <= right + 12700
                    else:
                        assert abs(shape.left - left) <= 12700


@pytest.mark.parametrize("name", NAMES)
def test_package_opens_cleanly(rendered, name: str) -> None:
    assert_opens_cleanly(rendered[name][1])


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_draws_every_word_inside_its_slide_and_box(rendered, drawn, name) -> None:
    template_file, output = rendered[name]
    template = read_template(template_file, Location("t"))
    pages = drawn[name]
    assert all(
        p.width == pytest.approx(template.width, abs=1)
        and p.height == pytest.approx(template.height, abs=1)
        for p in pages
    )
    assert pdfcheck.drawing_problems(output, pages) == []


@pytest.mark.parametrize("name", NAMES)
def test_nothing_written_is_dropped(rendered, drawn, name: str) -> None:
    _, output = rendered[name]
    drawn_text = "".join(w.text for page in drawn[name] for w in page.words).casefold()
    for slide in Presentation(str(output)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for word in shape.text_frame.text.split():
                    assert word.casefold() in drawn_text, (name, word)
    for line in ("Thank you for your time.", "33,745", "CHF 108,348", "Beijing, China"):
        assert line.replace(" ", "").casefold() in drawn_text


def test_the_masters_logo_is_on_every_slide_and_not_copied_onto_slides(rendered) -> None:
    _, output = rendered["logo"]
    prs = Presentation(str(output))
    logos = [s for s in prs.slide_master.shapes if s.name == "Organisation Logo"]
    assert len(logos) == 1 and logos[0].image.content_type == "image/png"
    assert all(not any(s.name == "Organisation Logo" for s in slide.shapes) for slide in prs.slides)
    assert all(slide.slide_layout.slide_master == prs.slide_master for slide in prs.slides)


def test_a_themes_template_and_layouts_are_relative_to_the_theme(tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    TEMPLATES["pandoc"](brand)
    theme = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    theme += "template: pandoc.pptx\nlayouts: {closing: Title Only}\n"
    (brand / "theme.yaml").write_text(theme, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    seed = SEED_DECK.read_text(encoding="utf-8").replace("theme: wipo", "", 1)
    deck.write_text(f"theme: {brand}\n" + seed, encoding="utf-8")
    prs = Presentation(str(render(deck, tmp_path / "out.pptx").output))
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert prs.slides[-1].slide_layout.name == "Title Only"


def test_a_theme_files_wrong_layout_is_blamed_on_that_file(tmp_path: Path) -> None:
    TEMPLATES["pandoc"](tmp_path)
    theme = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    theme += "template: pandoc.pptx\nlayouts: {closing: Title Onyl}\n"
    (tmp_path / "brand.yaml").write_text(theme, encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    seed = SEED_DECK.read_text(encoding="utf-8").replace("theme: wipo", "theme: brand.yaml", 1)
    deck.write_text(seed, encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        render(deck, tmp_path / "out.pptx")
    assert str(caught.value).startswith(f"{tmp_path / 'brand.yaml'}: error: ")
    assert "'Title Onyl'" in str(caught.value)


def test_tiles_take_the_templates_theme_colours(rendered) -> None:
    _, output = rendered["calibri-4x3"]
    assert read_template(output, Location("o")).colors["accent1"] == OTHER_COLOURS["accent1"]
    prs = Presentation(str(output))
    for slide in prs.slides:
        for shape in slide.shapes:
            xml = shape._element.xml
            assert "srgbClr" not in xml  # every colour is a theme reference
            if shape.name == "Figure":
                assert '<a:schemeClr val="bg2"/>' in xml and 'schemeClr val="accent1"' in xml


def test_fonts_are_measured_with_the_metric_compatible_font(tmp_path: Path) -> None:
    from wocdeck.look.fonts import metrics_for
    from wocdeck.look.measure import text_width

    assert metrics_for("Calibri").metrics == "carlito"
    assert metrics_for("Cambria").metrics == "caladea"
    assert metrics_for("Times New Roman").metrics == "liberation-serif"
    assert metrics_for("Courier New").metrics == "liberation-mono"
    sample = "Madrid Hague PCT 33,745 Outreaching"
    calibri = text_width(sample, 20, metrics="carlito")
    assert calibri < text_width(sample, 20) * 0.95  # Calibri sets narrower than Arial
    mono = text_width("iiii", 10, metrics="liberation-mono")
    assert mono == pytest.approx(text_width("MMMM", 10, metrics="liberation-mono"))


def test_an_installed_font_is_measured_from_its_file_and_a_missing_one_is_said(tmp_path) -> None:
    from wocdeck.look.fonts import metrics_for

    dejavu = metrics_for("DejaVu Sans")
    assert dejavu.metrics.endswith(".ttf") and dejavu.notice == ""
    missing = metrics_for("Frutiger Next Pro")
    assert missing.metrics == "dejavu-sans"
    assert "is not installed" in missing.notice and "Frutiger Next Pro" in missing.notice
    assert metrics_for("Garamond Premier Zz").metrics == "dejavu-serif"


def test_the_bundled_look_is_a_template_rebuilt_to_the_same_bytes() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import build_wipo_template

    from wocdeck.look.load import bundled_template
    from wocdeck.look.theme import load_theme

    theme = load_theme("wipo", Location("t"))
    assert build_wipo_template.build(theme) == bundled_template().read_bytes()
    layouts = [layout.name for layout in read_template(bundled_template(), Location("t")).layouts]
    assert layouts == [
        "Cover",
        "Title and Content",
        "Section",
        "Two Content",
        "Closing",
        "Statement",
    ]


def test_renamed_layouts_are_found_by_type_and_can_be_named(tmp_path: Path) -> None:
    template = read_template(TEMPLATES["renamed"](tmp_path), Location("t"))
    found = make_contract(template, {})
    assert found.layout(SlideRole.COVER).name == RENAMED["Title Slide"]
    assert found.layout(SlideRole.CONTENT).name == RENAMED["Title and Content"]
    assert found.layout(SlideRole.SECTION).name == RENAMED["Section Header"]
    assert found.layout(SlideRole.TWO_COLUMNS).name == RENAMED["Two Content"]
    named = make_contract(template, {"closing": ("nur titel", Location("d"))})
    assert named.layout(SlideRole.CLOSING).name == "Nur Titel"
    assert named.choices[SlideRole.CLOSING].reason == "named in 'layouts:'"


def test_a_missing_section_layout_is_composed_on_title_only(tmp_path: Path) -> None:
    contract = make_contract(read_template(TEMPLATES["no-section"](tmp_path), Location("t")), {})
    for role in (SlideRole.SECTION, SlideRole.STATEMENT, SlideRole.CLOSING):
        assert contract.layout(role).name == "Title Only"
        assert contract.composed(role)
    assert contract.choices[SlideRole.SECTION].reason == (
        "composed by wocdeck on 'Title Only': no layout for section dividers"
    )
    assert contract.fallbacks(tuple(SlideRole)) == []


def test_without_title_only_a_missing_layout_is_composed_on_blank(tmp_path: Path) -> None:
    prs = Presentation()
    _keep(prs, [n for n in PANDOC_NAMES if n not in ("Section Header", "Title Only")])
    template = _save(prs, tmp_path / "blank.pptx")
    contract = make_contract(read_template(template, Location("t")), {})
    assert contract.layout(SlideRole.SECTION).name == "Blank"
    assert contract.composed(SlideRole.SECTION)


def test_pandoc_names_without_layout_types_are_matched_by_name(tmp_path: Path) -> None:
    contract = make_contract(read_template(TEMPLATES["pandoc"](tmp_path), Location("t")), {})
    assert {role.value: contract.layout(role).name for role in SlideRole} == {
        "cover": "Title Slide",
        "content": "Title and Content",
        "figures": "Title Only",
        "two_columns": "Two Content",
        "section": "Section Header",
        "statement": "Title Only",
        "closing": "Title Only",
    }
    assert contract.choices[SlideRole.COVER].reason == "by its name"


def test_figures_can_have_a_layout_of_their_own(tmp_path: Path, renderer) -> None:
    template = TEMPLATES["calibri-4x3"](tmp_path)
    seed = SEED_DECK.read_text(encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        f"template: {template.name}\nlayouts: {{figures: Content with Caption}}\n" + seed,
        encoding="utf-8",
    )
    output = render(deck, tmp_path / "out.pptx").output
    prs = Presentation(str(output))
    with_tiles = [s for s in prs.slides if any(sh.name == "Figure" for sh in s.shapes)]
    assert with_tiles and all(s.slide_layout.name == "Content with Caption" for s in with_tiles)
    for slide in with_tiles:
        frame = next(
            p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == 1
        )  # the layout's content placeholder: body text and tiles share it
        inside = [
            shape
            for shape in slide.shapes
            if shape.name == "Figure"
            or (shape.is_placeholder and shape.placeholder_format.idx == 1)
        ]
        assert len(inside) >= 2
        for shape in inside:
            assert frame.left - 12700 <= shape.left
            assert shape.left + shape.width <= frame.left + frame.width + 12700
            assert frame.top - 12700 <= shape.top
            assert shape.top + shape.height <= frame.top + frame.height + 12700
    assert_opens_cleanly(output)
    pages = pdfcheck.convert([output])[output]
    assert pdfcheck.drawing_problems(output, pages) == []


def test_without_fontconfig_fonts_are_found_in_the_font_folders(tmp_path: Path) -> None:
    import shutil

    from wocdeck.look import fonts

    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf"):
        shutil.copy(Path("/usr/share/fonts/truetype/dejavu") / name, folder / name)
    (folder / "dejavu-broken.ttf").write_bytes(b"not a font")
    found = fonts._in_font_folders("DejaVu Sans", [tmp_path / "missing", folder])
    assert found == str(folder / "DejaVuSans.ttf")  # the regular, not the bold or the serif
    assert fonts._in_font_folders("Frutiger Next Pro", [folder]) == ""
    assert fonts.is_font_file(found) and not fonts.is_font_file("carlito")


def test_a_layout_with_a_title_alone_is_title_only_whatever_its_name(tmp_path: Path) -> None:
    """A custom layout type and a German name: a title and no other text placeholder is what
    wocdeck composes section, statement, closing and two columns on; no kind borrows the
    cover's layout, and "Opening" is not taken for a closing by its likeness to "Ending"."""
    template = read_template(plain_names(tmp_path), Location("t"))
    contract = make_contract(template, {})
    composed = (SlideRole.SECTION, SlideRole.STATEMENT, SlideRole.CLOSING, SlideRole.TWO_COLUMNS)
    assert {contract.choices[r].layout.name for r in composed} == {"D Nur Titel"}
    assert all(contract.choices[r].composed for r in composed)
    assert contract.fallbacks(tuple(SlideRole)) == []
