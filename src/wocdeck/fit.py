"""Fit slide plans: measure text, shrink to the theme's floor, continue on new slides.

Nothing an editor wrote is dropped: a body that does not fit at its floor size continues on
slides titled "… (cont.)", split between paragraphs, or inside a paragraph that is longer
than a whole slide. Boxes that cannot continue (titles, tiles, cover text) shrink, and if
they still do not fit, fitting fails with a located error instead of overflowing.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import replace

from wocdeck.errors import DeckError, Location
from wocdeck.measure import Span, wrap
from wocdeck.plan import (
    Adjustment,
    Box,
    Paragraph,
    Role,
    Run,
    Slide,
    TextBox,
)

WIDTH_SAFETY = 0.97  # renderers differ by a hair in where they wrap; keep a margin


def fit_deck(
    slides: list[Slide], deck_path: str = "deck.yaml"
) -> tuple[list[Slide], list[Adjustment]]:
    """Fit every slide; returns the final slides and what fitting changed on them."""
    fitted: list[Slide] = []
    adjustments: list[Adjustment] = []
    for slide in slides:
        pages, message = fit_slide(slide, deck_path)
        if message:
            adjustments.append(Adjustment(slide.line, len(fitted) + 1, slide.title.text, message))
        fitted.extend(pages)
    return fitted, adjustments


def fit_slide(slide: Slide, deck_path: str = "deck.yaml") -> tuple[list[Slide], str]:
    """Fit one slide, continuing its body on more slides where needed."""
    where = Location(deck_path, slide.line)
    notes: list[str] = []
    if _has_tabs(slide):
        slide = _without_tabs(slide)
        notes.append("tab characters written as spaces")
    title = shrink(slide.title, where)
    if title.size < slide.title.size:
        notes.append(f"title shrunk to {title.size:g} pt")
    extras = tuple(shrink(box, where) for box in slide.extras)
    tiles = tuple(shrink(box, where) for box in slide.tiles)
    footer = shrink(slide.footer, where) if slide.footer else None
    first = replace(slide, title=title, extras=extras, tiles=tiles, footer=footer)
    if slide.body is None:
        return [first], "; ".join(notes)
    full = _widest_box(slide)
    size, pages = _paginate_best(slide.body, full, where)
    if size < slide.body.size:
        notes.append(f"text shrunk to {size:g} pt")
    if len(pages) > 1:
        notes.append(f"continued on {len(pages)} slides")
    out = [replace(first, body=replace(slide.body, paragraphs=tuple(pages[0]), size=size))]
    for number, page in enumerate(pages[1:], start=1):
        suffixed = _with_suffix(slide.title.paragraphs[0], slide.continuation)
        more = replace(slide.title, paragraphs=(suffixed,))
        body = replace(slide.body, paragraphs=tuple(page), size=size, box=full)
        out.append(
            replace(
                first, title=shrink(more, where), body=body, tiles=(), notes="", continued=number
            )
        )
    return out, " and ".join(notes)


def _boxes(slide: Slide) -> list[TextBox]:
    boxes = [slide.title, *slide.extras, *slide.tiles]
    return boxes + [box for box in (slide.body, slide.footer) if box is not None]


def _has_tabs(slide: Slide) -> bool:
    return any("\t" in box.text for box in _boxes(slide))


def _without_tabs(slide: Slide) -> Slide:
    """The slide with each tab written as a space.

    A renderer draws a tab up to the next tab stop, a width that depends on where the tab
    falls on its line; a space is what fitting measures and what every renderer draws alike.
    """

    def untab(box: TextBox) -> TextBox:
        paragraphs = tuple(
            replace(p, runs=tuple(replace(r, text=r.text.replace("\t", " ")) for r in p.runs))
            for p in box.paragraphs
        )
        return replace(box, paragraphs=paragraphs)

    return replace(
        slide,
        title=untab(slide.title),
        body=untab(slide.body) if slide.body else None,
        extras=tuple(map(untab, slide.extras)),
        tiles=tuple(map(untab, slide.tiles)),
        footer=untab(slide.footer) if slide.footer else None,
    )


def _widest_box(slide: Slide) -> Box:
    """Where a continuation slide's body goes: the whole area the body and tiles shared."""
    assert slide.body is not None
    boxes = [slide.body.box, *(t.box for t in slide.tiles)]
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    right, bottom = max(b.x + b.w for b in boxes), max(b.bottom for b in boxes)
    return Box(left, top, right - left, bottom - top)


