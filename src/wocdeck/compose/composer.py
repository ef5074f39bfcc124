"""Deck + Theme → slide plans: the report's sections in order, free slides among them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from wocdeck.compose.builder import SlideBuilder
from wocdeck.compose.kinds import kinds
from wocdeck.compose.kinds.placing import Placement, place
from wocdeck.look.geometry import Frames
from wocdeck.look.theme import Theme
from wocdeck.model import AchievementGroup, Bullet, Deck, Focus, FreeSlide, content_key
from wocdeck.plan import Group, Layout, Paragraph, Run, Slide, TextBox
from wocdeck.read.boundary import Boundary
from wocdeck.read.source import DataPath, Source

if TYPE_CHECKING:
    from wocdeck.compose.kinds.base import Kind  # imported with the kinds, by a free slide


class Composer(SlideBuilder):
    """Builds the slide plans of one deck in one theme."""

    def slides(self) -> list[Slide]:
        """Every slide of the deck, in order, before fitting."""
        return list(self._slides())

    def _slides(self) -> Iterator[Slide]:
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
            year_ahead = self.content(
                section.title or self.words.phrase("year_ahead"),
                [self.group(section.points)],
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
        for spec, path in placed:
            key = content_key(spec)
            yield from kinds()[key].compose(self, spec, spec.title or title or None, path)

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

    def _cover(self) -> Slide:
        event, sizes = self.deck.event, self.theme.sizes
        words = self.words
        acronym = event.acronym
        named = bool(acronym) and _named(acronym, event.office)  # "… (WSO)" shown once
        name = (
            words.phrase("office_acronym", office=event.office, acronym=acronym)
            if acronym and not named
            else event.office
        )
        title = TextBox(
            "Title",
            (Paragraph(self.runs(name)),),
            self.frames.cover_title,
            sizes.cover_title,
            sizes.cover_title_floor,
            color="light1",
            line_spacing=self.theme.title_line_spacing,
            anchor="b",
            origin="event.office",  # a name too long for the cover is said at its line
            line=self.line(("event", "office")),
        )
        subtitle = TextBox(
            "Subtitle",
            (Paragraph(self.runs(event.title)),),
            self.frames.cover_subtitle,
            sizes.cover_subtitle,
            sizes.cover_subtitle_floor,
            color="light1",
            origin="event.title",
            line=self.line(("event", "title")),
        )
        when = [
            Paragraph((Run(words.long_date(event.date)),), scale=0.8),
            Paragraph((Run(words.year(event.date), bold=True),), scale=1.6),
        ]
        if event.city:
            when.insert(0, Paragraph(self.runs(event.city, bold=True)))
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
            line=self.line(("event",)),
        )

    def _about(self) -> Slide:
        """About as facts: when and where the office was established, as large figures."""
        about = self.deck.about
        assert about is not None
        words = self.words
        facts = []
        if about.established:
            facts.append(self.fact("established", "date", words.date(about.established)))
        if about.location:
            facts.append(self.fact("located", "place", about.location))
        group = Group(tuple(self.bullets(about.points)), tuple(facts))
        return self.content(
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
            paragraphs.append(self.heading(heading))
            paragraphs.extend(self.bullets(resources.personnel))
        figures = []
        if resources.budget:
            value = words.money(resources.budget.amount, resources.budget.currency)
            label = resources.budget_heading or words.phrase("budget_heading")
            figures.append(self.tile_figure(label, value))
        return self.content(
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
            yield self.content(
                focus.title or named, [self.group(focus.aims)], notes=focus.notes, path=path
            )
        if not focus.achievements:
            return
        title = focus.achievements_title or (
            words.phrase("achievements_title", acronym=self.acronym, number=numeral)
            if focus.aims
            else focus.title or named
        )
        notes = focus.achievements_notes if focus.aims else focus.achievements_notes or focus.notes
        yield self.content(
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
                groups.append(self.group(plain))
                plain = []
            paragraphs = (self.heading(item.heading), *self.bullets(item.points))
            figures = tuple(self.figure(m) for m in item.metrics)
            groups.append(Group(paragraphs, figures))
        if plain:
            groups.append(self.group(plain))
        return groups

    def _closing(self) -> Slide:
        closing, event, sizes = self.deck.closing, self.deck.event, self.theme.sizes
        assert closing is not None
        words = self.words
        text = closing.line or words.phrase("thank_you")
        title = TextBox(
            "Title",
            (Paragraph(self.runs(text, italic=words.italic)),),
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
            (Paragraph(self.runs(event.office, bold=True)), Paragraph(self.runs(where))),
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
            line=self.line(("closing",)),
        )

    def kind(self, key: str) -> Kind:
        """The kind a free slide's or a column's content key names."""
        return kinds()[key]


def compose(
    deck: Deck,
    theme: Theme,
    source: Source | None = None,
    frames: Frames | None = None,
    boundary: Boundary | None = None,
) -> list[Slide]:
    """Plan every slide of a deck in a theme, before fitting; frames: the template's boxes;
    boundary: the folders the deck's files may be read from (default: the deck's own)."""
    return Composer(deck, theme, source, frames, boundary).slides()


def _named(acronym: str, office: str) -> bool:
    """Whether the office's name already holds its acronym as a word: "… Office (WSO)"."""
    return re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", office) is not None
