"""A table never changes shape silently: a misshapen row is an error naming its row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL, refused, write_deck

TABLE = "slides:\n  - title: Events by type\n    table:\n"
EVERY_CELL = "give every row one cell per column; an empty cell is written ''"

CASES = {
    "dict rows whose keys differ (once an internal error, exit 3)": (
        "      rows:\n"
        "        - {Type: Seminars, Events: 18, Participants: 2450}\n"
        "        - {Type: Workshops, Events: 10, Participant: 1200}\n",
        ["10:41: error: 'Participant' is a column in row 2 only (did you mean 'Participants'?)"],
    ),
    "a column in one row only, and a row without a column the others have": (
        "      rows:\n"
        "        - {Type: Seminars, Events: 18}\n"
        "        - {Type: Fairs, Events: 3, Notes: x}\n"
        "        - {Type: Visits, Events: 3}\n"
        "        - {Type: Talks}\n",
        [
            "10:36: error: 'Notes' is a column in row 2 only (name it in every row, or remove it)",
            "12:11: error: row 4 has no cell for 'Events' (add `Events: …` to the row; an empty "
            "cell is written Events: '')",
        ],
    ),
    "rows longer and shorter than columns:": (
        "      columns: [Type, Events, Participants]\n"
        "      rows:\n"
        "        - [Seminars, 18, 2,450]\n"
        "        - [Workshops, 10]\n"
        "        - [Fairs, 3, 300, x]\n",
        [
            "10:28: error: row 1 has 4 cells, the table has 3 columns (Type, Events, "
            "Participants): '450' is under no column (inside [ ] a comma separates cells, so "
            "'2,450' became two cells: write the number without the comma (2450) or quote it: "
            '"2,450")',
            "11:11: error: row 2 has 2 cells, the table has 3 columns (Type, Events, "
            f"Participants): no cell for 'Participants' ({EVERY_CELL})",
            "12:27: error: row 3 has 4 cells, the table has 3 columns (Type, Events, "
            f"Participants): 'x' is under no column ({EVERY_CELL})",
        ],
    ),
    "a group row with a misspelt column under columns:": (
        "      columns: [Type, Events]\n      rows:\n        - {Type: Fairs, Event: 3}\n",
        [
            "10:25: error: row 1 has a column 'Event' that is not one of the table's columns "
            "(did you mean 'Events'? its columns: Type, Events)"
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_misshapen_table_is_refused_at_its_row(cli, tmp_path: Path, case: str) -> None:
    rows, expected = CASES[case]
    deck = write_deck(tmp_path, MINIMAL + TABLE + rows)
    assert refused(cli, deck).splitlines() == [f"{deck}:{line}" for line in expected]
    code, _, err = cli("validate", deck)
    assert code == 1 and err.splitlines() == [f"{deck}:{line}" for line in expected]


def test_a_csv_rows_shape_is_located_at_its_line_past_blank_lines(cli, tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_text(
        'City,Seminars\nBeijing,12\n\n"Shang\nhai"\nXi\'an,1,2\n', "utf-8"
    )
    deck = write_deck(tmp_path, MINIMAL + TABLE + "      csv: events.csv\n")
    csv = tmp_path / "events.csv"
    assert refused(cli, deck).splitlines() == [
        f"{csv}:4: error: this row has 1 cell, the header has 2 columns (City, Seminars): no cell "
        f"for 'Seminars' ({EVERY_CELL})",
        f"{csv}:6: error: this row has 3 cells, the header has 2 columns (City, Seminars): '2' is "
        f"under no column ({EVERY_CELL})",
    ]


def test_rows_in_any_key_order_keep_their_cells_under_their_columns(cli, tmp_path: Path) -> None:
    from pptx import Presentation

    rows = (
        "      rows:\n"
        "        - {Type: Seminars, Events: 18, Participants: 2450}\n"
        "        - {Participants: 1200, Type: Workshops, Events: 10}\n"
    )
    deck = write_deck(tmp_path, MINIMAL + TABLE + rows)
    assert cli("render", deck)[0] == 0
    (table,) = [
        shape.table
        for slide in Presentation(str(deck.with_suffix(".pptx"))).slides
        for shape in slide.shapes
        if shape.has_table
    ]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Type", "Events", "Participants"],
        ["Seminars", "18", "2,450"],
        ["Workshops", "10", "1,200"],
    ]
