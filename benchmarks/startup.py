"""Start-up budget: the seed render against the stack floor, and wocdeck's own import time.

    python benchmarks/startup.py [--repeat 9] [--instructions] [--strict]

Runs, alternately and each as a whole process: the stack floor (bench.py's: import python-pptx,
pydantic, PyYAML and typer, one pydantic model, one slide saved) and `wocdeck render deck.yaml`;
then `python -X importtime` of the same render. Prints the load average, median wall and CPU
time and their ratio to the floor (the goal: at most GOAL), the self import time of wocdeck's
own modules summed per stage, as a share of the floor's import time, against each stage's
budget, and the libraries the render imports beyond the floor's. A change that adds start-up
time shows up as a stage over its budget or a library in that list. Bytecode is written once
first, as a user's installation has it (an editable install under PYTHONDONTWRITEBYTECODE=1
would compile wocdeck's sources on every run).
Wall and CPU time depend on the machine's load: --instructions also counts what each executes
(valgrind), the same at any load. Figures only; --strict exits 1 when the ratio or a stage is
over budget.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ENV, FLOOR, ROOT, wocdeck_command

GOAL = 1.15  # the seed render's wall time over the stack floor's
# Each stage's self import time (`-X importtime`, summed over its modules; median) as a share,
# in percent, of the floor's whole self import time measured in the same round: a share
# stays put when other work slows the machine down, milliseconds do not. About 1.4 times what
# the stages took on the 2-core development machine (2026-12-05, load average 3: 15.8% of the
# floor's 245 ms in all); a stage's pydantic models, dataclasses and patterns are what costs.
BUDGET_PERCENT = {
    "cli": 1.0,
    "errors": 0.5,
    "plan": 3.5,
    "pipeline": 1.0,
    "read": 3.5,
    "model": 4.0,
    "look": 6.5,
    "compose": 2.0,
    "layout": 1.0,
    "writer": 1.0,
    "output": 0.5,
    "wocdeck": 0.5,
}
# After a render: the classes wocdeck's imported modules define that cost most to make at
# start (a dataclass compiles its methods, a pydantic model collects its fields and builds
# a validator when first used), and the regular expressions compiled.
CLASSES = """
import dataclasses, re, sys
from pydantic import BaseModel
from wocdeck.cli import main
try:
    main()
except SystemExit:
    pass
mine = [v for name, m in list(sys.modules.items()) if name.startswith("wocdeck") and m
        for v in vars(m).values() if isinstance(v, type) and v.__module__ == name]
print(sum(dataclasses.is_dataclass(c) for c in mine), sum(issubclass(c, BaseModel) for c in mine),
      len(re._cache), file=sys.stderr)
"""


def run(command: list[str], env: dict[str, str] = ENV) -> tuple[float, float, str]:
    """Wall and CPU seconds of one child process, and its standard error."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    stderr = child.stderr.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime, stderr


def instructions(command: list[str]) -> int:
    """Instructions one child process executes (valgrind's cachegrind, a fixed hash seed)."""
    with tempfile.NamedTemporaryFile() as out:
        counted = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
        counted += [f"--cachegrind-out-file={out.name}", *command]
        stderr = run(counted, {**ENV, "PYTHONHASHSEED": "0"})[2]  # the same work every run
    refs = re.search(r"I\s+refs:\s+([\d,]+)", stderr)
    if refs is None:
        raise SystemExit(f"no instruction count from valgrind:\n{stderr}")
    return int(refs.group(1).replace(",", ""))


def stage(module: str) -> str | None:
    """The stage a wocdeck module belongs to (wocdeck.read.files → read), None for others."""
    parts = module.split(".")
    if parts[0] != "wocdeck":
        return None
    return parts[1] if len(parts) > 1 else "wocdeck"


def self_times(importtime: str) -> dict[str, float]:
    """Each imported module's self import time in ms, from `-X importtime` output."""
    times = {}
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        times[name.strip()] = int(own) / 1000
    return times


