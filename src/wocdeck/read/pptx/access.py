"""What an accessibility check needs from any .pptx: each slide's title, shapes in tree order
(a group's shapes inside it), their alternative text, table header rows, text sizes, languages
and the colours text stands on.

A run's colour and size are its own or inherited (inherit.py: list styles, placeholders, the
master's text styles). Colours are resolved where they are plain (srgbClr, or a schemeClr
through the slide's colour map and the theme, without modifiers); a gradient is its stops;
anything else is None: not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.read.pptx.inherit import Styles
from wocdeck.read.pptx.package import NS, Package

TRANSPARENT = "transparent"  # a shape with no fill of its own
_A = f"{{{NS['a']}}}"
_P = f"{{{NS['p']}}}"
_TITLES = {"title", "ctrTitle"}
# python-pptx and some tools fill descr with the picture's file name: no description at all
_FILE_NAME = re.compile(r"\S+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)", re.IGNORECASE)
_CLR_MAP_DEFAULT = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
# A fill: RRGGBB, a gradient's stops, TRANSPARENT, or None when not known.
Fill = str | tuple[str, ...] | None


@dataclass(frozen=True)
class Run:
    """A stretch of text: its size in points and colour when explicit, and what is behind it."""

    text: str
    size: float | None
    bold: bool
    colour: str | None
    fill: Fill
    language: str | None = None  # the run's language tag (lang="fr-FR")


@dataclass
class Shape:
    """One shape of a slide's tree (groups' children are folded into their group's runs)."""

    name: str
    kind: str  # title, text, picture, chart, table, graphic, group
    alt: bool  # has alternative text or is marked decorative
    box: tuple[int, int, int, int] | None
    fill: Fill
    header_row: bool | None = None  # tables only
    runs: list[Run] = field(default_factory=list)
    inside: list[Shape] = field(default_factory=list)  # a group's shapes


@dataclass
class Slide:
    """A slide: its number, title text (None without a title placeholder) and shapes."""

    number: int
    title: str | None
    shapes: list[Shape]
    background: Fill


def read_slides(path: Path) -> list[Slide]:
    """The slides of a .pptx, read with the hardened package reader."""
    package = Package(path)
    default = package.xml("ppt/presentation.xml").find("p:defaultTextStyle", NS)
    return [
        _slide(package, number, part, default) for number, part in enumerate(package.slides(), 1)
    ]


def _slide(package: Package, number: int, part: str, default: Any) -> Slide:
    root = package.xml(part)
    layout = package.related(part, "slideLayout")
    master = package.related(layout, "slideMaster") if layout else None
    chain = [root] + [package.xml(p) for p in (layout, master) if p]
    colours = _scheme(package, master, chain)
    background = next(
        (c for c in (_background(x, colours) for x in chain) if c != TRANSPARENT), None
    )
    trees = [package.xml(p) if p else None for p in (layout, master)]
    read = _Reader(colours, Styles(*trees, default))
    tree = root.find("p:cSld/p:spTree", NS)
    shapes = [read.shape(el) for el in (tree if tree is not None else [])]
    found = [s for s in shapes if s is not None]
    title = next((_text(s) for s in found if s.kind == "title"), None)
    return Slide(number, title, found, background)


def _scheme(package: Package, master: str | None, chain: list[Any]) -> dict[str, str]:
    """Scheme colour names (dk1, bg1, accent1, …) → RRGGBB for this slide."""
    theme = package.related(master, "theme") if master else None
    colours: dict[str, str] = {}
    scheme = package.xml(theme).find("a:themeElements/a:clrScheme", NS) if theme else None
    for slot in scheme if scheme is not None else []:
        value = slot.find("a:srgbClr", NS)
        value = value.get("val") if value is not None else None
        system = slot.find("a:sysClr", NS)
        value = value or (system.get("lastClr") if system is not None else None)
        if value:
            colours[slot.tag.removeprefix(_A)] = value.upper()
    mapping = dict(_CLR_MAP_DEFAULT)
    master_map = chain[-1].find("p:clrMap", NS)
    if master_map is not None:
        mapping.update(master_map.attrib)
    override = chain[0].find("p:clrMapOvr/a:overrideClrMapping", NS)
    if override is not None:
        mapping.update(override.attrib)
    for name, slot in mapping.items():
        if slot in colours:
            colours[name] = colours[slot]
    return colours


