"""Every slide's title different from the others', as screen readers and PowerPoint's
accessibility checker need: a title repeated (a second "… (cont.)" slide, a free slide that
takes its focus area's title) is numbered on its second and later slides."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from wocdeck.errors import Location
from wocdeck.layout.fit import shrink
from wocdeck.plan import Slide

_CLOSING = (")", "）")


def numbered(title: str, number: int) -> str:
    """A title marked as its number-th slide: "… (cont.)" → "… (cont. 2)", else "… (2)"."""
    if title.endswith(_CLOSING):
        return f"{title[:-1]} {number}{title[-1]}"
    return f"{title} ({number})"


def unique_titles(slides: list[Slide], deck_path: str) -> list[Slide]:
    """The slides with each repeated title numbered on its second and later slides."""
    seen: Counter[str] = Counter()
    taken = {slide.title.text.strip() for slide in slides}
    out = []
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
        *before, last = slide.title.paragraphs
        runs = list(last.runs)
        marked = numbered(runs[-1].text.rstrip(), number) if runs else ""
        runs[-1] = replace(runs[-1], text=marked)
        title = replace(slide.title, paragraphs=(*before, replace(last, runs=tuple(runs))))
        out.append(replace(slide, title=shrink(title, Location(deck_path, slide.line))))
    return out
