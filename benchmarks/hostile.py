"""Hostile and worst legal decks: wall time and peak memory of validate, render and preview.

    python benchmarks/hostile.py [--only NAME,NAME] [--no-preview] [--keep DIR]

Generates each deck, runs `wocdeck validate`, `wocdeck render` and (for the decks that make
slides) `wocdeck preview` as whole processes, and prints wall time, CPU time (user + system,
the command and its children), exit code and peak memory (the largest process of the command's
tree: for preview, LibreOffice). On a shared machine CPU time is the steadier figure. The decks:

- worst:     the worst legal deck: 4 MB of text on 5,000 slides (2,497 focus areas)
- long:      4 MB of long bullets (about 9.5 KB each, 20 to a focus area)
- paragraph: one bullet of 4 MB (split over about 1,100 slides)
- aliases:   a 400 KB string anchored once and reused in 2,499 places
- empty:     480,000 empty bullets (480,000 errors: the report is capped)

The issue's goals: a 4 MB deck renders or is refused in under 10 s; nothing hangs or grows
without bound. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HEAD = (
    "event:\n  office: WIPO Office in China\n  acronym: WOC\n"
    "  title: Side-Event at the 2018 WIPO Assemblies\n  city: Geneva\n  date: 2018-09-27\n"
)
LOREM = (
    "Strengthening cooperation with national and regional IP offices through joint "
    "activities, training programmes and the exchange of data and best practices"
)
MEGABYTES = 4 * 1024 * 1024
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
last = (done.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
print(f"{elapsed:.2f}\\t{cpu:.2f}\\t{done.returncode}\\t{peak:.0f}\\t{last[:90]}")
"""


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, width=10**9, allow_unicode=True)


def worst() -> str:
    """4 MB of text on 5,000 slides: 2,497 focus areas with aims and achievements."""
    length = 400
    while True:  # the longest bullets that keep the file within the limit
        text = _worst(length)
        if len(text.encode()) <= MEGABYTES:
            return text
        length -= 4


def _worst(length: int) -> str:
    bullet = ((LOREM + " ") * 4)[:length].strip()
    focus = [
        {
            "name": f"Focus area {n}",
            "aims": [bullet, bullet],
            "achievements": [f"{n}: {bullet}", bullet],
        }
        for n in range(2497)
    ]
    extra = {
        "about": {"established": "2014-07-10", "location": "Beijing, China"},
        "resources": {"personnel": ["D1", "P5"], "budget": {"currency": "CHF", "amount": 108348}},
    }
    tail = {"year_ahead": ["More outreach"], "closing": "Thank you"}
    return HEAD + _dump(extra) + _dump({"focus": focus}) + _dump(tail)


def long_bullets() -> str:
    """4 MB of bullets of about 9.5 KB, twenty to a focus area."""
    bullet = " ".join([LOREM] * 60)
    count = (MEGABYTES - 8192) // (len(bullet) + 8)
    focus = [{"name": f"Area {n}", "aims": [bullet] * 20} for n in range(count // 20)]
    return HEAD + _dump({"focus": focus})


def one_paragraph() -> str:
    """One bullet of nearly 4 MB."""
    text = " ".join([LOREM] * 30_000)[: MEGABYTES - 1024]
    return HEAD + "year_ahead:\n  - " + text.strip() + "\n"


def aliases() -> str:
    """A 400 KB string anchored once and used 2,499 times."""
    return (
        HEAD
        + f"about:\n  location: &big {'x' * 400_000}\n"
        + ("year_ahead: [" + ", ".join(["*big"] * 2499) + "]\n")
    )


def empty_bullets() -> str:
    """480,000 empty bullets in 240 lists of 2,000."""
    parts = [HEAD, "focus:\n"]
    for n in range(240):
        parts.append(f"- name: A{n}\n  aims:\n" + '  - ""\n' * 2000)
    return "".join(parts)


DECKS = {
    "worst": (worst, True),
    "long": (long_bullets, True),
    "paragraph": (one_paragraph, True),
    "aliases": (aliases, False),
    "empty": (empty_bullets, False),
}


def measure(command: list[str], cwd: Path) -> str:
    """Run a command; its wall time, exit code, peak memory (MiB) and last line of stderr."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def main() -> None:
    """Generate each deck and print the figures of each command on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(DECKS))
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the decks here and keep them")
    args = parser.parse_args()
    wocdeck = shutil.which("wocdeck") or "wocdeck"
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wocdeck-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("deck\tMiB\tcommand\twall s\tCPU s\texit\tpeak MiB\tlast message")
    try:
        for name in args.only.split(","):
            make, slides = DECKS[name]
            deck = folder / f"{name}.yaml"
            deck.write_text(make(), encoding="utf-8")
            size = deck.stat().st_size / 2**20
            commands = {
                "validate": [wocdeck, "validate", deck.name],
                "render": [wocdeck, "render", deck.name],
            }
            if slides and not args.no_preview:
                commands["preview"] = [wocdeck, "preview", deck.name, "-o", f"{name}-preview"]
            for command, argv in commands.items():
                print(f"{name}\t{size:.2f}\t{command}\t{measure(argv, folder)}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
