"""`wocdeck template check` warns about what makes a template's slides look wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.templates import MISFITS, TEMPLATES
from wocdeck.look.load import bundled_template

FIX = "it may have been made for another slide size (in Slide Master view, widen and centre its"
WIDE_4X3 = [
    f"warning: layout {name!r}: its placeholders (36 to 684 pt across a slide 960 pt wide) use "
    f"only 68% of the slide's width and sit 120 pt left of the slide's centre; {FIX} "
    "placeholders)"
    for name in ("Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only")
]
RULES = {"layout-width", "off-slide", "text-style", "contrast", "font"}
WARNINGS = {
    "wide-4x3": WIDE_4X3,
    "off-slide": [
        "warning: layout 'Title and Content': the placeholder 'Content Placeholder' lies partly "
        "off the slide (at 36, 130 pt, 648 x 450 pt, on a slide of 720 x 540 pt), so text in it "
        "is cut off (in Slide Master view, move it onto the slide)"
    ],
    "frutiger": [
        "warning: the font 'Frutiger Next Pro' is not installed here; its text is measured with "
    ],
    "faint": [
        "warning: the slide master has no title text style, so title text takes PowerPoint's "
        "defaults (in Slide Master view, set the title placeholder's font and size)",
        "warning: the slide master has no body text style, so body text takes PowerPoint's "
        "defaults (in Slide Master view, set the body placeholder's font and size)",
        "warning: the theme's text colour Dark 1 (#9E9E9E) on Light 1 (#FFFFFF) has a contrast "
        "of 2.7:1; text needs at least 4.5:1 to be readable (WCAG AA): darken Dark 1 or lighten "
        "Light 1 in Design > Variants > Colors",
    ],
}


@pytest.mark.parametrize("name", list(MISFITS))
def test_a_misfit_template_is_usable_with_its_warnings(tmp_path: Path, cli, name: str) -> None:
    template = MISFITS[name](tmp_path)
    code, out, err = cli("template", "check", template)
    assert code == 0, err
    found = [line.split(": ", 1)[1] for line in out.splitlines() if ": warning: " in line]
    expected = WARNINGS[name]
    assert len(found) == len(expected)
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start), line
    count = f"{len(expected)} warning{'s' if len(expected) > 1 else ''}"
    assert out.splitlines()[-1] == (
        f"{template}: usable, with {count}: it can make the report, but its slides may not "
        "look as the organisation designed them (see the warnings above)"
    )


@pytest.mark.parametrize("name", list(MISFITS))
def test_strict_makes_the_warnings_errors(tmp_path: Path, cli, name: str) -> None:
    template = MISFITS[name](tmp_path)
    code, out, err = cli("template", "check", template, "--strict")
    assert code == 1
    assert ": warning: " not in out and "usable" not in out
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == len(WARNINGS[name])
    assert err.splitlines()[-1].startswith(f"{template}: not accepted: ")
    assert err.splitlines()[-1].endswith("and --strict makes them errors")
    assert "Traceback" not in err


@pytest.mark.parametrize("name", [*sorted(TEMPLATES.keys() - {"light-accents"}), "wipo"])
def test_a_template_that_fits_is_ok_also_when_strict(tmp_path: Path, cli, name: str) -> None:
    template = bundled_template() if name == "wipo" else TEMPLATES[name](tmp_path)
    for extra in ((), ("--strict",)):
        code, out, err = cli("template", "check", template, *extra)
        assert code == 0, err
        assert ": warning: " not in out
        assert out.splitlines()[-1] == f"{template}: ok, this template can make the report"


def test_light_accents_keeps_4x3_widths_and_is_told_so(tmp_path: Path, cli) -> None:
    code, out, _ = cli("template", "check", TEMPLATES["light-accents"](tmp_path))
    assert code == 0
    warnings = [line.split(": ", 1)[1] for line in out.splitlines() if ": warning: " in line]
    assert warnings == WIDE_4X3


def test_a_render_in_verdana_says_once_which_wider_font_measured_it(tmp_path: Path, cli) -> None:
    from pptx import Presentation

    from tests.conftest import MINIMAL, write_deck
    from tests.ooxml import assert_opens_cleanly
    from tests.templates import _save, _set_theme
    from wocdeck.look.fonts import is_font_file, metrics_for

    if is_font_file(metrics_for("Verdana").metrics):
        pytest.skip("Verdana is installed here, so it is measured exactly")
    prs = Presentation()
    _set_theme(prs, fonts=("Verdana", "Verdana"))
    template = _save(prs, tmp_path / "verdana.pptx")
    deck = write_deck(tmp_path, MINIMAL + "year_ahead: [One, Two]\nclosing: Thank you.\n")
    code, _, err = cli("render", deck, "--template", template)
    assert code == 0, err
    assert err.count("the font 'Verdana' is not installed here") == 1
    assert (
        "its text is measured with DejaVu Sans, a sans about as wide as Verdana, so lines may "
        "break a little earlier than in PowerPoint, but not later" in err
    )
    assert_opens_cleanly(deck.with_suffix(".pptx"))


@pytest.mark.parametrize("name", list(MISFITS))
def test_json_gives_one_object_per_warning_then_the_verdict(tmp_path: Path, cli, name) -> None:
    template = MISFITS[name](tmp_path)
    code, text, _ = cli("template", "check", template)
    printed = [
        line.split(": warning: ", 1)[1] for line in text.splitlines() if ": warning: " in line
    ]
    for extra, severity, verdict, exit_code in (
        ((), "warning", "usable", 0),
        (("--strict",), "error", "not accepted", 1),
    ):
        code, out, err = cli("template", "check", template, "--format", "json", *extra)
        assert code == exit_code, err
        objects = [json.loads(line) for line in out.splitlines()]
        *findings, last = objects
        assert len(findings) == len(WARNINGS[name])
        for finding, line in zip(findings, printed, strict=True):
            assert finding["file"] == str(template) and finding["severity"] == severity
            assert finding["rule"] in RULES
            message, fix = finding["message"], finding["fix"]
            assert line in (f"{message} ({fix})", f"{message}: {fix}")
        assert last["file"] == str(template)
        assert (last["verdict"], last["warnings"]) == (verdict, len(findings))
        assert last["message"].startswith(verdict)


def test_json_of_a_template_that_fits_is_the_verdict_alone(tmp_path: Path, cli) -> None:
    template = TEMPLATES["no-section"](tmp_path)
    code, out, err = cli("template", "check", template, "--format", "json", "--strict")
    assert code == 0, err
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "file": str(template),
            "verdict": "ok",
            "warnings": 0,
            "message": "ok, this template can make the report",
        }
    ]
