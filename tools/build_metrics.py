"""Extract advance widths from Liberation Sans into src/wocdeck/fonts/liberation-sans.json.

Liberation Sans is metric-compatible with Arial (same advance width for every glyph), so its
widths measure what PowerPoint lays out in Arial and what LibreOffice lays out in Liberation
Sans. Run after changing fonts:  python tools/build_metrics.py [FONT_DIR]
Needs fontTools (in the test extra) and the fonts (Debian: fonts-liberation2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
OUT = Path(__file__).resolve().parents[1] / "src/wocdeck/fonts/liberation-sans.json"
STYLES = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}


def advance_widths(font_file: Path) -> tuple[int, dict[int, int]]:
    """Units per em and the advance width of every mapped code point."""
    font = TTFont(font_file, lazy=True)
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    return font["head"].unitsPerEm, {cp: metrics[name][0] for cp, name in sorted(cmap.items())}


def runs(widths: dict[int, int]) -> list[list[int]]:
    """Compress code point → width into [first code point, width, width, …] runs."""
    out: list[list[int]] = []
    for cp, width in widths.items():
        if out and out[-1][0] + len(out[-1]) - 1 == cp:
            out[-1].append(width)
        else:
            out.append([cp, width])
    return out


def main() -> None:
    """Write the metrics table."""
    font_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else FONT_DIR
    table: dict[str, object] = {"font": "Liberation Sans 2 (SIL OFL 1.1), Arial-compatible"}
    for style, name in STYLES.items():
        units, widths = advance_widths(font_dir / name)
        table["units_per_em"] = units
        table[style] = runs(widths)
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
