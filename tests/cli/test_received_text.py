"""Text from a received folder: shown escaped in messages, direction controls closed where
each field ends, invisible-only text refused, and a loop of links never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import MINIMAL, Cli, write_deck
from wocdeck.cli.watching import inputs

CHART = "slides:\n  - title: Probe\n    chart: {type: column, data: data.csv}\n"


def test_control_characters_from_inputs_are_escaped_in_messages(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("Year,PCT\n2017,12\x9b2J\u202eabc\n", encoding="utf-8")
    deck = write_deck(tmp_path, MINIMAL + CHART)
    code, _, err = cli("render", deck)
    assert code == 1, err
    assert "12\\u009b2J\\u202eabc" in err, err
    assert "\x9b" not in err and "\u202e" not in err
    code, out, _ = cli("render", deck, "--format", "json")
    assert code == 1 and "\\u009b" in out and "\x9b" not in out and "\u202e" not in out, out


def test_direction_controls_are_closed_where_a_field_ends(cli: Cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL.replace("WIPO Office", "WIPO \u202eOffice"))
    code, _, err = cli("render", deck)
    assert code == 0, err
    with zipfile.ZipFile(deck.with_suffix(".pptx")) as package:
        slides = [package.read(n).decode() for n in package.namelist() if "slides/slide" in n]
    footers = [s for s in slides if "\u202eOffice" in s]
    assert footers and all("\u202eOffice in China\u202c" in s for s in footers)
    assert all(s.count("\u202e") == s.count("\u202c") for s in slides)


def test_text_of_only_invisible_characters_is_refused(cli: Cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL + 'year_ahead: ["\\u200b\\u2060\\u200f"]\n')
    code, _, err = cli("render", deck)
    assert code == 1, err
    assert f"{deck}:5:" in err and "only invisible characters" in err, err


def test_a_loop_of_links_is_watched_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    deck = write_deck(tmp_path, MINIMAL + CHART.replace("data.csv", "loop.csv"))
    assert deck.resolve() in inputs(deck)
