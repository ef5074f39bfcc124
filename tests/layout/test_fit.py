"""Fitting: a deck's body sizes from its scale, continuation slides, never drop or cut text."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import MINIMAL
from tests.stress import LOREM, STRESS_DECKS
from wocdeck.compose.composer import compose
from wocdeck.errors import DeckError, Location
from wocdeck.layout.fit import text_height
from wocdeck.layout.typeset import fit_deck
from wocdeck.look.theme import load_theme
from wocdeck.model import Deck
from wocdeck.plan import Role
from wocdeck.read.source import parse


def _fit(text: str):
    source = parse(text.encode(), "deck.yaml")
    deck = Deck.model_validate(source.data)
    return fit_deck(compose(deck, load_theme("wipo", Location("t")), source))


def _body_text(slides) -> str:
    return "".join(p.text for s in slides if s.body for p in s.body.paragraphs)


def test_short_text_keeps_the_decks_body_size_and_takes_no_step_up() -> None:
    slides, adjustments = _fit(MINIMAL + "year_ahead: [One, Two]\n")
    assert slides[1].body.size == 22 and adjustments == []


def test_slightly_long_text_takes_the_next_step_down_without_continuing() -> None:
    slides, adjustments = _fit(MINIMAL + "year_ahead:\n" + f"  - {LOREM}\n" * 6)
    assert len(slides) == 2
    assert slides[1].body.size == 20
    assert adjustments[0].message == "text shrunk to 20 pt"


def test_text_continues_rather_than_shrink_below_the_reading_floor() -> None:
    slides, adjustments = _fit(MINIMAL + "year_ahead:\n" + f"  - {LOREM}\n" * 9)
    assert [s.body.size for s in slides[1:]] == [22, 22]
    assert adjustments[0].message == "continued on 2 slides"


def test_three_times_too_long_continues_with_cont_titles_and_notes() -> None:
    slides, adjustments = _fit(STRESS_DECKS["three_times"]())
    titles = [s.title.text for s in slides[1:]]
    assert titles[0] == "The Year Ahead"
    # each continuation's title differs, as screen readers need: (cont.), (cont. 2), …
    more = [f"The Year Ahead (cont. {n})" for n in range(2, len(titles))]
    assert titles[1:] == ["The Year Ahead (cont.)", *more]
    assert len(titles) >= 3
    assert {s.body.size for s in slides[1:]} == {22}
    assert all(s.notes == "Continued from slide 2." for s in slides[2:])
    assert "continued on" in adjustments[0].message
    bullets = [p for s in slides[1:] for p in s.body.paragraphs]
    assert [p.text for p in bullets] == [
        f"{LOREM} ({n})" for n in range(1, 28)
    ]  # split between bullets


def test_a_bullet_longer_than_a_slide_is_split_never_cut() -> None:
    slides, _ = _fit(STRESS_DECKS["five_times_bullet"]())
    body = [s for s in slides if s.body]
    assert len(body) >= 2
    assert len({s.body.size for s in body}) == 1 and body[0].body.size >= 18  # one size, readable
    assert body[1].body.paragraphs[0].role is Role.CONTINUED
    joined = " ".join(p.text for s in body for p in s.body.paragraphs)
    expected = " ".join([LOREM] * 40) + " A short bullet after the long one"
    assert " ".join(joined.split()) == expected
    for slide in body:
        assert text_height(slide.body.paragraphs, slide.body.size, slide.body) <= slide.body.room


def test_headings_are_not_left_alone_at_the_bottom() -> None:
    slides, _ = _fit(STRESS_DECKS["mixed"]())
    for slide in slides:
        for box in (slide.body, *slide.extras) if slide.body else ():
            if len(box.paragraphs) > 1:
                assert box.paragraphs[-1].role is not Role.HEADING


def test_a_bullet_that_fits_a_slide_moves_on_whole() -> None:
    slides, _ = _fit(STRESS_DECKS["three_times"]())
    assert all(p.role is Role.BULLET for s in slides[1:] for p in s.body.paragraphs)


def test_a_title_too_long_for_its_box_is_an_error_not_an_overflow() -> None:
    with pytest.raises(DeckError, match=r"deck\.yaml:6: error: the title text is too long"):
        _fit(MINIMAL + "focus:\n  - name: " + "知识产权" * 60 + "\n    aims: [x]\n")


def test_an_office_name_too_long_for_the_cover_is_said_at_its_line() -> None:
    office = "WIPO Office for Intellectual Property Cooperation " * 12
    deck = MINIMAL.replace("WIPO Office in China", office.strip())
    message = r"deck\.yaml:2: error: the title text \(from event\.office\) is too long"
    with pytest.raises(DeckError, match=message):
        _fit(deck)


@pytest.mark.parametrize("name", STRESS_DECKS)
def test_no_text_is_lost(name: str) -> None:
    text = STRESS_DECKS[name]()
    slides, _ = _fit(text)
    body = "".join(_body_text(slides).split())
    import yaml

    data = yaml.safe_load(text)
    for value in _strings(data.get("year_ahead", [])) + _strings(
        [f.get("aims", []) for f in data.get("focus", [])]
    ):
        assert "".join(value.replace("**", "").split()) in body


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("bullets", [9, 13, 21])
def test_a_bullet_moves_to_the_next_slide_with_its_sub_bullets(bullets: int) -> None:
    items = [{"text": f"{LOREM} ({n})", "points": [f"sub-point {n}"]} for n in range(bullets)]
    slides, _ = _fit(MINIMAL + yaml.safe_dump({"year_ahead": items}, width=1000))
    pages = [s.body.paragraphs for s in slides if s.body]
    assert len(pages) >= 2
    assert all(page[-1].level == 1 for page in pages)  # never a bullet without its sub-bullet
    assert [p.text for page in pages for p in page] == [
        text for n in range(bullets) for text in (f"{LOREM} ({n})", f"sub-point {n}")
    ]


def _fit_in(theme, text: str):
    source = parse(text.encode(), "deck.yaml")
    deck = Deck.model_validate(source.data)
    return fit_deck(compose(deck, theme, source), "deck.yaml")


def test_a_line_taller_than_its_box_is_a_located_error_not_a_hang() -> None:
    wipo = load_theme("wipo", Location("t"))
    huge = wipo.model_copy(
        update={
            "sizes": wipo.sizes.model_copy(update={"body": 150, "body_floor": 150}),
            "line_spacing": 3.0,
        }
    )
    with pytest.raises(DeckError) as caught:
        _fit_in(huge, MINIMAL + "year_ahead:\n  - One bullet\n")
    message = str(caught.value)
    assert message.startswith("deck.yaml:5: error: one line of body text is taller than its box")
    assert "lower the theme's body size" in message


def test_a_very_long_paragraph_is_split_into_every_piece_in_order() -> None:
    words = [f"w{n}" for n in range(30_000)]
    slides, _ = _fit(MINIMAL + "year_ahead:\n  - " + " ".join(words) + "\n")
    body = [s for s in slides if s.body]
    assert len(body) > 20
    assert " ".join(p.text for s in body for p in s.body.paragraphs).split() == words
    for slide in body:
        assert text_height(slide.body.paragraphs, slide.body.size, slide.body) <= slide.body.room


def test_tabs_are_written_as_spaces_and_the_slide_says_so() -> None:
    slides, adjustments = _fit(MINIMAL + 'year_ahead:\n  - "Budget:\\t\\t\\tCHF 108,348"\n')
    assert slides[1].body.paragraphs[0].text == "Budget:   CHF 108,348"
    assert adjustments[0].slide == 2
    assert adjustments[0].message == "tab characters written as spaces"


def test_enclosing_marks_are_measured() -> None:
    from wocdeck.look.measure import text_width

    assert text_width("1\u20dd", 20) >= text_width("1", 20) + 19
    assert text_width("\u0488", 20) > 0
