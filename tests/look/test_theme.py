"""Loading a deck's theme: found beside the deck, checked for shape and sane sizes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, write_deck

WIPO = ROOT / "themes" / "wipo" / "theme.yaml"


def _theme(folder: Path, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.yaml").write_text(text or WIPO.read_text(encoding="utf-8"), "utf-8")
    return folder / "theme.yaml"


def test_a_theme_path_is_relative_to_the_deck_not_the_current_folder(
    cli, tmp_path: Path, monkeypatch
) -> None:
    _theme(tmp_path / "reports" / "brand")
    deck = write_deck(tmp_path / "reports", "theme: brand\n" + MINIMAL)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("validate", deck)
    assert code == 0, err


def test_a_folder_named_like_a_bundled_theme_does_not_shadow_it(
    cli, tmp_path: Path, monkeypatch
) -> None:
    _theme(tmp_path / "wipo", "name: Impostor\ncolors: 12\n")
    deck = write_deck(tmp_path, MINIMAL)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("validate", deck)
    assert code == 0, err


@pytest.mark.parametrize("name", ["corporate.pptx", "corporate.potx", "Corporate.POTM"])
def test_a_powerpoint_file_as_theme_points_at_template(cli, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"PK\x03\x04")
    deck = write_deck(tmp_path, f"theme: {name}\n" + MINIMAL)
    code, _, err = cli("validate", deck)
    assert code == 1
    assert err.startswith(f"{deck}:1:8: error: '{name}' is a PowerPoint file")
    assert f"`template: {name}`" in err


@pytest.mark.parametrize(
    ("text", "line"),
    [("- name: WIPO\n- colors: {}\n", 1), ("just some words\n", 1), ("event:\n  office: X\n", 1)],
)
def test_a_theme_file_that_is_not_a_theme_mapping_is_refused(
    cli, tmp_path: Path, text: str, line: int
) -> None:
    theme = _theme(tmp_path / "brand", text)
    deck = write_deck(tmp_path, "theme: brand\n" + MINIMAL)
    code, _, err = cli("validate", deck)
    assert code == 1
    assert err.startswith(f"{theme}:{line}:1: error: this is not a theme file")
    assert "office" not in err  # the file's own keys are not echoed back


def test_any_readable_file_as_theme_is_refused_without_echoing_it(cli, tmp_path: Path) -> None:
    secret = tmp_path / "notes.txt"
    secret.write_text("password: hunter2\n")
    deck = write_deck(tmp_path, "theme: notes.txt\n" + MINIMAL)
    code, _, err = cli("validate", deck)
    assert code == 1 and "is not a theme" in err and "hunter2" not in err


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        ("footer: 10", "footer: 0.5", "footer", "sizes.footer: should be at least 1"),
        ("body: 22", "body: 2", "body_floor", "sizes.body_floor (18) is larger than sizes.body"),
        (
            "title_floor: 20",
            "title_floor: 40",
            "title_floor",
            "(40) is larger than sizes.title (30)",
        ),
    ],
)
def test_theme_sizes_are_sane(
    cli, tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    text = WIPO.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, row in enumerate(lines, 1) if row.strip().startswith(f"{key}:"))
    theme = _theme(tmp_path / "brand", text.replace(f"  {old}\n", f"  {new}\n"))
    deck = write_deck(tmp_path, "theme: brand\n" + MINIMAL)
    code, _, err = cli("validate", deck)
    assert code == 1
    assert err.startswith(f"{theme}:{line}:"), err
    assert message.lower() in err.lower()


def test_a_bundled_theme_copied_beside_the_deck_still_works(cli, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "themes" / "wipo", tmp_path / "house")
    deck = write_deck(tmp_path, "theme: ./house\n" + MINIMAL)
    assert cli("validate", deck)[0] == 0
