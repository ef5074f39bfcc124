"""Design rules measured in LibreOffice renders: contrast, one size per role, titles, footers.

The decks: the seed, the showcase, the translated report in every language, a deck the project
did not tune for (another office, long names, a long event title), and the showcase through
a template whose accents are too light for text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import ROOT, SEED_DECK, require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.pdfstyle import (
    Line,
    chart_frames,
    chart_overlaps,
    content_extent,
    contrast_failures,
    drawn_lines,
    drawn_tables,
    footer_runs,
    styled_runs,
    text_tiles,
    widows,
)
from tests.templates import light_accents
from wocdeck.look.scripts import has_east_asian
from wocdeck.pipeline import render

UNTUNED = """\
theme: wipo
event:
  office: WIPO External Office for the Association of Southeast Asian Nations in Singapore
  acronym: WSO
  title: >-
    Report to the Member States at the Side-Event of the Sixty-Fifth Series of Meetings
    of the Assemblies of the Member States of WIPO
  city: Geneva
  date: 2024-07-09
about:
  established: 2005-10-01
  location: Singapore (Republic of Singapore)
resources:
  personnel: [P5, P4, "2 G-staff (1 incumbent, 1 under recruitment)"]
  budget: {currency: CHF, amount: 1254300}
focus:
  - name: Strengthening Intellectual Property Ecosystems for Micro, Small and Medium Enterprises
    goal: 4
    aims:
      - Supporting the ten ASEAN Member States in building IP offices that serve their users
    achievements:
      - Hosted **42** roundtables with IP offices (15 countries)
      - heading: Outcome
        metrics:
          - label: PCT applications from the region
            value: 12480
            period: Jan-Jun
            change: "+3.1%"
          - {label: Madrid, value: 1912, period: Jan-Jun, change: "+12%"}
year_ahead:
  - Launching the regional IP and innovation academy for examiners and judges (SG 5)
closing: Thank you.
"""

STATES = ["Algeria", "Egypt", "Morocco", "Tunisia", "Jordan", "Oman", "Qatar", "Bahrain"]
EVENTS = ["Roundtable on geographical indications", "PCT seminar", "Madrid workshop"]
ROWS = "".join(
    f"        - [{STATES[i % 8]}, {EVENTS[i % 3]}, {1 + i % 12}, {40 + 7 * i}]\n" for i in range(30)
)
TABLES = (
    """\
theme: wipo
event:
  office: WIPO External Office in Algeria for the African Region and the Arab States
  acronym: WAO
  title: Report to the Side-Event of the Sixty-Sixth Series of Meetings of the Assemblies
  city: Geneva
  date: 2025-07-08
slides:
  - title: Partners of the Year
    table:
      columns: [Partner institution, Visits, Events]
      rows:
        - [National Institute of Industrial Property, 4, 2]
        - [Ministry of Higher Education and Scientific Research, 2, 1]
        - [Chamber of Commerce and Industry, 1, 1]
      total: yes
  - title: Events by State
    table:
      columns: [State, Event, Month, Participants]
      rows:
"""
    + ROWS
    + "closing: Thank you.\n"
)

CHARTS = """\
theme: wipo
event:
  office: WIPO Office in the Russian Federation
  acronym: WRO
  title: Report to the Side-Event of the Assemblies
  city: Geneva
  date: 2024-07-09
focus:
  - name: Services
    goal: 2
    aims: [Growing the use of the Global IP Services in the region]
    achievements:
      - heading: Outcome
        metrics:
          - label: PCT applications
            value: 1512
            history:
              {2017: 1240, 2018: 1305, 2019: 1388, 2020: 1420, 2021: 1466, 2022: 1490, 2023: 1501}
