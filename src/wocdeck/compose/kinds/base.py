"""What every kind shares: its registry entry, what it composes into a box, the slide around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from wocdeck.errors import DeckError, Location
from wocdeck.look.geometry import mirror_box
from wocdeck.plan import Block, Box, Layout, Paragraph, Run, Slide, TextBox
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from pathlib import Path

    from wocdeck.compose.wording import Wording
    from wocdeck.look.geometry import Frames
    from wocdeck.look.theme import Theme
    from wocdeck.model import Bullet, FreeSlide, Metric
    from wocdeck.plan import Figure, Group


class Context(Protocol):
    """What a kind builds its slides from: the composer's parts, seen from below it."""

    theme: Theme
    frames: Frames
    words: Wording

    @property
    def folder(self) -> Path:
        """The deck file's folder (pictures and CSV files are found there)."""

    @property
    def translated(self) -> bool:
        """Whether the deck is shown in another language than its own (`language:`)."""

    def in_own_words(self, path: DataPath) -> bool:
        """Whether the deck is translated but the value at path was not given in its language
        (it is shown in the deck's own words)."""

    @property
    def footer(self) -> TextBox:
        """The deck's footer box."""

    def file(self, name: str, path: DataPath, noun: str) -> Path:
        """A file the deck names at path, relative to its folder; a located error if it lies
        outside the deck's folder and the folders the user allowed."""

    def location(self, path: DataPath, *, key: bool = False) -> Location:
        """Where a value (or, with key=True, its key) is in the deck file."""

    def line(self, path: DataPath) -> int:
        """The line a value is on in the deck file."""

    def runs(self, text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
        """A line's runs: `**` emphasis, split by script."""

    def bullets(self, points: Sequence[str | Bullet]) -> list[Paragraph]:
        """Bullets, each followed by its second-level bullets."""

    def figure(self, metric: Metric) -> Figure:
        """A metric as a figure tile's label, value and caption."""

    def title_box(self, text: str) -> TextBox:
        """A content slide's title box."""

    def content(
        self, title: str, groups: list[Group], *, notes: str | None = None, path: DataPath = ()
    ) -> Slide:
        """A content slide of groups, laid out and continued by fitting."""

    def kind(self, key: str) -> Kind:
        """The kind a content key names."""


@dataclass(frozen=True)
class Content:
    """What a kind puts in a box: text boxes, figure tiles and blocks (tables, pictures…)."""

    texts: tuple[TextBox, ...] = ()
    tiles: tuple[TextBox, ...] = ()
    blocks: tuple[Block, ...] = ()


# A block sized when it is composed (a picture, a chart): fitting leaves it as it is; its class
# takes its `measured`, `fit` and `mirrored` from the three functions below.
S = TypeVar("S", bound=Block)


def unmeasured(block: S, metrics: str) -> S:
    """A block sized when composed has no text of wocdeck's to measure."""
    del metrics
    return block


def fits_as_is(block: S, where: Location) -> tuple[list[S], str]:
    """A block sized when composed always fits the frame it was given."""
    del where
    return [block], ""


def mirrored_as_is(block: S, width: float) -> S:
    """The block on the other side of a slide `width` points wide (not flipped)."""
    return block._replace(box=mirror_box(block.box, width))


# compose(composer, slide, title, path) → the slides a free slide of this kind makes
SlideComposer = Callable[["Context", "FreeSlide", str | None, DataPath], list[Slide]]
# block(composer, value, box, name, path) → the content of a box: name is the column's text
# box name ("Content" left, "Right"), or "" when the block has the whole slide to itself
BlockComposer = Callable[["Context", Any, Box, str, DataPath], Content]


@dataclass(frozen=True)
class Kind:
    """One kind of content: the key that makes it, its slide, and its column form (if any)."""

    key: str  # the YAML key: `points:`, `table:`, `section:` …
    compose: SlideComposer
    block: BlockComposer | None = None  # None: the kind makes whole slides only


def needs_title(composer: Context, title: str | None, path: DataPath) -> str:
    """The slide's title; a located error when it has none."""
    if title is None:
        raise DeckError.at(
            composer.location(path), "this slide needs a `title:`", "add `title: …` to it"
        )
    return title


def framed(
    composer: Context,
    title: str,
    content: Content,
    spec: FreeSlide,
    path: DataPath,
    layout: Layout = Layout.CONTENT,
) -> Slide:
    """A titled slide with a footer holding content."""
    return Slide(
        layout,
        composer.title_box(title),
        extras=content.texts,
        tiles=content.tiles,
        blocks=content.blocks,
        notes=spec.notes or "",
        line=composer.line(path),
        footer=composer.footer,
        continuation=composer.words.phrase("continued"),
    )


def whole_slide(block: BlockComposer, key: str) -> SlideComposer:
    """A slide composer for a column kind: its content in the whole body, under the title."""

    def compose(
        composer: Context, spec: FreeSlide, title: str | None, path: DataPath
    ) -> list[Slide]:
        named = needs_title(composer, title, path)
        content = block(composer, getattr(spec, key), composer.frames.body, "", (*path, key))
        return [framed(composer, named, content, spec, path)]

    return compose


@dataclass(frozen=True)
class Big:
    """How a slide of one large line sets it: a section divider's or a statement's."""

    layout: Layout
    size: float
    under_size: float
    align: str = "l"
    anchor: str = "b"


def big_text(
    composer: Context,
    spec: FreeSlide,
    path: DataPath,
    look: Big,
    text: str,
    under: tuple[Run, ...] = (),
) -> list[Slide]:
    """A slide of one large line in its layout's title, and a smaller one under it."""
    sizes = composer.theme.sizes
    title_frame, under_frame = composer.frames.titled(look.layout.value)
    heading = TextBox(
        "Title",
        (Paragraph(composer.runs(text)),),
        title_frame,
        look.size,
        sizes.title_floor,
        color="light1",
        line_spacing=composer.theme.title_line_spacing,
        align=look.align,
        anchor=look.anchor,
    )
    extras = ()
    if under:
        extras = (
            TextBox(
                "Subtitle",
                (Paragraph(under),),
                under_frame,
                look.under_size,
                sizes.cover_subtitle_floor,
                color="light1",
                align=look.align,
            ),
        )
    return [
        Slide(look.layout, heading, extras=extras, notes=spec.notes or "", line=composer.line(path))
    ]
