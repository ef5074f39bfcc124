"""Sparse slides composed: little text centred in the body, one short bullet as a statement."""

from __future__ import annotations

from tests.conftest import MINIMAL
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
