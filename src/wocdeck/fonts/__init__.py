"""Which metrics measure a typeface: a shipped table, an installed font file, or the nearest.

PowerPoint lays text out in the template's fonts. Common Office fonts have metric-compatible
open fonts whose advance widths ship as tables (tools/build_metrics.py); any other font is
measured from its installed file when fontTools is available, else with the nearest shipped
family, and the caller says so once.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

SHIPPED = {
    "arial": "liberation-sans",
    "liberation sans": "liberation-sans",
    "arimo": "liberation-sans",
    "helvetica": "liberation-sans",
    "times new roman": "liberation-serif",
    "liberation serif": "liberation-serif",
    "tinos": "liberation-serif",
    "times": "liberation-serif",
    "courier new": "liberation-mono",
    "liberation mono": "liberation-mono",
    "cousine": "liberation-mono",
    "courier": "liberation-mono",
    "calibri": "carlito",
    "carlito": "carlito",
    "cambria": "caladea",
    "caladea": "caladea",
}
_DESCRIBED = {
    "liberation-sans": "Liberation Sans (Arial's widths)",
    "liberation-serif": "Liberation Serif (Times New Roman's widths)",
    "liberation-mono": "Liberation Mono (Courier New's widths)",
    "carlito": "Carlito (Calibri's widths)",
    "caladea": "Caladea (Cambria's widths)",
}
_SERIF_WORDS = ("serif", "times", "garamond", "georgia", "palatino", "book", "roman", "cambria")
_MONO_WORDS = ("mono", "courier", "consolas", "code", "typewriter")


@dataclass(frozen=True)
class FontMetrics:
    """How a typeface is measured: a table name or font file, and a notice when approximated."""

    typeface: str
    metrics: str
    notice: str = ""


@lru_cache(maxsize=32)
def metrics_for(typeface: str) -> FontMetrics:
    """The metrics that measure typeface, and a notice when they only approximate it."""
    key = typeface.strip().lower()
    if key in SHIPPED:
        return FontMetrics(typeface, SHIPPED[key])
    installed = _installed_file(typeface)
    if installed:
        return FontMetrics(typeface, installed)
    nearest = _nearest(key)
    return FontMetrics(
        typeface,
        nearest,
        f"the font '{typeface}' is not installed here; its text is measured with "
        f"{_DESCRIBED[nearest]}, so line breaks in PowerPoint may differ slightly "
        "(install the font to measure it exactly)",
    )


def _nearest(key: str) -> str:
    if any(word in key for word in _MONO_WORDS):
        return "liberation-mono"
    if "sans" not in key and any(word in key for word in _SERIF_WORDS):
        return "liberation-serif"
    return "liberation-sans"


def _installed_file(typeface: str) -> str:
    """The regular font file of an installed typeface (fontconfig), if fontTools can read it."""
    try:
        import fontTools.ttLib  # noqa: F401
    except ImportError:
        return ""
    matcher = shutil.which("fc-match")
    if not matcher:
        return ""
    found = subprocess.run(
        [matcher, "--format=%{file}\n%{family}", f"{typeface}:style=Regular"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    ).stdout.split("\n", 1)
    if len(found) != 2 or not found[0].startswith("/"):
        return ""
    families = {name.strip().lower() for name in found[1].split(",")}
    return found[0] if typeface.strip().lower() in families else ""


@lru_cache(maxsize=16)
def line_height(metrics: str) -> float:
    """A font's natural line height in em: a line set tighter pokes above its box's top."""
    if metrics.startswith("/"):
        from fontTools.ttLib import TTFont

        with TTFont(metrics, lazy=True, fontNumber=0) as font:
            os2 = font["OS/2"]
            return (os2.usWinAscent + os2.usWinDescent) / font["head"].unitsPerEm
    import json
    from pathlib import Path

    table = json.loads((Path(__file__).parent / f"{metrics}.json").read_text(encoding="utf-8"))
    return float(table.get("line_height", 1.0))


def file_widths(path: str) -> tuple[dict[str, float], dict[str, float]]:
    """Advance widths in em of every character of a font file (used for regular and bold)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True, fontNumber=0) as font:
        units = float(font["head"].unitsPerEm)
        metrics = font["hmtx"].metrics
        widths = {chr(cp): metrics[name][0] / units for cp, name in font.getBestCmap().items()}
    # No bold file is looked up: a synthetic or real bold is about as wide; measure() falls
    # back from bold to regular character by character.
    return widths, {}
