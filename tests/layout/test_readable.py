"""A template colour pair that cannot reach WCAG AA is reported once per render, not per slide."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from tests.conftest import ROOT
from tests.templates import _save, _set_theme, light_accents
from wocdeck.pipeline import render

GREY = {
    "dk1": "767676",
    "dk2": "767676",
    "lt1": "FFFFFF",
    "lt2": "F2F2F2",
    **{f"accent{i}": "A0A0A0" for i in range(1, 7)},
}


def _grey(folder: Path) -> Path:
    """16:9 with a grey scheme: white or grey text on its grey accents cannot reach 3:1."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    _set_theme(prs, colours=GREY)
    return _save(prs, folder / "grey.potx", template=True)


def _pale(notices: tuple) -> list[str]:
    return [n.message for n in notices if "cannot make" in n.message]


def test_a_colour_pair_below_aa_is_one_notice_per_render(tmp_path: Path) -> None:
    showcase = ROOT / "examples" / "showcase.yaml"
    rendered = render(showcase, tmp_path / "grey.pptx", template=_grey(tmp_path))
    pale = _pale(rendered.notices)
    assert (
        "the template's colours cannot make light1 (#FFFFFF) text readable on accent1 "
        "(#A0A0A0): contrast 2.61:1, under 3:1 (WCAG AA); give its colour scheme a darker or "
        "lighter colour for this fill"
    ) in pale
    assert len(pale) == len(set(pale)) == 2  # the showcase has many tiles: each pair once
    fine = render(showcase, tmp_path / "light.pptx", template=light_accents(tmp_path))
    assert _pale(fine.notices) == []  # pale accents, but a readable dark for text on them
