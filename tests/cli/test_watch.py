"""wocdeck watch, as a user runs it: edits re-render, errors keep the last good deck, the
session ends cleanly. Waits are bounded; nothing here times the speed."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write_deck

WAIT = 90.0  # seconds: generous, for a loaded 2-core machine


class Watcher:
    """A `wocdeck watch` child process whose output lines can be waited for."""

    def __init__(self, *args: str | Path) -> None:
        command = [sys.executable, "-m", "wocdeck.cli", "watch", *map(str, args)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The next line containing text (fails after WAIT seconds)."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {WAIT} s; saw {self.seen}")

    def stop(self) -> int:
        """Ctrl-C, and the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(WAIT)


@pytest.fixture
def watchers():
    started: list[Watcher] = []

    def start(*args: str | Path) -> Watcher:
        started.append(Watcher(*args))
        return started[-1]

    yield start
    for watcher in started:
        if watcher.process.poll() is None:
            watcher.process.kill()
            watcher.process.wait()


def test_edits_re_render_and_an_error_keeps_the_last_good_deck(tmp_path: Path, watchers) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    watcher = watchers(deck)
    watcher.wait_for("watching")
    pptx = deck.with_suffix(".pptx")
    first = pptx.read_bytes()
    deck.write_text(MINIMAL + "closing: Thank you.\n", encoding="utf-8")
    assert watcher.wait_for("wrote") == f"wrote {pptx} (2 slides)"
    good = pptx.read_bytes()
    assert good != first
    deck.write_text(MINIMAL + "closing: [oops]\n", encoding="utf-8")
    assert watcher.wait_for("error").startswith(f"{deck}:5:10: error: closing")
    assert pptx.read_bytes() == good  # the last good deck stays
    deck.unlink()
    assert watcher.wait_for("error") == f"{deck}: error: no such file"
    # an editor that saves by writing a new file and renaming it over the deck
    temporary = tmp_path / ".deck.yaml.swp"
    temporary.write_text(MINIMAL + "closing: Back again.\n", encoding="utf-8")
    os.replace(temporary, deck)
    assert watcher.wait_for("wrote") == f"wrote {pptx} (2 slides)"
    assert watcher.stop() == 0
    watcher.wait_for("stopped watching")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "deck.yaml"]


