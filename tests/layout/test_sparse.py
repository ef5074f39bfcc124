"""Sparse slides composed: little text centred in the body, one short bullet as a statement."""

from __future__ import annotations

from tests.conftest import MINIMAL, SEED_DECK
from tests.layout.test_fit import _fit
from wocdeck.layout.sparse import composed
from wocdeck.plan import Role


def test_two_short_bullets_are_centred_in_the_body_and_a_full_slide_is_not() -> None:
    slides, _ = _fit(MINIMAL + "year_ahead: [One thing, Another thing]\n")
    assert slides[1].body.anchor == "t"
    after = composed(slides)[1].body
    assert after.anchor == "ctr" and after.paragraphs[0].role is Role.BULLET
    full, _ = _fit(MINIMAL + "year_ahead:\n" + "  - A point that fills the slide\n" * 9)
    assert composed(full)[1].body.anchor == "t"


def test_one_short_bullet_is_set_as_a_statement() -> None:
    slides, _ = _fit(MINIMAL + "year_ahead: [Continue outreach activities in China]\n")
    body = composed(slides)[1].body
    assert (body.anchor, body.align) == ("ctr", "ctr")
    assert [p.role for p in body.paragraphs] == [Role.PLAIN]
    assert body.text == "Continue outreach activities in China"


def test_tiles_without_text_stand_in_the_middle_of_the_body() -> None:
    slides, _ = _fit(SEED_DECK.read_text(encoding="utf-8"))
    about = composed(slides)[1]
    assert slides[1].tiles[0].box.y == 124.0  # fitted at the body's top
    floor = about.footer.box.y - 14.0
    for tile in about.tiles:
        above, below = tile.box.y - 124.0, floor - tile.box.bottom
        assert above > 100 and abs(above - below) <= 1, (above, below)
