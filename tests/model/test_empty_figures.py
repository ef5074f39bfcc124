"""An emptied figure (as next-year leaves it) asks for this year's figure by name and place."""

from __future__ import annotations

import pytest

from tests.conftest import MINIMAL
from wocdeck.errors import DeckError
from wocdeck.model import load_deck
from wocdeck.read.source import parse

TILES = """\
slides:
  - title: Figures
    tiles:
      - label: PCT
        value:  # 2017: 31,600
        history: {2016: 29000, 2017: 31600}
      - label: Hague
        value: ""
"""


def _errors(text: str) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_deck(parse((MINIMAL + text).encode(), "deck.yaml"))
    return [str(problem) for problem in caught.value.problems]


def test_an_empty_value_names_the_year_the_tile_and_last_years_figure() -> None:
    assert _errors(TILES) == [
        "deck.yaml:9:15: error: give the 2018 figure for 'PCT' (2017: 31,600) "
        "(write it after value:, e.g. value: 34000; last year's stays in history:)",
        "deck.yaml:12:16: error: give the 2018 figure for 'Hague' "
        "(write it after value:, e.g. value: 34000; last year's stays in history:)",
    ]


def test_an_empty_budget_amount_names_the_year() -> None:
    text = "resources:\n  budget:\n    currency: CHF\n    amount:\n"
    assert _errors(text) == [
        "deck.yaml:8:12: error: give the 2018 budget amount "
        "(write it after amount:, e.g. amount: 108348)"
    ]
