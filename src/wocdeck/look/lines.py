"""How many lines a paragraph takes in a text box, in the box's font and size."""

from __future__ import annotations

from wocdeck.look.measure import Span, wrap
from wocdeck.plan import Paragraph, TextBox

WIDTH_SAFETY = 0.97  # renderers differ by a hair in where they wrap; keep a margin


def measured_spans(paragraph: Paragraph, box: TextBox) -> list[Span]:
    """A paragraph's runs as the renderer sets them: in the box's font and weight."""
    return [Span(run.text, run.bold or box.bold, box.metrics) for run in paragraph.runs]


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


def tallest_line(body: TextBox, size: float) -> float:
    """The height of the body's tallest single line at a size, in points."""
    return max(p.line_height(size, body.line_spacing) for p in body.paragraphs)
