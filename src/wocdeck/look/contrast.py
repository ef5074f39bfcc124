"""Contrast as WCAG 2.1 measures it: ratios of colours, and a text colour readable on a fill.

Colours are RRGGBB strings. Text under 18 pt (14 pt bold) needs 4.5:1 against what is behind
it (AA); larger text needs 3:1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

AA_NORMAL = 4.5
AA_LARGE = 3.0
LARGE = 18.0  # points; bold text is large from LARGE_BOLD
LARGE_BOLD = 14.0
# A theme's slots as the plans name them, and as a PowerPoint colour scheme names them.
SCHEME_NAMES = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2"}
# How a slide names those four (the writer draws them so), and which scheme colour the
# master's colour map makes each by default; a dark template maps the background bg1 to dk1.
DRAWN_AS = {"dark1": "tx1", "light1": "bg1", "dark2": "tx2", "light2": "bg2"}
DEFAULT_COLOR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
SLOTS = ("dark1", "light1", "dark2", "light2", *(f"accent{i}" for i in range(1, 7)))


def luminance(rgb: str) -> float:
    """The relative luminance of an RRGGBB colour (0 black … 1 white)."""
    total = 0.0
    for weight, start in ((0.2126, 0), (0.7152, 2), (0.0722, 4)):
        channel = int(rgb[start : start + 2], 16) / 255
        linear = channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
        total += weight * linear
    return total


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two RRGGBB colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_large(size: float, bold: bool = False) -> bool:
    """Whether text of this size (points) counts as large text."""
    return size >= (LARGE_BOLD if bold else LARGE)


def required(size: float, bold: bool = False) -> float:
    """The ratio text of this size needs against its background (WCAG 2.1 AA)."""
    return AA_LARGE if is_large(size, bold) else AA_NORMAL


def passes(text: str, fill: str, size: float, bold: bool = False) -> bool:
    """Whether text in one colour on a fill of another is readable at this size."""
    return contrast_ratio(text, fill) >= required(size, bold) - 1e-9


def readable_on(fill: str, candidates: Iterable[str], size: float, bold: bool = False) -> str:
    """The first candidate colour readable on fill at this size; if none is, the one with
    the most contrast."""
    options = list(candidates)
    for option in options:
        if passes(option, fill, size, bold):
            return option
    return max(options, key=lambda option: contrast_ratio(option, fill))


class Palette(NamedTuple):
    """A deck's colour scheme: theme slot (dark1, accent1, …) → RRGGBB."""

    colors: Mapping[str, str]

    @classmethod
    def from_scheme(
        cls, scheme: Mapping[str, str], color_map: Mapping[str, str] | None = None
    ) -> Palette:
        """A palette from a PowerPoint colour scheme's names (dk1, lt1, accent1, …), each
        slot the colour a slide shows for it through the master's colour map."""
        mapping = {**DEFAULT_COLOR_MAP, **(color_map or {})}
        colors = {k: v for k, v in scheme.items() if _HEX.fullmatch(v)}
        drawn = {slot: colors.get(mapping[role]) for slot, role in DRAWN_AS.items()}
        drawn |= {slot: colors.get(slot) for slot in SLOTS if slot not in DRAWN_AS}
        return cls({slot: color for slot in SLOTS if (color := drawn[slot])})

    def rgb(self, slot: str) -> str | None:
        """The colour of a slot, or None for a slot the scheme does not set."""
        return self.colors.get(slot)

    def readable(
        self, slot: str, fill: str, size: float, bold: bool = False, *, accents: bool = True
    ) -> str:
        """The slot to draw text in on a fill slot: slot itself if readable there, else the
        scheme's dark or light colour that is; slots the scheme lacks are left as they are."""
        back = self.rgb(fill)
        if back is None or self.rgb(slot) is None:
            return slot
        order = [slot] if accents or not slot.startswith("accent") else []
        order += [s for s in ("dark2", "dark1", "light1", "light2") if s != slot]
        known = {self.colors[s]: s for s in reversed(order) if s in self.colors}
        chosen = readable_on(back, [self.colors[s] for s in order if s in self.colors], size, bold)
        return known[chosen] if self.colors.get(slot) != chosen else slot
