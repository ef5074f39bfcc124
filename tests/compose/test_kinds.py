"""Free slides and their kinds: where they go, what they hold, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import ROOT, write_deck
from tests.ooxml import assert_opens_cleanly

HEAD = """\
event:
  office: WIPO Office in China
  acronym: WOC
  title: Side-Event
  date: 2018-09-27
about:
  location: Beijing, China
focus:
  - name: Communications
    aims: [Outreach]
    achievements: [Visits]
  - name: Services
    aims: [Promote the PCT]
year_ahead: [More outreach]
closing: Thank you.
"""


def titles(pptx: Path) -> list[str]:
    """Every slide's title (or first text), in order."""
    out = []
    for slide in Presentation(str(pptx)).slides:
        title = slide.shapes.title
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        out.append(title.text_frame.text if title is not None else texts[0])
    return out


def render_text(tmp_path: Path, text: str) -> Path:
    from wocdeck.pipeline import render

    deck = write_deck(tmp_path, text)
    return render(deck, deck.with_suffix(".pptx")).output


def test_free_slides_go_where_placed_without_taking_a_focus_number(tmp_path: Path) -> None:
    pptx = render_text(
        tmp_path,
        HEAD
        + """\
slides:
  - {before: about, title: Agenda, points: [One]}
  - {before: focus, section: Strategic Focus Areas}
  - {after: focus 1, statement: A quote}
  - {after: focus, title: Between, points: [Two]}
  - {title: Last words, points: [Three]}
""",
    )
    assert titles(pptx) == [
        "WIPO Office in China (WOC)",
        "Agenda",
        "About the WOC",
        "Strategic Focus Areas",
        "WOC Strategic Focus I: Communications",
        "WOC Strategic Focus I: Key Achievements",
        "A quote",
        "WOC Strategic Focus II: Services",
        "Between",
        "The Year Ahead",
        "Last words",
        "Thank you.",
    ]


def test_a_focus_areas_extra_slides_take_its_derived_titles(tmp_path: Path) -> None:
    text = HEAD.replace(
        "    achievements: [Visits]\n",
        "    achievements: [Visits]\n"
        "    extra:\n"
        "      - {after: aims, points: [Between aims and achievements]}\n"
        "      - points: [After the achievements]\n",
    )
    got = titles(render_text(tmp_path, text))
    # the repeated derived title is numbered: every slide's title differs (accessibility)
    assert got[2:6] == [
        "WOC Strategic Focus I: Communications",
        "WOC Strategic Focus I: Communications (2)",
        "WOC Strategic Focus I: Key Achievements",
        "WOC Strategic Focus I: Key Achievements (2)",
    ]
    assert got[6] == "WOC Strategic Focus II: Services"


def test_each_kind_takes_its_layout_role(tmp_path: Path) -> None:
    pptx = render_text(
        tmp_path,
        HEAD
        + """\
slides:
  - {section: Part One, subtitle: What we did}
  - {statement: Said well, by: Someone}
  - title: Two
    columns:
      - points: [Left]
      - points: [Right]
""",
    )
    layouts = [s.slide_layout.name for s in Presentation(str(pptx)).slides]
    assert layouts[-4:-1] == ["Section", "Statement", "Two Content"]


TABLE = """\
slides:
  - title: Filings
    table:
      columns: [Year, PCT, Share]
      rows:
        - [2017, 31600, 4.5%]
        - [2018, "33,745", 5.1%]
      total: yes
"""


def test_a_table_is_a_native_table_with_a_grid_matching_its_rows(tmp_path: Path) -> None:
    pptx = render_text(tmp_path, HEAD + TABLE)
    slide = next(s for s in Presentation(str(pptx)).slides if s.shapes.title.text == "Filings")
    frame = next(s for s in slide.shapes if s.has_table)
    table = frame.table
    grid = frame._element.xpath(".//a:tblGrid/a:gridCol")
    assert len(grid) == 3
    assert all(len(row.cells) == len(grid) for row in table.rows)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Year", "PCT", "Share"],
        ["2017", "31,600", "4.5%"],
        ["2018", "33,745", "5.1%"],
        ["Total", "65,345", ""],
    ]
    number = table.cell(1, 1).text_frame.paragraphs[0]._p
    assert number.pPr.get("algn") == "r"
    assert table.cell(1, 0).text_frame.paragraphs[0]._p.pPr.get("algn") == "l"
    header_fill = table.cell(0, 0)._tc.xpath("./a:tcPr/a:solidFill/a:schemeClr/@val")
    assert header_fill == ["accent1"]
    tbl = frame._element.xpath(".//a:tbl/a:tblPr")[0]
    assert (tbl.get("firstRow"), tbl.get("bandRow"), tbl.get("lastRow")) == ("1", "1", "1")


def test_a_column_of_years_is_written_as_typed(tmp_path: Path) -> None:
    text = "slides:\n  - title: T\n    table:\n      columns: [Office, Year, Filings]\n"
    text += "      rows: [[Beijing, 2017, 31600], [Geneva, 2018, 1200]]\n"
    pptx = render_text(tmp_path, HEAD + text)
    slide = next(s for s in Presentation(str(pptx)).slides if s.shapes.title.text == "T")
    table = next(s for s in slide.shapes if s.has_table).table
    assert [c.text for c in table.rows[1].cells] == ["Beijing", "2017", "31,600"]


