"""Derived label-number pairs stay on one line where LibreOffice draws them: "(SG 2)"."""

from __future__ import annotations

from pathlib import Path

from tests import pdfcheck
from tests.conftest import MINIMAL
from wocdeck.compose.wording import wording

# Names of lengths that move "(SG 2)" across the end of a title's first line.
NAMES = [f"Provision of Premier Global IP {'i' * k}" for k in range(1, 16)]


def test_a_goal_is_joined_to_its_label_by_a_no_break_space() -> None:
    for language in ("en", "fr", "es", "ru", "ar", "de", "pt"):
        named = wording(language).phrase("with_goal", name="Name", goal="2")
        assert "\u00a02" in named and " 2" not in named, (language, named)


def test_the_derived_goal_never_breaks_across_title_lines(renderer, tmp_path: Path) -> None:
    from wocdeck.pipeline import render

    areas = "".join(f"  - name: {name}\n    goal: 2\n    aims: [x]\n" for name in NAMES)
    deck = tmp_path / "deck.yaml"
    deck.write_text(MINIMAL + "  acronym: WOC\nfocus:\n" + areas, encoding="utf-8")
    pptx = render(deck, tmp_path / "deck.pptx").output
    pages = pdfcheck.convert([pptx])[pptx]
    assert len(pages) == 1 + len(NAMES)
    wrapped_before_label = 0
    for number, page in enumerate(pages[1:], start=2):
        words = page.words
        (label,) = [i for i, w in enumerate(words) if w.text.endswith("(SG")]
        goal = words[label + 1]
        assert goal.text.startswith("2)"), (number, [w.text for w in words])
        assert abs(words[label].y0 - goal.y0) < 1, f'slide {number}: "(SG" and "2)" on two lines'
        wrapped_before_label += words[label - 1].y0 < words[label].y0 - 1
    assert wrapped_before_label == 0  # "(SG 2)" never starts a title's second line alone
