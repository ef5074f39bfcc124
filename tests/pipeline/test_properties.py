"""Property tests: any deck the model accepts renders soundly and keeps the layout rules (two
body sizes at most, none under the floor, tiles with their heading, continued slides with notes,
no italic CJK); any bytes end in exit 0 or 1."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from tests import structure, typerules
from tests.conftest import Cli
from wocdeck.pipeline import render

# Letters from many scripts (CJK, RTL, emoji, combining marks), never control characters.
text = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "M", "N", "P", "S", "Zs"),
        exclude_characters="\u2028\u2029",
    ),
    min_size=1,
    max_size=300,
).filter(lambda s: s.strip() and s.count("**") % 2 == 0)
points = st.lists(text, max_size=25)
metric = st.fixed_dictionaries(
    {"label": text.map(lambda s: s[:30]), "value": st.integers(-(10**11), 10**11).map(str)},
    optional={
        "period": text.map(lambda s: s[:20]),
        "change": st.sampled_from(["+6.8%", "-3%", "0%"]),
    },
)
focus = st.fixed_dictionaries(
    {"name": text.map(lambda s: s[:120]), "aims": points.filter(bool)},
    optional={
        "goal": st.integers(1, 99).map(str),
        "achievements": st.lists(
            st.one_of(
                text,
                st.fixed_dictionaries(
                    {
                        "heading": text.map(lambda s: s[:60]),
                        "points": points,
                        "metrics": st.lists(metric, max_size=6),
                    }
                ),
            ),
            max_size=8,
        ),
    },
)
deck = st.fixed_dictionaries(
    {
        "event": st.fixed_dictionaries(
            {
                "office": text.map(lambda s: s[:80]),
                "title": text.map(lambda s: s[:120]),
                "date": st.just("2018-09-27"),
            }
        )
    },
    optional={
        "focus": st.lists(focus, max_size=3),
        "year_ahead": points,
        "closing": text.map(lambda s: s[:100]),
    },
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deck)
def test_any_accepted_deck_renders_reopens_and_is_sound(data: dict) -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "deck.yaml")
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            result = render(source, Path(work, "deck.pptx"))
        except Exception as exc:  # only located deck errors are acceptable outcomes
            from wocdeck.errors import DeckError

            assert isinstance(exc, DeckError), exc
            assert all(p.location.path == str(source) for p in exc.problems)
            return
        assert structure.problems(result.output) == []
        assert len(Presentation(io.BytesIO(result.output.read_bytes())).slides) == result.slides
        sizes = typerules.body_sizes(result.output)
        assert len(sizes) <= 2 and min(sizes, default=18) >= 18, sizes
        assert typerules.tiles_apart_from_headings(result.output, typerules.groups_of(data)) == []
        assert typerules.continued_slides(result.output) == []
        assert typerules.east_asian_styling(result.output) == []


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_end_in_exit_0_or_1(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "deck.yaml")
        source.write_bytes(raw)
        code, out, err = Cli()("validate", source)
        assert code in (0, 1), err
        assert "Traceback" not in out + err
        if code == 1:
            assert err.startswith(str(source))
