"""Lines as a typesetter sets them, after fitting: two-line titles balanced, words kept together,
no lone last word.

A title or subtitle on two lines breaks where both lines are closest in width, by narrowing its
box to its wider line, so that every renderer breaks there too; the break falls between phrases
in Chinese and Japanese, never inside a short parenthetical or between a number and its noun.
In bullets and captions, a space where a line would break between a number and its noun or
inside a short parenthetical, or before a lone short last word, becomes a no-break space where
that costs the paragraph no line.
"""

from __future__ import annotations

from wocdeck.look.breaking import NBSP, glue_positions, phrase_ends
from wocdeck.look.lines import WIDTH_SAFETY, line_width, measured_spans
from wocdeck.look.measure import break_positions, char_widths, wrap
from wocdeck.look.scripts import has_east_asian
from wocdeck.plan import Paragraph, Run, Slide, TextBox

BALANCED = ("Title", "Subtitle")
RUNNING = ("Content", "Text", "Right", "Caption")  # bullets, text beside tiles, captions
WIDOW = 10  # characters: a last line this short, of one word, is a widow
SLACK = 0.5  # points beyond the wider line, so a renderer's rounding keeps it on its line
MOST_TIES = 8  # no-break spaces written into one paragraph at the most


def typeset_lines(slides: list[Slide]) -> list[Slide]:
    """Slides with balanced titles and subtitles, and bullets kept together and without a
    lone last word."""
    out = []
    for slide in slides:
        extras = tuple(
            balanced(box)
            if box.name in BALANCED
            else kept_together(box)
            if box.name in RUNNING
            else box
            for box in slide.extras
        )
        body = kept_together(slide.body) if slide.body is not None else None
        out.append(slide._replace(title=balanced(slide.title), extras=extras, body=body))
    return out


def balanced(box: TextBox) -> TextBox:
    """A one-paragraph box on two lines narrowed so that its lines are closest in width."""
    if len(box.paragraphs) != 1:
        return box
    paragraph = box.paragraphs[0]
    spans = measured_spans(paragraph, box)
    size = box.size * paragraph.scale
    width = line_width(paragraph, box)
    if any(len(wrap(spans, size, w)) != 2 for w in (width, width / WIDTH_SAFETY)):
        return box  # one line, or more than two, as measured or as drawn
    text = "".join(s.text for s in spans)
    prefix = [0.0]
    for advance in char_widths(spans):
        prefix.append(prefix[-1] + advance * size)

    def trimmed(start: int, end: int) -> float:
        while end > start and text[end - 1] == " ":
            end -= 1
        return prefix[end] - prefix[start]

    glued, phrases = glue_positions(text), phrase_ends(text)
    best = None
    for at in break_positions(spans):
        if at - 1 in glued or at not in phrases:
            continue
        widest = max(trimmed(0, at), trimmed(at, len(text)))
        if widest > width or (best is not None and widest >= best):
            continue
        # the measurer, and a renderer filling the whole box, both break here at that width
        views = (widest + SLACK, (widest + SLACK) / WIDTH_SAFETY)
        if all(_second_line_at(wrap(spans, size, w)) == at for w in views):
            best = widest
    if best is None:
        return box
    narrower = (best + SLACK) / WIDTH_SAFETY + 2 * box.inset_x + paragraph.margin_left
    if narrower >= box.box.w:
        return box
    shift = {"ctr": (box.box.w - narrower) / 2, "r": box.box.w - narrower}.get(box.align, 0.0)
    return box._replace(box=box.box._replace(x=box.box.x + shift, w=narrower))


def _second_line_at(lines) -> int | None:
    """Where the second of exactly two lines starts (None for another number of lines)."""
    return lines[1].start if len(lines) == 2 else None


def kept_together(box: TextBox) -> TextBox:
    """The box with no paragraph breaking between a number and its noun, inside a short
    parenthetical or before a lone short last word, where tying the words costs no line;
    Chinese and Japanese broken between phrases."""
    paragraphs = tuple(_phrased(_tied(p, box), box) for p in box.paragraphs)
    return box if paragraphs == box.paragraphs else box._replace(paragraphs=paragraphs)