def test_a_table_from_csv_beside_the_deck(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("City;Seminars\nBeijing;12\nShanghai;9\n", "utf-8")
    pptx = render_text(tmp_path, HEAD + "slides:\n  - {title: T, table: {csv: data.csv}}\n")
    slide = next(s for s in Presentation(str(pptx)).slides if s.shapes.title.text == "T")
    table = next(s for s in slide.shapes if s.has_table).table
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["City", "Seminars"],
        ["Beijing", "12"],
        ["Shanghai", "9"],
    ]


def test_a_long_table_continues_with_its_header_repeated(tmp_path: Path) -> None:
    rows = "".join(f"        - [Row {i}, {i * 1000}]\n" for i in range(60))
    text = HEAD + "slides:\n  - title: Long\n    table:\n      columns: [Name, Value]\n"
    pptx = render_text(tmp_path, text + "      rows:\n" + rows)
    slides = [s for s in Presentation(str(pptx)).slides if s.shapes.title.text.startswith("Long")]
    assert len(slides) >= 2
    assert slides[1].shapes.title.text == "Long (cont.)"
    seen = []
    for slide in slides:
        table = next(s for s in slide.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["Name", "Value"]
        seen += [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert seen == [f"Row {i}" for i in range(60)]


@pytest.mark.parametrize(
    ("slides", "message"),
    [
        (
            "  - {after: abuot, title: T, points: [x]}",
            "2:13: error: 'abuot' is not a section of the report (did you mean 'about'?)",
        ),
        ("  - {after: resources, title: T, points: [x]}", "the deck has no 'resources'"),
        ("  - {title: T, points: [x], table: {csv: a.csv}}", "this has both `points:` and"),
        ("  - {title: T}", "this has nothing to show"),
        ("  - {points: [x]}", "this slide needs a `title:`"),
        ("  - {statement: x, subtitle: y}", "`subtitle:` belongs to a `section:` slide"),
        (
            "  - {title: T, table: {columns: [A, B], rows: [[1, 2, 3]]}}",
            "row 1 has 3 cells, the table has 2 columns (A, B)",
        ),
        ("  - {title: T, table: {csv: missing.csv}}", "the CSV file missing.csv does not exist"),
        ("  - {title: T, table: {csv: latin1.csv}}", "the CSV file latin1.csv is not UTF-8 text"),
        (
            "  - {title: T, table: {csv: short.csv}}",
            "short.csv:3: error: this row has 1 cell, the header has 2 columns",
        ),
        ("  - {title: T, table: {csv: big.csv}}", "the CSV file big.csv is larger than 5 MB"),
        ("  - {title: T, table: {columns: [A, B], rows: [[x, 38.912]]}}", "38.912"),
        (
            "  - {title: T, columns: [{tiles: [{label: a, value: 1}, {label: b, value: 2}, "
            "{label: c, value: 3}, {label: d, value: 4}, {label: e, value: 5}]}, {points: [y]}]}",
            "2:34: error: a column holds at most 4 tiles, this one has 5",
        ),
        (
            "  - {title: T, columns: [{table: {columns: [A], rows: ["
            + ", ".join(f"[r{i}]" for i in range(30))
            + "]}}, {points: [y]}]}",
            "the table in a column is too long for the slide even at 18 pt",
        ),
        (
            "  - {title: T, columns: [{section: x}, {points: [y]}]}",
            "2:27: error: unknown key 'section' in slides.columns",
        ),
    ],
)
def test_bad_free_slides_are_located_errors(tmp_path: Path, cli, slides: str, message: str) -> None:
    (tmp_path / "latin1.csv").write_bytes("Ville,Séminaires\nGenève,3\n".encode("latin-1"))
    (tmp_path / "short.csv").write_text("City,Seminars\nBeijing,12\nShanghai\n", "utf-8")
    if "big.csv" in slides:
        (tmp_path / "big.csv").write_text("A,B\n" + "x,1\n" * 1_300_000, "utf-8")
    deck = write_deck(tmp_path, "slides:\n" + slides + "\n" + HEAD)
    code, _, err = cli("render", deck)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert not deck.with_suffix(".pptx").exists()


def test_a_table_too_wide_even_at_the_floor_names_its_column(tmp_path: Path, cli) -> None:
    word = "Supercalifragilisticexpialidocious" * 2
    cols = ", ".join(f"C{i}" for i in range(6))
    cells = ", ".join([word] * 6)
    text = HEAD + f"slides:\n  - title: T\n    table:\n      columns: [{cols}]\n      rows:\n"
    deck = write_deck(tmp_path, text + f"        - [{cells}]\n")
    code, _, err = cli("render", deck)
    assert code == 1
    assert "the table is too wide for the slide even at 18 pt: column 'C" in err
    assert str(deck.name) + ":" in err


def test_the_showcase_uses_every_kind() -> None:
    from wocdeck.compose.kinds import kinds
    from wocdeck.read.source import read

    data = read(ROOT / "examples" / "showcase.yaml").data
    used = {key for slide in data["slides"] for key in slide if key in kinds()}
    used |= {key for slide in data["slides"] for c in slide.get("columns", []) for key in c}
    assert set(kinds()) <= used


@pytest.fixture(scope="module")
def showcase(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """examples/showcase.yaml rendered and drawn by LibreOffice."""
    from tests import pdfcheck
    from tests.conftest import require_renderer
    from wocdeck.pipeline import render

    require_renderer()
    folder = tmp_path_factory.mktemp("showcase")
    pptx = render(ROOT / "examples" / "showcase.yaml", folder / "showcase.pptx").output
    return pptx, pdfcheck.convert([pptx])[pptx]


def test_the_showcase_draws_every_word_inside_its_box_without_collisions(showcase) -> None:
    from tests import pdfcheck

    pptx, pages = showcase
    assert len(pages) == len(Presentation(str(pptx)).slides)
    assert pdfcheck.drawing_problems(pptx, pages) == []


def _texts(node, key: str = "") -> list[str]:
    """Every text the editor wrote under a node, but placement keys and file names."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in _texts(v, k)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item, key)]
    skipped = ("before", "after", "csv", "theme", "file", "data", "type", "fit", "decorative")
    if node is None or key in skipped or node == "yes":
        return []
    if key == "change":  # written into the tile's caption as "growing by 12%"
        return [str(node).lstrip("+-")]
    return [str(node)]


def test_nothing_of_the_showcase_text_is_missing_from_the_deck(showcase) -> None:
    from wocdeck.read.source import read

    pptx, pages = showcase
    drawn = " ".join(w.text for page in pages for w in page.words).replace(",", "")
    written, alts = [], []
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                written.append(shape.text_frame.text)
            if shape.has_table:
                written += [c.text for row in shape.table.rows for c in row.cells]
            alts.append(shape._element.xpath("string(.//p:cNvPr/@descr)"))
    deck_text = " ".join(written).replace(",", "")
    alt_text = " ".join(alts).replace(",", "")
    folder = ROOT / "examples"
    data = read(folder / "showcase.yaml").data
    texts = _texts(data["slides"]) + _texts([f.get("extra", []) for f in data["focus"]])
    for name in ("filings.csv", "events.csv"):
        texts += (folder / name).read_text("utf-8").replace('"', " ").split("\n")
    words = [w for t in texts for w in t.replace("**", "").replace(",", " ").split()]
    assert len(words) > 300
    missing = [w for w in words if not any(w in t for t in (deck_text, drawn, alt_text))]
    assert missing == []
    assert [w for w in deck_text.split() if w not in drawn] == []


def test_the_showcase_opens_cleanly(showcase) -> None:
    pptx, _ = showcase
    assert_opens_cleanly(pptx)


def test_two_columns_of_bullets_share_one_size(tmp_path: Path) -> None:
    long = ", ".join(["a point that goes on and on across the column"] * 6)
    text = HEAD + f"slides:\n  - title: T\n    columns:\n      - points: [{long}]\n"
    pptx = render_text(tmp_path, text + "      - points: [short]\n")
    slide = next(s for s in Presentation(str(pptx)).slides if s.shapes.title.text == "T")
    sizes = {
        run.font.size
        for shape in slide.shapes
        if shape.has_text_frame and shape != slide.shapes.title
        for p in shape.text_frame.paragraphs
        for run in p.runs
        if shape.name.split()[0] in ("Content", "Right", "Text")
    }
    assert len(sizes) == 1, sizes


def test_the_showcase_on_every_kind_of_corporate_template_draws_cleanly(
    tmp_path: Path, renderer
) -> None:
    """Each kind finds its layout (or a reported fallback) in templates other than WIPO's."""
    from tests import pdfcheck
    from tests.templates import TEMPLATES
    from wocdeck.pipeline import render

    decks = []
    for name, make in TEMPLATES.items():
        template = make(tmp_path)
        out = tmp_path / f"showcase-{name}.pptx"
        decks.append(render(ROOT / "examples" / "showcase.yaml", out, template=template).output)
    pages = pdfcheck.convert(decks)
    for deck in decks:
        assert pdfcheck.drawing_problems(deck, pages[deck]) == [], deck.name
        assert_opens_cleanly(deck)


@pytest.mark.parametrize(
    ("office", "cover"),
    [
        ("WIPO Office in China (WOC)", "WIPO Office in China (WOC)"),  # named once, not twice
        ("WOC – WIPO Office in China", "WOC – WIPO Office in China"),
        ("WIPO Office in Wocland", "WIPO Office in Wocland (WOC)"),  # a word that holds it
    ],
)
def test_the_cover_names_the_acronym_once(tmp_path: Path, office: str, cover: str) -> None:
    pptx = render_text(tmp_path, HEAD.replace("office: WIPO Office in China", f"office: {office}"))
    assert titles(pptx)[0] == cover
