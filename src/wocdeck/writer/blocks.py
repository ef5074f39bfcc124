"""How each kind of block (table, picture, chart) is drawn: one table, by the block's plan type.

A new kind adds its plan type and its drawing function (a module of its own in writer/) to
`DRAWERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wocdeck.compose.kinds.chart import ChartPlan
from wocdeck.compose.kinds.picture import PicturePlan
from wocdeck.compose.kinds.table_plan import TablePlan
from wocdeck.writer import chart, picture, table
from wocdeck.writer.drawing import Drawing

# plan type → draw(drawing, shape id, block) → the shape's XML
DRAWERS: dict[type, Callable[[Drawing, int, Any], str]] = {
    TablePlan: table.draw,
    PicturePlan: picture.draw,
    ChartPlan: chart.draw,
}


def draw(drawing: Drawing, shape_id: int, block: Any) -> str:
    """The XML of one block's shape."""
    return DRAWERS[type(block)](drawing, shape_id, block)
