"""Arabic is measured after shaping; Cyrillic and Latin with diacritics from real advances."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wocdeck.look.measure import Span, text_width, wrap
from wocdeck.look.shaping import shaped_widths

NOTO = Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")
LIBERATION = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
SENTENCE = "مواصلة تعزيز التعاون مع حكومة الصين من خلال أنشطة مشتركة"


def _font(path: Path) -> Path:
    if not path.is_file():
        message = f"{path} is not installed (apt-get install fonts-noto-core fonts-liberation2)"
        if os.environ.get("WOCDECK_REQUIRE_RENDERER"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_arabic_widths_are_the_full_fonts_shaped_advances() -> None:
    import uharfbuzz as hb

    face = hb.Face(_font(NOTO).read_bytes())
    font = hb.Font(face)
    buffer = hb.Buffer()
    buffer.add_str(SENTENCE)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    expected = sum(p.x_advance for p in buffer.glyph_positions) / face.upem * 20
    assert text_width(SENTENCE, 20) == pytest.approx(expected, rel=1e-9)


def test_joining_forms_change_the_width() -> None:
    word = "الخميس"
    isolated = sum(text_width(letter, 20) for letter in word)
    joined = text_width(word, 20)
    assert joined < isolated * 0.9
    assert text_width("لا", 20) < text_width("ل", 20) + text_width("ا", 20)  # lam-alef ligature


def test_a_ligature_gives_its_width_to_its_first_character() -> None:
    widths = shaped_widths("لا")
    assert widths[0] > 0 and widths[1] == 0


def test_bold_arabic_is_measured_in_the_bold_face() -> None:
    assert text_width(SENTENCE, 20, bold=True) > text_width(SENTENCE, 20)


def test_arabic_wraps_between_words_never_inside_one() -> None:
    lines = wrap([Span(SENTENCE * 3)], 20, 200)
    text = SENTENCE * 3
    assert len(lines) > 3
    for line in lines[1:]:
        assert text[line.start - 1] == " "
    assert all(line.width <= 200 for line in lines)


def test_cyrillic_and_latin_diacritics_use_the_fonts_real_advances() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(_font(LIBERATION), lazy=True)
    cmap, metrics, upem = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    for text in ("Благодарим за внимание", "Créé le 10 juillet", "Ĺőďž Çãõ ñ", "Şırnak"):
        expected = sum(metrics[cmap[ord(c)]][0] for c in text) / upem * 10
        assert text_width(text, 10) == pytest.approx(expected, rel=1e-9), text
