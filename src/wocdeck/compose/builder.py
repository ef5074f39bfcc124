"""The building blocks of slide plans: runs, bullets, figure tiles, titles, content slides.

The report's own sections (`composer`) and every kind of free slide (`kinds/`) build their
slides from these; the kinds see them through `kinds.base.Context`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from wocdeck.compose.text import EAST_ASIAN, SLOT, emphasis, fact_label, plain, tight_brackets
from wocdeck.compose.wording import wording
from wocdeck.errors import Location
from wocdeck.look.geometry import Frames
from wocdeck.look.scripts import by_script, east_asian_language
from wocdeck.look.theme import Theme
from wocdeck.model import Bullet, Deck, Metric
from wocdeck.plan import Block, Box, Figure, Group, Layout, Paragraph, Role, Run, Slide, TextBox
from wocdeck.read.boundary import Boundary
from wocdeck.read.source import DataPath, Source


class SlideBuilder:
    """Builds the parts of one deck's slides in one theme."""

    def __init__(
        self,
        deck: Deck,
        theme: Theme,
        source: Source | None = None,
        frames: Frames | None = None,
        boundary: Boundary | None = None,
    ) -> None:
        self.deck, self.theme, self.source = deck, theme, source
        self.boundary = boundary or Boundary.around(self.folder / "deck.yaml")
        self.acronym = deck.event.acronym or deck.event.office
        self.frames = frames or Frames(theme.margin)
        self.words = wording(deck.language)
        # Han characters with no other clue take the East Asian language of the deck's fonts.
        self.east_asian = theme.fonts.east_asian_language

    @property
    def folder(self) -> Path:
        """The deck file's folder: pictures, charts' and tables' CSV files are found there."""
        return Path(self.source.path).parent if self.source else Path()

    @property
    def translated(self) -> bool:
        """Whether the deck is shown in another language than its own (`language:`)."""
        written = self.source.written_in if self.source else ""
        return bool(written) and written != self.deck.language

    def in_own_words(self, path: DataPath) -> bool:
        """Whether the deck is translated but the value at path was not given in its language
        (it is shown in the deck's own words)."""
        chosen = self.source.chosen if self.source else set()
        return self.translated and not any(path[:n] in chosen for n in range(len(path) + 1))

    def file(self, name: str, path: DataPath, noun: str) -> Path:
        """A file the deck names at path, relative to its folder and inside its boundary; for a
        CSV file, its translation into the deck's language (NAME.fr.csv) when there is one."""
        where = self.location(path)
        found = self.boundary.located(self.folder / name, name, noun, where)
        if found.suffix.lower() == ".csv":
            translated = found.with_name(f"{found.stem}.{self.deck.language}{found.suffix}")
            if translated.is_file():
                return self.boundary.located(translated, translated.name, noun, where)
        return found

    def location(self, path: DataPath, *, key: bool = False) -> Location:
        """Where a value (or, with key=True, its key) is in the deck file."""
        return self.source.location(path, key=key) if self.source else Location("deck.yaml")

    def line(self, path: DataPath) -> int:
        """The line a value is on in the deck file (0 without a source)."""
        return self.source.location(path, key=True).line if self.source else 0

    def runs(self, text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
        """Runs of a paragraph: `**` emphasis, split by script, East Asian text tagged; in
        Chinese and Japanese without spaces against full-width brackets."""
        if self.words.language in EAST_ASIAN:
            text = tight_brackets(text)
        if "**" in text:
            runs = emphasis(text, bold=bold, italic=italic)
        else:
            runs = (Run(text, bold, italic),)
        if text.isascii():
            return runs
        language = east_asian_language(text, self.east_asian)
        return tuple(piece for run in runs for piece in by_script(run, language))

    def bullet(self, text: str, level: int = 0) -> Paragraph:
        return Paragraph(self.runs(text), Role.BULLET, level)

    def bullets(self, points: Sequence[str | Bullet]) -> list[Paragraph]:
        """Bullets, each followed by its second-level bullets."""
        paragraphs = []
        for point in points:
            if isinstance(point, Bullet):
                paragraphs.append(self.bullet(point.text))
                paragraphs.extend(self.bullet(sub, level=1) for sub in point.points)
            else:
                paragraphs.append(self.bullet(point))
        return paragraphs

    def group(self, points: Sequence[str | Bullet]) -> Group:
        """A headless group of bullets."""
        return Group(tuple(self.bullets(points)))

    def heading(self, text: str) -> Paragraph:
        return Paragraph(self.runs(text), Role.HEADING, color="accent1")

    def tile_figure(
        self, label: str, value: str, caption: str = "", chart: Block | None = None
    ) -> Figure:
        description = plain(f"{label}: {value}" + (f" {caption}" if caption else ""))
        return Figure(
            self.runs(label, bold=True),
            self.runs(value, bold=True),
            self.runs(caption) if caption else (),
            description,
            chart,
        )

    def fact(self, key: str, slot: str, value: str) -> Figure:
        """A phrase such as "Established on {date}" as a figure: its words, then the value."""
        label = fact_label(self.words.phrase(key, **{slot: SLOT}))
        return Figure(
            self.runs(label, bold=True),
            self.runs(value, bold=True),
            (),
            plain(f"{label} {value}"),
        )

    def title_box(self, text: str) -> TextBox:
        sizes = self.theme.sizes
        return TextBox(
            "Title",
            (Paragraph(self.runs(text)),),
            self.frames.title,
            sizes.title,
            sizes.title_floor,
            color="dark2",
            line_spacing=self.theme.title_line_spacing,
            anchor="t",  # one top for titles of one line and of two
        )

    @cached_property
    def footer(self) -> TextBox:
        """The deck's footer box, the same on every content slide (built once)."""
        event = self.deck.event
        shorter: tuple[Paragraph, ...] = ()
        if event.footer:
            text, origin = event.footer, "event.footer"
        else:  # derived: one line, whatever line breaks the cover's title has
            text, origin = " ".join(f"{event.office} · {event.title}".split()), "event.title"
            # short forms, for a footer too long for one line: the cover has both in full
            year = event.date.year
            forms = (
                (f"{event.acronym} · {event.title}", f"{event.acronym} · {year}")
                if event.acronym
                else (f"{event.office} · {year}",)
            )
            shorter = tuple(Paragraph(self.runs(" ".join(f.split()))) for f in forms)
        sizes = self.theme.sizes
        return TextBox(
            "Footer",
            (Paragraph(self.runs(text)),),
            self.frames.footer,
            sizes.footer,
            sizes.footer_floor,
            color="accent6",
            anchor="ctr",
            origin=origin,
            shorter=shorter,
            line=self.line(tuple(origin.split("."))),
        )

    def content(
        self,
        title: str,
        groups: list[Group],
        *,
        notes: str | None = None,
        path: DataPath = (),
    ) -> Slide:
        """A content slide whose body tells its story in groups; fitting lays them out."""
        groups = [g for g in groups if g.paragraphs or g.figures]
        sizes = self.theme.sizes
        body = TextBox(
            "Content",
            tuple(p for g in groups for p in g.paragraphs),
            self.frames.body,
            sizes.body,
            sizes.body_floor,
            line_spacing=self.theme.line_spacing,
        )
        return Slide(
            Layout.CONTENT,
            self.title_box(title),
            body if groups else None,
            notes=notes or "",
            line=self.line(path),
            footer=self.footer,
            continuation=self.words.phrase("continued"),
            groups=tuple(groups),
        )

    def figure(self, metric: Metric) -> Figure:
        words = self.words
        caption = words.caption(metric.period, metric.change, metric.versus)
        value = words.figure(metric.value)
        return self.tile_figure(metric.label, value, caption, self.history(metric))

    def history(self, metric: Metric) -> Block | None:
        """A metric's history as a small column chart, placed when its tile is laid out."""
        if not metric.history:
            return None
        # imported here: a deck without histories or charts does not load the chart modules
        from wocdeck.compose.kinds.chart import HISTORY_TEXT, plan
        from wocdeck.read.chart_data import ChartData

        label = plain(metric.label)
        periods, values = list(metric.history), list(metric.history.values())
        year = str(self.deck.event.date.year)
        if year not in periods:  # the tile's own value, as the last bar
            periods.append(year)  # the tile's caption says the period
            values.append(metric.value.number)
        data = ChartData("column", tuple(periods), ((label, tuple(values)),))
        return plan(self, data, Box(0, 0, 0, 0), HISTORY_TEXT, axes=False, title=label)
