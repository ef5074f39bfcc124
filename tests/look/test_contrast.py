"""Contrast: WCAG ratios, and text colours chosen per fill from the theme's or template's scheme."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_deck
from tests.ooxml import assert_opens_cleanly
from tests.templates import LIGHT_ACCENTS, MAPPED_DARK, light_accents, mapped_dark
from wocdeck.errors import Location
from wocdeck.look.contrast import Palette, contrast_ratio, readable_on, required
from wocdeck.look.template import read_template
from wocdeck.look.theme import load_theme


def _wipo() -> Palette:
    return Palette(load_theme("wipo", Location("t")).colors.model_dump())


def test_ratios_are_wcag_ratios() -> None:
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("FFFFFF", "000000") == pytest.approx(21.0)
    assert contrast_ratio("777777", "777777") == pytest.approx(1.0)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)  # AA's grey
    # the WIPO aqua on its light grey panels, as a reviewer measured the tile labels
    assert contrast_ratio("1C94AB", "F0F0F0") == pytest.approx(3.14, abs=0.01)


@pytest.mark.parametrize(
    ("size", "bold", "ratio"),
    [(12, False, 4.5), (17.9, False, 4.5), (18, False, 3.0), (13.9, True, 4.5), (14, True, 3.0)],
)
def test_large_text_is_18_pt_or_14_pt_bold(size: float, bold: bool, ratio: float) -> None:
    assert required(size, bold) == ratio


def test_readable_on_takes_the_first_colour_that_passes_else_the_strongest() -> None:
    assert readable_on("F0F0F0", ["1C94AB", "004294"], 18, bold=True) == "1C94AB"
    assert readable_on("F0F0F0", ["1C94AB", "004294"], 12, bold=True) == "004294"
    assert readable_on("FFFFFF", ["EEEEEE", "DDDDDD"], 12) == "DDDDDD"


def test_wipo_accents_stay_where_they_read_and_give_way_where_they_do_not() -> None:
    wipo = _wipo()
    assert wipo.readable("accent1", "light2", 40, bold=True) == "accent1"  # tile values
    assert wipo.readable("accent2", "light2", 18, bold=True) == "accent2"  # labels, large
    assert wipo.readable("accent2", "light2", 12, bold=True) == "dark2"  # small: dark blue
    assert wipo.readable("accent6", "light1", 10) == "accent6"  # footers
    assert wipo.readable("light1", "accent1", 14, bold=True) == "light1"  # table headers
    assert wipo.readable("accent3", "light1", 22) == "dark2"  # lime is only for rules


def test_a_template_with_light_accents_gets_its_dark_colours_for_text(tmp_path: Path) -> None:
    template = read_template(light_accents(tmp_path), Location("t"))
    palette = Palette.from_scheme(template.colors)
    assert palette.rgb("accent1") == LIGHT_ACCENTS["accent1"]
    assert palette.rgb("light2") == LIGHT_ACCENTS["lt2"]
    assert palette.readable("accent1", "light2", 40, bold=True) == "dark2"
    assert palette.readable("accent6", "light2", 16) == "dark2"
    assert palette.readable("light1", "accent1", 14, bold=True) == "dark2"
    assert palette.readable("accent4", "light1", 12) == "accent4"  # a dark accent stays


def test_a_dark_background_made_by_the_colour_map_is_what_colours_are_chosen_on(
    tmp_path: Path,
) -> None:
    """The master maps the background (bg1) to dk1 and text (tx1) to lt1: a slide's light 1
    is then the scheme's dark colour, and a table header on the orange accent needs a dark
    colour, not tx2, which shows the pale lt2."""
    template = read_template(mapped_dark(tmp_path), Location("t"))
    assert template.color_map == {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
    palette = Palette.from_scheme(template.colors, template.color_map)
    assert palette.rgb("light1") == MAPPED_DARK["dk1"]  # the background
    assert palette.rgb("dark2") == MAPPED_DARK["lt2"]  # drawn as tx2
    header = palette.readable("dark2", "accent1", 20, bold=True)
    assert contrast_ratio(palette.rgb(header), "E8A33D") >= 3.0


def test_a_table_through_a_colour_mapped_dark_template_passes_the_check(
    tmp_path: Path, cli
) -> None:
    template = mapped_dark(tmp_path)
    table = "      columns: [Date, Event]\n      rows:\n        - [2019-01-15, PCT seminar]\n"
    deck = write_deck(
        tmp_path,
        "event: {office: WIPO Office in Singapore, title: Report, date: 2019-09-27}\n"
        f"slides:\n  - title: Events\n    table:\n{table}",
    )
    code, _, err = cli("render", deck, "--template", template, "--check")
    assert code == 0, err
    assert_opens_cleanly(deck.with_suffix(".pptx"))
