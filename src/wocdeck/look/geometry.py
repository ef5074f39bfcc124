"""Where things go on a 16:9 slide (960 x 540 points): one source for plans and layouts."""

from __future__ import annotations

from typing import NamedTuple

from wocdeck.plan import Box

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
KICKER_TOP = 22.0  # the short accent bar above a content slide's title
TITLE_TOP = 34.0
TITLE_HEIGHT = 80.0  # two lines of a 30 pt title; titles hang from one top, under the bar
BODY_TOP = 124.0
FOOTER_TOP = 500.0
GAP = 14.0
COVER_PANEL_X = SLIDE_WIDTH * 0.7
ACCENT_Y = 322.0  # the accent bar between a cover's title and subtitle
_NUMBER_WIDTH = 72.0
LOGO_TOP = 36.0
LOGO_HEIGHT = 48.0
LOGO_NAME = "Logo"  # the bundled cover layout's picture placeholder for the theme's logo
LOGO_IDX = 14


class Frames(NamedTuple):
    """The boxes of every layout for a theme's side margin, in points."""

    margin: float

    @property
    def width(self) -> float:
        """The width between the side margins."""
        return SLIDE_WIDTH - 2 * self.margin

    @property
    def title(self) -> Box:
        """A content slide's title."""
        return Box(self.margin, TITLE_TOP, self.width, TITLE_HEIGHT)

    @property
    def body(self) -> Box:
        """A content slide's body: text and figure tiles."""
        return Box(self.margin, BODY_TOP, self.width, FOOTER_TOP - GAP - BODY_TOP)

    @property
    def footer(self) -> Box:
        """The footer text, left of the slide number."""
        return Box(self.margin, FOOTER_TOP + 4, self.width - 80, SLIDE_HEIGHT - FOOTER_TOP - 10)

    @property
    def slide_number(self) -> Box:
        """The slide number, at the right of the footer."""
        x = SLIDE_WIDTH - self.margin - _NUMBER_WIDTH
        return Box(x, FOOTER_TOP + 4, _NUMBER_WIDTH, SLIDE_HEIGHT - FOOTER_TOP - 10)

    @property
    def cover_title(self) -> Box:
        """The office's name on the cover, left of the panel."""
        return Box(self.margin, 110, COVER_PANEL_X - self.margin - 40, 200)

    @property
    def cover_subtitle(self) -> Box:
        """The event's title on the cover."""
        return Box(self.margin, 340, COVER_PANEL_X - self.margin - 40, 110)

    @property
    def cover_date(self) -> Box:
        """City and date, on the cover's panel."""
        return Box(COVER_PANEL_X + 28, 110, SLIDE_WIDTH - COVER_PANEL_X - 56, 340)

    @property
    def closing_title(self) -> Box:
        """The closing line."""
        return Box(self.margin, 150, self.width, 160)

    @property
    def closing_subtitle(self) -> Box:
        """Office, city and date under the closing line."""
        return Box(self.margin, 340, self.width, 100)

    def titled(self, kind: str) -> tuple[Box, Box]:
        """A section divider's (kind "section") or statement's title and subtitle frames."""
        if kind == "section":
            return Box(self.margin, 150, self.width, 170), Box(self.margin, 340, self.width, 100)
        return Box(self.margin, 90, self.width, 260), Box(self.margin, 370, self.width, 80)

    def columns(self) -> tuple[Box, Box]:
        """A two-column slide's columns: the body split in two."""
        return self.split(self.body)

    @staticmethod
    def split(area: Box) -> tuple[Box, Box]:
        """An area split into two columns with a gap between them."""
        width = (area.w - 2 * GAP) / 2
        return Box(area.x, area.y, width, area.h), Box(
            area.x + width + 2 * GAP, area.y, width, area.h
        )

    def logo(self, aspect: float) -> Box:
        """A theme's logo at the cover's top left, 48 pt high; aspect is width over height.

        A very wide logo is kept within the cover title's width (and gets lower), so no
        picture's shape can push its frame off the slide.
        """
        widest = self.cover_title.w
        width = min(LOGO_HEIGHT * aspect, widest)
        return Box(self.margin, LOGO_TOP, width, width / aspect if aspect > 0 else LOGO_HEIGHT)


def mirror_box(box: Box, width: float = SLIDE_WIDTH) -> Box:
    """The box at the same height on the other side of a slide `width` points wide."""
    return Box(width - box.x - box.w, box.y, box.w, box.h)
