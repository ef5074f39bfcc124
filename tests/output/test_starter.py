"""wocdeck init: a starter deck that renders cleanly, asks nothing without a terminal, and
never overwrites a file."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_wocdeck
from wocdeck.output.starter import SCHEMA_FILE, SCHEMA_LINE, Office, acronym_of, starter, yaml_text


def test_init_writes_a_starter_that_renders_without_any_change(tmp_path: Path) -> None:
    done = run_wocdeck(
        "init", "--office", "WIPO Office in Japan", "--date", "2026-09-27", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    deck = tmp_path / "deck.yaml"
    text = deck.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "office: WIPO Office in Japan" in text and "acronym: WOJ" in text
    assert "date: 2026-09-27" in text
    assert (tmp_path / SCHEMA_FILE).is_file()  # the schema line points at it
    rendered = run_wocdeck("render", deck)
    # nothing shrunk or continued: the only line is the result
    assert (
        rendered.returncode == 0
        and rendered.stdout == f"wrote {tmp_path / 'deck.pptx'} (8 slides)\n"
    )


def test_every_section_and_slide_kind_is_in_the_starter() -> None:
    text = starter(Office("WIPO Office in Japan", "WOJ", dt.date(2026, 9, 27)))
    for key in ("theme:", "event:", "about:", "resources:", "budget:", "focus:", "aims:",
                "achievements:", "heading:", "metrics:", "year_ahead:", "closing:", "notes:",
                "achievements_notes:"):  # fmt: skip
        assert f"\n{key}" in text or f" {key}" in text, key
    assert text.count("- name:") == 2  # with aims, and without


def test_without_a_terminal_nothing_is_asked(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wocdeck.cli", "init", "new.yaml"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert f"date: {dt.date.today().isoformat()}" in text and "acronym: WEO" in text


def test_init_never_overwrites(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text("my work\n", encoding="utf-8")
    done = run_wocdeck("init", deck)
    assert done.returncode == 1
    assert f"{deck}: already exists" in done.stderr and "Traceback" not in done.stderr
    assert deck.read_text(encoding="utf-8") == "my work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]  # no temporary left


def test_an_existing_schema_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / SCHEMA_FILE).write_text("{}", encoding="utf-8")
    assert run_wocdeck("init", tmp_path / "a.yaml").returncode == 0
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(
    ("option", "value"), [("--date", "2026-02-30"), ("--date", "27.9.2026"), ("--office", " ")]
)
def test_a_bad_option_is_a_command_line_error(tmp_path: Path, option: str, value: str) -> None:
    done = run_wocdeck("init", tmp_path / "deck.yaml", option, value)
    assert done.returncode == 2 and option in done.stderr
    assert not (tmp_path / "deck.yaml").exists()


def test_names_with_yaml_characters_come_back_exactly(tmp_path: Path) -> None:
    office = 'WIPO Office in "Nigeria": Abuja # 1'
    done = run_wocdeck("init", tmp_path / "deck.yaml", "--office", office, "--acronym", "*WNO")
    assert done.returncode == 0, done.stderr
    from wocdeck.model import load_deck
    from wocdeck.read.source import read

    event = load_deck(read(tmp_path / "deck.yaml")).event
    assert (event.office, event.acronym) == (office, "*WNO")


@pytest.mark.parametrize(
    ("office", "acronym"),
    [("WIPO Office in China", "WOC"), ("WIPO Office in the Russian Federation", "WORF"),
     ("WIPO Regional Office in Singapore", "WROS"), ("Bureau de l'OMPI", "BDL")],
)  # fmt: skip
def test_acronym_is_the_initials(office: str, acronym: str) -> None:
    assert acronym_of(office) == acronym


@pytest.mark.parametrize("value", ["Plain text", "a: b", "- dash", "**bold**", "yes", "null", "#"])
def test_yaml_text_reads_back_unchanged(value: str) -> None:
    from wocdeck.read.source import parse

    assert parse(f"key: {yaml_text(value)}\n".encode(), "t").data == {"key": value}
