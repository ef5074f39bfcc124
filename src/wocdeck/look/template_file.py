"""What a template is to wocdeck once read: its layouts and their placeholders as wocdeck fills
them, its slide size, fonts and colours, and the package the writer draws with (no XML here)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from wocdeck.plan import Box

TITLE_KINDS = ("title", "ctrTitle")
BODY_KINDS = ("body", "obj", "subTitle")


class PlaceholderSpec(NamedTuple):
    """A layout's placeholder as wocdeck fills it: kind, frame, insets and starting size."""

    kind: str  # the ph type: title, ctrTitle, subTitle, body, obj, dt, ftr, sldNum, pic, ...
    idx: int
    attributes: str  # the p:ph element's attributes, as XML
    name: str  # the shape name without its number, e.g. "Title"
    box: Box | None  # in points; None when neither the layout nor the master places it
    inset_x: float
    inset_y: float
    size: float | None  # the first level's font size in points, as inherited
    anchor: str
    align: str = "l"  # the first level's alignment: l, ctr, r, just
    bold: bool = False  # the first level's text is bold (measured so)
    caps: bool = False  # ... or in capitals (cap="all")
    italic: bool = False  # ... or in italics


class LayoutSpec(NamedTuple):
    """One slide layout of the template."""

    name: str
    type: str  # PowerPoint's layout type: title, obj, secHead, twoObj, titleOnly, cust, ...
    partname: str  # e.g. /ppt/slideLayouts/slideLayout2.xml
    placeholders: tuple[PlaceholderSpec, ...]
    number_field: str  # the slide-number field's id on the layout, or ""

    def first(self, *kinds: str) -> PlaceholderSpec | None:
        """The first placeholder of one of kinds, in the layout's order."""
        return next((p for p in self.placeholders if p.kind in kinds), None)

    def all(self, *kinds: str) -> list[PlaceholderSpec]:
        """Every placeholder of one of kinds, in the layout's order."""
        return [p for p in self.placeholders if p.kind in kinds]

    @property
    def title(self) -> PlaceholderSpec | None:
        """The title placeholder (ctrTitle or title)."""
        return self.first(*TITLE_KINDS)

    @property
    def bodies(self) -> list[PlaceholderSpec]:
        """Placeholders that hold text other than the title, footer, date and number."""
        return self.all(*BODY_KINDS)


class TemplateFile(NamedTuple):
    """A checked template: its layouts, slide size, theme and the package for the writer."""

    path: Path
    package: bytes
    width: float  # points
    height: float
    layouts: tuple[LayoutSpec, ...]
    major_font: str  # the theme's heading typeface
    minor_font: str  # the theme's body typeface
    colors: dict[str, str]  # scheme slot (dk1, accent1, ...) → RRGGBB
    color_map: dict[str, str]  # the master's: bg1, tx1, bg2, tx2 → the scheme slot each shows
    macros: bool  # the file had macros, which the output does not keep
    removed: tuple[str, ...] = ()  # kinds of content not carried: "external links", ...
    styles_missing: tuple[str, ...] = ()  # the master's text styles it lacks: "title", "body"
    body_scale: tuple[float, ...] = ()  # the sizes its master's body style sets its levels in
