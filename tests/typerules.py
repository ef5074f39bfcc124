"""Measured layout rules a communications officer would notice, read from a written .pptx.

Each function returns a list of problems (empty when the deck keeps the rule), so tests can
run them on the seed deck, the stress decks and random decks alike.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from pptx import Presentation

from tests.pdfcheck import Page
from wocdeck.look.scripts import is_east_asian

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _body_shapes(slide) -> list:
    return [s for s in slide.shapes if s.name.startswith(("Content", "Text"))]


def _runs(shape) -> list[etree._Element]:
    return list(shape._element.iter(A + "r"))


def body_sizes(deck: Path) -> set[float]:
    """Every size body text is set in across the deck, in points."""
    sizes = set()
    for slide in Presentation(str(deck)).slides:
        for shape in _body_shapes(slide):
            for paragraph in shape._element.iter(A + "p"):
                size = paragraph.find(f"{A}r/{A}rPr")
                if size is not None:
                    sizes.add(int(size.get("sz")) / 100)
    return sizes


def east_asian_styling(deck: Path, *, bold_allowed: bool = True) -> list[str]:
    """Runs of East Asian text set in italics (or bold where the font has no bold)."""
    problems = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        for shape in slide.shapes:
            for run in _runs(shape):
                text = run.findtext(A + "t") or ""
                if not any(is_east_asian(c) for c in text):
                    continue
                properties = run.find(A + "rPr")
                if properties.get("i") == "1":
                    problems.append(f"slide {number}: {text!r} is italic")
                if properties.get("b") == "1" and not bold_allowed:
                    problems.append(f"slide {number}: {text!r} is bold (synthetic)")
                if any(not is_east_asian(c) and c.isalpha() and c.isascii() for c in text):
                    problems.append(f"slide {number}: {text!r} mixes scripts in one run")
    return problems


def language_of_runs(deck: Path) -> dict[str, tuple[str, str]]:
    """East Asian run text → (lang tag, East Asian typeface)."""
    out = {}
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            for run in _runs(shape):
                text = run.findtext(A + "t") or ""
                if any(is_east_asian(c) for c in text):
                    properties = run.find(A + "rPr")
                    font = properties.find(A + "ea")
                    out[text] = (
                        properties.get("lang"),
                        font.get("typeface") if font is not None else "",
                    )
    return out


def groups_of(data: dict) -> dict[str, list[str]]:
    """A deck's achievement groups with figures, from its YAML data: heading → tile labels
    (the labels of every group under one heading, when two groups share it)."""
    groups: dict[str, list[str]] = {}
    for focus in data.get("focus", []):
        for item in focus.get("achievements", []):
            if isinstance(item, dict) and item.get("metrics"):
                labels = groups.setdefault(_plain(item["heading"]), [])
                labels.extend(_plain(m["label"]) for m in item["metrics"])
    return groups


def _plain(text: str) -> str:
    return str(text).strip().replace("**", "")


def tiles_apart_from_headings(deck: Path, groups: dict[str, list[str]]) -> list[str]:
    """Tiles on a slide that does not show their group's heading; groups: heading → labels."""
    problems = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        body = " ".join(s.text_frame.text for s in _body_shapes(slide))
        for tile in (s for s in slide.shapes if s.name == "Figure"):
            label = tile.text_frame.paragraphs[0].text
            owners = [heading for heading, labels in groups.items() if label in labels]
            if owners and not any(heading in body for heading in owners):
                problems.append(f"slide {number}: tile {label!r} without heading {owners[0]!r}")
    return problems


def continued_slides(deck: Path) -> list[str]:
    """Continuation slides without notes saying where they continue from."""
    problems = []
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        if not title.endswith("(cont.)"):
            continue
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if not re.match(r"Continued from slide \d+\.", notes):
            problems.append(f"slide {number}: continued without notes ({notes!r})")
    return problems


CAP_TOP = 0.212 + 0.688  # Liberation Sans: descent and cap height, in em


def title_tops(pages: list[Page], deck: Path) -> list[float]:
    """The top of each content slide title's capitals as LibreOffice drew them, in points.

    pdfminer gives em boxes; the capitals' top is the baseline (descent above the em box's
    bottom) less the cap height, which is where a reader sees a title start.
    """
    tops = []
    for page, slide in zip(pages, Presentation(str(deck)).slides, strict=True):
        if slide.slide_layout.name != "Title and Content":
            continue
        first = slide.shapes.title.text_frame.text.split()[0]
        word = min((w for w in page.words if w.text == first and w.y0 < 100), key=lambda w: w.y0)
        tops.append(word.y1 - CAP_TOP * (word.y1 - word.y0))
    return tops


def footer_lines(pages: list[Page], deck: Path) -> list[str]:
    """Slides whose footer LibreOffice drew on more than one line."""
    problems = []
    for number, (page, slide) in enumerate(
        zip(pages, Presentation(str(deck)).slides, strict=True), start=1
    ):
        if slide.slide_layout.name != "Title and Content":
            continue
        words = [w for w in page.words if w.y0 > 495]
        lines = {round(w.y0) for w in words}
        if len(lines) > 1 and max(lines) - min(lines) > 1:
            problems.append(f"slide {number}: the footer takes {len(lines)} lines")
    return problems


def tile_rows(pages: list[Page], deck: Path) -> list[str]:
    """Tiles in one row with unequal heights, or labels, values or captions off a shared
    baseline (the first word of each, as LibreOffice drew it)."""
    problems = []
    for number, (page, slide) in enumerate(
        zip(pages, Presentation(str(deck)).slides, strict=True), start=1
    ):
        rows: dict[int, list] = {}
        for tile in (s for s in slide.shapes if s.name == "Figure"):
            rows.setdefault(tile.top, []).append(tile)
        for row in rows.values():
            if len({t.height for t in row}) > 1:
                problems.append(f"slide {number}: tiles of one row differ in height")
            captions = all(len(t.text_frame.paragraphs) > 2 for t in row)
            for index in (0, 1, 2) if captions else (0, 1):  # label, value, caption
                tops = []
                for tile in row:
                    word = tile.text_frame.paragraphs[index].text.split()[0]
                    x0, x1 = tile.left / 12700, (tile.left + tile.width) / 12700
                    y0 = tile.top / 12700
                    found = [
                        w.y1
                        for w in page.words
                        if w.text.startswith(word) and x0 <= w.x0 <= x1 and w.y0 >= y0 - 1
                    ]
                    if found:
                        tops.append(min(found))
                if tops and max(tops) - min(tops) > 1:
                    problems.append(f"slide {number}: paragraph {index} of a tile row off baseline")
    return problems