def main() -> None:
    """Print the start-up figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions each runs (needs valgrind): the same at any load",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wocdeck-startup-"))
    floor = work / "floor.py"
    floor.write_text(FLOOR.format(out=str(work / "floor.pptx")))
    python = sys.executable
    floor_run = [python, str(floor)]
    render = [*wocdeck_command(), "render", str(ROOT / "deck.yaml"), "-o", str(work / "s.pptx")]
    traced = [python, "-X", "importtime", "-c", "from wocdeck.cli import main; main()"]
    traced += render[len(wocdeck_command()) :]
    counted = [python, "-c", CLASSES, *render[len(wocdeck_command()) :]]
    for command in (floor_run, render):  # bytecode written once
        run(command)
    figures: dict[str, list[float]] = defaultdict(list)
    stages: dict[str, list[float]] = defaultdict(list)
    beyond: dict[str, list[float]] = defaultdict(list)
    loads = []
    for _ in range(args.repeat):
        loads.append(os.getloadavg()[0])
        for name, command in (("floor", floor_run), ("render", render)):
            wall, cpu, _ = run(command)
            figures[f"{name} wall"].append(wall)
            figures[f"{name} cpu"].append(cpu)
        floor_modules = self_times(run([python, "-X", "importtime", str(floor)])[2])
        seed_modules = self_times(run(traced)[2])
        figures["floor imports ms"].append(sum(floor_modules.values()))
        per_stage: dict[str, float] = defaultdict(float)
        for module, ms in seed_modules.items():
            if (name := stage(module)) is not None:
                per_stage[name] += ms
            elif module not in floor_modules:
                beyond[module.partition(".")[0]].append(ms)
        for name in BUDGET_PERCENT:
            stages[name].append(per_stage.get(name, 0.0))
            stages[f"{name} %"].append(100 * per_stage.get(name, 0.0) / sum(floor_modules.values()))
    median = {k: statistics.median(v) for k, v in figures.items()}
    over = []
    print(f"load average (1 min) {min(loads):.1f}-{max(loads):.1f}, {args.repeat} runs each")
    for kind in ("wall", "cpu"):
        ratio = median[f"render {kind}"] / median[f"floor {kind}"]
        print(
            f"seed render {median[f'render {kind}'] * 1000:.0f} ms {kind}, stack floor "
            f"{median[f'floor {kind}'] * 1000:.0f} ms: {ratio:.2f}x floor"
            + (f" (goal {GOAL}x)" if kind == "wall" else "")
        )
        if kind == "wall" and ratio > GOAL:
            over.append("ratio")
    floor_ms = median["floor imports ms"]
    print(f"\nthe floor's self import time: {floor_ms:.0f} ms (median)")
    print("| stage | self import ms | % of the floor's | budget % |")
    print("|---|---:|---:|---:|")
    total = share = 0.0
    for name, budget in BUDGET_PERCENT.items():
        ms, percent = statistics.median(stages[name]), statistics.median(stages[f"{name} %"])
        total, share = total + ms, share + percent
        flag = " over budget" if percent > budget else ""
        over += [name] if flag else []
        print(f"| {name} | {ms:.1f} | {percent:.1f} | {budget:.1f}{flag} |")
    print(f"| all of wocdeck | {total:.1f} | {share:.1f} | {sum(BUDGET_PERCENT.values()):.1f} |")
    extra = sorted(((sum(v) / args.repeat, k) for k, v in beyond.items()), reverse=True)
    print(
        f"\nlibraries beyond the floor's: {len(extra)}, "
        + ", ".join(f"{name} {ms:.1f} ms" for ms, name in extra[:8])
    )
    if args.instructions:
        floor_count, seed_count = instructions(floor_run), instructions(render)
        print(
            f"instructions: seed render {seed_count / 1e6:,.0f} M, stack floor "
            f"{floor_count / 1e6:,.0f} M: {seed_count / floor_count:.2f}x floor"
        )
    dataclasses, models, patterns = run(counted)[2].split()[-3:]
    print(
        f"wocdeck's classes made at start: {dataclasses} dataclasses, {models} pydantic models; "
        f"regular expressions compiled in all: {patterns}"
    )
    if over:
        print("over budget: " + ", ".join(over))
        if args.strict:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
