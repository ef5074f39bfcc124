"""Lines set after fitting: balanced two-line titles, words kept together, no lone last word."""

from __future__ import annotations

from wocdeck.layout.balance import balanced, kept_together
from wocdeck.look.lines import line_width, measured_spans
from wocdeck.look.measure import wrap
from wocdeck.plan import Box, Paragraph, Run, TextBox


def _box(text: str, width: float, size: float = 30, name: str = "Title") -> TextBox:
    return TextBox(name, (Paragraph((Run(text),)),), Box(48, 20, width, 80), size, size)


def _lines(box: TextBox) -> list[str]:
    paragraph = box.paragraphs[0]
    spans = measured_spans(paragraph, box)
    text = "".join(s.text for s in spans)
    lines = wrap(spans, box.size, line_width(paragraph, box))
    return [text[line.start : line.end].strip() for line in lines]


def test_a_two_line_title_breaks_where_its_lines_are_closest_in_width() -> None:
    box = _box("WOC Strategic Focus I: A responsive communications interface (SG\u00a08)", 890)
    assert _lines(box)[1] == "(SG\u00a08)"  # greedy: the goal alone on the second line
    after = balanced(box)
    assert _lines(after) == [
        "WOC Strategic Focus I: A responsive",
        "communications interface (SG\u00a08)",
    ]
    assert after.box.x == box.box.x and after.box.w < box.box.w


def test_a_centred_title_stays_centred_when_balanced() -> None:
    box = _box("The office is the first door to WIPO for users in China.", 700)._replace(
        align="ctr"
    )
    after = balanced(box)
    assert after.box.x + after.box.w / 2 == box.box.x + box.box.w / 2


def test_a_number_stays_with_its_noun_and_a_short_last_word_is_not_alone() -> None:
    text = "Cooperation with judiciary of member states, including a Master Class in August "
    box = _box(text + "(15 countries)", 300, size=22, name="Content")
    before = _lines(box)
    assert before[-2:] == ["Master Class in August (15", "countries)"]
    after = kept_together(box)
    lines = _lines(after)
    assert len(lines) == len(before)
    assert lines[-1] == "August\u00a0(15\u00a0countries)"
