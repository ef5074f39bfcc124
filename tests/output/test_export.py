"""Export: LibreOffice bounded in time and killed with its children, preview folders respected."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT
from wocdeck.output import export
from wocdeck.output.export import SHEET_SLIDES, ExportError, contact_sheet, run_bounded, time_limit

SOURCE = str(ROOT / "src")


def _alive(group: int) -> bool:
    """Whether any process of a group still runs (zombies waiting for init do not count).

    SIGKILL reaches a group's processes asynchronously: give them a moment to die.
    """
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not any(_running_in(stat, group) for stat in Path("/proc").glob("[0-9]*/stat")):
            return False
        time.sleep(0.05)
    return True


def _running_in(stat: Path, group: int) -> bool:
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z" and int(fields[2]) == group


def test_a_program_past_its_time_is_killed_with_its_children(tmp_path: Path) -> None:
    group = tmp_path / "group"
    command = ["sh", "-c", f"echo $$ > {group}; sleep 60 & sleep 60"]
    started = time.perf_counter()
    assert run_bounded(command, 1.0, "sleep") is None
    assert time.perf_counter() - started < 10
    assert not _alive(int(group.read_text()))  # the background sleep too, not only the shell


def test_libreoffice_past_its_time_says_so_and_leaves_nothing_running(
    tmp_path: Path, monkeypatch
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'group'}\nsleep 60 & sleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    monkeypatch.setattr(export, "TIMEOUT", 0.5)
    monkeypatch.setattr(export, "TIMEOUT_PER_SLIDE", 0.1)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK")
    with pytest.raises(ExportError, match=r"longer than 2 s .*15 slides.*it was stopped"):
        export.to_pdf(deck, tmp_path / "deck.pdf", slides=15)
    assert not _alive(int((tmp_path / "group").read_text()))
    assert not (tmp_path / "deck.pdf").exists()


def test_an_interrupt_kills_the_group_too(tmp_path: Path) -> None:
    group = tmp_path / "group"
    script = f"""
import os, signal, threading, sys
sys.path.insert(0, {SOURCE!r})
from wocdeck.output.export import run_bounded
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    run_bounded(["sh", "-c", "echo $$ > {group}; sleep 60 & sleep 60"], 60, "x")
except KeyboardInterrupt:
    print("interrupted")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "interrupted", done.stderr
    assert not _alive(int(group.read_text()))


def test_the_time_limit_grows_with_the_slide_count() -> None:
    assert time_limit(5000) - time_limit(0) == 5000 * export.TIMEOUT_PER_SLIDE
    assert time_limit(14) >= export.TIMEOUT


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    pages = []
    for number in range(1, count + 1):
        page = folder / f"slide-{number:04d}.png"
        Image.new("RGB", (96, 54), (number % 256, 0, 0)).save(page)
        pages.append(page)
    return pages


def test_the_contact_sheet_is_bounded_and_opens_one_picture_at_a_time(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", 300)
    folder, sheet = str(tmp_path / "pages"), str(tmp_path / "sheet.png")
    script = f"""
import resource, sys
sys.path.insert(0, {SOURCE!r})
from pathlib import Path
resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
from wocdeck.output.export import contact_sheet
from tests.conftest import ROOT
pages = sorted(Path({folder!r}).glob("slide-*.png"))
sheet, shown = contact_sheet(pages, Path({sheet!r}))
print(shown)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == str(SHEET_SLIDES), done.stderr
    with Image.open(tmp_path / "sheet.png") as sheet:
        assert sheet.width * sheet.height < 10_000_000
    assert contact_sheet(pages[:5], tmp_path / "small.png")[1] == 5


def test_preview_keeps_the_users_own_pictures(cli, seed_copy: Path, renderer) -> None:
    folder = seed_copy.parent / "pictures"
    folder.mkdir()
    (folder / "slide-01.png").write_bytes(b"my own picture")
    code, _, err = cli("preview", seed_copy, "-o", folder)
    assert code == 1 and "holds pictures wocdeck did not write" in err
    assert (folder / "slide-01.png").read_bytes() == b"my own picture"


def test_preview_replaces_only_what_it_wrote(cli, seed_copy: Path, renderer) -> None:
    folder = seed_copy.parent / "preview"
    assert cli("preview", seed_copy, "-o", folder)[0] == 0
    (folder / "notes.txt").write_text("mine")
    (folder / "slide-99.png").unlink(missing_ok=True)
    assert cli("preview", seed_copy, "-o", folder)[0] == 0
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert names == ["notes.txt", "sheet.png", *[f"slide-{n:02d}.png" for n in range(1, 15)]]


@pytest.mark.parametrize("where", ["afile", "afile/below"])
def test_preview_into_a_file_is_a_message(cli, seed_copy: Path, where: str) -> None:
    (seed_copy.parent / "afile").write_text("not a folder")
    code, _, err = cli("preview", seed_copy, "-o", seed_copy.parent / where)
    assert code == 1 and err.startswith("error: ")
    assert (seed_copy.parent / "afile").read_text() == "not a folder"


def test_pngs_have_exactly_pdftoppms_pixels(tmp_path: Path, renderer) -> None:
    from tests.conftest import MINIMAL, write_deck
    from wocdeck.pipeline import render

    deck = write_deck(tmp_path, MINIMAL + "year_ahead: [One, Two]\n")
    pdf = export.to_pdf(render(deck, tmp_path / "deck.pptx").output, tmp_path / "deck.pdf")
    ours = export.to_png(pdf, tmp_path / "ours")
    subprocess.run(["pdftoppm", "-r", "96", "-png", pdf, tmp_path / "theirs"], check=True)
    theirs = sorted(tmp_path.glob("theirs-*.png"))
    assert len(ours) == len(theirs) == 2
    for mine, reference in zip(ours, theirs, strict=True):
        with Image.open(mine) as a, Image.open(reference) as b:
            assert (a.mode, a.size) == (b.mode, b.size)
            assert a.tobytes() == b.tobytes()


def test_a_prepared_profile_is_made_once_and_copied(tmp_path: Path, monkeypatch, renderer) -> None:
    from tests.conftest import MINIMAL, write_deck
    from wocdeck.pipeline import render

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    deck = write_deck(tmp_path, MINIMAL)
    pptx = render(deck, tmp_path / "deck.pptx").output
    export.to_pdf(pptx, tmp_path / "one.pdf")
    (prepared,) = (tmp_path / "cache" / "wocdeck").iterdir()
    assert (prepared / "user").is_dir()  # the profile LibreOffice made, kept whole
    before = {p: p.stat().st_mtime_ns for p in prepared.rglob("*")}
    export.to_pdf(pptx, tmp_path / "two.pdf")  # on a copy: the prepared one is not touched
    assert {p: p.stat().st_mtime_ns for p in prepared.rglob("*")} == before
    assert (tmp_path / "two.pdf").read_bytes().startswith(b"%PDF")
    (prepared / "user" / "registrymodifications.xcu").write_text("<broken")  # damaged
    export.to_pdf(pptx, tmp_path / "three.pdf")  # still converts
    assert (tmp_path / "three.pdf").read_bytes().startswith(b"%PDF")
