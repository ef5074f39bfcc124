"""Values as the editor means them: dates as written, figures as a person writes them, `**`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import MINIMAL, write_deck


def _texts(deck: Path) -> list[tuple[str, bool]]:
    """Every run of every slide as (text, bold)."""
    prs = Presentation(str(deck.with_suffix(".pptx")))
    return [
        (run.text, bool(run.font.bold))
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]


@pytest.mark.parametrize(
    ("deck", "where", "found"),
    [
        (MINIMAL.replace("2018-09-27", "0"), "4:9", "'0'"),
        (MINIMAL + "about:\n  established: 1537920000\n", "6:16", "'1537920000'"),
        (MINIMAL.replace("2018-09-27", "27.09.18"), "4:9", "'27.09.18'"),  # which century?
    ],
)
def test_dates_are_only_year_month_day(cli, tmp_path: Path, deck: str, where: str, found: str):
    path = write_deck(tmp_path, deck)
    code, _, err = cli("validate", path)
    assert code == 1
    assert err.startswith(f"{path}:{where}: error: {found} is not a valid date")
    assert "YYYY-MM-DD" in err


FIGURES = """
resources:
  budget: {currency: CHF, amount: AMOUNT}
focus:
  - name: Outreach
    achievements:
      - heading: Figures
        metrics:
          - {label: PCT, value: VALUE}
