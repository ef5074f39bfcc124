"""A deck's type scale and frames: few body sizes, the reading floor, groups whole, footers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests import typerules
from tests.conftest import MINIMAL, SEED_DECK, write_deck
from tests.stress import LONG_OFFICE, LOREM, STRESS_DECKS
from wocdeck.compose.composer import compose
from wocdeck.errors import Location
from wocdeck.layout.typeset import choose_sizes, fit_deck
from wocdeck.look.geometry import BODY_TOP, TITLE_TOP
from wocdeck.look.theme import load_theme
from wocdeck.look.typescale import rules_for
from wocdeck.model import Deck
from wocdeck.pipeline import render
from wocdeck.read.source import parse

DECKS = {"seed": lambda: SEED_DECK.read_text(encoding="utf-8"), **STRESS_DECKS}


def _fit(text: str, theme: str = "wipo"):
    source = parse(text.encode(), "deck.yaml")
    deck = Deck.model_validate(source.data)
    loaded = load_theme(theme, Location("t"))
    return fit_deck(compose(deck, loaded, source), "deck.yaml", rules_for(loaded))


def _body_sizes(slides) -> set[float]:
    return {box.size for s in slides if s.body for box in (s.body, *s.extras)}


def _groups(text: str) -> dict[str, list[str]]:
    return typerules.groups_of(yaml.safe_load(text))


def test_sizes_keep_the_smallest_needed_and_the_most_text_large() -> None:
    assert choose_sizes([22, 22, 20], 2) == (22, 20)
    assert choose_sizes([22, 22, 22, 20, 18], 2) == (22, 18)
    assert choose_sizes([22, 20, 20, 20, 18], 2) == (20, 18)
    assert choose_sizes([22, 20, 18], 1) == (18,)


def test_the_seed_deck_renders_without_a_fitting_notice() -> None:
    slides, adjustments = _fit(SEED_DECK.read_text(encoding="utf-8"))
    assert adjustments == []
    assert len(slides) == 14


def test_strict_render_of_the_seed_passes(cli, seed_copy: Path) -> None:
    code, out, err = cli("render", seed_copy, "--strict")
    assert (code, err) == (0, "")
    assert "wrote" in out


@pytest.mark.parametrize("name", DECKS)
def test_a_deck_uses_at_most_two_body_sizes_none_under_the_floor(name: str) -> None:
    slides, _ = _fit(DECKS[name]())
    sizes = _body_sizes(slides)
    assert 1 <= len(sizes) <= 2, sizes
    assert min(sizes) >= 18


def test_a_theme_may_allow_one_body_size_only(tmp_path: Path) -> None:
    theme = _theme(tmp_path, body_sizes=1)
    slides, _ = _fit(STRESS_DECKS["newcomer"](), str(theme))
    assert len(_body_sizes(slides)) == 1


def test_a_handout_theme_may_lower_the_floor_to_12(tmp_path: Path) -> None:
    theme = _theme(tmp_path, body_floor=12, body_scale=[22, 20, 18, 16, 14, 12])
    slides, adjustments = _fit(MINIMAL + "year_ahead:\n" + f"  - {LOREM}\n" * 9, str(theme))
    assert len(slides) == 2 and slides[1].body.size < 18
    assert adjustments[0].message == f"text shrunk to {slides[1].body.size:g} pt"


def _theme(folder: Path, **sizes: object) -> Path:
    data = yaml.safe_load((SEED_DECK.parent / "themes" / "wipo" / "theme.yaml").read_text())
    data["sizes"].update(sizes)
    (folder / "theme.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return folder


def test_a_groups_tiles_sit_under_its_own_text_in_one_row() -> None:
    slides, _ = _fit(STRESS_DECKS["newcomer"]())
    slide = next(s for s in slides if len(s.tiles) == 5)
    assert "Filings from Japan" in slide.body.text
    assert len({t.box.y for t in slide.tiles}) == 1  # one row
    assert len({(t.box.w, t.box.h) for t in slide.tiles}) == 1  # one size
    assert slide.body.box.bottom <= slide.tiles[0].box.y
    here = [b for b in slide.extras if "Outreach" in b.text]
    assert all(b.box.y >= slide.tiles[0].box.bottom for b in here)  # the next group after them
    if not here:  # the next group did not fit under the tiles: it moved on whole
        after = slides[slides.index(slide) + 1]
        assert after.body.paragraphs[0].text == "Outreach"
        assert after.title.text.endswith("(cont.)")


def test_a_group_of_figures_only_has_its_tiles_right_under_its_heading() -> None:
    slides, _ = _fit(STRESS_DECKS["newcomer"]())
    slide = next(s for s in slides if s.body and "Figures only" in s.body.text)
    assert [t.paragraphs[0].text for t in slide.tiles] == ["Visits", "Trainees"]
    assert slide.tiles[0].box.y - slide.body.box.y < 60
    korean = next(b for b in (slide.body, *slide.extras) if "한국" in b.text)
    assert korean.box.y > slide.tiles[0].box.bottom  # a plain achievement after the group


def test_a_continued_group_repeats_its_heading_keeps_its_grid_and_has_notes() -> None:
    metrics = [{"label": f"M{n}", "value": n * 1000, "change": "+1%"} for n in range(10)]
    group = {"heading": "Outcome", "points": [LOREM] * 6, "metrics": metrics}
    text = MINIMAL + yaml.safe_dump({"focus": [{"name": "X", "achievements": [group]}]})
    slides, adjustments = _fit(text)
    pages = slides[1:]
    assert len(pages) >= 2 and "continued on" in adjustments[0].message
    assert pages[1].title.text.endswith("(cont.)")
    assert pages[1].body.paragraphs[0].text == "Outcome (cont.)"
    assert pages[1].notes == "Continued from slide 2."
    sizes = {(t.box.w, t.box.h) for s in pages for t in s.tiles}
    assert len(sizes) == 1
    xs = [sorted({t.box.x for t in s.tiles}) for s in pages if s.tiles]
    assert all(x == xs[0][: len(x)] for x in xs)  # the same columns
    labels = [t.paragraphs[0].text for s in pages for t in s.tiles]
    assert labels == [m["label"] for m in metrics]


@pytest.mark.parametrize("name", DECKS)
def test_every_tile_is_on_the_slide_of_its_groups_heading(tmp_path: Path, name: str) -> None:
    text = DECKS[name]()
    deck = render(write_deck(tmp_path, text), tmp_path / "deck.pptx").output
    assert typerules.tiles_apart_from_headings(deck, _groups(text)) == []
    assert typerules.continued_slides(deck) == []
    assert typerules.east_asian_styling(deck) == []
    sizes = typerules.body_sizes(deck)
    assert len(sizes) <= 2 and min(sizes) >= 18


def test_about_is_a_fact_layout() -> None:
    slides, _ = _fit(SEED_DECK.read_text(encoding="utf-8"))
    about = slides[1]
    assert about.body is None
    facts = [(t.paragraphs[0].text, t.paragraphs[1].text) for t in about.tiles]
    assert facts == [("Established on", "July 10, 2014"), ("Located in", "Beijing, China")]
    assert all(96 <= t.box.h <= 110 for t in about.tiles)  # as tall as label and value need


def test_every_body_slide_of_the_seed_is_set_at_the_decks_one_body_size() -> None:
    slides, _ = _fit(SEED_DECK.read_text(encoding="utf-8"))
    aims = {s.body.size for s in slides if s.body and "(SG" in s.title.text}
    assert aims == {22}  # short aims take no larger step than the long ones
    assert _body_sizes(slides) == {22}


def test_titles_share_one_top_and_body_one_start() -> None:
    slides, _ = _fit(STRESS_DECKS["newcomer"]())
    content = [s for s in slides if s.footer is not None]
    assert {(s.title.box.y, s.title.anchor) for s in content} == {(TITLE_TOP, "t")}
    assert {s.body.box.y for s in content if s.body} == {BODY_TOP}


def test_a_long_derived_footer_takes_its_short_form_at_10_pt_once_and_says_so() -> None:
    slides, adjustments = _fit(STRESS_DECKS["newcomer"]())
    notes = [a for a in adjustments if "footer" in a.message]
    short = "WJO · Side-Event at the 2019 WIPO Assemblies"
    assert [a.message for a in notes] == [
        f'footer in its short form to stay on one line: "{short}"'
    ]
    assert {(s.footer.text, s.footer.size) for s in slides if s.footer} == {(short, 10)}


def test_a_footer_whose_title_is_too_long_too_is_acronym_and_year() -> None:
    title = "Report to the Member States at the Side-Event of the Sixty-Fifth Series " * 3
    deck = MINIMAL.replace("Side-Event at the 2018 WIPO Assemblies", title.strip())
    slides, _ = _fit(deck.replace("  date:", "  acronym: WOC\n  date:") + "year_ahead: [x]\n")
    assert (slides[1].footer.text, slides[1].footer.size) == ("WOC · 2018", 10)


def test_without_an_acronym_a_footer_too_long_is_office_and_year() -> None:
    title = "Report to the Member States at the Side-Event of the Sixty-Fifth Series " * 3
    deck = MINIMAL.replace("Side-Event at the 2018 WIPO Assemblies", title.strip())
    slides, adjustments = _fit(deck + "year_ahead: [x]\n")
    short = "WIPO Office in China · 2018"  # not the office and the title cut with "…"
    assert (slides[1].footer.text, slides[1].footer.size) == (short, 10)
    assert [a.message for a in adjustments if "footer" in a.message] == [
        f'footer in its short form to stay on one line: "{short}"'
    ]


def test_a_footer_is_never_set_below_10_pt_even_if_the_theme_allows_it() -> None:
    slides, _ = _fit(MINIMAL + "year_ahead: [x]\n")
    assert slides[1].footer.size == 10 and slides[1].footer.floor == 10


def test_a_footer_too_long_for_one_line_ends_in_an_ellipsis() -> None:
    office = " ".join([LONG_OFFICE] * 2)
    slides, adjustments = _fit(
        MINIMAL.replace("WIPO Office in China", office) + "year_ahead: [x]\n"
    )
    footer = slides[1].footer  # no acronym, and the office alone is too long
    assert footer.size == 10 and footer.text.endswith("\u2026")
    assert office.startswith(footer.text[:-1]) and len(footer.text) > 100
    assert [a.message.split("; ")[-1] for a in adjustments if "footer" in a.message] == [
        f'footer shortened to one line: "{footer.text}"'
    ]


def test_a_long_cover_title_takes_a_smaller_step_before_a_fourth_line() -> None:
    office = "WIPO Office in Japan and the Republic of Korea Liaison Desk for Northeast Asia"
    slides, adjustments = _fit(MINIMAL.replace("WIPO Office in China", office))
    title = slides[0].title
    assert 33 <= title.size < 44 and adjustments == []


def test_the_last_continued_slide_is_not_left_with_a_line_or_two() -> None:
    slides, _ = _fit(STRESS_DECKS["three_times"]())
    counts = [len(s.body.paragraphs) for s in slides[1:]]
    assert len(counts) >= 3 and sum(counts) == 27
    assert counts[-1] >= max(counts) / 2, counts  # shared out, not one or two lines alone


def test_a_body_shorter_than_a_tile_row_still_ends_with_everything_placed() -> None:

    from wocdeck.layout.flow import Flow, TileStyle

    metrics = [{"label": f"M{n}", "value": n, "period": "Jan-Aug"} for n in range(7)]
    group = {"heading": "Outcome", "points": ["One", "Two"], "metrics": metrics}
    text = MINIMAL + yaml.safe_dump({"focus": [{"name": "X", "achievements": [group]}]})
    source = parse(text.encode(), "deck.yaml")
    slide = compose(Deck.model_validate(source.data), load_theme("wipo", Location("t")))[1]
    body = slide.body._replace(box=slide.body.box._replace(h=60))
    flow = Flow(body, 22, TileStyle())
    pages = flow.place(slide.groups)
    assert flow.overflow
    assert sum(len(p.tiles) for p in pages) == 7
    placed = [p.text for page in pages for s in page.segments for p in s.paragraphs]
    assert [t for t in placed if "(cont.)" not in t] == ["Outcome", "One", "Two"]


@pytest.mark.parametrize("width", [560.0, 700.0])
def test_four_tiles_too_wide_for_one_row_go_two_and_two(width: float) -> None:
    """On a narrow slide (a 4:3 template's body), four figures whose values need wider
    tiles than a row of four stand two and two, not three and a lone one."""
    from wocdeck.layout.flow import Flow, TileStyle

    values = ["1.2 million", "245,000", "4,200", "12,500"]
    metrics = [{"label": f"Metric {n}", "value": v} for n, v in enumerate(values)]
    text = MINIMAL + yaml.safe_dump(
        {"focus": [{"name": "X", "achievements": [{"heading": "Outcome", "metrics": metrics}]}]}
    )
    source = parse(text.encode(), "deck.yaml")
    slide = compose(Deck.model_validate(source.data), load_theme("wipo", Location("t")))[1]
    body = slide.body._replace(box=slide.body.box._replace(w=width))
    (page,) = Flow(body, 22, TileStyle()).place(slide.groups)
    rows: dict[float, int] = {}
    for tile in page.tiles:
        rows[tile.box.y] = rows.get(tile.box.y, 0) + 1
    assert list(rows.values()) == [2, 2]


@pytest.mark.parametrize("name", DECKS)
def test_every_text_box_and_tile_stays_inside_the_body(name: str) -> None:
    slides, _ = _fit(DECKS[name]())
    for slide in slides:
        boxes = [*(b for b in (slide.body,) if b), *slide.extras, *slide.tiles]
        for box in boxes if slide.footer else ():
            assert box.box.y >= BODY_TOP and box.box.bottom <= 486 + 0.01, (slide.title.text, box)


def test_a_long_slide_takes_a_smaller_step_rather_than_spreading_thinly(tmp_path: Path) -> None:
    """A template's 32 pt body: eight long bullets must not become four slides of two; they
    continue at a smaller step of the scale (never under the floor) on fewer slides."""
    from tests.templates import four_three_calibri
    from wocdeck.pipeline import validate

    template = four_three_calibri(tmp_path)
    deck = write_deck(tmp_path, MINIMAL + "year_ahead:\n" + f"  - {LOREM}\n" * 8)
    slides = [s for s in validate(deck, template) if s.title.text.startswith("The Year Ahead")]
    sizes = {s.body.size for s in slides}
    assert len(sizes) == 1 and 18 <= min(sizes) < 32, sizes
    bullets = [len(s.body.paragraphs) for s in slides]
    assert sum(bullets) == 8 and len(slides) <= 3, bullets


def test_strict_tells_a_long_table_to_continue_or_be_split(cli, tmp_path: Path) -> None:
    rows = "".join(f"        - [City {i}, {i}]\n" for i in range(40))
    deck = write_deck(
        tmp_path,
        MINIMAL + "slides:\n  - title: Seminars\n    table:\n      columns: [City, Seminars]\n"
        "      rows:\n" + rows,
    )
    code, _, err = cli("validate", deck, "--strict")
    assert code == 1
    assert err.startswith(f'{deck}:6: error: slide 2 "Seminars": table ')
    assert err.rstrip().endswith(
        "(let the table continue (render without --strict), or split it into tables of fewer "
        "rows, each on a slide of its own)"
    )


LONG_FOCUS = (
    "Strengthening Intellectual Property Ecosystems for Micro, Small and Medium Enterprises "
    "across the Ten Member States of the Association of Southeast Asian Nations"
)


def test_titles_share_one_size_and_a_three_line_title_says_so_instead_of_shrinking_alone() -> None:
    deck = MINIMAL + (
        "focus:\n  - name: Short\n    aims: [a]\n"
        f"  - name: {LONG_FOCUS}\n    aims: [b]\nyear_ahead: [c]\n"
    )
    slides, adjustments = _fit(deck)
    content = [s for s in slides if s.footer is not None]
    sizes = {s.title.size for s in content}
    assert len(sizes) == 1 and sizes.pop() < 30
    (note,) = [a for a in adjustments if "title" in a.message]
    assert LONG_FOCUS[:40] in note.title and note.hint == "shorten the title"
    assert note.message.startswith("title too long for two lines at 30 pt: every title set at")


def test_only_the_title_that_sets_the_deck_title_size_is_said() -> None:
    deck = MINIMAL + (
        "focus:\n  - name: Short\n    aims: [a]\n"
        "  - name: A responsive communications interface for regions within China and its "
        "partners\n    aims: [b]\n"
        f"  - name: {LONG_FOCUS}\n    aims: [c]\nyear_ahead: [d]\n"
    )
    _, adjustments = _fit(deck)
    notes = [a for a in adjustments if "title" in a.message]
    assert [LONG_FOCUS[:40] in n.title for n in notes] == [True]  # not the second long one


def test_figure_values_share_one_size_across_the_deck() -> None:
    deck = MINIMAL + (
        "about:\n  established: 2005-10-01\n  location: Singapore (Republic of Singapore)\n"
        "focus:\n  - name: Services\n    achievements:\n      - heading: Outcome\n"
        "        metrics:\n          - {label: PCT, value: 87, period: Jan-Jun}\n"
    )
    slides, _ = _fit(deck)
    values = {t.size for s in slides for t in s.tiles}
    labels = {round(t.size * t.paragraphs[0].scale, 1) for s in slides for t in s.tiles}
    assert len([t for s in slides for t in s.tiles]) == 3
    assert len(values) == 1 and len(labels) == 1


def _sub_bullets_deck(points: int) -> str:
    subs = "".join(
        f"      - Partner institution number {n} in the western provinces\n" for n in range(points)
    )
    return (
        MINIMAL
        + "year_ahead:\n  - Continue outreach activities in China\n"
        + "  - text: Cooperation with stakeholders in China\n    points:\n"
        + subs
        + "  - A bullet of its own\n"
    )


@pytest.mark.parametrize("points", [12, 18, 30])
def test_a_sub_bullet_never_starts_a_slide_without_its_bullet(points: int) -> None:
    slides, _ = _fit(_sub_bullets_deck(points))
    pages = [s for s in slides if s.title.text.startswith("The Year Ahead")]
    assert len(pages) > 1  # the bullet's sub-bullets continue on another slide
    for page in pages[1:]:
        first = page.body.paragraphs[0]
        assert first.level == 0, first.text
        if page.body.paragraphs[1].level == 1:  # its sub-bullets go on under it, repeated
            assert first.text == "Cooperation with stakeholders in China (cont.)"
    written = [p.text for s in pages for p in s.body.paragraphs]
    for n in range(points):  # every sub-bullet once, in order
        assert written.count(f"Partner institution number {n} in the western provinces") == 1
