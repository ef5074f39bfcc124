"""Deck + Theme → slide plans: which layout, which text, which emphasis, in which box."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from wocdeck.compose.wording import wording
from wocdeck.errors import Location
from wocdeck.look.geometry import Frames
from wocdeck.look.scripts import by_script, east_asian_language
from wocdeck.look.theme import Theme
from wocdeck.model import AchievementGroup, Bullet, Deck, Focus, FreeSlide, Metric, content_key
from wocdeck.plan import Box, Figure, Group, Layout, Paragraph, Role, Run, Slide, TextBox
from wocdeck.read.chart_data import ChartData
from wocdeck.read.source import DataPath, Source

if TYPE_CHECKING:
    from wocdeck.compose.kinds.placing import Placement
    from wocdeck.plan import Block

_SLOT = "\x00"  # stands for a phrase's value while it is split into label and value


def emphasis(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Split `**bold**` markup into runs; `bold` and `italic` style the whole text."""
    parts = text.split("**")
    return tuple(
        Run(part, bold=bold or i % 2 == 1, italic=italic) for i, part in enumerate(parts) if part
    )


def plain(text: str) -> str:
    """Text without emphasis markup, for alt text and other plain-text places."""
    return text.replace("**", "")


class Composer:
    """Builds the slide plans of one deck in one theme."""

    def __init__(
        self, deck: Deck, theme: Theme, source: Source | None = None, frames: Frames | None = None
    ) -> None:
        self.deck, self.theme, self.source = deck, theme, source
        self.acronym = deck.event.acronym or deck.event.office
        self.frames = frames or Frames(theme.margin)
        self.words = wording(deck.language)
        # Han characters with no other clue take the East Asian language of the deck's fonts.
        self.east_asian = theme.fonts.east_asian_language

    def slides(self) -> list[Slide]:
        """Every slide of the deck, in order, before fitting."""
        return list(self._slides())

    def _slides(self) -> Iterator[Slide]:
        from wocdeck.compose.kinds.placing import place

        deck = self.deck
        free = place(deck, self.location)
        yield from self._around(free, "cover", [self._cover()])
        if deck.about:
            yield from self._around(free, "about", [self._about()])
        if deck.resources:
            yield from self._around(free, "resources", [self._resources()])
        yield from self._free(free.take("before", "focus"))
        for index, focus in enumerate(deck.focus):
            yield from self._around(
                free, f"focus {index + 1}", self._focus_area(free, index, focus)
            )
        yield from self._free(free.take("after", "focus"))
        if deck.year_ahead:
            section = deck.year_ahead
            year_ahead = self._content(
                section.title or self.words.phrase("year_ahead"),
                [self._list(section.points)],
                notes=section.notes,
                path=("year_ahead",),
            )
            yield from self._around(free, "year_ahead", [year_ahead])
        if deck.closing:
            yield from self._around(free, "closing", [self._closing()])
        yield from self._free(free.take("after", "end"))

    def _around(self, free: Placement, anchor: str, slides: Iterable[Slide]) -> Iterator[Slide]:
        """A section's slides with the free slides placed before and after it."""
        yield from self._free(free.take("before", anchor))
        yield from slides
        yield from self._free(free.take("after", anchor))

    def _free(self, placed: list[tuple[FreeSlide, DataPath]], title: str = "") -> Iterator[Slide]:
        """Free slides, each made by its kind (wocdeck/kinds/); `title`: the derived one."""
        from wocdeck.compose.kinds import KINDS

        for spec, path in placed:
            key = content_key(spec)
            yield from KINDS[key].compose(self, spec, spec.title or title or None, path)

    def _focus_area(self, free: Placement, index: int, focus: Focus) -> Iterator[Slide]:
        """A focus area's slides with its own `extra:` slides among them, titled as they are."""
        slides = list(self._focus(index, focus))
        anchor = f"focus {index + 1}"
        aims, rest = (slides[:1], slides[1:]) if focus.aims else ([], slides)
        aims_title = aims[0].title.text if aims else ""
        done_title = rest[0].title.text if rest else aims_title
        yield from self._free(free.take("before", f"{anchor} aims"), aims_title or done_title)
        yield from aims
        after_aims = free.take("after", f"{anchor} aims") + free.take(
            "before", f"{anchor} achievements"
        )
        yield from self._free(after_aims, aims_title or done_title)
        yield from rest
        yield from self._free(free.take("after", f"{anchor} achievements"), done_title)

    @property
    def folder(self) -> Path:
        """The deck file's folder: pictures, charts' and tables' CSV files are found there."""
        return Path(self.source.path).parent if self.source else Path()

    def location(self, path: DataPath) -> Location:
        """Where a value is in the deck file."""
        return self.source.location(path) if self.source else Location("deck.yaml")

    def _line(self, path: DataPath) -> int:
        return self.source.location(path, key=True).line if self.source else 0

    def _runs(self, text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
        """Runs of a paragraph: `**` emphasis, split by script, East Asian text tagged."""
        if "**" in text:
            runs = emphasis(text, bold=bold, italic=italic)
        else:
            runs = (Run(text, bold, italic),)
        if text.isascii():
            return runs
        language = east_asian_language(text, self.east_asian)
        return tuple(piece for run in runs for piece in by_script(run, language))

    def _bullet(self, text: str, level: int = 0) -> Paragraph:
        return Paragraph(self._runs(text), Role.BULLET, level)

    def _bullets(self, points: Sequence[str | Bullet]) -> list[Paragraph]:
        """Bullets, each followed by its second-level bullets."""
        paragraphs = []
        for point in points:
            if isinstance(point, Bullet):
                paragraphs.append(self._bullet(point.text))
                paragraphs.extend(self._bullet(sub, level=1) for sub in point.points)
            else:
                paragraphs.append(self._bullet(point))
        return paragraphs

    def _list(self, points: Sequence[str | Bullet]) -> Group:
        """A headless group of bullets."""
        return Group(tuple(self._bullets(points)))

    def _heading(self, text: str) -> Paragraph:
        return Paragraph(self._runs(text), Role.HEADING, color="accent1")

    def _figure(
        self, label: str, value: str, caption: str = "", chart: Block | None = None
    ) -> Figure:
        description = plain(f"{label}: {value}" + (f" {caption}" if caption else ""))
        return Figure(
            self._runs(label, bold=True),
            self._runs(value, bold=True),
            self._runs(caption) if caption else (),
            description,
            chart,
        )

    def _fact(self, key: str, slot: str, value: str) -> Figure:
        """A phrase such as "Established on {date}" as a figure: its words, then the value."""
        label = fact_label(self.words.phrase(key, **{slot: _SLOT}))
        return Figure(
            self._runs(label, bold=True),
            self._runs(value, bold=True),
            (),
            plain(f"{label} {value}"),
        )

    def _title(self, text: str) -> TextBox:
        sizes = self.theme.sizes
        return TextBox(
            "Title",
            (Paragraph(self._runs(text)),),
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
        if event.footer:
            text, origin = event.footer, "event.footer"
        else:  # derived: one line, whatever line breaks the cover's title has
            text, origin = " ".join(f"{event.office} · {event.title}".split()), "event.title"
        sizes = self.theme.sizes
        return TextBox(
            "Footer",
            (Paragraph(self._runs(text)),),
            self.frames.footer,
            sizes.footer,
            sizes.footer_floor,
            color="accent6",
            anchor="ctr",
            origin=origin,
            line=self._line(tuple(origin.split("."))),
        )

    def _content(
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
            self._title(title),
            body if groups else None,
            notes=notes or "",
            line=self._line(path),
            footer=self.footer,
            continuation=self.words.phrase("continued"),
            groups=tuple(groups),
        )

    def _cover(self) -> Slide:
        event, sizes = self.deck.event, self.theme.sizes
        words = self.words
        name = (
            words.phrase("office_acronym", office=event.office, acronym=event.acronym)
            if event.acronym
            else event.office
        )
        title = TextBox(
            "Title",
            (Paragraph(self._runs(name)),),
            self.frames.cover_title,
            sizes.cover_title,
            sizes.cover_title_floor,
            color="light1",
            line_spacing=self.theme.title_line_spacing,
            anchor="b",
        )
        subtitle = TextBox(
            "Subtitle",
            (Paragraph(self._runs(event.title)),),
            self.frames.cover_subtitle,
            sizes.cover_subtitle,
            sizes.cover_subtitle_floor,
            color="light1",
        )
        when = [
            Paragraph((Run(words.long_date(event.date)),), scale=0.8),
            Paragraph((Run(words.year(event.date), bold=True),), scale=1.6),
        ]
        if event.city:
            when.insert(0, Paragraph(self._runs(event.city, bold=True)))
        date = TextBox(
            "Date",
            tuple(when),
            self.frames.cover_date,
            sizes.cover_subtitle,
            sizes.cover_subtitle_floor,
            color="light1",
            anchor="ctr",
        )
        return Slide(
            Layout.COVER,
            title,
            extras=(subtitle, date),
            notes=event.notes or "",
            line=self._line(("event",)),
        )

    def _about(self) -> Slide:
        """About as facts: when and where the office was established, as large figures."""
        about = self.deck.about
        assert about is not None
        words = self.words
        facts = []
        if about.established:
            facts.append(self._fact("established", "date", words.date(about.established)))
        if about.location:
            facts.append(self._fact("located", "place", about.location))
        group = Group(tuple(self._bullets(about.points)), tuple(facts))
        return self._content(
            about.title or words.phrase("about_title", acronym=self.acronym),
            [group],
            notes=about.notes,
            path=("about",),
        )

    def _resources(self) -> Slide:
        resources = self.deck.resources
        assert resources is not None
        words = self.words
        paragraphs = []
        if resources.personnel:
            heading = resources.personnel_heading or words.phrase("personnel_heading")
            paragraphs.append(self._heading(heading))
            paragraphs.extend(self._bullets(resources.personnel))
        figures = []
        if resources.budget:
            value = words.money(resources.budget.amount, resources.budget.currency)
            label = resources.budget_heading or words.phrase("budget_heading")
            figures.append(self._figure(label, value))
        return self._content(
            resources.title or words.phrase("resources_title", acronym=self.acronym),
            [Group(tuple(paragraphs), tuple(figures))],
            notes=resources.notes,
            path=("resources",),
        )

    def _focus(self, index: int, focus: Focus) -> Iterator[Slide]:
        path: DataPath = ("focus", index)
        words = self.words
        numeral = words.numeral(index + 1)
        name = focus.name
        if focus.goal is not None:
            name = words.phrase("with_goal", name=name, goal=str(focus.goal))
        named = words.phrase("focus_title", acronym=self.acronym, number=numeral, name=name)
        if focus.aims:
            yield self._content(
                focus.title or named, [self._list(focus.aims)], notes=focus.notes, path=path
            )
        if not focus.achievements:
            return
        title = focus.achievements_title or (
            words.phrase("achievements_title", acronym=self.acronym, number=numeral)
            if focus.aims
            else focus.title or named
        )
        notes = focus.achievements_notes if focus.aims else focus.achievements_notes or focus.notes
        yield self._content(
            title,
            self._achievements(focus.achievements),
            notes=notes,
            path=(*path, "achievements"),
        )

    def _achievements(self, achievements: Sequence[str | Bullet | AchievementGroup]) -> list[Group]:
        """Plain achievements as headless groups; each titled group with its own figures."""
        groups: list[Group] = []
        plain: list[str | Bullet] = []
        for item in achievements:
            if not isinstance(item, AchievementGroup):
                plain.append(item)
                continue
            if plain:
                groups.append(self._list(plain))
                plain = []
            paragraphs = (self._heading(item.heading), *self._bullets(item.points))
            figures = tuple(self._metric(m) for m in item.metrics)
            groups.append(Group(paragraphs, figures))
        if plain:
            groups.append(self._list(plain))
        return groups

    def _metric(self, metric: Metric) -> Figure:
        words = self.words
        caption = words.caption(metric.period, metric.change, metric.versus)
        value = metric.value.shown(words.number)
        return self._figure(metric.label, value, caption, self._history(metric))

    def _history(self, metric: Metric) -> Block | None:
        """A metric's history as a small column chart, placed when its tile is laid out."""
        if not metric.history:
            return None
        from wocdeck.compose.kinds.chart import HISTORY_TEXT, plan

        series = ((plain(metric.label), tuple(metric.history.values())),)
        data = ChartData("column", tuple(metric.history), series)
        return plan(self, data, Box(0, 0, 0, 0), HISTORY_TEXT, axes=False)

    def _closing(self) -> Slide:
        closing, event, sizes = self.deck.closing, self.deck.event, self.theme.sizes
        assert closing is not None
        words = self.words
        text = closing.text or words.phrase("thank_you")
        title = TextBox(
            "Title",
            (Paragraph(self._runs(text, italic=words.italic)),),
            self.frames.closing_title,
            sizes.cover_title,
            sizes.cover_title_floor,
            color="light1",
            line_spacing=self.theme.title_line_spacing,
            align="ctr",
            anchor="b",
        )
        where = words.phrase("separator").join(p for p in (event.city, words.date(event.date)) if p)
        subtitle = TextBox(
            "Subtitle",
            (Paragraph(self._runs(event.office, bold=True)), Paragraph(self._runs(where))),
            self.frames.closing_subtitle,
            sizes.cover_subtitle * 0.8,
            sizes.cover_subtitle_floor,
            color="light1",
            align="ctr",
        )
        return Slide(
            Layout.CLOSING,
            title,
            extras=(subtitle,),
            notes=closing.notes or "",
            line=self._line(("closing",)),
        )

    # What the kinds (wocdeck/kinds/) build their slides from.
    def title_box(self, text: str) -> TextBox:
        """A content slide's title box."""
        return self._title(text)

    def runs(self, text: str) -> tuple[Run, ...]:
        """A line's runs: `**` emphasis, split by script."""
        return self._runs(text)

    def bullets(self, points: Sequence[str | Bullet]) -> list[Paragraph]:
        """Bullets, each followed by its second-level bullets."""
        return self._bullets(points)

    def figure(self, metric: Metric) -> Figure:
        """A metric as a figure tile's label, value and caption."""
        return self._metric(metric)

    def content(
        self, title: str, groups: list[Group], *, notes: str | None, path: DataPath
    ) -> Slide:
        """A content slide of groups (bullets, figures), laid out and continued by fitting."""
        return self._content(title, groups, notes=notes, path=path)

    def line(self, path: DataPath) -> int:
        """The line a value is on in the deck file (0 without a source)."""
        return self._line(path)


def compose(
    deck: Deck, theme: Theme, source: Source | None = None, frames: Frames | None = None
) -> list[Slide]:
    """Plan every slide of a deck in a theme, before fitting; frames: the template's boxes."""
    return Composer(deck, theme, source, frames).slides()


def fact_label(phrase: str) -> str:
    """The words of a fact phrase around its value: "Established on \\0" → "Established on"."""
    before, _, after = phrase.partition(_SLOT)
    label = before if before.strip() else after
    return label.strip(" :：,、").strip() or phrase.replace(_SLOT, "").strip()
