"""Editing a deck file's text: values written so the deck reader reads them back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wocdeck.output.deck_edit import yaml_text
from wocdeck.read.source import parse

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip())


@given(_TEXT)
def test_a_written_text_reads_back_as_it_was(text: str) -> None:
    assert parse(f"key: {yaml_text(text)}\n".encode(), "deck.yaml").data == {"key": text}


@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_texts_in_a_flow_list_read_back_as_they_were(cells: list[str]) -> None:
    line = f"row: [{', '.join(yaml_text(c) for c in cells)}]\n"
    assert parse(line.encode(), "deck.yaml").data == {"row": cells}


def test_plain_words_stay_plain_and_others_are_quoted() -> None:
    assert yaml_text("About the WOC") == "About the WOC"
    assert yaml_text("WOC Strategic Focus I: Key Achievements") == (
        '"WOC Strategic Focus I: Key Achievements"'
    )
    assert yaml_text("**17** visits") == '"**17** visits"'


def test_words_yaml_would_read_otherwise_read_back_as_text() -> None:
    for text in ("null", "Null", "NULL", "yes", "No", "2018", "0x1F", "1e3", "2018-09-27", "-1"):
        assert parse(f"key: {yaml_text(text)}\n".encode(), "deck.yaml").data == {"key": text}
