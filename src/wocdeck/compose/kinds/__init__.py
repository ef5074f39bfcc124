"""The kinds of free slide and column content, in one table: the YAML key that makes each,
how it is composed, and whether it may stand in a column.

Adding a kind touches one place per stage: its fields in model.py (`Column` for content that
may also stand in a column, `FreeSlide` for whole-slide kinds), a module here with its
`compose` (and `block`, for column content) and its plan with `fit`, an entry in `kinds()`
below, and its drawing in writer/blocks.py. The table is made when a deck first has a free
slide, so a deck without them does not import tables, pictures and charts.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wocdeck.compose.kinds.base import Kind


@cache
def kinds() -> dict[str, Kind]:
    """Every kind, by the YAML key that makes it."""
    from wocdeck.compose.kinds import (
        bullets,
        chart,
        columns,
        picture,
        section,
        statement,
        table,
        tiles,
    )

    return {
        kind.key: kind
        for kind in (
            bullets.KIND,
            table.KIND,
            picture.KIND,
            chart.KIND,
            tiles.KIND,
            columns.KIND,
            section.KIND,
            statement.KIND,
        )
    }
