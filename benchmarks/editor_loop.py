"""Benchmark the editor's loop: warm re-render, watch --preview, cold preview, many decks.

    python benchmarks/editor_loop.py [--repeat 5] [--edits 8] [--decks 20]

Prints medians (alternating the compared variants within one run) for:
- a warm re-render of the seed deck in one process (imports paid, template read once), as
  `wocdeck watch` does on each save;
- with `wocdeck watch --preview` running: edit → refreshed PDF, and edit → all PNGs;
- a cold `wocdeck preview` of the seed against the way it was made before (LibreOffice with
  a fresh profile, pdftoppm's own PNG encoder), both ending in the same contact sheet;
- `wocdeck render` of N decks in one command against N separate `wocdeck render` runs.
No assertions: figures only.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "deck.yaml"


def wocdeck(*args: str | Path) -> list[str]:
    """The command line, as a user runs it."""
    script = shutil.which("wocdeck")
    base = [script] if script else [sys.executable, "-m", "wocdeck.cli"]
    return [*base, *map(str, args)]


def timed(command: list[str], cwd: Path) -> float:
    """Wall seconds of one command; it must succeed."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr.decode()}")
    return time.perf_counter() - started


def warm_render(work: Path, repeat: int) -> float:
    """Median seconds of an in-process re-render of the seed after three warm-ups."""
    from wocdeck.pipeline import render

    deck = Path(shutil.copy(SEED, work / "warm.yaml"))
    for _ in range(3):
        render(deck, work / "warm.pptx")
    times = []
    for _ in range(max(repeat, 1) * 10):
        started = time.perf_counter()
        render(deck, work / "warm.pptx")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def watch_preview(work: Path, edits: int) -> tuple[float, float]:
    """Median seconds from saving the deck to a new PDF, and to all PNGs, under watch."""
    deck = Path(shutil.copy(SEED, work / "watched.yaml"))
    text = deck.read_text(encoding="utf-8")
    pdf = deck.with_suffix(".pdf")
    child = subprocess.Popen(
        wocdeck("watch", deck, "--preview"), stdout=subprocess.PIPE, text=True, cwd=work
    )
    previews: list[float] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if " slides to " in line:
                previews.append(time.perf_counter())
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(120):
            raise SystemExit("watch --preview did not start")
        to_pdf, to_pngs = [], []
        for number in range(edits):
            ready.clear()
            before = pdf.stat().st_mtime_ns
            saved = time.perf_counter()
            deck.write_text(text.replace("Thank you for your time.", f"Thanks ({number})."))
            while pdf.stat().st_mtime_ns == before and time.perf_counter() - saved < 60:
                time.sleep(0.002)
            to_pdf.append(time.perf_counter() - saved)
            if not ready.wait(60):
                raise SystemExit("no preview after an edit")
            to_pngs.append(previews[-1] - saved)
            time.sleep(0.3)
    finally:
        child.terminate()
        child.wait(30)
    return statistics.median(to_pdf), statistics.median(to_pngs)


def cold_preview(work: Path, repeat: int) -> tuple[float, float]:
    """Median seconds of `wocdeck preview` now, and of the way it was done before."""
    from wocdeck.output.export import contact_sheet, soffice

    deck = Path(shutil.copy(SEED, work / "cold.yaml"))
    subprocess.run(wocdeck("render", deck), check=True, capture_output=True)
    pptx = deck.with_suffix(".pptx")

    def before() -> float:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(dir=work) as scratch:
            profile = Path(scratch, "profile").as_uri()
            subprocess.run(
                [soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", scratch, str(pptx)],
                capture_output=True, check=True,
            )  # fmt: skip
            folder = Path(scratch, "png")
            folder.mkdir()
            subprocess.run(
                ["pdftoppm", "-r", "96", "-png", str(Path(scratch, "cold.pdf")), str(folder / "s")],
                check=True,
            )
            contact_sheet(sorted(folder.glob("s-*.png")), folder / "sheet.png")
        return time.perf_counter() - started

    now, then = [], []
    for _ in range(repeat):
        now.append(timed(wocdeck("preview", deck, "-o", work / "cold-preview"), work))
        then.append(before())
    return statistics.median(now), statistics.median(then)


def many_decks(work: Path, repeat: int, count: int) -> tuple[float, float]:
    """Median seconds of rendering `count` decks in one command, and in `count` commands."""
    folder = work / "many"
    folder.mkdir()
    decks = [Path(shutil.copy(SEED, folder / f"office-{n:02d}.yaml")) for n in range(count)]
    one, separate = [], []
    for _ in range(repeat):
        one.append(timed(wocdeck("render", *decks), folder))
        started = time.perf_counter()
        for deck in decks:
            timed(wocdeck("render", deck), folder)
        separate.append(time.perf_counter() - started)
    return statistics.median(one), statistics.median(separate)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--edits", type=int, default=8)
    parser.add_argument("--decks", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wocdeck-loop-"))
    try:
        warm = warm_render(work, args.repeat)
        print(f"warm re-render of the seed (in process): {warm * 1000:.1f} ms median")
        to_pdf, to_pngs = watch_preview(work, args.edits)
        print(f"watch --preview, edit → PDF: {to_pdf:.2f} s; edit → all PNGs: {to_pngs:.2f} s")
        now, then = cold_preview(work, args.repeat)
        print(f"cold preview: {now:.2f} s; as before: {then:.2f} s; ratio {now / then:.2f}")
        one, separate = many_decks(work, args.repeat, args.decks)
        print(
            f"{args.decks} decks: one command {one:.2f} s; {args.decks} commands "
            f"{separate:.2f} s; ratio {one / separate:.2f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