slides:
  - title: Madrid and Hague Filings
    chart:
      categories: [2018, 2019, 2020, 2021, 2022, 2023]
      series:
        Madrid: [5210, 5342, 5290, 5410, 5388, 5501]
        Hague: [5105, 5288, 5330, 5392, 5420, 5470]
  - title: Filings at a Glance
    columns:
      - points: [Filings grew every year, Madrid overtook Hague in 2022]
      - chart:
          categories: [2020, 2021, 2022, 2023]
          series: {PCT applications: [1420, 1466, 1490, 1501]}
  - title: Offices Compared
    columns:
      - chart:
          type: bar
          categories: [Moscow, Kazan, Novosibirsk]
          series: {PCT: [1420, 1366, 1290], Madrid: [1390, 1401, 1300], Hague: [1380, 1330, 1310]}
          y_title: Applications
      - points: [Three offices, three services]
  - title: Madrid in the Region
    columns:
      - points: [Madrid filings grew for the seventh year running]
      - tiles:
          - label: Madrid applications
            value: 1512
            period: Jan-Dec
            change: "+0.7%"
            history:
              {2017: 1240, 2018: 1305, 2019: 1388, 2020: 1420, 2021: 1466, 2022: 1490, 2023: 1501}
closing: Thank you.
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every deck under test, rendered once to .pptx and converted to PDF."""
    require_renderer()
    folder = tmp_path_factory.mktemp("design")
    shutil.copytree(ROOT / "examples", folder / "examples")
    untuned = folder / "untuned.yaml"
    untuned.write_text(UNTUNED, encoding="utf-8")
    tables = folder / "tables.yaml"
    tables.write_text(TABLES, encoding="utf-8")
    charts = folder / "charts.yaml"
    charts.write_text(CHARTS, encoding="utf-8")
    template = light_accents(folder)
    decks = {
        "seed": render(SEED_DECK, folder / "seed.pptx").output,
        "showcase": render(folder / "examples" / "showcase.yaml", folder / "showcase.pptx").output,
        "untuned": render(untuned, folder / "untuned.pptx").output,
        "tables": render(tables, folder / "tables.pptx").output,
        "charts": render(charts, folder / "charts.pptx").output,
        "light": render(
            folder / "examples" / "showcase.yaml", folder / "light.pptx", template=template
        ).output,
    }
    for language in ("en", "fr", "zh", "ar"):
        out = folder / f"translated.{language}.pptx"
        source = folder / "examples" / "translated.yaml"
        decks[language] = render(source, out, language=language).output
    pdfcheck.convert(list(decks.values()))
    return decks


DECKS = ["seed", "showcase", "untuned", "tables", "light", "en", "fr", "zh", "ar"]


@pytest.mark.parametrize("name", DECKS)
def test_every_run_of_text_reads_against_what_is_behind_it(rendered, name: str) -> None:
    deck = rendered[name]
    assert contrast_failures(deck.with_suffix(".pdf")) == []
    if name in ("untuned", "tables", "light"):
        assert_opens_cleanly(deck)


@pytest.mark.parametrize("name", DECKS)
def test_footers_are_one_line_of_at_least_10_pt(rendered, name: str) -> None:
    footers = footer_runs(rendered[name].with_suffix(".pdf"))
    assert footers, "no footer drawn"
    for page, runs in footers.items():
        assert min(r.size for r in runs) >= 10, (page, runs)
        tops = {round(r.top) for r in runs}
        assert max(tops) - min(tops) <= 2, (page, [r.text for r in runs])  # one line


@pytest.mark.parametrize("name", DECKS)
def test_content_titles_share_one_size(rendered, name: str) -> None:
    pdf = rendered[name].with_suffix(".pdf")
    content = set(footer_runs(pdf))  # slides with a footer: content slides
    top = 0.17 * 540  # the title band
    sizes = {r.size for r in styled_runs(pdf) if r.page in content and r.top < top}
    assert len(sizes) == 1, sizes


def _title_lines(pdf: Path) -> list[list[Line]]:
    """Titles of two or more lines (lines of one size from 24 pt, each close under the one
    before it of its size), their lines top to bottom; bullets, figures and lone marks are
    not titles (nor are bold lines: figure values)."""
    titles: list[list[Line]] = []
    open_titles: dict[tuple[int, float], list[Line]] = {}
    lines = drawn_lines(pdf)
    marks = {(m.page, round(m.top) + d) for m in lines if m.text in "•–" for d in range(-2, 3)}
    for line in lines:
        text = line.text.strip()
        bulleted = (line.page, round(line.top)) in marks
        if line.size < 24 or line.bold or bulleted or not any(c.isalpha() for c in text):
            continue
        title = open_titles.get((line.page, line.size))
        if title and 0 < line.top - title[-1].top <= 1.6 * line.size:
            title.append(line)
        else:
            title = [line]
            titles.append(title)
            open_titles[(line.page, line.size)] = title
    return [title for title in titles if len(title) > 1]


@pytest.mark.parametrize("name", DECKS)
def test_no_title_line_is_one_word_or_a_parenthetical_and_two_lines_are_balanced(
    rendered, name: str
) -> None:
    pdf = rendered[name].with_suffix(".pdf")
    titles = _title_lines(pdf)
    for title in titles:
        for line in title:
            if has_east_asian(line.text):
                continue
            words = line.text.split()
            alone = len(words) == 1 or re.fullmatch(r"\(.*\)", line.text.strip())
            assert not alone, (line.page, [t.text for t in title])
        if len(title) == 2:  # balanced: neither line much shorter than the other
            first, second = (line.x1 - line.x0 for line in title)
            assert min(first, second) >= 0.5 * max(first, second), [t.text for t in title]


@pytest.mark.parametrize("name", ["zh"])
def test_chinese_titles_break_between_phrases(rendered, name: str) -> None:
    import budoux

    parser = budoux.load_default_simplified_chinese_parser()
    titles = _title_lines(rendered[name].with_suffix(".pdf"))
    assert titles, "the Chinese cover title is on two lines"
    for title in titles:
        texts = ["".join(line.text.split()) for line in title]
        ends, total = set(), 0
        for phrase in parser.parse("".join(texts)):
            total += len(phrase)
            ends.add(total)
        assert len(texts[0]) in ends, texts


@pytest.mark.parametrize("name", ["seed", "showcase", "untuned", "en", "fr"])
def test_no_paragraph_ends_in_one_short_word(rendered, name: str) -> None:
    found, several = widows(drawn_lines(rendered[name].with_suffix(".pdf")))
    assert several and found == []


@pytest.mark.parametrize("name", ["seed", "showcase", "untuned", "en", "fr", "zh", "ar"])
def test_no_content_slide_leaves_more_than_half_its_body_empty_below(rendered, name) -> None:
    pdf = rendered[name].with_suffix(".pdf")
    content = set(footer_runs(pdf))
    body_top, body_bottom = 100.0, 0.9 * 540
    for page, bottom in content_extent(pdf, body_top).items():
        if page in content:
            empty = body_bottom - bottom
            assert empty <= 0.5 * (body_bottom - body_top), (page, round(empty))


def test_the_slide_number_stands_on_the_outer_margin_in_both_directions(rendered) -> None:
    import pdfplumber

    for name, outer in (("en", "right"), ("ar", "left")):
        with pdfplumber.open(rendered[name].with_suffix(".pdf")) as pdf:
            numbers = [
                (page, word)
                for page, drawn in enumerate(pdf.pages[1:-1], start=2)
                for word in drawn.extract_words()
                if word["top"] > 0.9 * 540 and word["text"] == str(page)
            ]
        assert len(numbers) >= 4, name
        for page, number in numbers:  # the footer's margin is 48 pt, its inset 7.2 pt
            if outer == "left":
                assert number["x0"] <= 48 + 7.2 + 1, (name, page, number["x0"])
            else:
                assert number["x1"] >= 960 - 48 - 7.2 - 1, (name, page, number["x1"])


@pytest.mark.parametrize("name", ["seed", "showcase", "untuned", "zh", "ar"])
def test_tiles_without_text_are_as_tall_as_their_figures_and_centred(rendered, name) -> None:
    pdf = rendered[name].with_suffix(".pdf")
    pages: dict[int, list] = {}
    for tile in text_tiles(pdf):
        if tile.alone:  # About's facts, a slide of tiles only
            pages.setdefault(tile.page, []).append(tile)
    assert pages, "no slide of tiles without text"
    body_top, floor = 124.0, 500.0 - 14.0  # the body's top, the footer's top less a gap
    for page, tiles in pages.items():
        for row in {t.top for t in tiles}:  # a row's tiles share a height: its tallest text's
            text = max(t.text_bottom - t.text_top for t in tiles if t.top == row)
            [height] = {round(t.bottom - t.top) for t in tiles if t.top == row}
            assert text >= 0.6 * height, (page, round(text), height)
        top, bottom = min(t.top for t in tiles), max(t.bottom for t in tiles)
        if bottom - top < 0.5 * (floor - body_top):  # sparse: in the middle of the body
            assert abs((top - body_top) - (floor - bottom)) <= 4, (page, round(top), round(bottom))
        else:  # tiles stacked to keep long values on one line fill the body from its top
            assert abs(top - body_top) <= 4, (page, round(top))


@pytest.mark.parametrize("name", ["showcase", "tables"])
def test_small_tables_are_set_at_the_body_size_and_continued_tables_keep_their_columns(
    rendered, name: str
) -> None:
    tables: dict[str, list] = {}
    for table in drawn_tables(rendered[name].with_suffix(".pdf")):
        tables.setdefault(table.header, []).append(table)
    alone = [pages[0] for pages in tables.values() if len(pages) == 1]
    continued = [pages for pages in tables.values() if len(pages) > 1]
    assert alone and continued, sorted(tables)
    body = 22.0  # the WIPO theme's body size: a small table is not set smaller for a long one
    assert {size for t in alone for size in t.sizes} == {body}
    for table in alone:
        middle = (table.columns[0][0] + table.columns[-1][1]) / 2
        beside = table.columns[0][0] <= 49  # in a column, beside text
        assert beside or abs(middle - 480) <= 1, (table.page, table.columns)  # centred
    for pages in continued:  # one width, the same columns, one size on every slide
        assert {p.columns for p in pages} == {pages[0].columns}, [p.page for p in pages]
        assert len({size for p in pages for size in p.sizes}) == 1
        assert max(pages[0].sizes) <= body


@pytest.mark.parametrize("name", ["showcase", "charts"])
def test_chart_labels_stand_clear_of_bars_titles_and_each_other(rendered, name: str) -> None:
    deck = rendered[name]
    charts = chart_frames(deck)
    assert len(charts) >= 3
    assert chart_overlaps(deck.with_suffix(".pdf"), charts) == []


def test_a_bar_charts_value_axis_numbers_stand_level_side_by_side(rendered) -> None:
    """Numbers too wide for the renderer's step are not turned 45 degrees: the step is raised
    until they fit (the showcase's bar chart in a column, values up to 53,345)."""
    deck = rendered["showcase"]
    lines = drawn_lines(deck.with_suffix(".pdf"))
    page = next(line.page for line in lines if line.text == "One Door to WIPO's Services")
    ((x0, top, x1, bottom),) = chart_frames(deck)[page]
    numbers = [
        line.text
        for line in lines
        if line.page == page and x0 <= line.x0 and line.x1 <= x1 + 1 and top <= line.top < bottom
        if re.fullmatch(r"[\d,\s]+", line.text)
    ]
    assert numbers == ["0 20,000 40,000 60,000"]


def test_a_chart_of_one_series_in_a_column_is_titled_with_its_name(rendered) -> None:
    deck = rendered["charts"]
    assert_opens_cleanly(deck)
    frames = chart_frames(deck)
    lines = drawn_lines(deck.with_suffix(".pdf"))
    for page, title in ((5, "PCT applications"), (7, "Madrid applications")):
        (x0, top, x1, _), *_ = frames[page]
        drawn = [
            line
            for line in lines
            if line.page == page and x0 <= line.x0 and line.x1 <= x1 and top <= line.top < top + 40
        ]
        assert [line.text for line in drawn] == [title], (page, drawn)
