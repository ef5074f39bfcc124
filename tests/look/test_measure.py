"""Text measurement: known widths, wrap points, CJK line-breaking rules."""

from __future__ import annotations

import json
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wocdeck.look import measure
from wocdeck.look.measure import AUTOSPACE, Span, text_width, wrap
from wocdeck.look.scripts import has_east_asian


def _lines(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    return [text[line.start : line.end].strip() for line in wrap([Span(text, bold)], size, width)]


def test_known_widths_match_arial() -> None:
    # Arial/Liberation Sans advance widths (units of 2048): H 1479, e 1139, l 455, o 1139.
    assert text_width("Hello", 10) == pytest.approx(4667 / 2048 * 10)
    assert text_width("WIPO", 24) == pytest.approx((1933 + 569 + 1366 + 1593) / 2048 * 24)
    assert text_width("Hello", 10, bold=True) > text_width("Hello", 10)


@pytest.mark.parametrize("table", sorted(p.stem for p in measure._TABLES.glob("*.json")))
def test_width_tables_read_as_met_give_every_advance_of_the_table(table: str) -> None:
    data = json.loads((measure._TABLES / f"{table}.json").read_text(encoding="utf-8"))
    units = float(data["units_per_em"])
    for style, advances in zip(("regular", "bold"), measure._widths(table), strict=True):
        expected: dict[str, float | None] = {}
        for first, *run in data[style]:
            for offset, advance in enumerate(run):
                char = chr(first + offset)
                enclosing = unicodedata.category(char) == "Me"
                expected[char] = measure.ENCLOSING_WIDTH if enclosing else advance / units
        last = max(map(ord, expected))
        for char in map(chr, range(last + 2)):  # every character, those the font lacks too
            assert advances[char] == expected.get(char), (table, style, char)


def test_chinese_is_full_width() -> None:
    assert text_width("知识产权", 20) == pytest.approx(80)
    assert has_east_asian("PCT 申请") and not has_east_asian("PCT applications")


def test_wraps_at_spaces_and_hyphens() -> None:
    width = text_width("Outreaching to", 20) + 1
    assert _lines("Outreaching to regions within China", 20, width) == [
        "Outreaching to", "regions within", "China",
    ]  # fmt: skip
    width = text_width("communication", 20) + 1
    assert _lines("e-communication", 20, width) == ["e-", "communication"]


def test_breaks_a_word_longer_than_the_line() -> None:
    url = "https://www.wipo.int/about-wipo/en/offices/china"
    lines = _lines(url, 20, 150)
    assert "".join(lines) == url
    assert all(text_width(line, 20) <= 150 for line in lines)
    assert len(lines) > 2


def test_chinese_wraps_per_character_keeping_punctuation_off_line_starts() -> None:
    text = "世界知识产权组织中国办事处，致力于推广"
    lines = _lines(text, 10, 130)  # 13 characters fit on a line
    assert "".join(lines) == text
    assert all(not line.startswith(("，", "。", "、", "）")) for line in lines)
    assert lines[0] == "世界知识产权组织中国办事"  # the comma pulls 处 to the next line


def test_newline_always_breaks_and_nothing_is_lost() -> None:
    assert _lines("one\ntwo", 12, 500) == ["one", "two"]
    text = "word " * 200
    lines = wrap([Span(text)], 12, 200)
    assert " ".join(text[line.start : line.end].strip() for line in lines) == text.strip()


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab WIPO-/知识，\n"), max_size=80),
    st.floats(min_value=20, max_value=400),
    st.booleans(),
)
def test_wrapped_lines_cover_the_text_in_order_and_fit(text: str, width: float, bold: bool) -> None:
    lines = wrap([Span(text, bold)], 12, width)
    assert lines[0].start == 0 and text[lines[-1].end :].strip(" \n") == ""
    for before, after in pairwise(lines):
        assert before.end <= after.start  # in order, never overlapping
        assert text[before.end : after.start].strip(" \n") == ""  # only spaces or a newline skipped
    for line in lines:
        content = text[line.start : line.end].rstrip(" ")
        assert line.width == pytest.approx(text_width(content, 12, bold=bold))
        assert line.width <= width or len(content.strip()) <= 1  # only a lone glyph may not fit
    fits = "\n" not in text and text_width(text, 12, bold=bold) <= width
    if fits:
        assert len(lines) == 1  # the common case: one line, no walk


