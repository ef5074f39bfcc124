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

and received folders (a deck with the hostile files it names beside it):

- svg-spin:   an SVG filter that would spin the renderer forever (stopped at its time limit)
- svg-deep:   1,000 nested SVG groups (crashed the renderer's stack)
- svg-bomb:   an SVG embedding a PNG that claims 25,000 x 25,000 pixels
- svg-device: an SVG whose picture is /dev/zero
- zip-bomb:   a template whose one part expands to 900 MB
- series:     a chart CSV of 3,000 series
- rows:       a table CSV of 5 MB of short rows

The issue's goals: a 4 MB deck renders or is refused in under 10 s; nothing hangs or grows
without bound. No assertions: figures only.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
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


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{}</svg>'
PICTURE = "slides:\n  - title: Probe\n    picture: {file: drawing.svg, alt: A probe}\n"


def _drawing(body: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / "drawing.svg").write_text(SVG.format(body), encoding="utf-8")
        return HEAD + PICTURE

    return make


def _png_claiming(side: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))


def zip_bomb(folder: Path) -> str:
    """The bundled template with one part of 900 MB of spaces (about 0.9 MB compressed)."""
    bundled = Path(__file__).resolve().parents[1] / "themes" / "wipo" / "wipo.potx"
    with zipfile.ZipFile(bundled) as source, zipfile.ZipFile(folder / "brand.potx", "w") as out:
        for name in source.namelist():
            out.writestr(name, source.read(name), zipfile.ZIP_DEFLATED)
        filler = zipfile.ZipInfo("ppt/media/filler.xml")
        filler.compress_type = zipfile.ZIP_DEFLATED
        with out.open(filler, "w") as part:
            for _ in range(900):
                part.write(b" " * (1 << 20))
    return "template: brand.potx\n" + HEAD


def many_series(folder: Path) -> str:
    """A chart CSV of 3,000 series."""
    header = "Year," + ",".join(f"S{n}" for n in range(3000))
    (folder / "data.csv").write_text(header + "\n2017" + ",1" * 3000 + "\n", encoding="utf-8")
    return HEAD + "slides:\n  - title: Probe\n    chart: {type: column, data: data.csv}\n"


def many_rows(folder: Path) -> str:
    """A table CSV of nearly 5 MB of short rows."""
    rows = "".join(f"{n},1\n" for n in range(600_000))[: 5_000_000 - 16]
    (folder / "table.csv").write_text("A,B\n" + rows.rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    return HEAD + "slides:\n  - title: Probe\n    table: {csv: table.csv}\n"


FOLDERS: dict[str, Callable[[Path], str]] = {
    "svg-spin": _drawing(
        '<filter id="f" x="-1000%" y="-1000%" width="10000%" height="10000%">'
        '<feMorphology radius="100000"/></filter><rect width="9" height="9" filter="url(#f)"/>'
    ),
    "svg-deep": _drawing("<g>" * 1000 + '<rect width="9" height="9"/>' + "</g>" * 1000),
    "svg-bomb": _drawing(
        '<image width="9" height="9" href="data:image/png;base64,'
        + base64.b64encode(_png_claiming(25_000)).decode()
        + '"/>'
    ),
    "svg-device": _drawing('<image width="9" height="9" href="/dev/zero"/>'),
    "zip-bomb": zip_bomb,
    "series": many_series,
    "rows": many_rows,
}

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
    parser.add_argument("--only", default=",".join([*DECKS, *FOLDERS]))
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the decks here and keep them")
    args = parser.parse_args()
    wocdeck = shutil.which("wocdeck") or "wocdeck"
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wocdeck-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("deck\tMiB\tcommand\twall s\tCPU s\texit\tpeak MiB\tlast message")
    try:
        for name in args.only.split(","):
            if name in FOLDERS:  # a received folder of its own
                (folder / name).mkdir(exist_ok=True)
                deck = folder / name / "deck.yaml"
                deck.write_text(FOLDERS[name](deck.parent), encoding="utf-8")
                slides = False
            else:
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
                figures = measure(argv, deck.parent)
                print(f"{name}\t{size:.2f}\t{command}\t{figures}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
