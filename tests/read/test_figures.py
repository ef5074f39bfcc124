"""Figures as editors type them: separators, units, and ambiguous ones refused with a hint."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wocdeck.read.figures import FigureError, parse_figure

READ = {
    "33745": ("33,745", "33745"),
    "33,745": ("33,745", "33745"),
    "33 745": ("33,745", "33745"),
    "33\u00a0745": ("33,745", "33745"),
    "33\u202f745": ("33,745", "33745"),
    "33'745": ("33,745", "33745"),
    "33\u2019745": ("33,745", "33745"),
    "1.234.567": ("1,234,567", "1234567"),
    "1,234.5": ("1,234.5", "1234.5"),
    "1.234,5": ("1,234.5", "1234.5"),
    "1 234,5": ("1,234.5", "1234.5"),
    "0.125": ("0.125", "0.125"),
    "2.3": ("2.3", "2.3"),
    "2,5 million": ("2.5 million", "2.5"),
    "2.3 million": ("2.3 million", "2.3"),
    "45%": ("45%", "45"),
    "+1,200%": ("+1,200%", "1200"),
    "-3%": ("-3%", "-3"),
    "CHF 108,348": ("CHF 108,348", "108348"),
    "33 745 visitors": ("33,745 visitors", "33745"),
}


@pytest.mark.parametrize("written", READ)
def test_separators_and_units_people_type_are_read(written: str) -> None:
    shown, number = READ[written]
    figure = parse_figure(written)
    assert (str(figure), figure.number) == (shown, Decimal(number))


def test_a_lone_dot_before_three_digits_is_ambiguous_and_says_both_readings() -> None:
    with pytest.raises(FigureError) as caught:
        parse_figure("38.912")
    assert "ambiguous" in caught.value.message
    assert "(38,912)" in caught.value.message and "(38.912)" in caught.value.message
    assert "write 38,912 or 38912" in caught.value.hint


@pytest.mark.parametrize("written", ["1,23,456", "1,234,5", "12 34", "1.234 567"])
def test_broken_groups_are_refused_with_a_hint(written: str) -> None:
    with pytest.raises(FigureError) as caught:
        parse_figure(written)
    assert "is not a number wocdeck can read" in caught.value.message
    assert "33745" in caught.value.hint


@pytest.mark.parametrize("written", ["eight", "", "about 5", "%"])
def test_text_that_is_no_figure_says_how_figures_are_written(written: str) -> None:
    with pytest.raises(FigureError) as caught:
        parse_figure(written)
    assert "is not a figure" in caught.value.message
    assert "45%, 2.3 million" in caught.value.hint
