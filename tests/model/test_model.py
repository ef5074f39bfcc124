"""The deck model: sub-bullets, figures, lists, and its errors in an editor's words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import MINIMAL
from wocdeck.errors import DeckError
from wocdeck.model import AchievementGroup, Bullet, Deck, load_deck
from wocdeck.read.source import parse

JARGON = ("input should", "valid dictionary", "instance of", "valid decimal", "valid string")


def _deck(text: str) -> Deck:
    return load_deck(parse((MINIMAL + text).encode(), "deck.yaml"))


def _error(text: str) -> str:
    with pytest.raises(DeckError) as caught:
        _deck(text)
    message = str(caught.value)
    assert not any(word in message.lower() for word in JARGON), message
    return message


def test_a_bullet_with_text_and_points_has_second_level_bullets() -> None:
    deck = _deck(
        "year_ahead:\n"
        "  - text: Cooperation with stakeholders in China\n"
        "    points:\n"
        "      - universities\n"
        "      - industry associations\n"
        "  - A plain bullet\n"
    )
    assert deck.year_ahead is not None
    first, second = deck.year_ahead.points
    assert first == Bullet(
        text="Cooperation with stakeholders in China",
        points=["universities", "industry associations"],
    )
    assert second == "A plain bullet"


def test_sub_bullets_work_in_achievements_beside_groups() -> None:
    deck = _deck(
        "focus:\n  - name: Outreach\n    achievements:\n"
        "      - text: Partners\n        points: [universities]\n"
        "      - heading: Outcome\n        points:\n"
        "          - text: Seminars\n            points: [Beijing, Shanghai]\n"
    )
    partners, outcome = deck.focus[0].achievements
    assert partners == Bullet(text="Partners", points=["universities"])
    assert isinstance(outcome, AchievementGroup)
    assert outcome.points == [Bullet(text="Seminars", points=["Beijing", "Shanghai"])]


def test_a_single_line_where_a_list_is_expected_is_a_one_item_list() -> None:
    deck = _deck(
        "about:\n  points: Founded in 2014\nresources:\n  personnel: D1\n"
        "focus:\n  name: Outreach\n  aims: one line\nyear_ahead: Next year\n"
    )
    assert deck.about is not None and deck.about.points == ["Founded in 2014"]
    assert deck.resources is not None and deck.resources.personnel == ["D1"]
    assert deck.focus[0].aims == ["one line"]
    assert deck.year_ahead is not None and deck.year_ahead.points == ["Next year"]


def test_a_colon_inside_an_unquoted_bullet_says_to_quote_the_line() -> None:
    message = _error("year_ahead:\n  - Result: 28 seminars\n")
    assert message == (
        "deck.yaml:6:5: error: a ': ' inside text makes YAML read 'Result' as a key "
        '(put the line in quotes: - "Result: 28 seminars")'
    )


def test_a_colon_ending_a_bullet_says_to_quote_the_line() -> None:
    message = _error("year_ahead:\n  - Partners:\n  - universities\n")
    assert "deck.yaml:6:5: error: a ':' at the end of text makes YAML read 'Partners'" in message
    assert '- "Partners:"' in message


def test_sub_bullets_under_a_colon_show_the_text_points_form() -> None:
    message = _error("year_ahead:\n  - Partners:\n      - universities\n")
    assert "deck.yaml:6:5: error: 'Partners:' followed by a list" in message
    assert "write `- text: Partners` and, under it, `points:`" in message


def test_a_mistake_inside_a_group_reports_only_the_group() -> None:
    message = _error(
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - {label: PCT, value: eight}\n"
    )
    assert message == (
        "deck.yaml:10:33: error: 'eight' is not a figure (write a number such as 33745 or "
        "33,745, optionally with a unit: 45%, 2.3 million)"
    )


def test_a_misspelt_group_key_is_an_unknown_key_not_a_colon_in_text() -> None:
    message = _error("focus:\n  - name: Outreach\n    achievements:\n      - haeding: Outcome\n")
    assert message == (
        "deck.yaml:8:9: error: unknown key 'haeding' in focus.achievements "
        "(did you mean 'heading'?)"
    )


def test_figures_with_separators_percentages_and_units_are_read() -> None:
    deck = _deck(
        'resources:\n  budget: {currency: CHF, amount: "108,348"}\n'
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n"
        '          - {label: PCT, value: "33,745", change: "+1,200%"}\n'
        "          - {label: Views, value: 2.3 million}\n"
        "          - {label: Share, value: 45%}\n"
        "          - label: Visitors\n            value: 33 745\n"
    )
    assert deck.resources is not None and deck.resources.budget is not None
    assert deck.resources.budget.amount == Decimal(108348)
    group = deck.focus[0].achievements[0]
    assert isinstance(group, AchievementGroup)
    shown = [str(m.value) for m in group.metrics]
    assert shown == ["33,745", "2.3 million", "45%", "33,745"]
    assert group.metrics[0].change == "+1200%"  # read, for the language's wording to write


def test_the_flow_style_comma_trap_is_explained() -> None:
    message = _error(
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - {label: PCT, value: 33,745, period: Jan-Aug}\n"
    )
    assert (
        "error: inside { } a comma separates keys, so '33,745' was read as '33' and a key "
        "'745' (write the number without the comma (33745) or quote it: value: \"33,745\")"
    ) in message


def test_an_unquoted_flow_change_with_a_comma_gets_one_message() -> None:
    message = _error(
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - {label: PCT, value: 5, change: +1,200%}\n"
    )
    assert message == (
        "deck.yaml:10:47: error: inside { } a comma separates keys, so '+1,200%' was read as "
        "'+1' and a key '200%' (write the number without the comma (+1200%) or quote it: "
        'change: "+1,200%")'
    )


def test_a_misspelt_key_is_not_also_reported_missing() -> None:
    message = _error(
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - {label: PCT, valeu: 5}\n"
    )
    assert message == (
        "deck.yaml:10:26: error: unknown key 'valeu' in focus.achievements.metrics "
        "(did you mean 'value'?)"
    )


def test_an_ambiguous_figure_is_located() -> None:
    message = _error(
        "focus:\n  - name: Outreach\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - label: PCT\n            value: 38.912\n"
    )
    assert "deck.yaml:11:20: error: '38.912' is ambiguous" in message


PLAIN = {
    "a number as the budget": (
        "resources:\n  budget: 108348\n",
        "deck.yaml:6:11: error: resources.budget: should be a group of `key: value` lines, "
        "found '108348' (with keys such as `currency:`, `amount:`)",
    ),
    "a word as the goal": (
        "focus:\n  - name: A\n    goal: eight\n    aims: [a]\n",
        "deck.yaml:7:11: error: focus.goal: should be a whole number such as 8, found 'eight'",
    ),
    "a goal out of range": (
        "focus:\n  - name: A\n    goal: 120\n    aims: [a]\n",
        "deck.yaml:7:11: error: focus.goal: should be at most 99, found '120'",
    ),
    "a list as the location": (
        "about:\n  location: [Beijing]\n",
        "deck.yaml:6:13: error: about.location: should be a line of text, found a list",
    ),
    "an empty bullet": (
        "year_ahead:\n  -\n  - b\n",
        "deck.yaml:6:4: error: year_ahead: this line is empty",
    ),
    "a group where the aims go": (
        "focus:\n  - name: A\n    aims: {One: two}\n",
        "error: a ': ' inside text makes YAML read 'One' as a key",
    ),
}


@pytest.mark.parametrize("case", PLAIN)
def test_type_errors_are_in_plain_words(case: str) -> None:
    text, expected = PLAIN[case]
    assert expected in _error(text)


def test_an_event_year_before_1900_is_refused_at_the_date() -> None:
    with pytest.raises(DeckError) as caught:
        load_deck(parse(MINIMAL.replace("2018-09-27", "0999-09-27").encode(), "deck.yaml"))
    assert str(caught.value) == (
        "deck.yaml:4:9: error: the year 999 is not a plausible event date "
        "(write the full year, from 1900 to 2999, e.g. 2018-09-27)"
    )


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("image: skyline.png", "unknown key 'image' in focus.achievements (expected one of: "),
        ("chart: sales.csv", "unknown key 'chart' in focus.achievements (expected one of: "),
        ("picture_caption: x", "unknown key 'picture_caption' in focus.achievements"),
    ],
)
def test_a_would_be_key_that_reads_as_a_field_name_is_an_unknown_key(
    item: str, expected: str
) -> None:
    """Quoting `- image: skyline.png` would put 'image: skyline.png' on a slide (trial)."""
    message = _error(f"focus:\n  - name: A\n    achievements:\n      - One\n      - {item}\n")
    assert f"deck.yaml:9:9: error: {expected}" in message
    assert "quotes" not in message and "is missing" not in message, message


def test_a_colon_in_text_is_quoted_as_the_editor_wrote_it() -> None:
    """French puts a space before ':'; the suggested line keeps it (trial, alg/woal.yaml)."""
    message = _error("year_ahead:\n  - Compétence : Algérie et coopération régionale\n")
    assert message == (
        "deck.yaml:6:5: error: a ': ' inside text makes YAML read 'Compétence' as a key "
        '(put the line in quotes: - "Compétence : Algérie et coopération régionale")'
    )


def test_a_comma_inside_braces_in_text_is_explained_with_the_quoted_fix() -> None:
    message = _error("about:\n  location: {fr: Alger, Algérie, ar: الجزائر}\n")
    assert message == (
        "deck.yaml:6:25: error: inside { } a comma separates keys, so 'Alger, Algérie' was read "
        "as 'Alger' and a key 'Algérie' (put text that contains a comma in quotes: "
        'fr: "Alger, Algérie"; or write the group without { }, one `key: value` per line)'
    )
