"""Render check helpers: the size, colour and background of every run of text in a PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, pairwise
from pathlib import Path

from wocdeck.look.contrast import contrast_ratio, required


@dataclass(frozen=True)
class Styled:
    """Characters drawn alike: their text, size, weight, colour and what is behind them."""

    page: int
    text: str
    size: float
    bold: bool
    color: str  # RRGGBB
    background: str
    x0: float
    top: float
    x1: float
    bottom: float


def _hex(color) -> str:
    """A pdfplumber colour (grey, RGB or CMYK tuple) as RRGGBB."""
    values = tuple(color or (0,))
    if len(values) == 1:
        values = values * 3
    elif len(values) == 4:
        c, m, y, k = values
        values = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return "".join(f"{round(max(0.0, min(1.0, float(v))) * 255):02X}" for v in values[:3])


def _background(char: dict, fills: list[dict]) -> str:
    """The smallest filled shape under a character's centre, the later of two alike (a
    slide's background is drawn over the page's white)."""
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    best, color = float("inf"), "FFFFFF"
    for shape in fills:
        if shape["x0"] <= x <= shape["x1"] and shape["top"] <= y <= shape["bottom"]:
            area = (shape["x1"] - shape["x0"]) * (shape["bottom"] - shape["top"])
            if area <= best * 1.01:  # within a point or so: the same box
                best, color = area, _hex(shape["non_stroking_color"])
    return color


def styled_runs(pdf: Path) -> list[Styled]:
    """Every run of alike characters on every page, in drawing order."""
    import pdfplumber

    out: list[Styled] = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            fills = [o for o in page.rects + page.curves if o.get("fill")]
            current: list[dict] = []
            key = None
            for char in page.chars:
                this = (
                    round(char["size"], 1),
                    "Bold" in char["fontname"],
                    _hex(char["non_stroking_color"]),
                    _background(char, fills),
                    round(char["top"]),
                )
                if this != key and current:
                    out.append(_run(number, current, key))
                    current = []
                key = this
                current.append(char)
            if current:
                out.append(_run(number, current, key))
    return out


def _run(page: int, chars: list[dict], key) -> Styled:
    size, bold, color, background, _ = key
    return Styled(
        page,
        "".join(c["text"] for c in chars),
        size,
        bold,
        color,
        background,
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
    )


def contrast_failures(pdf: Path) -> list[str]:
    """Runs of text below WCAG 2.1 AA against what is drawn behind them."""
    problems = []
    for run in styled_runs(pdf):
        if not run.text.strip():
            continue
        ratio = contrast_ratio(run.color, run.background)
        if ratio < required(run.size, run.bold) - 0.005:
            problems.append(
                f"slide {run.page}: {run.text.strip()!r} {run.size:g} pt #{run.color} on "
                f"#{run.background}: {ratio:.2f}:1"
            )
    return problems


def footer_runs(pdf: Path, share: float = 0.9) -> dict[int, list[Styled]]:
    """Per page, the runs of text in the bottom tenth of the slide (footer, slide number)."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        height = float(document.pages[0].height)
    out: dict[int, list[Styled]] = {}
    for run in styled_runs(pdf):
        if run.top > share * height and run.text.strip():
            out.setdefault(run.page, []).append(run)
    return out


@dataclass(frozen=True)
class Line:
    """A line of text as drawn: its words, left to right, at one size and baseline."""

    page: int
    text: str
    size: float
    top: float
    x0: float
    x1: float
    bold: bool = False  # every word of the line is bold


def drawn_lines(pdf: Path) -> list[Line]:
    """Every line of text on every page (words at one size sharing a top)."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            words = page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=True)
            rows: dict[tuple[float, int], list[dict]] = {}
            for word in words:
                rows.setdefault((round(word["size"], 1), round(word["top"])), []).append(word)
            for (size, top), row in sorted(rows.items(), key=lambda item: item[0][1]):
                row.sort(key=lambda w: w["x0"])
                text = " ".join(w["text"] for w in row)
                bold = all("Bold" in w["fontname"] for w in row)
                out.append(Line(number, text, size, top, row[0]["x0"], row[-1]["x1"], bold))
    return out


def widows(lines: list[Line], least: float = 12.0) -> tuple[list[str], int]:
    """Last lines of one short word in paragraphs of several lines (a line at the left edge
    of the line before it, not beside a bullet), and how many paragraphs had several lines."""
    marks = {(line.page, round(line.top)) for line in lines if line.text in ("•", "–")}
    body = [line for line in lines if line.size >= least and line.text not in ("•", "–")]
    found, several = [], 0
    for before, line in pairwise(body):
        starts = any((line.page, round(line.top) + d) in marks for d in (-2, -1, 0, 1, 2))
        follows = line.page == before.page and before.size == line.size
        if follows and abs(line.x0 - before.x0) < 2 and 0 < line.top - before.top < 2 * line.size:
            if starts:
                continue
            several += 1
            if " " not in line.text and len(line.text) <= 10:
                found.append(f"slide {line.page}: {before.text[-30:]!r} / {line.text!r}")
    return found, several


def content_extent(pdf: Path, top: float = 100.0, share: float = 0.9) -> dict[int, float]:
    """Per page, the lowest point of anything drawn between the title band and the footer
    band (text, filled shapes, pictures); pages with nothing there are left out."""
    import pdfplumber

    out: dict[int, float] = {}
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            limit = share * float(page.height)
            things = [c for c in page.chars if c["text"].strip()]
            things += [o for o in page.rects + page.curves if o.get("fill")]
            things += list(page.images)
            bottoms = [
                float(o["bottom"])
                for o in things
                if float(o["top"]) >= top and float(o["bottom"]) <= limit
            ]
            if bottoms:
                out[number] = max(bottoms)
    return out


@dataclass(frozen=True)
class Tile:
    """A filled box in the body and the extent of the text drawn inside it."""

    page: int
    top: float
    bottom: float
    text_top: float
    text_bottom: float
    alone: bool  # no text on its slide's body outside the slide's tiles


def text_tiles(
    pdf: Path, top: float = 100.0, share: float = 0.9, least: float = 60.0
) -> list[Tile]:
    """Every filled box at least `least` tall between the title band and the footer band
    that holds text (figure tiles; not table cells)."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            width, limit = float(page.width), share * float(page.height)
            chars = [
                c
                for c in page.chars
                if c["text"].strip() and c["top"] >= top and c["bottom"] <= limit
            ]
            boxes = [
                o
                for o in page.rects + page.curves
                if o.get("fill")
                and o["top"] >= top
                and o["bottom"] <= limit
                and o["x1"] - o["x0"] < 0.9 * width
                and o["bottom"] - o["top"] >= least  # a table's cells are shorter
            ]
            inside = {id(b): [c for c in chars if _within(c, b)] for b in boxes}
            loose = [c for c in chars if not any(_within(c, b) for b in boxes)]
            for box in boxes:
                held = inside[id(box)]
                if held:
                    out.append(
                        Tile(
                            number,
                            float(box["top"]),
                            float(box["bottom"]),
                            min(float(c["top"]) for c in held),
                            max(float(c["bottom"]) for c in held),
                            not loose,
                        )
                    )
    return out