def _with_suffix(paragraph: Paragraph, suffix: str) -> Paragraph:
    return replace(paragraph, runs=(*paragraph.runs, Run(suffix)))


def _sizes(box: TextBox) -> list[float]:
    """Candidate sizes from the box's size down to its floor, whole points between."""
    sizes = [box.size]
    step = math.ceil(box.size) - 1 if box.size == math.ceil(box.size) else math.floor(box.size)
    while step > box.floor:
        sizes.append(float(step))
        step -= 1
    if box.floor < box.size:
        sizes.append(box.floor)
    return sizes


def shrink(box: TextBox, where: Location) -> TextBox:
    """The box at the largest size at which all its text fits; an error if none does."""
    for size in _sizes(box):
        if text_height(box.paragraphs, size, box) <= box.room:
            return replace(box, size=size)
    origin = f" (from {box.origin})" if box.origin else ""
    raise DeckError.at(
        Location(where.path, box.line) if box.line else where,
        f"the {box.name.lower()} text{origin} is too long to fit even at {box.floor:g} pt: "
        f"'{_preview(box.text)}'",
        "shorten it",
    )


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def measured_spans(paragraph: Paragraph, box: TextBox) -> list[Span]:
    """A paragraph's runs as the renderer sets them: in the box's font, bold and capitals."""
    return [
        Span(_capitals(run.text) if box.caps else run.text, run.bold or box.bold, box.metrics)
        for run in paragraph.runs
    ]


def _capitals(text: str) -> str:
    """Upper case, one character for one (so offsets into the text still hold)."""
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def line_width(paragraph: Paragraph, box: TextBox) -> float:
    """The width a paragraph's lines may take inside a box, in points."""
    return (box.box.w - 2 * box.inset_x - paragraph.margin_left) * WIDTH_SAFETY


def paragraph_lines(paragraph: Paragraph, size: float, box: TextBox) -> int:
    """How many lines a paragraph wraps to at a size."""
    spans = measured_spans(paragraph, box)
    return len(wrap(spans, size * paragraph.scale, line_width(paragraph, box)))


def paragraph_height(paragraph: Paragraph, size: float, box: TextBox, first: bool) -> float:
    """A paragraph's height in a box: its lines plus the space before it."""
    lines = paragraph_lines(paragraph, size, box)
    before = 0.0 if first else paragraph.space_before(size)
    return before + lines * paragraph.line_height(size, box.line_spacing)


def text_height(paragraphs: tuple[Paragraph, ...], size: float, box: TextBox) -> float:
    """The height of all paragraphs in a box at a size."""
    return sum(paragraph_height(p, size, box, i == 0) for i, p in enumerate(paragraphs))


def _paginate_best(
    body: TextBox, full: Box, where: Location
) -> tuple[float, list[list[Paragraph]]]:
    """The largest size that fits on one slide, else on as few slides as the floor allows."""
    sizes = [size for size in _sizes(body) if _tallest_line(body, size) <= body.room]
    if not sizes:
        raise DeckError.at(
            where,
            f"one line of body text is taller than its box even at {body.floor:g} pt "
            f"(line spacing {body.line_spacing:g})",
            "lower the theme's body size, body floor or line spacing",
        )
    if text_height(body.paragraphs, sizes[-1], body) <= body.room:  # else no size fits one
        for size in sizes:
            if text_height(body.paragraphs, size, body) <= body.room:
                return size, [list(body.paragraphs)]
    least = paginate(body, sizes[-1], full)
    spread = replace(body, box=full)
    for size in sizes[:-1]:
        if _lines_height(spread, size) > len(least) * spread.room:
            continue  # cannot fit in that many slides: no need to paginate (long text)
        pages = paginate(body, size, full)
        if len(pages) <= len(least):
            return size, pages
    return sizes[-1], least


def _lines_height(body: TextBox, size: float) -> float:
    """The height of the body's lines alone, without spacing: less than any pagination needs."""
    return sum(
        paragraph_lines(p, size, body) * p.line_height(size, body.line_spacing)
        for p in body.paragraphs
    )


def _tallest_line(body: TextBox, size: float) -> float:
    """The height of the body's tallest single line at a size, in points."""
    return max(p.line_height(size, body.line_spacing) for p in body.paragraphs)


