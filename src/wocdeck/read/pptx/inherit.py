"""Text properties a run inherits when it does not set them: from its shape's list styles, the
layout's and master's placeholder of the same kind, the master's text styles (title, body,
other) and the presentation's default text style, in PowerPoint's order.

A title in the theme's tx1 or tx2 set on the master, not on the run, is found here, so the
contrast check sees the colour the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wocdeck.read.pptx.package import NS

_TITLES = {"title", "ctrTitle"}
_BODIES = {"body", "subTitle", "obj", None}


@dataclass(frozen=True)
class Styles:
    """The list styles a slide's text inherits from: its layout's and master's trees, the
    master's text styles and the presentation's default text style."""

    layout: Any | None
    master: Any | None
    default: Any | None  # presentation.xml's p:defaultTextStyle

    def chain(self, shape: Any, level: int) -> list[Any]:
        """The a:defRPr elements a run of shape at paragraph level (0-8) inherits from, the
        nearest first."""
        tag = f"a:lvl{level + 1}pPr/a:defRPr"
        found = [shape.find(f"p:txBody/a:lstStyle/{tag}", NS)]
        placeholder = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if placeholder is not None:
            kind, index = placeholder.get("type"), placeholder.get("idx")
            for tree in (self.layout, self.master):
                match = _placeholder(tree, kind, index)
                if match is not None:
                    found.append(match.find(f"p:txBody/a:lstStyle/{tag}", NS))
            styles = "p:titleStyle" if kind in _TITLES else "p:bodyStyle"
            if kind in _TITLES or kind in _BODIES:
                found.append(_find(self.master, f"p:txStyles/{styles}/{tag}"))
            else:
                found.append(_find(self.master, f"p:txStyles/p:otherStyle/{tag}"))
        found.append(_find(self.default, tag))
        return [element for element in found if element is not None]


def _find(root: Any | None, path: str) -> Any | None:
    return root.find(path, NS) if root is not None else None


def _placeholder(root: Any | None, kind: str | None, index: str | None) -> Any | None:
    """The placeholder of a layout's or master's tree that a slide's placeholder follows: the
    same type (a title is a title), else the same index."""
    if root is None:
        return None
    shapes = root.findall("p:cSld/p:spTree/p:sp", NS)
    marks = [(s, s.find("p:nvSpPr/p:nvPr/p:ph", NS)) for s in shapes]
    marks = [(s, m) for s, m in marks if m is not None]
    wanted = {"ctrTitle": {"ctrTitle", "title"}, "subTitle": {"subTitle", "body"}}.get(
        kind or "", {kind}
    )
    for shape, mark in marks:
        if kind is not None and mark.get("type") in wanted:
            return shape
    for shape, mark in marks:
        if index is not None and mark.get("idx") == index:
            return shape
    return None
