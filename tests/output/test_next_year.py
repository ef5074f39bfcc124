"""Next year's deck: only the date, the event's year in titles and the figures change."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_DECK
from wocdeck.errors import DeckError
from wocdeck.output.deck_edit import load_for_edit
from wocdeck.output.next_year import next_name, next_year
from wocdeck.read.source import parse


def _carried(deck: Path, day: str = "2019-09-24") -> tuple[str, list[str], list[str]]:
    """The new text, and the lines the diff removes and adds."""
    edit = load_for_edit(deck)
    next_year(edit, dt.date.fromisoformat(day))
    new = edit.result()
    diff = list(difflib.ndiff(edit.text.splitlines(), new.splitlines()))
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    return new, removed, added


def test_the_seed_deck_changes_only_in_its_date_titles_and_figures() -> None:
    _, removed, added = _carried(SEED_DECK)
    assert removed == [
        "  title: Side-Event at the 2018 WIPO Assemblies",
        "  date: 2018-09-27",
        "  budget: {currency: CHF, amount: 108348}",
        '          - {label: PCT, value: 33745, period: Jan-Aug, change: "+6.8%"}',
        '          - {label: Madrid, value: 3571, period: Jan-Aug, change: "+81%"}',
        "          - {label: Hague, value: 87, period: Jan-Aug, "
        'change: "+85%", versus: 2017 total}',
    ]
    assert added == [
        "  title: Side-Event at the 2019 WIPO Assemblies",
        "  date: 2019-09-24",
        "  budget:",
        "    currency: CHF",
        "    amount:  # 2018: CHF 108,348; give the 2019 budget",
        "          - label: PCT",
        "            value:  # 2018: 33,745; give the 2019 figure",
        "            period: Jan-Aug",
        "            previous: 33745",
        "            history: {2018: 33745}",
        "          - label: Madrid",
        "            value:  # 2018: 3,571; give the 2019 figure",
        "            period: Jan-Aug",
        "            previous: 3571",
        "            history: {2018: 3571}",
        "          - label: Hague",
        "            value:  # 2018: 87; give the 2019 figure",
        "            period: Jan-Aug",
        "            versus: 2017 total",
        "            history: {2018: 87}",
    ]


def test_a_block_tile_keeps_its_comments_and_adds_to_its_history(tmp_path: Path) -> None:
    deck = tmp_path / "showcase.yaml"
    shutil.copy(ROOT / "examples" / "showcase.yaml", deck)
    new, removed, added = _carried(deck)
    assert "            value: 87" in removed
    assert '            change: "+85%"' in removed
    assert "            value:  # 2018: 87; give the 2019 figure" in added
    assert "            previous: 87" in added
    assert (
        "            history: {2015: 12, 2016: 41, 2017: 47, 2018: 87}   # charted beside its tile"
        in added
    )
    assert "        title: Filings from China, 2014-2019" in added  # the event's year in a title
    assert "Beijing, April 2018" in new  # a caption tells what happened: kept as written
    assert parse(new.encode(), "new.yaml").data  # still a YAML file


def test_texts_the_editor_wrote_as_content_keep_the_old_year() -> None:
    new, _, _ = _carried(SEED_DECK)
    assert "Online filing and e-communication started operation in June, 2018" in new
    assert "since the 2017 Assemblies." in new
    assert "established: 2014-07-10" in new


@pytest.mark.parametrize(
    ("deck", "year", "expected"),
    [("deck.yaml", 2019, "deck-2019.yaml"), ("woc-2018.yaml", 2019, "woc-2019.yaml")],
)
def test_the_new_file_is_named_for_the_new_year(deck: str, year: int, expected: str) -> None:
    assert next_name(Path(deck), year - 1, year) == Path(expected)


def test_a_date_not_in_a_later_year_is_refused() -> None:
    edit = load_for_edit(SEED_DECK)
    with pytest.raises(DeckError) as caught:
        next_year(edit, dt.date(2018, 12, 1))
    assert str(caught.value) == (
        f"{SEED_DECK}:11:9: error: the new date 2018-12-01 is not in a later year than this "
        "deck's (2018-09-27) (give next year's date, e.g. --date 2019-09-27)"
    )
    assert edit.result() == edit.text


BLOCKS = """\
event:
  office: WIPO Office in Japan
  title: Report 2018
  date: 2018-09-27
  footer: WOJ 2018
resources:
  budget:
    currency: CHF   # regular budget
    amount: 95000   # approved in 2017

slides:
  - title: Figures of 2018
    tiles:
      - label: PCT
        value: "1,234"  # Jan-Aug
        previous: 1000

      - label: Madrid
        value: 50
  - title: Two columns
    columns:
      - tiles: {label: Hague, value: 7}
      - points: [In 2018 we did things]
"""


def test_block_and_nested_figures_are_emptied_and_only_they_stop_the_new_deck(
    tmp_path: Path,
) -> None:
    from wocdeck.model import load_deck

    deck = tmp_path / "deck.yaml"
    deck.write_text(BLOCKS, encoding="utf-8")
    new, _, added = _carried(deck)
    assert "    currency: CHF   # regular budget" in new  # untouched lines keep their comments
    assert "    amount:  # 2018: CHF 95,000; give the 2019 budget" in added
    assert added[-5:] == [
        "      - tiles:",
        "          label: Hague",
        "          value:  # 2018: 7; give the 2019 figure",
        "          previous: 7",
        "          history: {2018: 7}",
    ]
    assert "      - points: [In 2018 we did things]" in new  # content keeps its year
    with pytest.raises(DeckError) as caught:
        load_deck(parse(new.encode(), "deck-2019.yaml"))
    assert [p.message for p in caught.value.problems] == [
        "give the 2019 budget amount",
        "give the 2019 figure for 'PCT' (2018: 1,234)",
        "give the 2019 figure for 'Madrid' (2018: 50)",
        "give the 2019 figure for 'Hague' (2018: 7)",
    ]


def test_a_title_given_per_language_moves_on_in_every_language() -> None:
    _, removed, added = _carried(ROOT / "examples" / "translated.yaml")
    assert "    zh: 2019年产权组织大会期间的会外活动" in added
    assert "    fr: Manifestation parallèle aux Assemblées de l’OMPI de 2019" in added
    assert "    ar: حدث جانبي على هامش جمعيات الويبو لعام 2019" in added
    assert "            value:  # 2018: 33,745; give the 2019 figure" in added
    assert len(removed) == 8  # four titles, the date, the budget and two tiles
