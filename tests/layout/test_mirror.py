"""A deck translated in one file, rendered in Chinese, French and Arabic: language tags, fonts,
right-to-left paragraphs and a mirrored layout, in the XML and as LibreOffice draws them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from tests import pdfcheck
from tests.conftest import ROOT, require_renderer
from tests.ooxml import assert_opens_cleanly

TRANSLATED = ROOT / "examples" / "translated.yaml"
LANGUAGES = ("zh", "fr", "ar")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The translated example in Chinese, French and Arabic."""
    from wocdeck.pipeline import render

    folder = tmp_path_factory.mktemp("translated")
    deck = folder / "translated.yaml"
    deck.write_text(TRANSLATED.read_text(encoding="utf-8"), encoding="utf-8")
    return {
        language: render(deck, folder / f"translated.{language}.pptx", language=language).output
        for language in LANGUAGES
    }


def _slide_xml(deck: Path, number: int) -> str:
    with zipfile.ZipFile(deck) as archive:
        return archive.read(f"ppt/slides/slide{number}.xml").decode()


def _runs(xml: str) -> list[tuple[str, str]]:
    """(rPr markup, text) of every run."""
    return re.findall(r"<a:r>(<a:rPr[^>]*>.*?</a:rPr>)<a:t>([^<]*)</a:t></a:r>", xml)


@pytest.mark.parametrize("language", LANGUAGES)
def test_packages_open_cleanly(decks, language: str) -> None:
    assert_opens_cleanly(decks[language])


def test_chinese_runs_carry_zh_cn_and_the_east_asian_font(decks) -> None:
    runs = _runs(_slide_xml(decks["zh"], 1))
    chinese = [(p, t) for p, t in runs if "世界知识产权组织" in t]
    assert chinese
    for properties, _ in chinese:
        assert 'lang="zh-CN" altLang="en-US"' in properties
        assert '<a:ea typeface="Microsoft YaHei"/>' in properties
    assert "rtl=" not in _slide_xml(decks["zh"], 1)


def test_french_runs_carry_fr_fr(decks) -> None:
    runs = _runs(_slide_xml(decks["fr"], 2))
    assert runs and all('lang="fr-FR"' in p for p, _ in runs)
    assert any("Créé le" in t for _, t in runs)  # About's facts: the words, then the date
    assert any("10 juillet 2014" in t for _, t in runs)


def test_arabic_runs_carry_ar_sa_and_the_complex_script_font(decks) -> None:
    xml = _slide_xml(decks["ar"], 4)
    runs = _runs(xml)
    arabic = [(p, t) for p, t in runs if re.search("[\u0600-\u06ff]", t)]
    assert len(arabic) >= 3
    for properties, _ in arabic:
        assert 'lang="ar-SA" altLang="en-US"' in properties
        assert '<a:cs typeface="Noto Sans Arabic"/>' in properties
    latin = [(p, t) for p, t in runs if t.strip() and not re.search("[\u0600-\u06ff]", t)]
    assert all('lang="en-US"' in p for p, _ in latin)
    paragraphs = re.findall(r"<a:pPr [^>]*>(?!<a:fld)", xml)
    assert paragraphs and all('rtl="1"' in p and 'algn="r"' in p for p in paragraphs)
    # the slide number, mirrored with its place to the left margin, is aligned to it
    assert re.findall(r'<a:pPr [^>]*>(?=<a:fld [^>]*type="slidenum")', xml) == ['<a:pPr algn="l"/>']


def test_arabic_speaker_notes_read_right_to_left(decks) -> None:
    notes = Presentation(str(decks["ar"])).slides[0].notes_slide.notes_text_frame
    assert notes.text.startswith("مرحبًا")
    assert all(p._p.pPr.get("rtl") == "1" for p in notes.paragraphs)
    french = Presentation(str(decks["fr"])).slides[0].notes_slide.notes_text_frame
    assert all(p._p.pPr is None for p in french.paragraphs)


def test_the_arabic_theme_names_its_font_and_the_deck_its_language(decks) -> None:
    with zipfile.ZipFile(decks["ar"]) as archive:
        theme = archive.read("ppt/theme/theme1.xml").decode()
        core = archive.read("docProps/core.xml").decode()
    assert theme.count('<a:cs typeface="Noto Sans Arabic"/>') == 2  # major and minor fonts
    assert '<a:font script="Arab" typeface="Noto Sans Arabic"/>' in theme
    assert "<dc:language>ar</dc:language>" in core


def _shapes(deck: Path, number: int) -> list[tuple[str, float, float]]:
    """(shape name, left, right) in points, of the shapes on slide `number`."""
    slide = Presentation(str(deck)).slides[number - 1]
    return [
        (s.name, Emu(s.left).pt, Emu(s.left + s.width).pt)
        for s in slide.shapes
        if s.left is not None
    ]


def _named(shapes: list[tuple[str, float, float]], stem: str) -> list[tuple[float, float]]:
    return [(left, right) for name, left, right in shapes if name.startswith(stem)]


