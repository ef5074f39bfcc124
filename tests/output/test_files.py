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
from tests.conftest import MINIMAL, ROOT, SEED_DECK, write_deck
from wocdeck.errors import OutputError
from wocdeck.output.files import write_atomic


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
        [python, "-c", "import wocdeck.look.theme as t; print(t.themes_dir())"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(venv) in where and str(root) not in where
    shipped = subprocess.run(
        [python, "-c", "import wocdeck.model.schema as s; print(s.PACKAGED.read_text()[:40])"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert '"$schema"' in shipped  # the JSON Schema ships inside the package


def test_a_device_or_fifo_named_by_o_is_never_replaced(cli, seed_copy: Path) -> None:
    fifo = seed_copy.parent / "pipe.pptx"
    os.mkfifo(fifo)
    nodes = [fifo]
    if os.geteuid() == 0:  # a private copy of /dev/null: the real one must never be at risk
        null = seed_copy.parent / "null.pptx"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        nodes.append(null)
    for node in nodes:
        code, _, err = cli("render", seed_copy, "-o", node)
        assert code == 1 and "is a device or pipe, not a file" in err
        assert not stat.S_ISREG(node.stat().st_mode)
    assert [p.name for p in seed_copy.parent.iterdir() if p.suffix == ".tmp"] == []


def test_a_symlink_is_written_through_to_its_target(cli, seed_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    real = elsewhere / "report.pptx"
    real.write_bytes(b"old")
    link = seed_copy.parent / "link.pptx"
    link.symlink_to(real)
    assert cli("render", seed_copy, "-o", link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["report.pptx"]


@pytest.mark.parametrize(("which", "code"), [("theme.yaml", 2), ("logo.pptx", 1)])
def test_every_file_the_render_reads_is_protected(cli, tmp_path: Path, which: str, code: int):
    """theme.yaml is refused by its suffix; a PNG logo named logo.pptx as an input of the deck."""
    from PIL import Image

    theme = tmp_path / "brand"
    theme.mkdir()
    text = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(text.replace("logo: null", "logo: logo.pptx"), "utf-8")
    Image.new("RGB", (300, 100), "#0059C6").save(theme / "logo.pptx", "PNG")
    deck = write_deck(tmp_path, "theme: brand\n" + MINIMAL)
    before = (theme / which).read_bytes()
    answer, _, err = cli("render", deck, "-o", theme / which)
    assert answer == code
    if code == 1:
        assert f"would overwrite the input file {theme / which}" in err
    assert (theme / which).read_bytes() == before


def test_long_output_names_are_written_or_refused_with_a_message(cli, seed_copy: Path) -> None:
    longest = seed_copy.parent / ("a" * 250 + ".pptx")  # 255 bytes: no room for ".name.tmp"
    assert cli("render", seed_copy, "-o", longest)[0] == 0
    assert longest.read_bytes().startswith(b"PK")
    code, _, err = cli("render", seed_copy, "-o", seed_copy.parent / ("a" * 300 + ".pptx"))
    assert code == 1 and "too long" in err


@pytest.mark.parametrize("target", ["/proc/x.pptx", "newdir/"])
def test_impossible_outputs_are_messages(cli, seed_copy: Path, target: str, monkeypatch) -> None:
    monkeypatch.chdir(seed_copy.parent)
    code, _, err = cli("render", seed_copy, "-o", target)
    assert code == 1 and err.startswith("error: ")
    assert not (seed_copy.parent / "newdir").exists()


def _interrupt_at(step: str, signal_name: str, deck: Path, target: Path) -> int:
    """Run a render that gets `signal_name` during `step`; returns the exit code."""
    script = f"""
import os, signal, sys
import wocdeck.output.files, wocdeck.writer.package as package
from wocdeck import cli
def stop(*args, **kwargs):
    os.kill(os.getpid(), signal.{signal_name})
    import time; time.sleep(5)
if {step!r} == "zip":
    package._Members.write = stop
else:
    wocdeck.output.files.os.fsync = stop
sys.argv = ["wocdeck", "render", {str(deck)!r}, "-o", {str(target)!r}]
cli.main()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "Traceback" not in done.stderr
    return done.returncode


@pytest.mark.parametrize(
    ("step", "signal_name", "code"),
    [("write", "SIGTERM", 143), ("write", "SIGHUP", 129), ("zip", "SIGINT", 130)],
)
def test_a_signal_while_writing_keeps_the_previous_file_and_no_temporary(
    seed_copy: Path, step: str, signal_name: str, code: int
) -> None:
    target = seed_copy.parent / "out.pptx"
    target.write_bytes(b"previous deck")
    assert _interrupt_at(step, signal_name, seed_copy, target) == code
    assert target.read_bytes() == b"previous deck"
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["deck.yaml", "out.pptx"]


def test_document_properties_are_plain_and_at_most_255_characters(cli, tmp_path: Path) -> None:
    from pptx import Presentation

    title = "Side-Event on **Innovation** " + "and Intellectual Property " * 12
    deck = write_deck(tmp_path, MINIMAL.replace("Side-Event at the 2018 WIPO Assemblies", title))
    code, _, err = cli("validate", deck)
    assert code == 0, err
    assert cli("render", deck)[0] == 0
    core = Presentation(str(deck.with_suffix(".pptx"))).core_properties
    assert len(core.title) == 255 and core.title.endswith("\u2026")
    assert core.subject.startswith("Side-Event on Innovation and") and "**" not in core.subject


@pytest.mark.parametrize("value", ["99999999999999999999", "\u00b2\u00b3", "-5", "1.5"])
def test_source_date_epoch_out_of_range_is_a_message(cli, seed_copy, monkeypatch, value) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    code, _, err = cli("render", seed_copy)
    assert code == 1
    assert err.startswith("SOURCE_DATE_EPOCH: error: ") and "seconds since 1970" in err