def _within(char: dict, box: dict) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box["x0"] <= x <= box["x1"] and box["top"] <= y <= box["bottom"]


@dataclass(frozen=True)
class DrawnTable:
    """A table as drawn: its header's text, its columns' edges, its extent and text sizes."""

    page: int
    header: str
    columns: tuple[tuple[float, float], ...]
    top: float
    bottom: float
    sizes: frozenset[float]


def drawn_tables(pdf: Path, header_fill: str = "0059C6", top: float = 100.0) -> list[DrawnTable]:
    """Every table drawn below the title band: found by its header row's filled cells."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            fills = [o for o in page.rects + page.curves if o.get("fill") and o["top"] >= top]
            heads = [
                o
                for o in fills
                if _hex(o["non_stroking_color"]) == header_fill and o["bottom"] - o["top"] < 60
            ]
            if not heads:
                continue
            left, right = min(h["x0"] for h in heads), max(h["x1"] for h in heads)
            head_top = min(h["top"] for h in heads)
            rows = [o for o in fills if o["x0"] >= left - 1 and o["x1"] <= right + 1]
            bottom = max(o["bottom"] for o in rows if o["top"] >= head_top - 1)
            chars = [
                c
                for c in page.chars
                if c["text"].strip()
                and left <= (c["x0"] + c["x1"]) / 2 <= right
                and head_top <= (c["top"] + c["bottom"]) / 2 <= bottom
            ]
            head_bottom = max(h["bottom"] for h in heads)
            text = "".join(c["text"] for c in chars if c["bottom"] <= head_bottom + 1)
            columns = tuple(sorted({(round(h["x0"], 1), round(h["x1"], 1)) for h in heads}))
            sizes = frozenset(round(c["size"], 1) for c in chars)
            joined = all(abs(a[1] - b[0]) <= 1 for a, b in pairwise(columns))
            if len(columns) > 1 and joined:  # a chart's bars stand apart
                out.append(DrawnTable(number, text, columns, head_top, bottom, sizes))
    return out


def chart_frames(deck: Path) -> dict[int, list[tuple[float, float, float, float]]]:
    """Every chart's frame, page by page, in points."""
    from pptx import Presentation
    from pptx.util import Emu

    out: dict[int, list[tuple[float, float, float, float]]] = {}
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                x, y = Emu(shape.left).pt, Emu(shape.top).pt
                box = (x, y, x + Emu(shape.width).pt, y + Emu(shape.height).pt)
                out.setdefault(number, []).append(box)
    return out


def chart_overlaps(pdf: Path, charts: dict[int, list[tuple[float, float, float, float]]]) -> list:
    """In each chart's frame (page: [(x0, top, x1, bottom)]), numbers drawn over a bar and
    words drawn over each other."""
    import pdfplumber

    found = []
    with pdfplumber.open(pdf) as document:
        for number, frames in charts.items():
            page = document.pages[number - 1]
            for x0, top, x1, bottom in frames:

                def inside(o, x0=x0, top=top, x1=x1, bottom=bottom) -> bool:
                    return x0 - 1 <= o["x0"] and o["x1"] <= x1 + 1 and top - 1 <= o["top"] <= bottom

                bars = [
                    o
                    for o in page.rects + page.curves
                    if o.get("fill")
                    and inside(o)
                    and _hex(o["non_stroking_color"]) != "FFFFFF"
                    and o["x1"] - o["x0"] < 0.9 * (x1 - x0)
                ]
                level = page.filter(  # not an axis' numbers turned 45 degrees
                    lambda o: o.get("object_type") != "char" or abs(o["matrix"][1]) < 0.01
                )
                words = [w for w in level.extract_words(x_tolerance=1) if inside(w)]
                for word in words:
                    if re.fullmatch(r"[\d,.\s]+", word["text"]):
                        found += [
                            (number, word["text"], "bar") for bar in bars if _overlap(word, bar) > 1
                        ]
                found += [
                    (number, a["text"], b["text"])
                    for a, b in combinations(words, 2)
                    if _overlap(a, b) > 1
                ]
    return found


def _overlap(a: dict, b: dict) -> float:
    """How far two boxes overlap, in points (the lesser of their overlaps across and down)."""
    across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return min(across, down)
