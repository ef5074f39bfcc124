"""Where a chart's numbers go, measured before the renderer draws them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wocdeck.compose.kinds.chart_labels import value_step
from wocdeck.plan import Box
from wocdeck.read.chart_data import ChartData

APPLICATIONS = (("Applications", (Decimal(53345), Decimal(6900), Decimal(87))),)


@pytest.mark.parametrize(
    ("width", "step"),
    [(900.0, 10000.0), (400.0, 20000.0), (230.0, 50000.0)],
)
def test_a_bar_charts_step_grows_until_its_numbers_stand_side_by_side(
    width: float, step: float
) -> None:
    """At 14 pt, 0-60,000 in steps of 10,000 needs about 400 pt; a narrower plot takes fewer,
    larger steps rather than numbers turned 45 degrees."""
    data = ChartData("bar", ("PCT", "Madrid", "Hague"), APPLICATIONS)
    assert value_step(data, Box(0, 0, width, 300), 14.0, "liberation-sans") == step


def test_a_column_charts_step_is_left_to_the_renderer() -> None:
    data = ChartData("column", ("PCT", "Madrid", "Hague"), APPLICATIONS)
    assert value_step(data, Box(0, 0, 230, 300), 14.0, "liberation-sans") == 0.0