"""


@pytest.mark.parametrize(
    ("amount", "value", "message"),
    [
        ("0.001", "1", "'0.001' has more than 2 decimals"),
        ("5", "1e-17", "'1e-17' is written with an exponent"),
        ("5", "1E+3", "'1E+3' is written with an exponent"),
    ],
)
def test_figures_that_cannot_be_shown_honestly_are_refused(cli, tmp_path, amount, value, message):
    deck = write_deck(tmp_path, MINIMAL + FIGURES.replace("AMOUNT", amount).replace("VALUE", value))
    code, _, err = cli("validate", deck)
    assert code == 1 and message in err


def test_figures_are_written_as_a_person_writes_them(cli, tmp_path: Path) -> None:
    text = MINIMAL + FIGURES.replace("AMOUNT", "0.5").replace("VALUE", "0.00001")
    text += "          - {label: Hague, value: 1000}\n          - {label: Zero, value: '-0'}\n"
    deck = write_deck(tmp_path, text)
    assert cli("render", deck)[0] == 0
    words = [t for t, _ in _texts(deck)]
    assert "CHF 0.50" in words and "0.00001" in words and "1,000" in words and "0" in words
    assert not any("E" in w and any(c.isdigit() for c in w) for w in words if len(w) < 12)
    assert "-0" not in words


def test_emphasis_works_wherever_text_is_written(cli, tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("WIPO Office in China", "WIPO Office in **China**")
        + "  city: '**Geneva**'\n  footer: Report of the **WOC**\n"
        + "resources:\n  budget_heading: Budget for **2019**\n"
        + "  budget: {currency: CHF, amount: 5}\n"
        + FIGURES.split("focus:")[1]
        .join(["focus:", ""])
        .replace("VALUE", "3, period: '**Jan**-Aug', versus: '**2017** total', change: '+5%'")
        .replace("label: PCT", "label: '**PCT** filings'")
        + "closing: Thank **you**\n"
    )
    deck = write_deck(tmp_path, text)
    code, _, err = cli("render", deck)
    assert code == 0, err
    runs = _texts(deck)
    assert not any("**" in t for t, _ in runs)
    bold = {t for t, b in runs if b}
    assert {"China", "WOC", "Jan", "2017", "you"} <= bold
    assert "Geneva" in bold and "PCT" in bold  # bold anyway: the markers are simply gone


def test_a_multiline_event_title_makes_a_one_line_footer(cli, tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "title: Side-Event at the 2018 WIPO Assemblies",
        'title: "Side-Event at the\\n2018 WIPO Assemblies"',
    )
    deck = write_deck(tmp_path, text + "year_ahead: [One]\n")
    assert cli("render", deck)[0] == 0
    footers = [t for t, _ in _texts(deck) if t.startswith("WIPO Office in China ·")]
    assert footers == ["WIPO Office in China · Side-Event at the 2018 WIPO Assemblies"]


def test_a_footer_too_long_is_blamed_on_the_field_the_user_wrote(cli, tmp_path: Path) -> None:
    long_footer = "A very long footer " * 30
    deck = write_deck(tmp_path, MINIMAL + f"  footer: {long_footer}\nabout:\n  location: Beijing\n")
    code, _, err = cli("validate", deck)
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith(f"{deck}:5: error: the footer text (from event.footer)"), err


def test_a_derived_footer_too_long_is_shortened_and_reported(cli, tmp_path: Path) -> None:
    long_title = "A very long event title " * 20
    deck = write_deck(
        tmp_path,
        MINIMAL.replace("Side-Event at the 2018 WIPO Assemblies", long_title)
        + "about:\n  location: Beijing\n",
    )
    code, out, err = cli("validate", deck)
    assert code == 0, err
    # once, at event.title (line 3), not pinned to the first slide that shows the footer
    (notice,) = [line for line in out.splitlines() if "footer in its short form" in line]
    short = "WIPO Office in China · 2018"  # no acronym: the office and the event's year
    assert notice == f'{deck}:3: footer in its short form to stay on one line: "{short}"'


def test_thousands_of_errors_are_counted_not_all_described() -> None:
    from wocdeck.errors import MAX_DESCRIBED, DeckError
    from wocdeck.model import load_deck
    from wocdeck.read.source import parse

    bullets = 2 * MAX_DESCRIBED + 500
    source = parse((MINIMAL + "year_ahead:\n" + '  - ""\n' * bullets).encode(), "deck.yaml")
    with pytest.raises(DeckError) as caught:
        load_deck(source)
    assert len(caught.value.problems) == MAX_DESCRIBED
    assert len(caught.value.problems) + caught.value.more == bullets
    assert caught.value.problems[0].location.line == 6


def test_strict_tells_a_derived_footer_to_be_set_not_the_section_to_be_split(
    cli, tmp_path: Path
) -> None:
    long_title = "A very long event title " * 20
    deck = write_deck(
        tmp_path,
        MINIMAL.replace("Side-Event at the 2018 WIPO Assemblies", long_title)
        + "about:\n  location: Beijing\n",
    )
    code, _, err = cli("validate", deck, "--strict")
    assert code == 1
    (footer,) = [line for line in err.splitlines() if "footer in its short form" in line]
    assert footer.startswith(f"{deck}:3: error: footer in its short form to stay on one line: ")
    assert footer.endswith("(set a shorter footer of your own: `event.footer: …`)"), footer
    assert "split the section" not in footer


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "1 March 2022",
            "is not written as year-month-day (write it as year-month-day: date: 2022-03-01)",
        ),
        (
            "March 1st, 2022",
            "is not written as year-month-day (write it as year-month-day: date: 2022-03-01)",
        ),
        (
            "27.09.2018",
            "is not written as year-month-day (write it as year-month-day: date: 2018-09-27)",
        ),
        (
            "2018/9/27",
            "is not written as year-month-day (write it as year-month-day: date: 2018-09-27)",
        ),
        (
            "1er mars 2022",
            "is not written as year-month-day (write it as year-month-day: date: 2022-03-01)",
        ),
        (
            "1 марта 2022",
            "is not written as year-month-day (write it as year-month-day: date: 2022-03-01)",
        ),
        (
            "2022年3月1日",
            "is not written as year-month-day (write it as year-month-day: date: 2022-03-01)",
        ),
        (
            "01.03.2022",
            "could be either of two dates (write it as year-month-day: 2022-03-01 or 2022-01-03)",
        ),
    ],
)
def test_a_date_written_another_way_gets_its_exact_rewrite(
    cli, tmp_path: Path, written: str, expected: str
) -> None:
    path = write_deck(tmp_path, MINIMAL.replace("2018-09-27", written))
    code, _, err = cli("validate", path)
    assert (code, err) == (1, f"{path}:4:9: error: '{written}' {expected}\n")
