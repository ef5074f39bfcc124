"""The deck's footer on one line and never below 10 pt: a smaller step, its short form, or "…"."""

from __future__ import annotations

from wocdeck.errors import DeckError, Location
from wocdeck.layout.fit import candidate_sizes, preview
from wocdeck.look.lines import paragraph_lines
from wocdeck.look.typescale import FOOTER_LEAST
from wocdeck.plan import Run, Slide, TextBox

ELLIPSIS = "\u2026"


def footer_hint(origin: str) -> str:
    """What to change when the footer had to be made smaller or shortened."""
    if origin == "event.footer":
        return "shorten event.footer"
    return "set a shorter footer of your own: `event.footer: …`"


def one_line_footer(slides: list[Slide], deck_path: str) -> tuple[TextBox | None, str]:
    """The deck's footer on one line, never below FOOTER_LEAST: a smaller step down to it,
    else (a footer derived from the office and title, both shown in full on the cover) its
    short form (acronym · title, then acronym · year; without an acronym, office · year),
    else shortened with an ellipsis; a
    footer the editor wrote that is too long is an error, since shortening would drop their
    words."""
    footer = next((s.footer for s in slides if s.footer is not None), None)
    if footer is None:
        return None, ""
    least = max(FOOTER_LEAST, footer.floor)
    footer = footer._replace(size=max(footer.size, least), floor=least)
    paragraph = footer.paragraphs[0]
    for size in candidate_sizes(footer):
        if paragraph_lines(paragraph, size, footer) == 1:
            note = f"footer set at {size:g} pt to stay on one line" if size < footer.size else ""
            return footer._replace(size=size), note
    if footer.origin == "event.footer":
        raise DeckError.at(
            Location(deck_path, footer.line),
            f"the footer text (from event.footer) is too long for one line even at "
            f"{footer.floor:g} pt: '{preview(footer.text)}'",
            "shorten it",
        )
    for short in footer.shorter:
        if paragraph_lines(short, footer.floor, footer) == 1:
            message = f'footer in its short form to stay on one line: "{short.text}"'
            return footer._replace(size=footer.floor, paragraphs=(short,)), message
    if footer.shorter:
        paragraph = footer.shorter[-1]
    runs = list(paragraph.runs)
    text = paragraph.text
    low, high = 0, len(text)
    while low < high:  # the longest start of the text that fits one line with an ellipsis
        middle = (low + high + 1) // 2
        probe = paragraph._replace(runs=_truncated(runs, middle))
        if paragraph_lines(probe, footer.floor, footer) == 1:
            low = middle
        else:
            high = middle - 1
    short = paragraph._replace(runs=_truncated(runs, low))
    message = f'footer shortened to one line: "{short.text}"'
    return footer._replace(size=footer.floor, paragraphs=(short,)), message


def _truncated(runs: list[Run], length: int) -> tuple[Run, ...]:
    """The runs' first `length` characters, trailing spaces dropped, then an ellipsis."""
    out: list[Run] = []
    for run in runs:
        if length <= 0:
            break
        out.append(run._replace(text=run.text[:length]))
        length -= len(run.text)
    if out:
        out[-1] = out[-1]._replace(text=out[-1].text.rstrip(" \u00b7-"))
    return (*(r for r in out if r.text), Run(ELLIPSIS))
