"""Benchmark wocdeck render against its stack floor and naive python-pptx; prints a table.

    python benchmarks/bench.py [--repeat 3] [--sizes 100,1000,2000]

For the seed deck and generated decks of N slides (speaker notes and metric tiles on every
focus area), runs, alternately in one run: `wocdeck render` as a whole process; the stack
floor (a script that imports python-pptx, pydantic, PyYAML and typer, defines and uses one
pydantic model, adds one slide and saves); and naive python-pptx adding N title-and-content
slides without notes. Reports
median wall time, peak memory (max RSS) and the ratios the performance goals are stated in.
No assertions: figures only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# Children write bytecode as a user's Python does: with PYTHONDONTWRITEBYTECODE=1 set, an
# editable install would compile wocdeck's sources on every run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FLOOR = """
import pptx, pydantic, yaml, typer
from pydantic import BaseModel
class Floor(BaseModel):  # a real program using pydantic pays for its first model's set-up
    name: str
Floor(name="floor")
prs = pptx.Presentation()
prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "floor"
prs.save({out!r})
"""
NAIVE = """
import pptx
prs = pptx.Presentation()
for n in range({n}):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = f"Slide {{n}}"
    slide.placeholders[1].text_frame.text = "Outreaching to regions within China and communicating"
prs.save({out!r})
"""


def generated_deck(slides: int) -> str:
    """A deck of about `slides` slides: focus areas with aims, notes and metric tiles."""
    areas = max(1, (slides - 4) // 2)
    focus = [
        {
            "name": f"Focus area {i + 1}",
            "goal": (i % 9) + 1,
            "aims": [
                f"Aim {j} of area {i}: outreach to regions and stakeholders" for j in range(3)
            ],
            "notes": f"Speaker notes for the aims of area {i + 1}.",
            "achievements": [
                {
                    "heading": "Outcome",
                    "points": [f"Organizing **{i + 20}** seminars and workshops"],
                    "metrics": [
                        {
                            "label": "PCT",
                            "value": 33745 + i,
                            "period": "Jan-Aug",
                            "change": "+6.8%",
                        },
                        {"label": "Hague", "value": 87, "change": "+85%", "versus": "2017 total"},
                    ],
                }
            ],
            "achievements_notes": f"Speaker notes for the achievements of area {i + 1}.",
        }
        for i in range(areas)
    ]
    deck = {
        "event": {"office": "WIPO Office in China", "acronym": "WOC", "title": "Benchmark",
                  "date": "2018-09-27",
                  "notes": "Welcome."},
        "about": {"established": "2014-07-10", "location": "Beijing, China"},
        "focus": focus,
        "year_ahead": ["Continue outreach activities in China"],
        "closing": "Thank you for your time.",
    }  # fmt: skip
    return yaml.safe_dump(deck, sort_keys=False)


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{child.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def count_slides(deck: Path) -> int:
    """Slides in a .pptx, read without loading it: this process must stay small, since a
    child's peak memory (ru_maxrss) starts from its parent's size at fork."""
    with zipfile.ZipFile(deck) as package:
        return package.read("ppt/presentation.xml").count(b"<p:sldId ")


def wocdeck_command() -> list[str]:
    """The installed console script, as a user runs it."""
    script = shutil.which("wocdeck")
    return [script] if script else [sys.executable, "-m", "wocdeck.cli"]


def main() -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,1000,2000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="wocdeck-bench-"))
    python = sys.executable
    decks = {"seed": ROOT / "deck.yaml"}
    for n in sizes:
        decks[str(n)] = work / f"deck-{n}.yaml"
        decks[str(n)].write_text(generated_deck(n), encoding="utf-8")
    floor = work / "floor.py"
    floor.write_text(FLOOR.format(out=str(work / "floor.pptx")))
    warm = [*wocdeck_command(), "render", str(decks["seed"]), "-o", str(work / "warm.pptx")]
    for command in ([python, str(floor)], warm):
        run(command)  # bytecode written once, before anything is timed
    rows = []
    floor_times: list[float] = []
    startup = {"--version": [], "--help": []}
    for _ in range(args.repeat):
        floor_times.append(run([python, str(floor)])[0])
        for flag in startup:
            startup[flag].append(run([*wocdeck_command(), flag])[0])
    floor_s = statistics.median(floor_times)
    print(f"stack floor (import pptx+pydantic+yaml+typer, 1 slide, save): {floor_s:.3f} s")
    for flag, times in startup.items():
        print(
            f"wocdeck {flag}: {statistics.median(times):.3f} s"
            f" = {statistics.median(times) / floor_s:.2f}x floor"
        )
    for name, deck in decks.items():
        out = work / f"{deck.stem}.pptx"
        times, memory, naive_times, naive_memory, floors = [], [], [], [], []
        n_slides = None
        for _ in range(args.repeat):
            floors.append(run([python, str(floor)])[0])
            seconds, mib = run([*wocdeck_command(), "render", str(deck), "-o", str(out)])
            times.append(seconds)
            memory.append(mib)
            if n_slides is None:
                n_slides = count_slides(out)
            naive = work / "naive.py"
            naive.write_text(NAIVE.format(n=n_slides, out=str(work / "naive.pptx")))
            seconds, mib = run([python, str(naive)])
            naive_times.append(seconds)
            naive_memory.append(mib)
        t, f, nv = (
            statistics.median(times),
            statistics.median(floors),
            statistics.median(naive_times),
        )
        rows.append((name, n_slides, t, max(memory), f, nv, max(naive_memory)))
    print()
    print(
        "| deck | slides | wocdeck render | peak MiB | stack floor | x floor "
        "| naive python-pptx | x naive |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, n, t, mem, f, nv, _ in rows:
        print(
            f"| {name} | {n} | {t:.2f} s | {mem:.0f} | {f:.2f} s | {t / f:.2f} "
            f"| {nv:.2f} s | {t / nv:.2f} |"
        )
    by_name = {r[0]: r for r in rows}
    if "1000" in by_name and "2000" in by_name:
        one, two = by_name["1000"], by_name["2000"]
        print(
            f"\n2,000 vs 1,000 slides: time {two[2] / one[2]:.2f}x, memory {two[3] / one[3]:.2f}x"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
