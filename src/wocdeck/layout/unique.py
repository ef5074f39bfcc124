"""Every slide's title different from the others', as screen readers and PowerPoint's
accessibility checker need: a title repeated (a second "… (cont.)" slide, a free slide that
takes its focus area's title) is numbered on its second and later slides, and a title the
editor repeated is reported, so that they can choose its words."""

from __future__ import annotations

from collections import Counter

from wocdeck.errors import Location
from wocdeck.layout.fit import shrink
from wocdeck.look.scripts import is_east_asian
from wocdeck.plan import Adjustment, Slide

_CLOSING = (")", "）")
CONTINUED = "Continued from slide"  # the notes of a slide that continues the one before
HINT = "give it its own title to choose the words"


def numbered(title: str, number: int) -> str:
    """A title marked as its number-th slide: "… (cont.)" → "… (cont. 2)", else "… (2)";
    in Chinese and Japanese inside full-width brackets, without a space: "…（续2）", "…（2）"."""
    if title.endswith("）"):
        return f"{title[:-1]}{number}）"
    if title.endswith(_CLOSING):
        return f"{title[:-1]} {number}{title[-1]}"
    if any(is_east_asian(c) for c in title):
        return f"{title}（{number}）"
    return f"{title} ({number})"


def unique_titles(slides: list[Slide], deck_path: str) -> tuple[list[Slide], list[Adjustment]]:
    """The slides with each repeated title numbered on its second and later slides, and an
    adjustment for each title numbered that is not a continued slide's."""
    seen: Counter[str] = Counter()
    taken = {slide.title.text.strip() for slide in slides}
    out, told = [], []
    for slide in slides:
        text = slide.title.text.strip()
        seen[text] += 1
        if not text or seen[text] == 1:
            out.append(slide)
            continue
        number = seen[text]
        while numbered(text, number) in taken:  # never clash with another slide's title
            number += 1
        taken.add(numbered(text, number))
        if not slide.notes.startswith(CONTINUED):
            mark = numbered(text, number)[len(text) :].strip()
            message = f"title repeated, numbered '{mark}': {HINT}"
            told.append(Adjustment(slide.line, len(out) + 1, text, message, HINT))
        *before, last = slide.title.paragraphs
        runs = list(last.runs)
        marked = numbered(runs[-1].text.rstrip(), number) if runs else ""
        runs[-1] = runs[-1]._replace(text=marked)
        title = slide.title._replace(paragraphs=(*before, last._replace(runs=tuple(runs))))
        out.append(slide._replace(title=shrink(title, Location(deck_path, slide.line))))
    return out, told
