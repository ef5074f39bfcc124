"""A table as PowerPoint writes one: `a:tbl` in a graphic frame, coloured from the theme.

The header row is filled with accent 1 and set bold in the background colour, body rows are
banded (every other row in light 2), numbers are right-aligned, and a total row is bold under
an accent 1 rule. Every colour is a theme slot (`a:schemeClr`), so a template restyles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wocdeck.compose.kinds.table_plan import PAD_X, Cell, TablePlan
from wocdeck.plan import Box, Paragraph, Run, TextBox
from wocdeck.writer import markup
from wocdeck.writer.drawing import Drawing

if TYPE_CHECKING:
    from wocdeck.look.theme import Theme

_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_NO_LINE = "<a:noFill/>"
_RULE_WIDTH = 19050  # 1.5 pt


def draw(drawing: Drawing, shape_id: int, table: TablePlan) -> str:
    """The table's graphic frame."""
    widths = [markup.emu(w) for w in table.widths]
    heights = [markup.emu(h) for h in table.heights]
    box = table.box
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    rows = [_row(table, table.header, heights[0], "header", drawing.theme)]
    for index, cells in enumerate(table.rows):
        band = "band" if (table.first_row + index) % 2 else "plain"
        rows.append(_row(table, cells, heights[1 + index], band, drawing.theme))
    if table.total is not None:
        rows.append(_row(table, table.total, heights[-1], "total", drawing.theme))
    flags = ' firstRow="1" bandRow="1"' + (' lastRow="1"' if table.total else "")
    # alternative text for screen readers: the table's columns, in the deck's own words
    described = markup.attribute(
        ", ".join(cell.text for cell in table.header if cell.text) or table.name
    )
    return (
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" '
        f'name="{table.name} {shape_id - 1}" descr="{described}"/>'
        "<p:cNvGraphicFramePr>"
        '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{markup.emu(box.x)}" y="{markup.emu(box.y)}"/>'
        f'<a:ext cx="{sum(widths)}" cy="{sum(heights)}"/></p:xfrm>'
        f'<a:graphic><a:graphicData uri="{_URI}"><a:tbl><a:tblPr{flags}/>'
        f"<a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl></a:graphicData></a:graphic>"
        "</p:graphicFrame>"
    )


def _row(table: TablePlan, cells: tuple[Cell, ...], height: int, kind: str, theme: Theme) -> str:
    return f'<a:tr h="{height}">' + "".join(_cell(table, c, kind, theme) for c in cells) + "</a:tr>"


def _cell(table: TablePlan, cell: Cell, kind: str, theme: Theme) -> str:
    bold = kind in ("header", "total")
    text = TextBox(
        "Cell",
        (Paragraph((Run(cell.text, bold=bold),)),) if cell.text else (),
        Box(0, 0, 0, 0),
        table.size,
        table.floor,
        color=table.header_color if kind == "header" else "dark1",
        line_spacing=table.line_spacing,
        align="r" if cell.number != table.rtl else "l",  # mirrored: numbers on the left
        rtl=table.rtl,
    )
    paragraphs = markup.box_paragraphs(text, theme) or "<a:p/>"
    fill = {"header": table.header_fill, "band": "light2"}.get(kind, "light1")
    top = (
        f'<a:lnT w="{_RULE_WIDTH}">{markup.color("accent1")}</a:lnT>'
        if kind == "total"
        else f"<a:lnT>{_NO_LINE}</a:lnT>"
    )
    lines = f"<a:lnL>{_NO_LINE}</a:lnL><a:lnR>{_NO_LINE}</a:lnR>{top}<a:lnB>{_NO_LINE}</a:lnB>"
    margins = (
        f'marL="{markup.emu(PAD_X)}" marR="{markup.emu(PAD_X)}" '
        f'marT="{markup.emu(table.pad_y)}" marB="{markup.emu(table.pad_y)}" anchor="ctr"'
    )
    return (
        f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</a:txBody>"
        f"<a:tcPr {margins}>{lines}{markup.color(fill)}</a:tcPr></a:tc>"
    )