def _colour(holder: Any, colours: dict[str, str]) -> str | None:
    """The RRGGBB of a fill's colour element when it is plain; None when not known."""
    if holder is None:
        return None
    for element in holder:
        if len(element):  # lumMod, alpha, …: not worked out here
            return None
        if element.tag == f"{_A}srgbClr":
            return (element.get("val") or "").upper() or None
        if element.tag == f"{_A}schemeClr":
            return colours.get(element.get("val", ""))
    return None


def _fill(properties: Any, colours: dict[str, str]) -> Fill:
    """A shape's own fill: RRGGBB, a gradient's stops, TRANSPARENT, or None when it is a
    picture, a pattern, a group's fill or a colour with modifiers."""
    if properties is None:
        return TRANSPARENT
    solid = properties.find("a:solidFill", NS)
    if solid is not None:
        return _colour(solid, colours)
    gradient = properties.find("a:gradFill", NS)
    if gradient is not None:
        stops = [_colour(stop, colours) for stop in gradient.iterfind("a:gsLst/a:gs", NS)]
        known = [s for s in stops if s is not None]
        return tuple(known) if known and len(known) == len(stops) else None
    if any(properties.find(f"a:{kind}", NS) is not None for kind in ("blipFill", "pattFill")):
        return None
    if properties.find("a:grpFill", NS) is not None:
        return None
    return TRANSPARENT


def _background(root: Any, colours: dict[str, str]) -> str | None:
    background = root.find("p:cSld/p:bg", NS)
    if background is None:
        return TRANSPARENT  # not set here: the layout's or master's applies
    properties = background.find("p:bgPr", NS)
    if properties is not None:
        return (
            _fill(properties, colours) if properties.find("a:solidFill", NS) is not None else None
        )
    return _colour(background.find("p:bgRef", NS), colours)


def _box(element: Any) -> tuple[int, int, int, int] | None:
    transform = element.find("*/a:xfrm", NS)
    if transform is None:
        transform = element.find("p:xfrm", NS)
    offset = transform.find("a:off", NS) if transform is not None else None
    extent = transform.find("a:ext", NS) if transform is not None else None
    if offset is None or extent is None:
        return None
    values = (offset.get("x"), offset.get("y"), extent.get("cx"), extent.get("cy"))
    return tuple(int(v or 0) for v in values)  # type: ignore[return-value]


def _properties(element: Any) -> Any:
    """The non-visual properties (name, descr) of a shape, picture, frame or group."""
    return next(iter(element.iterfind("*/p:cNvPr", NS)), None)


