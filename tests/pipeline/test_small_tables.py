"""A table on a slide of its own reads as a figure of the slide, measured in LibreOffice:
at least two thirds of the body wide, centred in the body, its rows roomy, every word in its
cell; a continued table keeps one width and the same columns on every slide."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.pdfstyle import drawn_tables
from wocdeck.pipeline import render

LONG = "".join(f"        - [City {i}, Seminar on the PCT, {3 + i % 9}]\n" for i in range(30))
DECK = (
    """\
theme: wipo
event:
  office: WIPO Office in Nigeria
  title: Side-Event at the 2026 WIPO Assemblies
  date: 2026-07-09
slides:
  - title: PCT applications from Nigeria
    table:
      columns: [Year, Applications, Designations]
      rows: [[2016, 12, 140], [2017, 15, 151], [2018, 21, 233]]
      total: yes
  - title: Partners
    table:
      columns: [Partner, Visits, Events]
      rows: [[CNIPA, 6, 4], [NCAC, 3, 2], [MOST, 2, 1]]
      total: yes
  - title: Seminars
    table:
      columns: [City, Event, Participants]
      rows:
"""
    + LONG
)
BODY_LEFT, BODY_WIDTH = 48.0, 864.0  # the WIPO theme's body area on a 960 x 540 slide
BODY_TOP, BODY_BOTTOM = 124.0, 486.0  # the body's top, the footer's top less a gap
SIZE = 22.0  # the WIPO theme's body size, which a small table is set at


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[pdfcheck.Page]]:
    """The deck rendered and converted to PDF once."""
    require_renderer()
    folder = tmp_path_factory.mktemp("small-tables")
    source = folder / "tables.yaml"
    source.write_text(DECK, encoding="utf-8")
    deck = render(source, folder / "tables.pptx").output
    assert_opens_cleanly(deck)
    return deck, pdfcheck.convert([deck])[deck]


def _tables(deck: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for table in drawn_tables(deck.with_suffix(".pdf")):
        out.setdefault(table.header, []).append(table)
    return out


@pytest.mark.parametrize("header", ["YearApplicationsDesignations", "PartnerVisitsEvents"])
def test_a_small_table_alone_is_wide_roomy_and_centred_in_the_body(rendered, header) -> None:
    deck, _ = rendered
    [table] = _tables(deck)[header]
    left, right = table.columns[0][0], table.columns[-1][1]
    assert right - left >= 0.6 * BODY_WIDTH, (left, right)
    assert abs((left - BODY_LEFT) - (BODY_LEFT + BODY_WIDTH - right)) <= 2, (left, right)
    assert abs((table.top - BODY_TOP) - (BODY_BOTTOM - table.bottom)) <= 4, table
    rows = 5  # header, three rows and the total
    assert (table.bottom - table.top) / rows >= 1.8 * SIZE, table  # not a footnote's lines
    assert table.sizes == {SIZE}


def test_a_continued_table_keeps_one_width_and_its_columns(rendered) -> None:
    deck, _ = rendered
    pages = _tables(deck)["CityEventParticipants"]
    assert len(pages) > 1
    assert {p.columns for p in pages} == {pages[0].columns}, [p.page for p in pages]
    assert all(p.top == pytest.approx(BODY_TOP, abs=2) for p in pages)  # their tops line up


def test_every_word_of_the_tables_is_inside_its_cell(rendered) -> None:
    deck, pages = rendered
    problems = []
    for number, (page, shapes) in enumerate(
        zip(pages, pdfcheck.frames(deck), strict=True), start=1
    ):
        problems += [f"slide {number}: {p}" for p in pdfcheck.misplaced(page, shapes)]
    assert problems == []
