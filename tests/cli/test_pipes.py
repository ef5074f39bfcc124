"""Every command with its output closed or cut short: quiet, with the exit code it would have.

`wocdeck … | head -1` keeps the first line and the reader goes away; `… >&-` starts with no
standard output at all; a pipe whose reader has already gone fails every write. None of them is
an internal error: what is left to print is dropped, the work is done, and the exit code is the
command's own (0, or 1 for a deck with errors), as Unix tools do.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write_deck

WOCDECK = [sys.executable, "-m", "wocdeck.cli"]
CRASH = ("Traceback", "internal error", "Exception ignored", "Broken pipe", "BrokenPipe")
BAD = MINIMAL + "about:\n  establshed: 2014-07-10\n  locaton: Beijing\nclosing: [x]\n"
# Each command: its arguments (in the folder of `prepare`) and the exit code it ends with.
COMMANDS = {
    "help": (["--help"], 0),
    "version": (["--version"], 0),
    "render": (["render", "deck.yaml"], 0),
    "render json": (["render", "deck.yaml", "--format", "json"], 0),
    "validate": (["validate", "deck.yaml"], 0),
    "validate, errors as json": (["validate", "bad.yaml", "--format", "json"], 1),
    "validate, many decks": (["validate", "deck.yaml", "bad.yaml", "deck.yaml"], 1),
    "template check": (["template", "check", "corp.pptx"], 0),
    "schema": (["schema"], 0),
    "init": (["init", "new.yaml"], 0),
    "check": (["check", "corp.pptx"], 0),
}


def prepare(folder: Path) -> None:
    """A good deck, a bad one and a template in folder; no starter deck yet."""
    from pptx import Presentation

    write_deck(folder, MINIMAL + "closing: Thank you.\n")
    write_deck(folder, BAD, "bad.yaml")
    Presentation().save(str(folder / "corp.pptx"))
    for made in ("new.yaml", "wocdeck.schema.json"):
        (folder / made).unlink(missing_ok=True)


def clean(stderr: str) -> None:
    assert not any(word in stderr for word in CRASH), stderr


@pytest.mark.parametrize("case", COMMANDS)
def test_a_command_through_head_keeps_its_first_line(tmp_path: Path, case: str) -> None:
    args, code = COMMANDS[case]
    prepare(tmp_path)
    whole = subprocess.run(
        [*WOCDECK, *args], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert whole.returncode == code, whole.stderr
    if "json" in args:  # nothing but JSON lines on standard output
        assert all(json.loads(line) for line in whole.stdout.splitlines())
    prepare(tmp_path)
    line = " ".join(f"'{a}'" for a in [*WOCDECK, *args])
    cut = subprocess.run(
        ["bash", "-c", f"{line} | head -1; echo ${{PIPESTATUS[0]}} >&2"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    clean(cut.stderr)
    assert cut.stderr.splitlines()[-1] == str(code)
    assert cut.stdout.splitlines() == whole.stdout.splitlines()[:1]
    if "json" in args:
        assert json.loads(cut.stdout)


@pytest.mark.parametrize("case", COMMANDS)
@pytest.mark.parametrize("output", ["closed", "reader gone"])
def test_a_command_with_no_one_reading_ends_quietly(tmp_path: Path, case: str, output: str) -> None:
    args, code = COMMANDS[case]
    prepare(tmp_path)
    if output == "closed":  # started with no standard output: `wocdeck … >&-`
        line = " ".join(f"'{a}'" for a in [*WOCDECK, *args])
        done = subprocess.run(
            ["bash", "-c", f"{line} >&-"], capture_output=True, text=True, cwd=tmp_path,
            check=False,
        )  # fmt: skip
        stderr, returncode = done.stderr, done.returncode
    else:  # a pipe whose reader has gone: every write fails
        reading, writing = os.pipe()
        os.close(reading)
        try:
            done = subprocess.run(
                [*WOCDECK, *args], stdout=writing, stderr=subprocess.PIPE, text=True,
                cwd=tmp_path, check=False,
            )  # fmt: skip
        finally:
            os.close(writing)
        stderr, returncode = done.stderr, done.returncode
    clean(stderr)
    assert returncode == code, stderr
    if case.startswith("render"):
        assert (tmp_path / "deck.pptx").read_bytes().startswith(b"PK")  # the work was done
    if case == "init":
        assert (tmp_path / "new.yaml").is_file()


def test_watch_with_no_one_reading_renders_and_stops_cleanly(tmp_path: Path) -> None:
    prepare(tmp_path)
    reading, writing = os.pipe()
    os.close(reading)
    watcher = subprocess.Popen(
        [*WOCDECK, "watch", "deck.yaml"], stdout=writing, stderr=subprocess.PIPE, text=True,
        cwd=tmp_path,
    )  # fmt: skip
    os.close(writing)
    deadline = time.monotonic() + 90
    while not (tmp_path / "deck.pptx").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    watcher.send_signal(signal.SIGTERM)
    _, stderr = watcher.communicate(timeout=60)
    clean(stderr)
    assert (tmp_path / "deck.pptx").read_bytes().startswith(b"PK")
    assert watcher.returncode == 0, stderr  # watch ends as after Ctrl-C: "stopped watching"


@pytest.mark.parametrize("output", ["| head -1", ">&-"])
def test_preview_with_its_output_cut_short_still_writes_the_pictures(
    renderer: None, tmp_path: Path, output: str
) -> None:
    prepare(tmp_path)
    line = " ".join(f"'{a}'" for a in [*WOCDECK, "preview", "deck.yaml"])
    done = subprocess.run(
        ["bash", "-c", f"{line} {output}; echo ${{PIPESTATUS[0]}} >&2"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    clean(done.stderr)
    assert done.stderr.splitlines()[-1] == "0"
    assert (tmp_path / "deck-preview" / "sheet.png").is_file()
