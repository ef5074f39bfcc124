"""Exactness as a property: every word an editor writes, in any script and with any punctuation,
is rendered exactly once where it belongs, or the deck is refused with a located message; and a
number written any way the docs allow is rendered as the same number.

Decks are written as an editor would, following the docs: every text in double quotes (so
YAML's special characters, ': ', ' #', commas inside { }, leading '*' or '-', are text), table
rows as `{ }` groups. Each text carries a tag (T0, T1, …) so that one text is never found inside
another. The seed is fixed (derandomize): the same examples run every time, in CI too.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from tests.conftest import MINIMAL, ROOT, Cli
from tests.ooxml import assert_opens_cleanly
from wocdeck.read.yaml_errors import double_quoted

# Any script, punctuation and symbol, and YAML's special characters; no control characters.
# `**` marks emphasis (it is not written) and is left out; so are leading and trailing spaces.
SPECIAL = list(":#,{}[]&*!|>'\"%@`-?\\")
words = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "M", "N", "P", "S", "Zs"),
        exclude_characters="\u2028\u2029*\u00ad",
    )
    | st.sampled_from(SPECIAL),
    min_size=1,
    max_size=24,
).map(lambda s: " ".join(s.split()))
# Phrases with commas, as editors write lists and figures in a line of text.
phrases = st.lists(
    st.sampled_from(["Abuja", "Lagos and Kano", "2,450", "Filings", "2021-2024", "Genève", "北京"]),
    min_size=2,
    max_size=4,
).map(", ".join)
texts = words | phrases
PLAIN = re.compile(r"[\w .,'-]+")  # text an editor may leave unquoted (not in { } though)

# A number as the docs allow it to be written, and how an English deck writes it.
WAYS = {
    "plain": (lambda n: str(n), lambda n: f"{n:,}"),
    "commas": (lambda n: f"{n:,}", lambda n: f"{n:,}"),
    "spaces": (lambda n: f"{n:,}".replace(",", " "), lambda n: f"{n:,}"),
    "apostrophes": (lambda n: f"{n:,}".replace(",", "'"), lambda n: f"{n:,}"),
    "per cent": (lambda n: f"{n % 100}%", lambda n: f"{n % 100}%"),
    "millions": (
        lambda n: f"{n % 10}.{n % 6 + 1} million",
        lambda n: f"{n % 10}.{n % 6 + 1} million",
    ),
}
# A table reads the number forms without words (a column with "2.3 million" is text as typed).
IN_TABLES = sorted(set(WAYS) - {"millions"})
numbers = st.tuples(st.integers(0, 10**9), st.sampled_from(IN_TABLES))
tile_numbers = st.tuples(st.integers(0, 10**9), st.sampled_from(sorted(WAYS)))


class Tags:
    """Hands out texts, each with its own tag, and remembers where each belongs."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = iter(texts)
        self.count = 0
        self.placed: dict[str, list[str]] = {}  # place → the texts that belong there
        self.tiles_title = ""  # the title of the slide of tiles

    def __call__(self, place: str) -> str:
        text = f"T{self.count}{next(self.texts)}"
        self.count += 1
        self.placed.setdefault(place, []).append(text)
        return text


def deck_text(
    texts: list[str], figures: list[tuple[int, str]], *, unquoted: bool = False
) -> tuple[str, Tags, list[str]]:
    """A deck with one slide of each kind, every text field filled from texts, and the numbers
    written as the docs allow; the tags, and each number as an English deck writes it.
    `unquoted`: the table's cells are left unquoted where they are plain words and commas, as
    an editor new to { } would write them (the comma trap, refused at its line)."""
    tag = Tags(texts)

    q = double_quoted

    def cell(text: str) -> str:
        return text if unquoted and PLAIN.fullmatch(text) else q(text)

    def put(place: str, quote=q) -> str:
        return quote(tag(place))

    written = [(WAYS[way][0](n), WAYS[way][1](n)) for n, way in figures]
    columns = [tag("table") for _ in range(3)]
    rows = "".join(
        "        - {"
        + ", ".join(
            [
                f"{cell(columns[0])}: {put('table', cell)}",
                f"{cell(columns[1])}: {put('table', cell)}",
                f"{cell(columns[2])}: {cell(shown)}",
            ]
        )
        + "}\n"
        for shown, _ in written[:3]
    )
    tiles_title = tag("text")
    tag.tiles_title = tiles_title
    tiles = "".join(
        f"      - {{label: {put('text')}, value: {q(shown)}, period: {put('text')}}}\n"
        for shown, _ in written[3:5]
    )
    text = (
        MINIMAL
        + "slides:\n"
        + f"  - title: {put('text')}\n    notes: {put('notes')}\n"
        + f"    points:\n      - {put('text')}\n      - text: {put('text')}\n"
        + f"        points: [{put('text')}, {put('text')}]\n"
        + f"  - title: {put('text')}\n    notes: {put('notes')}\n    table:\n      rows:\n"
        + rows
        + f"  - title: {q(tiles_title)}\n    tiles:\n"
        + tiles
        + f"  - title: {put('text')}\n    picture:\n      file: office.png\n"
        + f"      alt: {put('alt')}\n      caption: {put('text')}\n"
        + f"  - title: {put('text')}\n    chart:\n"
        + f"      categories: [{put('category')}, {put('category')}]\n"
        + f"      series: {{{put('series')}: [1, 2]}}\n"
        + f"  - section: {put('text')}\n    subtitle: {put('text')}\n"
        + f"  - statement: {put('text')}\n    by: {put('text')}\n    notes: {put('notes')}\n"
    )
    return text, tag, [english for _, english in written]


