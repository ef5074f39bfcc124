"""Typeset a deck: one type scale for the whole deck, groups laid out whole, one-line footers.

Body sizes come from the theme's scale (e.g. 28/24/22/20/18 pt). Each slide is measured at
every step from the theme's body size down to its reading floor; the deck then keeps at most
`body_sizes` of the sizes its slides need (by default two), so the body size does not jump
from slide to slide. Text that does not fit on one slide even at the floor continues on
"(cont.)" slides, at the largest size that takes at most half as many slides again as the
floor would (a long slide does not spread thinly over many slides), never below the floor.
No slide takes a larger step than the deck's body size: a slide with little text is composed
in its body area, not set bigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from wocdeck.compose.kinds.table_plan import TablePlan
from wocdeck.errors import DeckError, Location
from wocdeck.layout.fit import (
    candidate_sizes,
    continued_title,
    fit_blocks,
    has_tabs,
    shrink,
    shrink_extras,
    text_height,
    without_tabs,
)
from wocdeck.layout.flow import Flow, trial
from wocdeck.layout.footer import footer_hint, one_line_footer
from wocdeck.layout.unique import CONTINUED, unique_titles
from wocdeck.look.lines import paragraph_lines, tallest_line
from wocdeck.look.typescale import TypeRules, steps_between
from wocdeck.plan import Adjustment, Layout, Slide, TextBox

TITLED = (Layout.CONTENT, Layout.TWO_COLUMNS)  # slides whose titles share one size
COVER_TITLE_LINES = 3  # the cover title takes a smaller step before a fourth line,
COVER_TITLE_LEAST = 0.7  # down to this share of its size
TABS = "tab characters written as spaces"
BALANCE_STEPS = 7  # halvings of the body height when spreading text over its slides


def fit_deck(
    slides: list[Slide], deck_path: str = "deck.yaml", rules: TypeRules | None = None
) -> tuple[list[Slide], list[Adjustment]]:
    """Fit every slide at the deck's body sizes; returns the final slides and what changed.

    Figure values, and tables' text, share one size across the deck: the largest every
    group's values (every table that fits one slide) fit at (a deck whose groups or tables
    need different sizes is fitted again at the smallest). A table continued over slides
    takes that size or, to take fewer slides, a smaller one: a long listing does not set
    every small table in the deck small.
    """
    rules = rules or TypeRules()
    fitted, adjustments = _fit(slides, deck_path, rules)
    values = {t.size for s in fitted for t in s.tiles if t.name == "Figure"}
    tables = _table_sizes(fitted)
    if len(values) > 1:  # (a group's values may be set under the floor to stay on one line)
        least = min(values)
        tiles = rules.tiles._replace(value=least, value_floor=min(rules.tiles.value_floor, least))
        rules = rules._replace(tiles=tiles)
    if tables:
        slides = [_tables_at_most(slide, min(tables)) for slide in slides]
    if len(values) > 1 or tables:
        fitted, adjustments = _fit(slides, deck_path, rules)
    fitted, numbered = unique_titles(fitted, deck_path)
    return fitted, adjustments + numbered


def _columns_at_most(slide: Slide, sizes: tuple[float, ...]) -> Slide:
    """Two columns' text at the largest of the deck's body sizes their placeholder allows (a
    template's two-column placeholders may be larger or smaller than its body's): the body
    role keeps the deck's sizes on every slide."""
    capped = []
    for box in slide.extras:
        size = max((s for s in sizes if s <= box.size), default=box.size)
        capped.append(box._replace(size=size, floor=min(box.floor, size)))
    return slide._replace(extras=tuple(capped))