def test_the_arabic_layout_is_mirrored(decks) -> None:
    prs = Presentation(str(decks["ar"]))
    cover = prs.slides[0]
    panel = next(s for s in cover.slide_layout.shapes if s.name == "Panel")
    assert Emu(panel.left).pt == pytest.approx(0, abs=0.5)  # the panel moves to the left
    shapes = _shapes(decks["ar"], 1)
    (title,), (date,) = _named(shapes, "Title"), _named(shapes, "Date")
    assert date[1] < title[0]  # city and date on the panel, left of the office's name
    achievements = _shapes(decks["ar"], 5)
    tiles = _named(achievements, "Figure")
    assert len(tiles) == 2 and tiles[0][0] > tiles[1][0]  # the first figure on the right
    french = _shapes(decks["fr"], 5)
    french_tiles = _named(french, "Figure")
    assert len(french_tiles) == 2 and french_tiles[0][0] < french_tiles[1][0]


@pytest.fixture(scope="module")
def drawn(decks) -> dict[str, list[pdfcheck.Page]]:
    """The three decks drawn by LibreOffice."""
    require_renderer()
    pages = pdfcheck.convert([decks[language] for language in LANGUAGES])
    return {language: pages[decks[language]] for language in LANGUAGES}


def _chars(pdf: Path, page: int) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return list(document.pages[page - 1].chars)


def test_arabic_words_are_drawn_in_an_arabic_font(decks, drawn) -> None:
    arabic = [
        c for c in _chars(decks["ar"].with_suffix(".pdf"), 4) if "\u0600" <= c["text"] <= "\u06ff"
    ]
    assert len(arabic) > 50
    assert all("NotoSansArabic" in c["fontname"] for c in arabic), {c["fontname"] for c in arabic}
    latin = [c for c in _chars(decks["ar"].with_suffix(".pdf"), 4) if c["text"] in "WIPO"]
    assert latin and all("Liberation" in c["fontname"] for c in latin)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_inside_its_box_and_none_collide(decks, drawn, language: str) -> None:
    problems = []
    for number, (page, shapes) in enumerate(
        zip(drawn[language], pdfcheck.frames(decks[language]), strict=True), start=1
    ):
        problems += [f"slide {number}: {p}" for p in pdfcheck.misplaced(page, shapes)]
        problems += [f"slide {number}: {p}" for p in pdfcheck.collisions(page)]
    assert problems == []


def _word(page: pdfcheck.Page, logical: str) -> pdfcheck.Word:
    """The drawn word that reads `logical` (Arabic words are extracted in visual order)."""
    return next(
        w
        for w in page.words
        if w.text == logical or pdfcheck.logical(w.text) == pdfcheck.logical(logical[::-1])
    )


def test_arabic_lines_are_right_aligned_and_read_from_the_right(decks, drawn) -> None:
    page = drawn["ar"][5]  # the year ahead: "دعم انضمام الصين إلى نظام لاهاي"
    frame = next(f for f in pdfcheck.frames(decks["ar"])[5] if "دعم" in f.text)
    words = [_word(page, w) for w in ("دعم", "انضمام", "الصين", "إلى", "نظام", "لاهاي")]
    xs = [w.x0 for w in words]
    assert xs == sorted(xs, reverse=True)  # the first word is the rightmost
    bullet = next(w for w in page.words if w.text == "•" and abs(w.y0 - words[0].y0) < 8)
    assert bullet.x0 > words[0].x1  # the bullet is on the right
    assert frame.x1 - bullet.x1 < 30  # right-aligned: against the box's right edge
    assert words[-1].x0 - frame.x0 > 200  # a short line leaves the left side empty


def test_latin_inside_arabic_stays_in_reading_order(decks, drawn) -> None:
    page = drawn["ar"][3]  # "… مع WIPO وCNIPA"
    wipo = next(w for w in page.words if w.text == "WIPO")
    cnipa = next(w for w in page.words if "CNIPA" in w.text)
    assert wipo.x0 > cnipa.x1  # WIPO is read first, so it is to the right of CNIPA
    assert "CNIPA" in cnipa.text and "APINC" not in cnipa.text


def test_a_theme_names_its_own_fonts_per_language(tmp_path: Path) -> None:
    from wocdeck.look.theme import Fonts
    from wocdeck.pipeline import render

    fonts = Fonts(languages={"ar": {"complex_script": "Arial"}, "ja": {"east_asian": "Meiryo"}})
    assert fonts.for_language("ar").complex_script == "Arial"
    assert fonts.for_language("ar").complex_script_language == "ar-SA"  # wocdeck's default
    assert fonts.for_language("ja").east_asian == "Meiryo"
    assert fonts.for_language("ja").east_asian_language == "ja-JP"
    assert fonts.for_language("fr").language == "fr-FR"
    theme = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        theme.replace("ar: {complex_script: Noto Sans Arabic,", "ar: {complex_script: Arial,"),
        encoding="utf-8",
    )
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        f"theme: {folder}\nlanguage: ar\nevent: {{office: مكتب, title: حدث, date: 2018-09-27}}\n",
        encoding="utf-8",
    )
    render(deck, tmp_path / "deck.pptx")
    xml = _slide_xml(tmp_path / "deck.pptx", 1)
    assert '<a:cs typeface="Arial"/>' in xml and "Noto Sans Arabic" not in xml
