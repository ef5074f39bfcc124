"""Fit text to boxes: measure paragraphs, shrink a box to its floor, split a long paragraph.

Nothing an editor wrote is dropped: a paragraph longer than a whole slide is cut into pieces
(typeset.py and layout.py continue them on "(cont.)" slides). Boxes that cannot continue
(titles, tiles, cover text) shrink, and if they still do not fit, fitting fails with a
located error instead of overflowing.
"""

from __future__ import annotations

import math

from wocdeck.errors import DeckError, Location
from wocdeck.look.lines import line_width, measured_spans, text_height
from wocdeck.look.measure import wrap
from wocdeck.plan import (
    CONTINUED,
    Figure,
    Group,
    Layout,
    Paragraph,
    Role,
    Run,
    Slide,
    TextBox,
)


def _boxes(slide: Slide) -> list[TextBox]:
    boxes = [slide.title, *slide.extras, *slide.tiles]
    return boxes + [box for box in (slide.body, slide.footer) if box is not None]


def has_tabs(slide: Slide) -> bool:
    """Whether any text of the slide, figures included, holds a tab."""
    figures = (r.text for g in slide.groups for f in g.figures for r in _figure_runs(f))
    return any("\t" in box.text for box in _boxes(slide)) or any("\t" in t for t in figures)


def _figure_runs(figure: Figure) -> tuple[Run, ...]:
    return (*figure.label, *figure.value, *figure.caption)


def without_tabs(slide: Slide) -> Slide:
    """The slide with each tab written as a space.

    A renderer draws a tab up to the next tab stop, a width that depends on where the tab
    falls on its line; a space is what fitting measures and what every renderer draws alike.
    """

    def runs(items: tuple[Run, ...]) -> tuple[Run, ...]:
        return tuple(r._replace(text=r.text.replace("\t", " ")) for r in items)

    def paragraphs(items: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(p._replace(runs=runs(p.runs)) for p in items)

    def untab(box: TextBox) -> TextBox:
        return box._replace(paragraphs=paragraphs(box.paragraphs))

    def figure(item: Figure) -> Figure:
        return item._replace(
            label=runs(item.label), value=runs(item.value), caption=runs(item.caption)
        )

    groups = tuple(
        Group(paragraphs(g.paragraphs), tuple(map(figure, g.figures))) for g in slide.groups
    )
    return slide._replace(
        title=untab(slide.title),
        body=untab(slide.body) if slide.body else None,
        extras=tuple(map(untab, slide.extras)),
        tiles=tuple(map(untab, slide.tiles)),
        footer=untab(slide.footer) if slide.footer else None,
        groups=groups,
    )


def shrink_extras(slide: Slide, where: Location) -> tuple[TextBox, ...]:
    """A slide's other text boxes, each shrunk to fit; two columns' text at one size."""
    boxes = [shrink(box, where) for box in slide.extras]
    if slide.layout is Layout.TWO_COLUMNS and boxes:
        size = min(box.size for box in boxes)
        boxes = [box._replace(size=size) for box in boxes]
    return tuple(boxes)


def continued(heading: Paragraph, suffix: str = CONTINUED) -> Paragraph:
    """A heading or title repeated on a continuation slide, marked " (cont.)" or the like."""
    return heading._replace(runs=(*heading.runs, Run(suffix)))


def continued_title(slide: Slide, where: Location) -> TextBox:
    """The slide's title for its continuation slides, marked in its language and fitted."""
    more = (continued(slide.title.paragraphs[0], slide.continuation),)
    return shrink(slide.title._replace(paragraphs=more), where)


def fit_blocks(slide: Slide, where: Location, notes: list[str]) -> tuple[list[Slide], str]:
    """A slide's tables, pictures and charts fitted; a block on more than one page (a long
    table) continues on "(cont.)" slides that hold only it and the title."""
    fitted = []
    for block in slide.blocks:
        pages, note = block.fit(where)
        fitted.append(pages)
        if note:
            notes.append(note)
    out = [slide._replace(blocks=tuple(pages[0] for pages in fitted))]
    title = continued_title(slide, where) if any(len(p) > 1 for p in fitted) else slide.title
    for pages in fitted:
        for number, page in enumerate(pages[1:], start=1):
            out.append(
                slide._replace(
                    title=title,
                    extras=(),
                    tiles=(),
                    blocks=(page,),
                    continued=number,
                )
            )
    return out, " and ".join(notes)


def candidate_sizes(box: TextBox) -> list[float]:
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
    for size in candidate_sizes(box):
        if text_height(box.paragraphs, size, box) <= box.room:
            return box._replace(size=size)
    origin = f" (from {box.origin})" if box.origin else ""
    raise DeckError.at(
        Location(where.path, box.line) if box.line else where,
        f"the {box.name.lower()} text{origin} is too long to fit even at {box.floor:g} pt: "
        f"'{preview(box.text)}'",
        "shorten it",
    )


def preview(text: str) -> str:
    """The start of a text on one line, for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def leads(last: Paragraph, following: Paragraph) -> bool:
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
    width = line_width(paragraph, box)
    lines = wrap(spans, scaled, width)
    first = _fitting(box, per_line, len(lines))
    cuts = [lines[first].start]
    if line_width(paragraph, more) == width:
        lines = lines[first:]  # the same width: the rest wraps as it already did
    else:
        lines = wrap(spans, scaled, line_width(paragraph, more), start=cuts[0])
    step = max(1, int(more.room // per_line))
    cuts += [line.start for line in lines[step::step]]
    pieces = _cut_runs(paragraph.runs, cuts)
    role = Role.CONTINUED if paragraph.role in (Role.BULLET, Role.CONTINUED) else paragraph.role
    return [
        paragraph._replace(runs=runs, role=paragraph.role if i == 0 else role)
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
            pieces[-1].append(run._replace(text=text[at : cut - offset]))
            pieces.append([])
            at = cut - offset
            cut = next(bounds)
        pieces[-1].append(run._replace(text=text[at:]) if at else run)
        offset += len(text)
    out = []
    for number, piece in enumerate(pieces):
        if number > 0 and piece and piece[0].text.startswith(" "):
            piece[0] = piece[0]._replace(text=piece[0].text.lstrip(" "))
        if number < len(pieces) - 1 and piece and piece[-1].text.endswith(" "):
            piece[-1] = piece[-1]._replace(text=piece[-1].text.rstrip(" "))
        out.append(tuple(r for r in piece if r.text))
    return out


def parent_bullet(paragraphs: tuple[Paragraph, ...], first: Paragraph) -> Paragraph | None:
    """The bullet a sub-bullet (or a piece of one) belongs to, if first is one."""
    if first.level == 0 or first.role not in (Role.BULLET, Role.CONTINUED):
        return None
    index = next((i for i, p in enumerate(paragraphs) if p is first), None)
    if index is None:  # the rest of a sub-bullet cut in two: its first piece's bullet
        index = next((i for i, p in enumerate(paragraphs) if _rest_of(p, first)), None)
    if index is None:
        return None
    above = reversed(paragraphs[:index])
    return next((p for p in above if p.role is Role.BULLET and p.level < first.level), None)


def _rest_of(paragraph: Paragraph, piece: Paragraph) -> bool:
    """Whether piece is the rest of paragraph, cut after some of its lines."""
    return paragraph.level == piece.level and paragraph.text.endswith(piece.text)
