"""Many decks in one command: one line per deck, the good ones written, exit 1 if any failed."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import MINIMAL, SEED_DECK, run_wocdeck, write_deck


def test_render_many_writes_each_and_reports_each(tmp_path: Path) -> None:
    a = write_deck(tmp_path, MINIMAL, "a.yaml")
    b = write_deck(tmp_path, MINIMAL + "closing: [oops]\n", "b.yaml")
    c = shutil.copy(SEED_DECK, tmp_path / "c.yaml")
    done = run_wocdeck("render", a, b, c)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert f"wrote {tmp_path / 'a.pptx'} (1 slides)" in lines
    assert f"{b}: not written (1 problem)" in lines
    assert f"wrote {tmp_path / 'c.pptx'} (14 slides)" in lines
    assert f"{b}:5:10: error: closing:" in done.stderr
    assert (tmp_path / "a.pptx").is_file() and (tmp_path / "c.pptx").is_file()
    assert not (tmp_path / "b.pptx").exists()


def test_a_quoted_pattern_is_expanded(tmp_path: Path) -> None:
    for name in ("one", "two", "three"):
        write_deck(tmp_path, MINIMAL, f"{name}.yaml")
    done = run_wocdeck("render", "*.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"wrote {name}.pptx (1 slides)" for name in ("one", "three", "two")
    ]


def test_a_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    done = run_wocdeck("render", "*.yaml", cwd=tmp_path)
    assert done.returncode == 1 and "*.yaml: error: no such file" in done.stderr


def test_validate_many(tmp_path: Path) -> None:
    a = write_deck(tmp_path, MINIMAL, "a.yaml")
    b = write_deck(tmp_path, MINIMAL, "b.yaml")
    done = run_wocdeck("validate", a, b)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [f"{a}: ok (1 slides)", f"{b}: ok (1 slides)"]


def test_output_with_many_decks_is_a_command_line_error(tmp_path: Path) -> None:
    a = write_deck(tmp_path, MINIMAL, "a.yaml")
    done = run_wocdeck("render", a, a, "-o", tmp_path / "x.pptx")
    assert done.returncode == 2 and "--output" in done.stderr
    assert not (tmp_path / "x.pptx").exists()


def test_one_deck_renders_the_same_bytes_alone_and_in_a_batch(tmp_path: Path) -> None:
    alone = shutil.copy(SEED_DECK, tmp_path / "alone.yaml")
    batch = [shutil.copy(SEED_DECK, tmp_path / f"b{n}.yaml") for n in range(3)]
    assert run_wocdeck("render", alone).returncode == 0
    assert run_wocdeck("render", *batch).returncode == 0
    expected = (tmp_path / "alone.pptx").read_bytes()
    assert all(Path(deck).with_suffix(".pptx").read_bytes() == expected for deck in batch)
