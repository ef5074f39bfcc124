"""Which metrics measure a typeface: a shipped table, an installed font file, or the nearest.

PowerPoint lays text out in the template's fonts. Common Office fonts have metric-compatible
open fonts whose advance widths ship as tables (tools/build_metrics.py); any other font is
measured from its installed file when fontTools is available, else with the widest shipped
family of its class (DejaVu Sans or Serif, so text never measures narrower than it is), and
the caller says so once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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
    "dejavu-sans": "DejaVu Sans, a sans about as wide as Verdana",
    "dejavu-serif": "DejaVu Serif, a wide serif",
}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_SERIF_WORDS = ("serif", "times", "garamond", "georgia", "palatino", "book", "roman", "cambria")
_MONO_WORDS = ("mono", "courier", "consolas", "code", "typewriter")


class FontMetrics(NamedTuple):
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
        f"{_DESCRIBED[nearest]}, so "
        + (
            "line breaks in PowerPoint may differ slightly "
            if nearest == "liberation-mono"
            else "lines may break a little earlier than in PowerPoint, but not later "
        )
        + "(install the font to measure it exactly)",
    )


def _nearest(key: str) -> str:
    """The widest plausible font of the typeface's class: text measured to fit then fits in
    the real font, which is likely narrower (monospaced fonts are all about as wide)."""
    if any(word in key for word in _MONO_WORDS):
        return "liberation-mono"
    if "sans" not in key and any(word in key for word in _SERIF_WORDS):
        return "dejavu-serif"
    return "dejavu-sans"


def is_font_file(metrics: str) -> bool:
    """Whether a metrics key names a font file rather than a shipped table."""
    return metrics.lower().endswith(FONT_SUFFIXES)


def _installed_file(typeface: str) -> str:
    """The regular font file of an installed typeface, if fontTools can read it: found by
    fontconfig where there is one (Linux), else in the system's and user's font folders."""
    try:
        import fontTools.ttLib  # noqa: F401
    except ImportError:
        return ""
    matcher = shutil.which("fc-match")
    if not matcher:
        return _in_font_folders(typeface, font_folders())
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


def font_folders() -> list[Path]:
    """Where Windows and macOS keep installed fonts (system-wide and the user's own)."""
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windows, local]
    home = Path.home()
    return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]


def _in_font_folders(typeface: str, folders: list[Path]) -> str:
    """The file whose name table calls it typeface (regular), among files named like it
    ("Segoe UI" → segoeui.ttf, "Frutiger Next" → FrutigerNext-Regular.otf)."""
    from fontTools.ttLib import TTFont

    wanted = typeface.strip().lower()
    stem = "".join(wanted.split())[:5]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            key = "".join(path.stem.lower().split())
            if path.suffix.lower() not in FONT_SUFFIXES or not key.startswith(stem):
                continue
            try:
                with TTFont(path, lazy=True, fontNumber=0) as font:
                    names = font["name"]
                    family = str(names.getDebugName(1) or "").lower()
                    style = str(names.getDebugName(2) or "").lower()
            except Exception:  # an unreadable or damaged font file is simply not it
                continue
            if family == wanted and style in ("regular", "normal", "book", "roman"):
                return str(path)
    return ""


@lru_cache(maxsize=16)
def line_height(metrics: str) -> float:
    """A font's natural line height in em: a line set tighter pokes above its box's top."""
    if is_font_file(metrics):
        from fontTools.ttLib import TTFont

        with TTFont(metrics, lazy=True, fontNumber=0) as font:
            os2 = font["OS/2"]
            return (os2.usWinAscent + os2.usWinDescent) / font["head"].unitsPerEm
    import json

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