def _table_sizes(fitted: list[Slide]) -> set[float]:
    """The sizes of the tables that fit one slide, when they differ or a continued table is
    set larger than the smallest of them (then every table is fitted again at most at it);
    else nothing (no refit)."""
    sizes: dict[bool, set[float]] = {True: set(), False: set()}
    for index, slide in enumerate(fitted):
        after = fitted[index + 1] if index + 1 < len(fitted) else None
        continues = bool(slide.continued) or (after is not None and after.continued > 0)
        for block in slide.blocks:
            if isinstance(block, TablePlan):
                sizes[continues].add(block.size)
    alone = sizes[False] or sizes[True]
    if len(alone) > 1 or any(size > min(alone) for size in sizes[True]):
        return alone
    return set()


def _tables_at_most(slide: Slide, size: float) -> Slide:
    """The slide with its tables tried only at sizes up to size."""
    blocks = tuple(
        b._replace(steps=tuple(s for s in b.steps if s <= size) or (size,))
        if isinstance(b, TablePlan)
        else b
        for b in slide.blocks
    )
    return slide._replace(blocks=blocks)


def _fit(
    slides: list[Slide], deck_path: str, rules: TypeRules
) -> tuple[list[Slide], list[Adjustment]]:
    """Fit every slide at the deck's body sizes, its figure values at most rules' size."""
    tabbed = [has_tabs(slide) for slide in slides]
    slides = [without_tabs(s) if tabs else s for s, tabs in zip(slides, tabbed, strict=True)]
    footer, footer_note = one_line_footer(slides, deck_path)
    slides, title_notes = _one_title_size(slides, deck_path, rules.scale)
    trials = _Trials(rules)
    for slide in slides:
        _check_lines(slide, Location(deck_path, slide.line))
    needs = [_need(slide, rules, trials) for slide in slides]
    sizes = choose_sizes([n for n in needs if n], rules.sizes)
    fitted: list[Slide] = []
    adjustments: list[Adjustment] = []
    for slide, need, tabs in zip(slides, needs, tabbed, strict=True):
        size = _size_for(slide, need, sizes)
        where = Location(deck_path, slide.line)
        laid = trials.done.get((id(slide), size)) if need else None
        if slide.layout is Layout.TWO_COLUMNS and sizes:
            slide = _columns_at_most(slide, sizes)
        pages, message = fit_slide(slide, size, where, rules, footer, laid)
        title_note = title_notes.get(id(slide), "")
        message = " and ".join(m for m in (title_note, message) if m)
        if tabs:
            message = " and ".join(m for m in (TABS, message) if m)
        number = len(fitted) + 1
        if message:
            hint = TABLE if message.startswith("table ") else SHORTEN
            if message.startswith(("chart ", "pie chart ")):
                hint = CHART
            if title_note:
                hint = "shorten the title" + ("" if message == title_note else f"; {hint}")
            adjustments.append(Adjustment(slide.line, number, slide.title.text, message, hint))
        fitted.append(pages[0])
        fitted.extend(page._replace(notes=f"{CONTINUED} {number}.") for page in pages[1:])
    if footer_note and footer is not None:  # once, at the field the footer comes from
        hint = footer_hint(footer.origin)
        adjustments.insert(0, Adjustment(footer.line, 0, "", footer_note, hint))
    return fitted, adjustments


SHORTEN = "shorten the text or split the section"
CHART = "change the chart as the message says, or render without --strict"
TABLE = (
    "let the table continue (render without --strict), or split it into tables of fewer rows, "
    "each on a slide of its own"
)