def _phrased(paragraph: Paragraph, box: TextBox) -> Paragraph:
    """A Chinese or Japanese paragraph with line breaks written between BudouX phrases where
    its lines would break inside one (renderers break between any two ideographs, and
    LibreOffice ignores word joiners there), if that costs it no line."""
    spans = measured_spans(paragraph, box)
    text = "".join(s.text for s in spans)
    if not has_east_asian(text) or "\n" in text:
        return paragraph
    size, width = box.size * paragraph.scale, line_width(paragraph, box)
    lines = wrap(spans, size, width)
    phrases = phrase_ends(text)
    views = (lines, wrap(spans, size, width / WIDTH_SAFETY))  # as measured, as a renderer fills
    if len(lines) < 2 or all(line.start in phrases for view in views for line in view[1:]):
        return paragraph
    prefix = [0.0]
    for advance in char_widths(spans):
        prefix.append(prefix[-1] + advance * size)
    allowed = [b for b in break_positions(spans) if b in phrases]
    starts, start = [], 0
    for _ in range(len(lines) - 1):
        fitting = [b for b in allowed if start < b and prefix[b] - prefix[start] <= width]
        if not fitting:
            return paragraph  # a phrase longer than a line: left to the renderer
        start = fitting[-1]
        starts.append(start)
    if prefix[len(text)] - prefix[start] > width:
        return paragraph  # between phrases it would take another line
    runs = paragraph.runs
    for at in reversed(starts):  # a line break written before each line's first character
        runs = _inserted(runs, at, "\n")
    broken = paragraph._replace(runs=runs)
    spans = measured_spans(broken, box)
    for view in (width, width / WIDTH_SAFETY):  # as measured, and as a renderer fills the box
        if len(wrap(spans, size, view)) != len(lines):
            return paragraph
    return broken


def _tied(paragraph: Paragraph, box: TextBox) -> Paragraph:
    """The paragraph with no-break spaces where its lines, as measured or as a renderer
    fills the full width, would break against the rules, one at a time while each keeps the
    paragraph's lines as many and every break at a place a line may break."""
    size, width = box.size * paragraph.scale, line_width(paragraph, box)
    count = len(wrap(measured_spans(paragraph, box), size, width))
    for _ in range(MOST_TIES):
        spans = measured_spans(paragraph, box)
        text = "".join(s.text for s in spans)
        space = _bad_break(text, [wrap(spans, size, w) for w in (width, width / WIDTH_SAFETY)])
        if space is None:
            break
        tied = paragraph._replace(runs=_replaced(paragraph.runs, space, NBSP))
        tied_spans = measured_spans(tied, box)
        lines = wrap(tied_spans, size, width)
        allowed = set(break_positions(tied_spans))
        if len(lines) != count or any(line.start not in allowed for line in lines[1:]):
            break
        paragraph = tied
    return paragraph


def _bad_break(text: str, views: list) -> int | None:
    """The space before the first line break that splits glued words or leaves a lone short
    last word, in any view of the paragraph's lines; None if there is none."""
    glued = glue_positions(text)
    for lines in views:
        for line in lines[1:]:
            space = line.start - 1
            if space in glued and text[space] == " ":
                return space
        if len(lines) > 1:
            last = text[lines[-1].start : lines[-1].end].strip()
            if len(last.split()) == 1 and len(last) <= WIDOW:
                space = text.rstrip().rfind(" ")
                if space > 0 and text[space] == " ":
                    return space
    return None


def _inserted(runs: tuple[Run, ...], at: int, char: str) -> tuple[Run, ...]:
    """Runs with a character inserted before one offset of their joined text."""
    out, offset = [], 0
    for run in runs:
        end = offset + len(run.text)
        if offset < at <= end or (at == 0 and offset == 0):
            i = at - offset
            run = run._replace(text=run.text[:i] + char + run.text[i:])
            at = -1
        out.append(run)
        offset = end
    return tuple(out)


def _replaced(runs: tuple[Run, ...], at: int, char: str) -> tuple[Run, ...]:
    """Runs with the character at one offset of their joined text replaced."""
    out, offset = [], 0
    for run in runs:
        end = offset + len(run.text)
        if offset <= at < end:
            i = at - offset
            run = run._replace(text=run.text[:i] + char + run.text[i + 1 :])
        out.append(run)
        offset = end
    return tuple(out)
