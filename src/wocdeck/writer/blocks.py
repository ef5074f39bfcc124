"""How each kind of block (table, picture, chart) is drawn: one table, by the block's plan type.

A new kind adds its plan type and its drawing function (a module of its own in writer/) to
`drawers()`. The table is made when a deck first draws a block, so a deck without tables,
pictures and charts does not import their modules.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from wocdeck.writer.drawing import Drawing

Drawer = Callable[[Drawing, int, Any], str]  # (drawing, shape id, block) → the shape's XML


@cache
def drawers() -> dict[type, Drawer]:
    """Each plan type's drawing function."""
    from wocdeck.compose.kinds.chart import ChartPlan
    from wocdeck.compose.kinds.picture import PicturePlan
    from wocdeck.compose.kinds.table_plan import TablePlan
    from wocdeck.writer import chart, picture, table

    return {TablePlan: table.draw, PicturePlan: picture.draw, ChartPlan: chart.draw}


def draw(drawing: Drawing, shape_id: int, block: Any) -> str:
    """The XML of one block's shape."""
    return drawers()[type(block)](drawing, shape_id, block)
