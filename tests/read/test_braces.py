"""The comma trap inside { }: refused at its line wherever a { } mapping is, with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_diagnostics import records
from tests.conftest import MINIMAL, refused, write_deck
from wocdeck.errors import DeckError
from wocdeck.read.source import parse

NUMBER = (
    "inside {{ }} a comma separates keys, so '{written}' was read as '{before}' and a key "
    "'{key}' (write the number without the comma ({bare}) or quote it: {field}: \"{written}\")"
)
TEXT = (
    "inside {{ }} a comma separates keys, so '{written}' was read as '{before}' and a key "
    "'{key}' (put text that contains a comma in quotes: {field}: \"{written}\"; or write the "
    "group without {{ }}, one `key: value` per line)"
)


def _error(text: str) -> str:
    with pytest.raises(DeckError) as caught:
        parse((MINIMAL + text).encode(), "deck.yaml")
    return str(caught.value)


# Each kind of { } mapping a deck holds: the text added to MINIMAL (from line 5), its message.
CASES = {
    "a table row": (
        "slides:\n  - table:\n      rows:\n"
        "        - {Type: Seminars, Events: 18, Participants: 2,450}\n",
        "deck.yaml:8:56: error: "
        + NUMBER.format(written="2,450", before="2", key="450", bare="2450", field="Participants"),
    ),
    "a tile": (
        "slides:\n  - tiles:\n      - {label: PCT, value: 33,745, period: Jan-Aug}\n",
        "deck.yaml:7:32: error: "
        + NUMBER.format(written="33,745", before="33", key="745", bare="33745", field="value"),
    ),
    "a picture's alt text": (
        "slides:\n  - picture: {file: map.png, alt: A map of Nigeria marking Abuja, Lagos and"
        " Kano}\n",
        "deck.yaml:6:67: error: "
        + TEXT.format(
            written="A map of Nigeria marking Abuja, Lagos and Kano",
            before="A map of Nigeria marking Abuja",
            key="Lagos and Kano",
            field="alt",
        ),
    ),
    "a title in each language": (
        "slides:\n  - title: {en: Filings, 2021-2024, fr: Dépôts, 2021-2024}\n    points: [a]\n",
        "deck.yaml:6:26: error: "
        + TEXT.format(written="Filings, 2021-2024", before="Filings", key="2021-2024", field="en")
        + "\ndeck.yaml:6:49: error: "
        + TEXT.format(written="Dépôts, 2021-2024", before="Dépôts", key="2021-2024", field="fr"),
    ),
    "a budget": (
        "resources:\n  budget: {currency: CHF, amount: 108,348.50}\n",
        "deck.yaml:6:39: error: "
        + NUMBER.format(
            written="108,348.50", before="108", key="348.50", bare="108348.50", field="amount"
        ),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_comma_in_braces_is_refused_at_its_line_in_every_kind(case: str) -> None:
    text, expected = CASES[case]
    assert _error(text) == expected


def test_several_commas_in_one_value_are_one_message() -> None:
    message = _error("about:\n  location: {en: Beijing, Haidian, China}\n")
    assert message == (
        "deck.yaml:6:27: error: inside { } a comma separates keys, so 'Beijing, Haidian, China' "
        "was read as 'Beijing' and the keys 'Haidian' and 'China' (put text that contains a "
        'comma in quotes: en: "Beijing, Haidian, China"; or write the group without { }, one '
        "`key: value` per line)"
    )


def test_a_value_broken_over_lines_is_quoted_on_one() -> None:
    message = _error("about:\n  location: {en: Beijing,\n    China}\n")
    assert message.startswith(
        "deck.yaml:7:5: error: inside { } a comma separates keys, so 'Beijing, China' was read"
    )
    assert 'quotes: en: "Beijing, China"' in message


def test_an_entry_without_a_colon_is_named() -> None:
    message = _error("slides:\n  - table:\n      rows:\n        - {Seminars, Events: 18}\n")
    assert message == (
        "deck.yaml:8:12: error: inside { } each entry is `key: value`, and 'Seminars' has no ':' "
        "(write it as `Seminars: …`; if a comma before it belongs to the text, put that text "
        "in quotes)"
    )


def test_a_colon_without_a_space_is_named() -> None:
    message = _error("slides:\n  - tiles:\n      - {label:PCT, value: 5}\n")
    assert message == (
        "deck.yaml:7:10: error: 'label:PCT' has no space after its ':', so YAML reads it as one "
        "word (put a space after the ':': label: PCT)"
    )


def test_a_comma_after_quoted_text_is_not_guessed_into_it() -> None:
    message = _error('slides:\n  - picture: {file: a.png, alt: "A map", Lagos}\n')
    assert "'Lagos' has no ':'" in message


@pytest.mark.parametrize(
    "text",
    [
        'about:\n  location: {en: "Beijing, China", fr: Pékin}\n',  # quoted: the comma is text
        "about:\n  location:\n    en: Beijing, China\n",  # one `key: value` per line
        "about:\n  location: {en: Beijing , fr: Pékin}\n",  # a space before the comma
        "about:\n  location: {\n    en: Beijing,\n    fr: Pékin\n  }\n",  # across lines
        'about:\n  location: {"en": Beijing, "fr" : Pékin}\n',  # JSON style, spaced ':'
    ],
)
def test_commas_between_entries_are_read_as_written(text: str) -> None:
    data = parse((MINIMAL + text).encode(), "deck.yaml").data
    assert set(data["about"]["location"]) <= {"en", "fr"}


def test_the_trap_is_exit_1_with_the_decks_other_problems_and_json_lines(
    cli, tmp_path: Path
) -> None:
    """Once an internal error (exit 3) with two such rows, and no JSON printed; the reader
    defers the trap, so the model's own problems (38.912) are reported with it."""
    rows = (
        "slides:\n  - title: Events by type\n    table:\n      rows:\n"
        "        - {Type: Seminars, Events: 18, Participants: 2,450}\n"
        "        - {Type: Workshops, Events: 10, Participants: 1,200}\n"
        "  - title: Filings\n    tiles:\n"
        "      - {label: PCT, value: 33,745, period: Jan-Aug}\n"
        "      - {label: Madrid, value: 38.912}\n"
    )
    deck = write_deck(tmp_path, MINIMAL + rows)
    err = refused(cli, deck).splitlines()
    assert err[0] == (
        f"{deck}:9:56: error: "
        + NUMBER.format(written="2,450", before="2", key="450", bare="2450", field="Participants")
    )
    assert "'38.912' is ambiguous" in err[3]
    code, out, _ = cli("validate", deck, "--format", "json")
    assert code == 1
    places = [(r["line"], r["column"]) for r in records(out)]
    assert places == [(9, 56), (10, 57), (13, 32), (14, 32)]