@pytest.mark.parametrize(
    "text",
    [
        "Provision of Premier Global IP Services (SG\u00a02)",
        "Axe stratégique II\u202f: 45\u00a0% des demandes",
        "战略目标\u00a03战略目标\u202f3战略目标",
    ],
)
def test_lines_never_break_at_a_no_break_space(text: str) -> None:
    for width in range(80, 400, 7):  # wider than any word: no forced break inside one
        for line in wrap([Span(text)], 12, width):
            if 0 < line.start < len(text):
                assert text[line.start - 1] not in "\u00a0\u202f", (width, line)
                assert text[line.start] not in "\u00a0\u202f", (width, line)


SENTENCE = "The International Bureau processed 2.1 million applications in 2018, a record year."


@pytest.mark.parametrize("bold", [False, True])
def test_a_font_not_installed_is_measured_at_least_as_wide_as_dejavu_sans(bold: bool) -> None:
    from wocdeck.look.fonts import is_font_file, metrics_for

    verdana = metrics_for("Verdana")
    if is_font_file(verdana.metrics):
        pytest.skip("Verdana is installed here, so it is measured exactly")
    measured = text_width(SENTENCE, 20, bold=bold, metrics=verdana.metrics)
    assert measured >= text_width(SENTENCE, 20, bold=bold, metrics="dejavu-sans")
    # Verdana sets about 15 % wider than Arial: never measured with Arial's widths
    assert measured >= 1.12 * text_width(SENTENCE, 20, bold=bold, metrics="liberation-sans")
    serif = metrics_for("Georgia Pro Zz").metrics
    assert text_width(SENTENCE, 20, metrics=serif) >= 1.1 * text_width(
        SENTENCE, 20, metrics="liberation-serif"
    )


def _pieces(text: str) -> list[str]:
    ends = [0, *measure.break_positions([Span(text)]), len(text)]
    return [text[a:b] for a, b in pairwise(ends)]


def test_lines_break_at_the_unicode_line_breaking_algorithms_opportunities() -> None:
    # UAX #14: before and after an em dash; not inside a number, a date or "e.g."; after a
    # hyphen, but not before a digit; a closing bracket or "!" stays on its word's line
    assert _pieces("courts—the first") == ["courts", "—", "the ", "first"]
    assert _pieces("CHF 108,348 e.g. Jan-Aug -5 (EU) !") == [
        "CHF ", "108,348 ", "e.g. ", "Jan-", "Aug ", "-5 ", "(EU) !",
    ]  # fmt: skip
    # LibreOffice keeps an address and "a/b" whole, and breaks beside spaced guillemets
    assert _pieces("www.wipo.int/pct and/or « Madrid »") == [
        "www.wipo.int/pct ", "and/or ", "« ", "Madrid ", "»",
    ]  # fmt: skip
    assert _pieces("マドリッド改善した") == ["マ", "ド", "リッ", "ド", "改", "善", "し", "た"]


def test_chinese_beside_latin_letters_or_digits_takes_the_renderers_gap() -> None:
    """A quarter of an em at each boundary between Chinese and Latin letters or digits, none
    beside full-width punctuation or between Chinese characters."""
    digits = text_width("1", 20) + text_width("15", 20)
    assert text_width("1月15日", 20) == pytest.approx(digits + 2 * 20 + 3 * AUTOSPACE * 20)
    assert text_width("知识产权", 20) == pytest.approx(80)
    assert text_width("（PCT）", 20) == pytest.approx(2 * 20 + text_width("PCT", 20))
    assert text_width("PCT巡回", 20) == pytest.approx(text_width("PCT", 20) + 40 + AUTOSPACE * 20)