def _one_title_size(
    slides: list[Slide], deck_path: str, scale: Sequence[float] = ()
) -> tuple[list[Slide], dict[int, str]]:
    """Every content slide's title at one size: the largest every title fits at. The title
    that sets that size (it needs a third line at the theme's size) is said on its slide, so
    the editor shortens it rather than have it shrunk alone; titles that would fit larger
    than it are not (shortening them would not change the size). Body text starts no larger
    than the step of the scale under that size: a template's 44 pt titles over 32 pt text,
    brought to 23 pt by a long title, take the text to 20 pt rather than stand under it."""
    content = [s for s in slides if s.layout in TITLED]
    if not content:
        return slides, {}
    fitted = {id(s): shrink(s.title, Location(deck_path, s.line)).size for s in content}
    size = min(fitted.values())
    below = max((step for step in scale if step < size), default=size)
    boxes = [b for s in content for b in (s.body, *s.extras) if b is not None]
    lowered = f", body text at most {below:g} pt" if any(b.size > below for b in boxes) else ""
    notes = {
        id(s): f"title too long for two lines at {s.title.size:g} pt: every title set at "
        f"{size:g} pt{lowered}"
        for s in content
        if fitted[id(s)] < s.title.size and fitted[id(s)] == size
    }
    out = [
        s._replace(
            title=s.title._replace(size=min(s.title.size, size)),
            body=_at_most(s.body, below) if s.body is not None else None,
            extras=tuple(_at_most(e, below) for e in s.extras),
        )
        if s.layout in TITLED
        else s
        for s in slides
    ]
    return out, {
        id(new): notes[id(old)] for old, new in zip(slides, out, strict=True) if id(old) in notes
    }


def _at_most(box: TextBox, size: float) -> TextBox:
    """The box's text starting at most at size (never under its floor)."""
    return box if box.size <= size else box._replace(size=max(size, box.floor))


def _check_lines(slide: Slide, where: Location) -> None:
    """A located error, not a hang, when one line of body text is taller than the body."""
    body = slide.body
    if body is not None and body.paragraphs and tallest_line(body, body.floor) > body.room:
        raise DeckError.at(
            where,
            f"one line of body text is taller than its box even at {body.floor:g} pt "
            f"(line spacing {body.line_spacing:g})",
            "lower the theme's body size, body floor or line spacing",
        )


def choose_sizes(needs: Sequence[float], limit: int) -> tuple[float, ...]:
    """The deck's body sizes, largest first: the sizes slides need, at most `limit` of them.

    The smallest needed size is always kept (a slide fits only at it); the others are chosen
    so that as much text as possible keeps the largest size it fits at.
    """
    wanted = sorted(set(needs), reverse=True)
    if len(wanted) <= limit:
        return tuple(wanted)
    smallest = wanted[-1]

    def total(chosen: tuple[float, ...]) -> float:
        return sum(max(c for c in chosen if c <= need) for need in needs)

    best = max(combinations(wanted[:-1], limit - 1), key=lambda c: total((*c, smallest)))
    return (*best, smallest)


def _candidates(body: TextBox, rules: TypeRules) -> list[float]:
    """Body sizes to try, largest first: the scale's steps between the floor and body size."""
    return steps_between(rules.scale, body.size, body.floor)


class _Trials:
    """One-slide layouts of each slide at each size tried, so that none is laid out twice."""

    def __init__(self, rules: TypeRules) -> None:
        self.rules = rules
        self.done: dict[tuple[int, float], Flow | None] = {}

    def at(self, slide: Slide, size: float) -> Flow | None:
        """The slide's groups on one slide at a size, or None if they need more."""
        key = (id(slide), size)
        if key not in self.done:
            assert slide.body is not None
            self.done[key] = trial(_flow(slide, size, self.rules), slide.groups)
        return self.done[key]


def _need(slide: Slide, rules: TypeRules, trials: _Trials) -> float | None:
    """The largest size at which a slide fits on one slide; None for slides without body
    text. A slide that continues at every size needs the largest size at which it takes at
    most half as many slides again as at the floor (so 8 bullets at a template's 32 pt do not
    spread two to a slide over four slides)."""
    body = slide.body
    if body is None or not slide.groups:
        return None
    candidates = _candidates(body, rules)
    for size in candidates:
        if trials.at(slide, size) is not None:
            return size
    least = _slide_count(slide, candidates[-1], rules)
    most = least + least // 2
    return next(s for s in candidates if _slide_count(slide, s, rules) <= most)


