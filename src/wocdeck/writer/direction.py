"""Right-to-left masters and layouts: decorations and placeholders mirrored, styles RTL."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.slide import SlideLayout, SlideMaster


def mirror_layouts(prs: Presentation, layouts: list[SlideLayout]) -> None:
    """Mirror the master's and layouts' shapes left to right; title and body styles RTL."""
    width = int(prs.slide_width)
    master = prs.slide_master
    for owner in (master, *layouts):
        _mirror_shapes(owner, width)
    _right_to_left_styles(master)


def _mirror_shapes(owner: SlideMaster | SlideLayout, width: int) -> None:
    tree = owner.shapes._spTree
    for offset in tree.xpath("./*/p:spPr/a:xfrm/a:off"):
        extent = offset.getnext()
        offset.set("x", str(width - int(offset.get("x")) - int(extent.get("cx"))))


def _right_to_left_styles(master: SlideMaster) -> None:
    """Slides an editor adds by hand read right to left too."""
    styles = master._element.find(qn("p:txStyles"))
    for style in (qn("p:titleStyle"), qn("p:bodyStyle")):
        for level in styles.find(style):
            if isinstance(level.tag, str) and etree.QName(level).localname.endswith("pPr"):
                level.set("rtl", "1")
                if level.get("algn") in (None, "l"):
                    level.set("algn", "r")