def plain(text: str) -> str:
    """Text with its spacing as a reader sees it: every kind of space one space."""
    return " ".join(re.sub(r"[\s\u00a0\u202f\u2009\u2060\u200b]", " ", text).split())


def rendered(pptx: Path) -> tuple[dict[str, list[str]], list[list[str]]]:
    """Each place's texts in a rendered deck (slide text, notes, table cells, chart categories
    and series names, alt text), and each slide's paragraphs."""
    found: dict[str, list[str]] = {
        k: [] for k in ("text", "notes", "table", "alt", "category", "series")
    }
    slides = []
    for slide in Presentation(str(pptx)).slides:
        paragraphs = [
            plain(p.text)
            for shape in slide.shapes
            if shape.has_text_frame
            for p in shape.text_frame.paragraphs
        ]
        slides.append(paragraphs)
        found["text"] += paragraphs
        for shape in slide.shapes:
            if shape.has_table:
                found["table"] += [plain(c.text) for row in shape.table.rows for c in row.cells]
            if shape.has_chart:
                plot = shape.chart.plots[0]
                found["category"] += [plain(str(c)) for c in plot.categories]
                found["series"] += [plain(s.name) for s in plot.series]
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            found["alt"] += [plain(d) for d in descr]
        if slide.has_notes_slide:
            found["notes"] += [plain(p.text) for p in slide.notes_slide.notes_text_frame.paragraphs]
    return found, slides


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failure is shown as found, not shrunk for minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(texts, min_size=40, max_size=40),
    st.lists(numbers, min_size=3, max_size=3),
    st.lists(tile_numbers, min_size=2, max_size=2),
    st.booleans(),
)
def test_every_word_is_rendered_once_where_it_belongs_or_refused_at_its_line(
    written: list[str],
    in_table: list[tuple[int, str]],
    on_tiles: list[tuple[int, str]],
    unquoted: bool,
) -> None:
    text, tags, english = deck_text(written, in_table + on_tiles, unquoted=unquoted)
    with tempfile.TemporaryDirectory() as work:
        deck = Path(work, "deck.yaml")
        deck.write_text(text, encoding="utf-8")
        shutil.copy(ROOT / "examples" / "pictures" / "office.png", Path(work, "office.png"))
        code, _, err = Cli()("render", deck)
        if code == 1:  # refused: every problem at a line of the deck, nothing written
            assert all(re.match(rf"{re.escape(str(deck))}:\d+", line) for line in err.splitlines())
            assert not deck.with_suffix(".pptx").exists()
            return
        assert code == 0, err
        output = deck.with_suffix(".pptx")
        found, slides = rendered(output)
        for place, wanted in tags.placed.items():
            for word in wanted:
                times = sum(plain(word) in piece for piece in found[place])
                assert times == 1, (place, word, found[place])
        cells = found["table"]
        assert [cells[i] for i in (5, 8, 11)] == english[:3]  # the number column, as written
        (tiles,) = [s for s in slides if s and s[0] == plain(tags.tiles_title)]
        assert [piece for piece in tiles if piece in english[3:5]] == english[3:5]
        assert_opens_cleanly(output)


def test_a_number_written_any_allowed_way_is_the_same_number_in_a_chart() -> None:
    """Chart values (plain numbers: a unit belongs in the axis title) in every separator."""
    values = ["33745", "33,745", "33 745", "33'745", "33\u00a0745", "33\u2019745"]
    series = ", ".join(double_quoted(v) for v in values)
    categories = ", ".join(f"C{i}" for i in range(len(values)))
    text = (
        MINIMAL + "slides:\n  - title: Filings\n    chart:\n"
        f"      categories: [{categories}]\n      series: {{PCT: [{series}]}}\n"
    )
    with tempfile.TemporaryDirectory() as work:
        deck = Path(work, "deck.yaml")
        deck.write_text(text, encoding="utf-8")
        code, _, err = Cli()("render", deck)
        assert code == 0, err
        (chart,) = [
            shape.chart
            for slide in Presentation(str(deck.with_suffix(".pptx"))).slides
            for shape in slide.shapes
            if shape.has_chart
        ]
        assert [Decimal(str(v)) for v in chart.plots[0].series[0].values] == [Decimal(33745)] * 6