def _slide_count(slide: Slide, size: float, rules: TypeRules) -> int:
    """How many slides a slide's groups take at a body size."""
    return len(_flow(slide, size, rules).place(slide.groups))


def _size_for(slide: Slide, need: float | None, sizes: tuple[float, ...]) -> float:
    """The body size a slide gets from the deck's sizes: the largest it fits at."""
    if need is None or slide.body is None:
        return 0.0
    return max(s for s in sizes if s <= need)


def fit_slide(
    slide: Slide,
    size: float,
    where: Location,
    rules: TypeRules,
    footer: TextBox | None = None,
    laid: Flow | None = None,
) -> tuple[list[Slide], str]:
    """Fit one slide at a body size, continuing its groups on more slides where needed;
    `laid` is the slide already laid out at that size, if it was."""
    notes: list[str] = []
    title = _cover_title(slide.title) if slide.layout is Layout.COVER else None
    if title is None:
        title = shrink(slide.title, where)
        if title.size < slide.title.size:
            notes.append(f"title shrunk to {title.size:g} pt")
    first = slide._replace(
        title=title,
        extras=shrink_extras(slide, where),
        tiles=tuple(shrink(box, where) for box in slide.tiles),
        footer=footer if slide.footer is not None else None,
    )
    if slide.blocks:
        return fit_blocks(first, where, notes)
    if slide.body is None or not slide.groups:
        return [first], "; ".join(notes)
    flow = laid or _flow(slide, size, rules)
    pages = flow.pages if laid else flow.place(slide.groups)
    if len(pages) > 1:
        flow = _balanced(slide, size, rules, len(pages)) or flow
        pages = flow.pages
    if size < slide.body.size:
        notes.append(f"text shrunk to {size:g} pt")
    if len(pages) > 1:
        notes.append(f"continued on {len(pages)} slides")
    more = continued_title(slide, where) if len(pages) > 1 else title
    out = []
    for number, page in enumerate(pages):
        boxes = flow.boxes(page)
        out.append(
            first._replace(
                title=more if number else title,
                body=boxes[0] if boxes else None,
                extras=tuple(boxes[1:]),
                tiles=tuple(page.tiles),
                blocks=tuple(page.charts),
                continued=number,
            )
        )
    return out, " and ".join(notes)


def _flow(
    slide: Slide, size: float, rules: TypeRules, cap: tuple[int, float] | None = None
) -> Flow:
    """A layout of a slide's groups at a size, its continuations marked in its language;
    `cap` fills the body only so far down from a slide on."""
    assert slide.body is not None
    return Flow(slide.body, size, rules.tiles, suffix=slide.continuation, cap=cap)


def _balanced(slide: Slide, size: float, rules: TypeRules, count: int) -> Flow | None:
    """The slide's text shared between its last two slides, so the last is not left with a
    line or two: the shortest body height for those two that still needs no more slides
    (None if the full height is the only one)."""
    assert slide.body is not None
    full = slide.body.box.h
    low, high, best = full * 0.3, full, None
    for _ in range(BALANCE_STEPS):
        middle = (low + high) / 2
        flow = _flow(slide, size, rules, (count - 1, middle))
        if len(flow.place(slide.groups)) == count and not flow.overflow:
            high, best = middle, flow
        else:
            low = middle
    return best


def _cover_title(box: TextBox) -> TextBox | None:
    """The cover title at the largest step that keeps it to three lines, else four, if one
    down to COVER_TITLE_LEAST of its size does."""
    sizes = [s for s in candidate_sizes(box) if s >= COVER_TITLE_LEAST * box.size]
    for most in (COVER_TITLE_LINES, COVER_TITLE_LINES + 1):
        for size in sizes:
            lines = sum(paragraph_lines(p, size, box) for p in box.paragraphs)
            if lines <= most and text_height(box.paragraphs, size, box) <= box.room:
                return box._replace(size=size)
    return None
