"""Where the editor's free slides go: `before:` or `after:` a section of the report."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable

from wocdeck.compose.wording import roman
from wocdeck.errors import DeckError, Location
from wocdeck.model import Deck, FreeSlide
from wocdeck.read.source import DataPath

SECTIONS = ("cover", "about", "resources", "focus", "year_ahead", "closing")
IN_FOCUS = ("aims", "achievements")
_FOCUS_N = re.compile(r"^focus[ _]*([0-9]+|[ivxlcdm]+)$")


class Placement:
    """The free slides waiting at each (before|after, anchor), with their paths."""

    def __init__(self) -> None:  # a plain class: a dataclass's methods compile at each start
        self.at: dict[tuple[str, str], list[tuple[FreeSlide, DataPath]]] = defaultdict(list)

    def take(self, side: str, anchor: str) -> list[tuple[FreeSlide, DataPath]]:
        """The slides placed at one side of an anchor."""
        return self.at.pop((side, anchor), [])


def place(deck: Deck, locate: Callable[[DataPath], Location]) -> Placement:
    """Resolve every free slide's `before:`/`after:`; the default is just before the closing."""
    placement = Placement()
    present = _present(deck)
    last = "closing" if deck.closing else None
    for index, slide in enumerate(deck.slides):
        path: DataPath = ("slides", index)
        side, written = _side(slide)
        if written is None:
            key = ("before", "closing") if last else ("after", "end")
        else:
            key = (side, _anchor(written, present, locate((*path, side)), side))
        placement.at[key].append((slide, path))
    for number, focus in enumerate(deck.focus):
        for index, slide in enumerate(focus.extra):
            path = ("focus", number, "extra", index)
            side, written = _side(slide)
            anchor = _in_focus(written or "achievements", locate((*path, side)))
            placement.at[(side, f"focus {number + 1} {anchor}")].append((slide, path))
    return placement


def _side(slide: FreeSlide) -> tuple[str, str | None]:
    if slide.before is not None:
        return "before", slide.before
    return "after", slide.after


def _present(deck: Deck) -> list[str]:
    names = ["cover"]
    names += [n for n in ("about", "resources") if getattr(deck, n) is not None]
    if deck.focus:
        names.append("focus")
        names += [f"focus {i}" for i in range(1, len(deck.focus) + 1)]
    names += [n for n in ("year_ahead", "closing") if getattr(deck, n) is not None]
    return names


def _normal(written: str) -> str:
    text = " ".join(written.casefold().replace("_", " ").split())
    match = _FOCUS_N.match(text.replace(" ", ""))
    if match:
        number = match[1]
        if not number.isdigit():
            numerals = {roman(n).casefold(): n for n in range(1, 100)}
            return f"focus {numerals.get(number, 0)}"
        return f"focus {int(number)}"
    return text.replace(" ", "_")


def _anchor(written: str, present: list[str], where: Location, side: str) -> str:
    anchor = _normal(written)
    if anchor in present:
        return anchor
    close = difflib.get_close_matches(anchor, present, n=1)
    listed = ", ".join(n for n in present if not n.startswith("focus ")) + (
        ", focus 1 … focus N" if "focus" in present else ""
    )
    if anchor in SECTIONS or anchor.startswith("focus "):
        message = f"the deck has no '{written}' for this slide to go {side}"
    else:
        message = f"'{written}' is not a section of the report"
    hint = f"did you mean '{close[0]}'?" if close else f"write one of: {listed}"
    raise DeckError.at(where, message, hint)


def _in_focus(written: str, where: Location) -> str:
    anchor = _normal(written)
    if anchor in IN_FOCUS:
        return anchor
    raise DeckError.at(
        where,
        f"in a focus area's `extra:`, a slide goes before or after 'aims' or 'achievements', "
        f"not '{written}'",
        "write `after: aims` or `after: achievements` (the default)",
    )
