"""Outputs: atomic writes, refused targets, the same bytes for the same deck, a sound package."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests import structure
from tests.conftest import MINIMAL, SEED_DECK, write_deck
from wocdeck.errors import OutputError
from wocdeck.output import write_atomic


def test_same_deck_same_bytes(cli, seed_copy: Path, tmp_path: Path) -> None:
    assert cli("render", seed_copy, "-o", tmp_path / "a.pptx")[0] == 0
    assert cli("render", seed_copy, "-o", tmp_path / "b.pptx")[0] == 0
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()


def test_document_dates_come_from_source_date_epoch(cli, seed_copy, tmp_path, monkeypatch) -> None:
    from pptx import Presentation

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1537999200")
    assert cli("render", seed_copy, "-o", tmp_path / "a.pptx")[0] == 0
    core = Presentation(str(tmp_path / "a.pptx")).core_properties
    assert core.modified.isoformat() == "2018-09-26T22:00:00"
    assert core.title == "WIPO Office in China – Side-Event at the 2018 WIPO Assemblies"


def test_an_impossible_source_date_epoch_is_an_error(cli, seed_copy, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "999999999999999")
    code, _, err = cli("render", seed_copy)
    assert code == 1
    assert err.startswith("SOURCE_DATE_EPOCH: error: '999999999999999' is not a time a PowerPoint")
    assert not seed_copy.with_suffix(".pptx").exists()


def test_the_seed_deck_is_a_sound_package(cli, seed_copy: Path) -> None:
    assert cli("render", seed_copy)[0] == 0
    assert structure.problems(seed_copy.with_suffix(".pptx")) == []


def test_output_that_is_the_input_is_refused(cli, seed_copy: Path) -> None:
    before = seed_copy.read_bytes()
    code, _, err = cli("render", seed_copy, "-o", seed_copy)
    assert code == 1 and "would overwrite the input file" in err
    assert seed_copy.read_bytes() == before


def test_output_that_is_a_folder_is_refused(cli, seed_copy: Path) -> None:
    code, _, err = cli("render", seed_copy, "-o", seed_copy.parent)
    assert code == 1 and "is a folder" in err


def _deny_writes_as_root(monkeypatch, path: Path) -> None:
    """Root may write anywhere; make os.access answer as it would for an ordinary user."""
    if os.geteuid() != 0:
        return
    real = os.access

    def access(target, mode, *args, **kwargs):
        if Path(target).resolve() == path.resolve() and mode & os.W_OK:
            return False
        return real(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_unwritable_folder_is_refused(cli, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    _deny_writes_as_root(monkeypatch, locked)
    code, _, err = cli("render", seed_copy, "-o", locked / "deck.pptx")
    assert code == 1 and "cannot be written" in err
    assert list(locked.iterdir()) == []


def test_read_only_output_is_refused(cli, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "old.pptx"
    target.write_bytes(b"previous deck")
    target.chmod(stat.S_IRUSR)
    _deny_writes_as_root(monkeypatch, target)
    code, _, err = cli("render", seed_copy, "-o", target)
    assert code == 1 and "read-only" in err
    assert target.read_bytes() == b"previous deck"


def test_missing_parent_folders_are_created(cli, seed_copy: Path) -> None:
    target = seed_copy.parent / "a" / "b" / "deck.pptx"
    assert cli("render", seed_copy, "-o", target)[0] == 0
    assert target.is_file()


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new deck")
    assert target.read_bytes() == b"previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_a_locked_file_gets_a_message(tmp_path: Path, monkeypatch) -> None:
    def locked(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="open in another program"):
        write_atomic(tmp_path / "deck.pptx", b"x")


def test_packaged_install_renders_from_another_folder(tmp_path: Path) -> None:
    """A non-editable install (themes and font metrics inside the wheel) works anywhere."""
    root = SEED_DECK.parent
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies come from the environment running the tests (a user's venv or the
    # system's), listed after the new venv's own packages, so its wheel-installed wocdeck wins.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    ours = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    Path(site, "wocdeck-test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(root)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    deck = write_deck(elsewhere, MINIMAL + "year_ahead: [One]\n")
    done = subprocess.run(
        [venv / "bin" / "wocdeck", "render", deck.name],
        cwd=elsewhere, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wrote deck.pptx (2 slides)" in done.stdout
    where = subprocess.run(
        [python, "-c", "import wocdeck.theme as t; print(t.themes_dir())"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(venv) in where and str(root) not in where
