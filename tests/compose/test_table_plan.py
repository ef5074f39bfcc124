"""Fitting tables: widths from the longest words, pages that repeat the header."""

from __future__ import annotations

from wocdeck.compose.kinds.table_plan import Cell, TablePlan
from wocdeck.errors import Location
from wocdeck.plan import Box

ROW = 18 * 1.15 + 2 * 3.6  # one line at 18 pt, and the cell's margins


def plan(rows: int, height: float, total: bool = True) -> TablePlan:
    return TablePlan(
        "Table",
        (Cell("Name"), Cell("Value", True)),
        tuple((Cell(f"Row {i}"), Cell(f"{i}", True)) for i in range(rows)),
        (Cell("Total"), Cell("3", True)) if total else None,
        Box(0, 0, 400, height),
        18,
        18,
        steps=(18,),
    )


def test_rows_fill_a_page_under_the_header_and_the_next_repeats_it() -> None:
    pages, note = plan(5, 4 * ROW + 1, total=False).fit(Location("deck.yaml", 3))
    assert [len(p.rows) for p in pages] == [3, 2]
    assert all(p.header == pages[0].header for p in pages)
    assert [p.first_row for p in pages] == [0, 3]  # banding continues across slides
    assert note == "table continued on 2 slides"


def test_a_total_row_never_stands_alone_on_a_slide() -> None:
    pages, _ = plan(3, 4 * ROW + 1).fit(Location("deck.yaml", 3))
    assert [(len(p.rows), p.total is not None) for p in pages] == [(2, False), (1, True)]


def test_columns_share_the_width_by_what_their_text_needs() -> None:
    (page,), _ = plan(3, 10 * ROW).fit(Location("deck.yaml", 3))
    assert len(page.widths) == 2 and page.widths[0] > page.widths[1]
    assert sum(page.widths) <= 400
    assert len(page.heights) == 1 + 3 + 1