@dataclass(frozen=True)
class _Reader:
    """Reads a slide's shapes with its colours and the text styles its text inherits."""

    colours: dict[str, str]
    styles: Styles

    def shape(self, element: Any) -> Shape | None:
        """A shape of the tree as the check sees it (None: not a shape)."""
        tag = element.tag.removeprefix(_P)
        if tag not in {"sp", "pic", "graphicFrame", "grpSp", "cxnSp"}:
            return None
        info = _properties(element)
        name = info.get("name", "") if info is not None else ""
        alt, box = _described(info), _box(element)
        if tag == "sp":
            placeholder = element.find("p:nvSpPr/p:nvPr/p:ph", NS)
            title = placeholder is not None and placeholder.get("type") in _TITLES
            style_fill = element.find("p:style/a:fillRef", NS)
            fill = _fill(element.find("p:spPr", NS), self.colours)
            if fill == TRANSPARENT and style_fill is not None and style_fill.get("idx") != "0":
                fill = None
            shape = Shape(name, "title" if title else "text", alt, box, fill)
            shape.runs = self.runs(element, element.find("p:txBody", NS), fill)
            return shape
        if tag == "grpSp":
            shape = Shape(name, "group", alt, box, None)
            for child in element:
                inner = self.shape(child)
                if inner is not None:
                    shape.inside.append(inner)
                    # a transparent child stands on whatever its group covers: not known here
                    shape.runs += [r if r.fill != TRANSPARENT else _unknown(r) for r in inner.runs]
            return shape
        if tag == "graphicFrame":
            return self.frame(element, name, alt, box)
        return Shape(name, "picture" if tag == "pic" else "line", alt, box, None)

    def frame(self, element: Any, name: str, alt: bool, box: Any) -> Shape:
        """A chart, a table (its header row and cells' text) or another graphic."""
        data = element.find("a:graphic/a:graphicData", NS)
        table = data.find("a:tbl", NS) if data is not None else None
        if table is None:
            uri = data.get("uri", "") if data is not None else ""
            return Shape(name, "chart" if uri.endswith("/chart") else "graphic", alt, box, None)
        properties = table.find("a:tblPr", NS)
        header = properties is not None and properties.get("firstRow") in {"1", "true"}
        shape = Shape(name, "table", alt, box, None, header_row=header)
        for cell in table.iterfind("a:tr/a:tc", NS):
            cell_fill = _fill(cell.find("a:tcPr", NS), self.colours)
            if cell_fill == TRANSPARENT:
                cell_fill = None  # the table style's fill lies behind it
            shape.runs += self.runs(None, cell.find("a:txBody", NS), cell_fill)
        return shape

    def runs(self, element: Any | None, body: Any, fill: Fill) -> list[Run]:
        """The text runs of a shape's (or a table cell's) body, with what they inherit."""
        if body is None:
            return []
        runs = []
        for paragraph in body.iterfind("a:p", NS):
            level = paragraph.find("a:pPr", NS)
            level = int(level.get("lvl", "0")) if level is not None else 0
            inherited = self.inherited(element, min(max(level, 0), 8))
            for run in paragraph:
                if run.tag not in {f"{_A}r", f"{_A}fld"}:
                    continue
                text = "".join(run.itertext()).strip()
                if text:
                    runs.append(self.run(run.find("a:rPr", NS), text, fill, inherited))
        return runs

    def run(self, properties: Any, text: str, fill: Fill, inherited: tuple[Any, Any]) -> Run:
        """One run: its own size, boldness, colour and language, else what it inherits."""
        colour, size = inherited
        bold, language = False, None
        if properties is not None:
            if properties.get("sz", "").isdigit():
                size = int(properties.get("sz")) / 100
            bold = properties.get("b") in {"1", "true"}
            own = properties.find("a:solidFill", NS)
            colour = _colour(own, self.colours) if own is not None else colour
            language = properties.get("lang") or None
        return Run(text, size, bold, colour, fill, language)

    def inherited(self, element: Any | None, level: int) -> tuple[str | None, float | None]:
        """The colour and size a run at this level of the shape inherits (None: not known)."""
        if element is None:
            return None, None
        chain = self.styles.chain(element, level)
        holders = [d.find("a:solidFill", NS) for d in chain]
        reference = element.find("p:style/a:fontRef", NS)
        if reference is not None and len(reference):  # the shape style's text colour
            holders.insert(0, reference)
        known = [h for h in holders if h is not None]
        colour = _colour(known[0], self.colours) if known else None
        sizes = [d.get("sz") for d in chain if (d.get("sz") or "").isdigit()]
        return colour, int(sizes[0]) / 100 if sizes else None


def _described(info: Any) -> bool:
    """Whether a shape has alternative text (not a bare file name) or is marked decorative."""
    if info is None:
        return False
    described = (info.get("descr") or "").strip()
    return (bool(described) and not _FILE_NAME.fullmatch(described)) or any(
        e.tag.endswith("}decorative") and e.get("val") in {"1", "true"} for e in info.iter()
    )


def _unknown(run: Run) -> Run:
    return Run(run.text, run.size, run.bold, run.colour, None, run.language)


def _text(shape: Shape) -> str:
    return " ".join(run.text for run in shape.runs).strip()
