"""Slide plans: what goes on each slide and where, in points; made by compose, sized by fit."""

from __future__ import annotations

from enum import Enum
from typing import Any, NamedTuple, Protocol, Self

from wocdeck.errors import Location

INSET_X = 7.2  # text box insets, points (0.1 inch)
INSET_Y = 3.6
BULLET_MARGIN = (22.0, 46.0, 68.0)  # left margin of bullet levels 0, 1, 2, points

CONTINUED = " (cont.)"  # marks a title or heading repeated on a continuation slide


class Layout(Enum):
    """The slide layouts a theme provides."""

    COVER = "cover"
    CONTENT = "content"
    CLOSING = "closing"
    TWO_COLUMNS = "two_columns"
    SECTION = "section"
    STATEMENT = "statement"


class Role(Enum):
    """What a paragraph is, which decides its bullet and style."""

    BULLET = "bullet"
    HEADING = "heading"
    PLAIN = "plain"
    CONTINUED = "continued"  # the rest of a bullet split across slides: no bullet mark


class Run(NamedTuple):
    """Text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str = ""  # a language tag for East Asian text ("ja-JP"); empty for other text


class Paragraph(NamedTuple):
    """A paragraph; its size is the box's size times scale."""

    runs: tuple[Run, ...]
    role: Role = Role.PLAIN
    level: int = 0
    scale: float = 1.0
    color: str = ""  # a theme colour slot; empty means the box's colour
    pad: float = 0.0  # extra space above, in points: lines up figures across a row of tiles

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(r.text for r in self.runs)

    @property
    def margin_left(self) -> float:
        """The paragraph's left margin in points (where bulleted text starts)."""
        if self.role in (Role.BULLET, Role.CONTINUED):
            return BULLET_MARGIN[min(self.level, len(BULLET_MARGIN) - 1)]
        return 0.0

    @property
    def hanging(self) -> float:
        """How far left of its text a bullet sits: under the text of the level above it."""
        if self.role is not Role.BULLET:
            return 0.0
        level = min(self.level, len(BULLET_MARGIN) - 1)
        return BULLET_MARGIN[level] - (BULLET_MARGIN[level - 1] if level else 0.0)

    def space_before(self, size: float) -> float:
        """Space above the paragraph when it is not the first in its box, in points."""
        if self.role is Role.HEADING:
            return 0.8 * size + self.pad
        if self.role is Role.CONTINUED:
            return self.pad
        if self.role is Role.BULLET:
            return (0.45 if self.level == 0 else 0.25) * size + self.pad
        return 0.25 * size * self.scale + self.pad

    def line_height(self, size: float, spacing: float) -> float:
        """The height of one line at a box size and line spacing, in points."""
        return size * self.scale * spacing


class Box(NamedTuple):
    """A rectangle on the slide, in points from the top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        """The y of the lower edge."""
        return self.y + self.h


class TextBox(NamedTuple):
    """Paragraphs in a box at a size that fit may lower, down to floor."""

    name: str
    paragraphs: tuple[Paragraph, ...]
    box: Box
    size: float
    floor: float
    color: str = "dark1"
    line_spacing: float = 1.2
    align: str = "l"
    anchor: str = "t"
    fill: str = ""  # a theme colour slot for the shape's background
    description: str = ""  # alt text for shapes that are figures
    inset_x: float = INSET_X
    inset_y: float = INSET_Y
    rtl: bool = False  # right-to-left paragraphs (Arabic): bullets and first words on the right
    metrics: str = "liberation-sans"  # which font's widths measure the text (see fonts/)
    bold: bool = False  # the placeholder sets all its text bold
    plain: bool = False  # its placeholder's forced capitals, italics and bold are overridden
    origin: str = ""  # the deck field the text comes from, when not the slide's own section
    line: int = 0  # that field's line in the deck file
    shorter: tuple[Paragraph, ...] = ()  # shorter forms of a one-paragraph text, shortest last

    @property
    def room(self) -> float:
        """The height available to text inside the box, in points."""
        return self.box.h - 2 * self.inset_y

    @property
    def text(self) -> str:
        """All the box's text, a line per paragraph."""
        return "\n".join(p.text for p in self.paragraphs)


class Block(Protocol):
    """Content that is not text in a placeholder (a table, a picture, a chart): each kind's
    plan (wocdeck/kinds/) says how it fits; writer/blocks.py says how it is drawn."""

    @property
    def box(self) -> Box:
        """Where the block sits on the slide."""
        ...

    def measured(self, metrics: str) -> Self:
        """The block measured in the template's body font."""
        ...

    def fit(self, where: Location) -> tuple[list[Self], str]:
        """The block on one or more slides (a long table continues), and what fitting did."""
        ...

    def mirrored(self, width: float) -> Self:
        """The block laid out right to left on a slide `width` points wide."""
        ...

    def _replace(self, **changes: Any) -> Self:
        """The block with fields changed (every block is a named tuple)."""
        ...


class Figure(NamedTuple):
    """A figure worth a tile: a small label over a large value, an optional caption."""

    label: tuple[Run, ...]
    value: tuple[Run, ...]
    caption: tuple[Run, ...] = ()
    description: str = ""  # the tile's alt text
    chart: Block | None = None  # the figure's history, charted in the slot after its tile

    @property
    def slots(self) -> int:
        """How many tile slots the figure takes: its tile, and its chart if it has one."""
        return 2 if self.chart is not None else 1


class Group(NamedTuple):
    """A unit of a slide's story: an optional heading, its paragraphs and its figures."""

    paragraphs: tuple[Paragraph, ...]
    figures: tuple[Figure, ...] = ()

    @property
    def heading(self) -> Paragraph | None:
        """The group's heading paragraph, if it has one."""
        first = self.paragraphs[0] if self.paragraphs else None
        return first if first is not None and first.role is Role.HEADING else None


class Slide(NamedTuple):
    """One slide: a layout, its title and body, and any other text boxes and figure tiles."""

    layout: Layout
    title: TextBox
    body: TextBox | None = None
    extras: tuple[TextBox, ...] = ()
    tiles: tuple[TextBox, ...] = ()
    blocks: tuple[Block, ...] = ()  # tables, pictures, charts
    notes: str = ""
    line: int = 0  # where in the deck file the slide comes from
    continued: int = 0  # 0 for a first slide, n for its n-th continuation
    footer: TextBox | None = None
    continuation: str = CONTINUED  # appended to the title of a continuation slide
    groups: tuple[Group, ...] = ()  # the body's story before fitting lays it out


class Adjustment(NamedTuple):
    """Something fit changed on a slide, for the render report."""

    line: int
    slide: int
    title: str
    message: str
    hint: str = ""  # what to change, for --strict; default: shorten the text or split it

    @property
    def said(self) -> str:
        """What changed, with its slide; a change to every slide (slide 0, the footer) alone."""
        return f'slide {self.slide} "{self.title}": {self.message}' if self.slide else self.message