def test_a_theme_edit_re_renders(tmp_path: Path, watchers) -> None:
    from wocdeck.look.theme import themes_dir

    theme = tmp_path / "mine"
    theme.mkdir()
    source = (themes_dir() / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(source, encoding="utf-8")
    deck = write_deck(tmp_path, f"theme: {theme}\n" + MINIMAL)
    watcher = watchers(deck)
    watcher.wait_for("watching")
    (theme / "theme.yaml").write_text(source.replace("margin: 48", "margin: 50"), "utf-8")
    watcher.wait_for("wrote")
    (theme / "theme.yaml").write_text(source + "colour: red\n", encoding="utf-8")
    assert "unknown key 'colour'" in watcher.wait_for("error")
    (theme / "theme.yaml").write_text(source, encoding="utf-8")  # a broken theme stays watched
    watcher.wait_for("wrote")
    assert watcher.stop() == 0


def test_a_template_edit_re_renders(tmp_path: Path, watchers) -> None:
    from wocdeck.look.load import bundled_template

    template = tmp_path / "office.potx"
    template.write_bytes(bundled_template().read_bytes())
    deck = write_deck(tmp_path, "template: office.potx\n" + MINIMAL)
    watcher = watchers(deck)
    watcher.wait_for("watching")
    template.write_bytes(b"not a template")
    assert "office.potx" in watcher.wait_for("error")
    template.write_bytes(bundled_template().read_bytes())
    watcher.wait_for("wrote")
    assert watcher.stop() == 0


def test_a_csv_edit_re_renders(tmp_path: Path, watchers) -> None:
    data = tmp_path / "events.csv"
    data.write_text("Month,Event\nJan,PCT seminar\n", encoding="utf-8")
    deck = write_deck(
        tmp_path,
        MINIMAL + "slides:\n  - title: Events\n    table:\n      csv: events.csv\n",
    )
    watcher = watchers(deck)
    watcher.wait_for("watching")
    data.write_text("Month,Event\nJan,PCT seminar\nFeb,Madrid roadshow\n", encoding="utf-8")
    assert watcher.wait_for("wrote") == f"wrote {deck.with_suffix('.pptx')} (2 slides)"
    data.unlink()  # a file the deck uses, gone: its error, and watching goes on
    assert "events.csv" in watcher.wait_for("error")
    data.write_text("Month,Event\nJan,PCT seminar\n", encoding="utf-8")  # and back
    assert watcher.wait_for("wrote") == f"wrote {deck.with_suffix('.pptx')} (2 slides)"
    assert watcher.stop() == 0


def test_two_watchers_on_one_deck(tmp_path: Path, watchers) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    first = watchers(deck)
    first.wait_for("watching")
    second = watchers(deck)
    line = second.wait_for("already being watched")
    assert line.startswith(f"error: {deck}: is already being watched (by process")
    assert second.process.wait(WAIT) == 1
    assert first.stop() == 0


def _session_processes(profile_hint: str) -> list[str]:
    """Running processes (not zombies) whose command line holds the hint."""
    listed = subprocess.run(["ps", "-eo", "pid,stat,args", "-ww"], capture_output=True, text=True)
    return [
        line
        for line in listed.stdout.splitlines()
        if profile_hint in line and "ps -eo" not in line and line.split()[1][0] != "Z"
    ]


def _pictures(folder: Path) -> list[str]:
    """The folder's files, without wocdeck's list of the pictures it wrote there."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_preview_keeps_pdf_and_pngs_current_and_survives_libreoffice_dying(
    tmp_path: Path, watchers, renderer
) -> None:
    deck = write_deck(tmp_path, MINIMAL + "year_ahead: [One]\n")
    watcher = watchers(deck, "--preview")
    pdf, folder = deck.with_suffix(".pdf"), tmp_path / "deck-preview"
    assert watcher.wait_for("slides to") == f"wrote {pdf} and 2 slides to {folder}/"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _pictures(folder) == ["slide-01.png", "slide-02.png"]
    session = f"wocdeck-{watcher.process.pid}-"  # the session's pipe name (other tests run too)
    office = _session_processes(session)
    assert office, "LibreOffice kept for the session"
    for line in office:  # LibreOffice dies mid-session
        os.kill(int(line.split()[0]), signal.SIGKILL)
    deck.write_text(MINIMAL + "year_ahead: [One]\nclosing: Thanks\n", encoding="utf-8")
    assert watcher.wait_for("slides to") == f"wrote {pdf} and 3 slides to {folder}/"
    assert len(list(folder.glob("slide-*.png"))) == 3
    deck.write_text(MINIMAL, encoding="utf-8")
    assert watcher.wait_for("slides to") == f"wrote {pdf} and 1 slides to {folder}/"
    assert _pictures(folder) == ["slide-01.png"]  # pages gone are removed
    assert watcher.stop() == 0
    assert _session_processes(session) == []  # no LibreOffice left behind


def test_libreoffice_dies_with_a_killed_watcher(tmp_path: Path, watchers, renderer) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    watcher = watchers(deck, "--preview")
    watcher.wait_for("slides to")
    hint = f"wocdeck-{watcher.process.pid}-"  # the session's pipe name
    assert _session_processes(hint), "LibreOffice kept for the session"
    watcher.process.kill()  # kill -9: no chance to clean up
    watcher.process.wait(WAIT)
    deadline = time.monotonic() + WAIT
    while _session_processes(hint) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_processes(hint) == []


def test_watch_preview_keeps_the_users_own_pictures(tmp_path: Path, watchers, renderer) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    folder = tmp_path / "deck-preview"
    folder.mkdir()
    (folder / "slide-01.png").write_bytes(b"my own picture")
    watcher = watchers(deck, "--preview")
    assert "holds pictures wocdeck did not write" in watcher.wait_for("did not write")
    watcher.stop()
    assert (folder / "slide-01.png").read_bytes() == b"my own picture"


def test_a_hanging_libreoffice_is_restarted(tmp_path: Path, monkeypatch, renderer) -> None:
    from wocdeck.output import session as preview_session
    from wocdeck.pipeline import render

    deck = write_deck(tmp_path, MINIMAL)
    pptx = render(deck, deck.with_suffix(".pptx")).output
    monkeypatch.setattr(preview_session, "CONVERT_TIMEOUT", 5.0)
    office = preview_session.LibreOffice()
    try:
        office.start()
        hung = office.pid
        assert hung is not None
        os.killpg(hung, signal.SIGSTOP)  # LibreOffice stops answering
        pdf = office.to_pdf(pptx, tmp_path / "deck.pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        assert office.pid not in (None, hung)  # a fresh one did the work
        with pytest.raises(ProcessLookupError):
            os.killpg(hung, 0)  # and the hung one is gone
    finally:
        office.close()
    assert office.pid is None and not office.work.exists()


def test_a_half_saved_file_ends_in_the_whole_deck(tmp_path: Path, watchers) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    watcher = watchers(deck)
    watcher.wait_for("watching")
    whole = MINIMAL + "year_ahead: [One]\nclosing: Thanks\n"
    with deck.open("w", encoding="utf-8") as stream:  # an editor writing in two steps
        stream.write(whole[:70])
        stream.flush()
        time.sleep(0.03)
        stream.write(whole[70:])
    # whatever the half-written file gave, the whole one is rendered next
    assert watcher.wait_for("(3 slides)") == f"wrote {deck.with_suffix('.pptx')} (3 slides)"
    assert watcher.stop() == 0


def test_preview_without_the_uno_bridge_says_how_to_install(cli, tmp_path, monkeypatch) -> None:
    from wocdeck.output import session as preview_session

    monkeypatch.setitem(sys.modules, "uno", None)  # `import uno` fails
    monkeypatch.setattr(preview_session, "UNO_PATHS", ())
    deck = write_deck(tmp_path, MINIMAL)
    code, _, err = cli("watch", deck, "--preview")
    assert code == 1
    assert "LibreOffice's Python bridge (uno) is not available" in err
    assert "apt-get install -y python3-uno" in err
    assert not deck.with_suffix(".pptx").exists()
