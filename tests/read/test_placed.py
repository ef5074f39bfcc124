"""Messages at the line where the mistake is, saying what to type: an unclosed quote where it
opens, a blank line holding a tab, a kind called by another name."""

from __future__ import annotations

import pytest

from tests.conftest import MINIMAL
from wocdeck.errors import DeckError
from wocdeck.model import load_deck
from wocdeck.read.source import parse

QUOTE = (
    "this quotation mark is not closed on its line, so YAML reads on to the quotation mark on "
    "line {closed} as one text (close it at the end of the text: {fixed})"
)

CASES = {
    "a quote left open, the next line quoted (once reported at line 7, about '*')": (
        "year_ahead:\n"
        '  - "**3** IP courses for 120 judges, in Beijing\n'
        '  - "Second bullet"\n'
        "  - Third bullet\n",
        "6:5: error: "
        + QUOTE.format(closed=7, fixed='- "**3** IP courses for 120 judges, in Beijing"'),
    ),
    "a quote left open that takes in the next bullet (once a silent merge)": (
        'year_ahead:\n  - "First bullet, in Beijing\n  - Second bullet"\n  - Third\n',
        "6:5: error: " + QUOTE.format(closed=7, fixed='- "First bullet, in Beijing"'),
    ),
    "a quote left open above a quoted '**' bullet (once also an error about '*' there)": (
        'closing: "Thank you\nyear_ahead:\n  - "**14** seminars"\n',
        "5:10: error: " + QUOTE.format(closed=7, fixed='closing: "Thank you"'),
    ),
    "an apostrophe never closed": (
        "closing: 'Thank you\n",
        "5:10: error: this apostrophe is not closed: YAML reads on to the end of the file "
        "(close it at the end of the text: closing: 'Thank you')",
    ),
    "a blank line holding a tab": (
        "year_ahead:\n  - a\n\t\n  - b\n",
        "7:1: error: this line looks blank but holds a tab, which YAML reads as indentation "
        "(delete the tab (YAML indents with spaces only), or the whole line)",
    ),
    "bullets for points": (
        "slides:\n  - title: T\n    bullets: [a]\n",
        "7:5: error: unknown key 'bullets' in slides (did you mean 'points'?)",
    ),
    "image for picture": (
        "slides:\n  - title: T\n    image: {file: a.png, alt: A}\n",
        "7:5: error: unknown key 'image' in slides (did you mean 'picture'?)",
    ),
    "graph for chart, in a column": (
        "slides:\n  - title: T\n    columns:\n      - graph: {data: a.csv}\n      - points: [a]\n",
        "8:9: error: unknown key 'graph' in slides.columns (did you mean 'chart'?)",
    ),
    "a list item without its space (once 'indented under' the item below)": (
        "year_ahead:\n  -First\n  - Second\n",
        "6:3: error: '-First' has no space after its '-', so it is text, not a list item, and "
        "YAML joins the lines below it into it (put a space after the '-': - First)",
    ),
    "a key without its space, last in the file (once 'could not find expected')": (
        "closing:Thank you\n",
        "5:1: error: 'closing:Thank you' has no space after the ':', so YAML does not read "
        "'closing' as a key (put a space after the ':': closing: Thank you)",
    ),
    "a key without its space, a key below it (once 'indented more than line 5')": (
        "about:\n  location:Beijing\n  established: 2014-07-10\n",
        "6:3: error: 'location:Beijing' has no space after the ':', so YAML does not read "
        "'location' as a key (put a space after the ':': location: Beijing)",
    ),
    "a '{' left open on a table row (once also 'indented under' the row below)": (
        "slides:\n  - title: T\n    table:\n      rows:\n"
        "        - {Type: Seminars, Events: 18\n        - {Type: Fairs, Events: 3}\n",
        "9:11: error: the '{' here is not closed by a '}' where YAML expects it (close it with "
        "'}'; inside { } a ',' separates items, so quote any text that contains a comma, a ':' "
        "or a '#')",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_message_is_where_the_mistake_is(case: str) -> None:
    text, expected = CASES[case]
    with pytest.raises(DeckError) as caught:
        load_deck(parse((MINIMAL + text).encode(), "deck.yaml"))
    assert str(caught.value) == f"deck.yaml:{expected}"


def test_text_quoted_over_lines_is_still_one_text() -> None:
    source = parse((MINIMAL + 'notes: "A long note\n  that goes on"\n').encode(), "deck.yaml")
    assert source.data["notes"] == "A long note that goes on"
