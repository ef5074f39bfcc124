"""Deck + Theme → slide plans: which layout, which text, which emphasis, in which box."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from wocdeck.geometry import GAP, Frames
from wocdeck.model import AchievementGroup, Bullet, Deck, Focus
from wocdeck.plan import Box, Layout, Paragraph, Role, Run, Slide, TextBox
from wocdeck.source import DataPath, Source
from wocdeck.theme import Theme
from wocdeck.wording import wording

TILES_PER_SLIDE = 4
TILE_LABEL_SCALE = 0.45
TILE_CAPTION_SCALE = 0.42


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

    def slides(self) -> list[Slide]:
        """Every slide of the deck, in order, before fitting."""
        return list(self._slides())

    def _slides(self) -> Iterator[Slide]:
        deck = self.deck
        yield self._cover()
        if deck.about:
            yield self._about()
        if deck.resources:
            yield self._resources()
        for index, focus in enumerate(deck.focus):
            yield from self._focus(index, focus)
        if deck.year_ahead:
            section = deck.year_ahead
            yield self._content(
                section.title or self.words.phrase("year_ahead"),
                self._bullets(section.points),
                notes=section.notes,
                path=("year_ahead",),
            )
        if deck.closing:
            yield self._closing()

    def _line(self, path: DataPath) -> int:
        return self.source.location(path, key=True).line if self.source else 0

    def _bullet(self, text: str, level: int = 0) -> Paragraph:
        return Paragraph(emphasis(text), Role.BULLET, level)

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

    def _heading(self, text: str) -> Paragraph:
        return Paragraph(emphasis(text), Role.HEADING, color="accent1")

    def _title(self, text: str) -> TextBox:
        sizes = self.theme.sizes
        return TextBox(
            "Title",
            (Paragraph(emphasis(text)),),
            self.frames.title,
            sizes.title,
            sizes.title_floor,
            color="dark2",
            line_spacing=self.theme.title_line_spacing,
            anchor="b",
        )

    def _footer(self) -> TextBox:
        event = self.deck.event
        if event.footer:
            text, origin = event.footer, "event.footer"
        else:  # derived: one line, whatever line breaks the cover's title has
            text, origin = " ".join(f"{event.office} · {event.title}".split()), "event.title"
        sizes = self.theme.sizes
        return TextBox(
            "Footer",
            (Paragraph(emphasis(text)),),
            self.frames.footer,
            sizes.footer,
            sizes.footer_floor,
            color="accent6",
            anchor="ctr",
            origin=origin,
            line=self._line(tuple(origin.split("."))),
        )

    def _body_box(self) -> Box:
        return self.frames.body

    def _content(
        self,
        title: str,
        paragraphs: list[Paragraph],
        *,
        tiles: Sequence[tuple[str, str, str, str]] = (),
        notes: str | None = None,
        path: DataPath = (),
    ) -> Slide:
        """A content slide; tiles are (label, value, caption, alt text)."""
        area = self._body_box()
        body_box, tile_boxes = self._arrange(area, len(tiles), bool(paragraphs))
        body = None
        if paragraphs:
            body = TextBox(
                "Content",
                tuple(paragraphs),
                body_box,
                self.theme.sizes.body,
                self.theme.sizes.body_floor,
                line_spacing=self.theme.line_spacing,
            )
        return Slide(
            Layout.CONTENT,
            self._title(title),
            body,
            tiles=tuple(self._tile(t, b) for t, b in zip(tiles, tile_boxes, strict=True)),
            notes=notes or "",
            line=self._line(path),
            footer=self._footer(),
            continuation=self.words.phrase("continued"),
        )

    def _arrange(self, area: Box, count: int, has_text: bool) -> tuple[Box, list[Box]]:
        """Split the body area between text and up to four figure tiles."""
        if count == 0:
            return area, []
        if not has_text:
            width = (area.w - GAP * (count - 1)) / count
            height = min(area.h, 190.0)
            top = area.y + (area.h - height) / 2
            return area, [Box(area.x + i * (width + GAP), top, width, height) for i in range(count)]
        if count <= 2:
            column = round(area.w * 0.38)
            text = Box(area.x, area.y, area.w - column - GAP * 2, area.h)
            height = min(170.0, (area.h - GAP * (count - 1)) / count)
            left = area.x + area.w - column
            return text, [
                Box(left, area.y + i * (height + GAP), column, height) for i in range(count)
            ]
        row = 132.0
        text = Box(area.x, area.y, area.w, area.h - row - GAP)
        width = (area.w - GAP * (count - 1)) / count
        top = area.bottom - row
        return text, [Box(area.x + i * (width + GAP), top, width, row) for i in range(count)]

    def _tile(self, tile: tuple[str, str, str, str], box: Box) -> TextBox:
        label, value, caption, description = tile
        paragraphs = [
            Paragraph(emphasis(label, bold=True), scale=TILE_LABEL_SCALE, color="accent2"),
            Paragraph((Run(value, bold=True),), color="accent1"),
        ]
        if caption:
            paragraphs.append(
                Paragraph(emphasis(caption), scale=TILE_CAPTION_SCALE, color="accent6")
            )
        sizes = self.theme.sizes
        return TextBox(
            "Figure",
            tuple(paragraphs),
            box,
            sizes.tile_value,
            sizes.tile_value_floor,
            line_spacing=1.1,
            fill="light2",
            description=plain(description),
            inset_x=14,
            inset_y=10,
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
            (Paragraph(emphasis(name)),),
            self.frames.cover_title,
            sizes.cover_title,
            sizes.cover_title_floor,
            color="light1",
            line_spacing=self.theme.title_line_spacing,
            anchor="b",
        )
        subtitle = TextBox(
            "Subtitle",
            (Paragraph(emphasis(event.title)),),
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
            when.insert(0, Paragraph(emphasis(event.city, bold=True)))
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
        about = self.deck.about
        assert about is not None
        words = self.words
        points: list[str | Bullet] = []
        if about.established:
            points.append(words.phrase("established", date=words.date(about.established)))
        if about.location:
            points.append(words.phrase("located", place=about.location))
        points.extend(about.points)
        return self._content(
            about.title or words.phrase("about_title", acronym=self.acronym),
            self._bullets(points),
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
        tiles = []
        if resources.budget:
            value = words.money(resources.budget.amount, resources.budget.currency)
            label = resources.budget_heading or words.phrase("budget_heading")
            tiles.append((label, value, "", f"{label}: {value}"))
        return self._content(
            resources.title or words.phrase("resources_title", acronym=self.acronym),
            paragraphs,
            tiles=tiles,
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
            paragraphs = self._bullets(focus.aims)
            yield self._content(focus.title or named, paragraphs, notes=focus.notes, path=path)
        if not focus.achievements:
            return
        title = focus.achievements_title or (
            words.phrase("achievements_title", acronym=self.acronym, number=numeral)
            if focus.aims
            else focus.title or named
        )
        notes = focus.achievements_notes if focus.aims else focus.achievements_notes or focus.notes
        paragraphs, tiles = self._achievements(focus.achievements)
        chunks = [tiles[i : i + TILES_PER_SLIDE] for i in range(0, len(tiles), TILES_PER_SLIDE)]
        achievements_path = (*path, "achievements")
        yield self._content(
            title,
            paragraphs,
            tiles=chunks[0] if chunks else [],
            notes=notes,
            path=achievements_path,
        )
        for chunk in chunks[1:]:
            yield self._content(
                title + words.phrase("continued"), [], tiles=chunk, path=achievements_path
            )

    def _achievements(
        self, achievements: Sequence[str | Bullet | AchievementGroup]
    ) -> tuple[list[Paragraph], list[tuple[str, str, str, str]]]:
        paragraphs: list[Paragraph] = []
        tiles = []
        for item in achievements:
            if not isinstance(item, AchievementGroup):
                paragraphs.extend(self._bullets([item]))
                continue
            paragraphs.append(self._heading(item.heading))
            paragraphs.extend(self._bullets(item.points))
            for metric in item.metrics:
                value = metric.value.shown(self.words.number)
                caption = self.words.caption(metric.period, metric.change, metric.versus)
                description = f"{metric.label}: {value}" + (f" {caption}" if caption else "")
                tiles.append((metric.label, value, caption, description))
        return paragraphs, tiles

    def _closing(self) -> Slide:
        closing, event, sizes = self.deck.closing, self.deck.event, self.theme.sizes
        assert closing is not None
        words = self.words
        text = closing.text or words.phrase("thank_you")
        title = TextBox(
            "Title",
            (Paragraph(emphasis(text, italic=words.italic)),),
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
            (Paragraph(emphasis(event.office, bold=True)), Paragraph(emphasis(where))),
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


def compose(
    deck: Deck, theme: Theme, source: Source | None = None, frames: Frames | None = None
) -> list[Slide]:
    """Plan every slide of a deck in a theme, before fitting; frames: the template's boxes."""
    return Composer(deck, theme, source, frames).slides()