def paginate(body: TextBox, size: float, full: Box) -> list[list[Paragraph]]:
    """Split a body's paragraphs into slides at a size; the first slide uses the body's box.

    Every line must fit its box (`_paginate_best` checks), so each step places at least one
    line: pagination always ends. A paragraph longer than a slide is wrapped once and cut
    into slide-sized pieces in one pass, so pagination is linear in the text's length.
    """
    pages: list[list[Paragraph]] = [[]]
    current = body
    used = 0.0
    queue = deque(body.paragraphs)
    while queue:
        paragraph = queue.popleft()
        height = paragraph_height(paragraph, size, current, not pages[-1])
        if used + height <= current.room:
            pages[-1].append(paragraph)
            used += height
            continue
        if pages[-1]:
            carry = [pages[-1].pop()] if _leads(pages[-1][-1], paragraph) else []
            if not pages[-1]:
                pages[-1], carry = carry, []  # a heading alone would be all the slide had
            pages.append(carry)
            current = replace(body, box=full)
            used = text_height(tuple(carry), size, current)
            queue.appendleft(paragraph)
            continue
        *whole, rest = split_paragraph(paragraph, size, current, replace(body, box=full))
        for piece in whole:
            pages[-1].append(piece)
            pages.append([])
        current = replace(body, box=full)
        used = 0.0
        queue.appendleft(rest)
    return [page for page in pages if page]


def _leads(last: Paragraph, following: Paragraph) -> bool:
    """Whether `last` goes to the next slide with `following`: a heading, or a bullet whose
    sub-bullets start there."""
    if last.role is Role.HEADING:
        return True
    return (
        last.role is Role.BULLET
        and following.role is Role.BULLET
        and (following.level > last.level)
    )


def split_paragraph(
    paragraph: Paragraph, size: float, box: TextBox, more: TextBox | None = None
) -> list[Paragraph]:
    """Cut a paragraph longer than a box into pieces after the last line that fits each box.

    The first piece fills `box`; the others fill `more` (the continuation slides' box,
    `box` itself when not given), the last holding what is left. Needs at least one line
    to fit a box.
    """
    more = more or box
    spans = measured_spans(paragraph, box)
    scaled = size * paragraph.scale
    per_line = paragraph.line_height(size, box.line_spacing)
    lines = wrap(spans, scaled, line_width(paragraph, box))
    cuts = [lines[_fitting(box, per_line, len(lines))].start]
    lines = wrap(spans, scaled, line_width(paragraph, more), start=cuts[0])
    step = max(1, int(more.room // per_line))
    cuts += [line.start for line in lines[step::step]]
    pieces = _cut_runs(paragraph.runs, cuts)
    role = Role.CONTINUED if paragraph.role in (Role.BULLET, Role.CONTINUED) else paragraph.role
    return [
        replace(paragraph, runs=runs, role=paragraph.role if i == 0 else role)
        for i, runs in enumerate(pieces)
    ]


def _fitting(box: TextBox, per_line: float, lines: int) -> int:
    """How many lines of a paragraph to put in a box: as many as fit, at least one, not all."""
    return max(1, min(int(box.room // per_line), lines - 1)) if lines > 1 else 1


def _cut_runs(runs: tuple[Run, ...], cuts: list[int]) -> list[tuple[Run, ...]]:
    """Runs cut at ascending character offsets, in one pass; spaces at the cuts are dropped."""
    pieces: list[list[Run]] = [[]]
    offset = 0
    bounds = iter([*cuts, None])
    cut = next(bounds)
    for run in runs:
        text, at = run.text, 0
        while cut is not None and cut < offset + len(text):
            pieces[-1].append(replace(run, text=text[at : cut - offset]))
            pieces.append([])
            at = cut - offset
            cut = next(bounds)
        pieces[-1].append(replace(run, text=text[at:]) if at else run)
        offset += len(text)
    out = []
    for number, piece in enumerate(pieces):
        if number > 0 and piece:
            piece[0] = replace(piece[0], text=piece[0].text.lstrip(" "))
        if number < len(pieces) - 1 and piece:
            piece[-1] = replace(piece[-1], text=piece[-1].text.rstrip(" "))
        out.append(tuple(r for r in piece if r.text))
    return out
