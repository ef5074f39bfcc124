"""Chart data: CSV files read with every problem located; changes computed as tiles word them."""

from __future__ import annotations

import os
import signal
from decimal import Decimal
from pathlib import Path

import pytest

from wocdeck.errors import DeckError, Location
from wocdeck.read.chart_data import ChartData, read_csv, series_problem
from wocdeck.read.figures import FigureError, change_between, parse_figure

WHERE = Location("deck.yaml", 7, 11)


def test_a_csv_is_read_as_categories_and_series(tmp_path: Path) -> None:
    file = tmp_path / "filings.csv"
    file.write_text("Year,PCT,Madrid\n2017,48882,4810\n2018,53345,6900\n", encoding="utf-8")
    heading, categories, series = read_csv(file, WHERE)
    assert (heading, categories, list(series)) == ("Year", ("2017", "2018"), ["PCT", "Madrid"])
    assert series["Madrid"] == [Decimal(4810), Decimal(6900)]


def test_separators_blank_lines_and_a_bom_are_read(tmp_path: Path) -> None:
    file = tmp_path / "d.csv"
    file.write_text('\ufeffYear,PCT\n\n2017,"31,600"\n2018,33 745\n', encoding="utf-8")
    assert read_csv(file, WHERE)[2] == {"PCT": [Decimal(31600), Decimal(33745)]}


def _problems(tmp_path: Path, text: str) -> list[str]:
    file = tmp_path / "d.csv"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        read_csv(file, WHERE)
    return [str(p) for p in caught.value.problems]


def test_bad_values_are_located_at_their_row_in_the_csv(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "Year,PCT,Madrid\n2017,31600,n/a\n\n2018,33745\n2019,5%,1\n")
    file = tmp_path / "d.csv"
    assert problems[0].startswith(f"{file}:2: error: Madrid: 'n/a' is not a figure")
    assert problems[1].startswith(f"{file}:4: error: this row has 2 cells; the header has 3")
    assert problems[2].startswith(f"{file}:5: error: PCT: '5%' is not a plain number")


def test_a_csv_without_rows_or_series_is_refused(tmp_path: Path) -> None:
    assert "at least one row of values" in _problems(tmp_path, "Year,PCT\n")[0]
    assert "names the categories, then each series" in _problems(tmp_path, "Year\n2017\n")[0]


def test_a_missing_csv_is_located_at_the_deck_key(tmp_path: Path) -> None:
    with pytest.raises(DeckError) as caught:
        read_csv(tmp_path / "nope.csv", WHERE)
    assert str(caught.value).startswith("deck.yaml:7:11: error: the data file")
    assert "does not exist" in str(caught.value)


def test_a_data_file_that_is_a_device_or_a_pipe_neither_blocks_nor_floods(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # no writer: reading it must not wait for one
    signal.alarm(5)  # a regression would block (pipe) or read without end (device): stop it
    try:
        with pytest.raises(DeckError) as device:
            read_csv(Path("/dev/zero"), WHERE)
        with pytest.raises(DeckError) as pipe:
            read_csv(fifo, WHERE)
        with pytest.raises(DeckError) as folder:
            read_csv(tmp_path, WHERE)
    finally:
        signal.alarm(0)
    assert "the data file /dev/zero is not a file" in str(device.value)
    assert "at least one row of values" in str(pipe.value)
    assert f"the data file {tmp_path} is not a file" in str(folder.value)


def test_a_pie_shows_one_series_of_values_none_negative() -> None:
    assert series_problem("pie", {"a": [Decimal(1)], "b": [Decimal(2)]})
    assert series_problem("pie", {"a": [Decimal(-1)]})
    assert series_problem("column", {"a": [Decimal(-1)], "b": [Decimal(2)]}) is None


def test_decimals_are_the_most_any_value_has() -> None:
    assert ChartData("line", ("a",), (("s", (Decimal("1.25"),)),)).decimals == 2


@pytest.mark.parametrize(
    ("previous", "value", "change"),
    [
        ("31600", "33745", "+6.8%"),
        ("47", "87", "+85.1%"),
        ("100", "97", "-3%"),
        ("100", "100", "0%"),
        ("1.9 million", "2.3 million", "+21.1%"),
    ],
)
def test_a_change_is_computed_from_the_previous_value(
    previous: str, value: str, change: str
) -> None:
    assert change_between(parse_figure(previous), parse_figure(value)) == change


def test_a_change_from_zero_or_across_units_is_refused() -> None:
    with pytest.raises(FigureError, match="previous value of 0"):
        change_between(parse_figure("0"), parse_figure("5"))
    with pytest.raises(FigureError, match="not in the same unit"):
        change_between(parse_figure("5%"), parse_figure("5 million"))
