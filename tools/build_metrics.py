"""Extract advance widths of open fonts into src/wocdeck/look/fonts/*.json.

Each of these fonts has the same advance width for every glyph as the Office font it stands
for, so its widths measure what PowerPoint lays out in the Office font and what LibreOffice
lays out in the open one:

| table | font (licence) | stands for |
|---|---|---|
| liberation-sans | Liberation Sans 2 (SIL OFL 1.1) | Arial |
| liberation-serif | Liberation Serif 2 (SIL OFL 1.1) | Times New Roman |
| liberation-mono | Liberation Mono 2 (SIL OFL 1.1) | Courier New |
| carlito | Carlito (SIL OFL 1.1) | Calibri |
| caladea | Caladea (Apache License 2.0) | Cambria |
| dejavu-sans | DejaVu Sans (Bitstream Vera licence, changes public domain) | a sans: Verdana-wide |
| dejavu-serif | DejaVu Serif (the same licence) | a serif: a wide one |

The DejaVu tables are no metric-compatible stand-ins: they measure a font that is neither
installed nor shipped with the widest plausible widths of its class, so text measured to fit
does not overflow in the real (narrower or as wide) font.

The tables hold numbers only (advance widths per code point), no glyphs. Run after changing
fonts:  python tools/build_metrics.py [FONT_DIR ...]
Needs fontTools (in the test extra) and the fonts (Debian: fonts-liberation2,
fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-dejavu-core).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/crosextra"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
OUT = Path(__file__).resolve().parents[1] / "src/wocdeck/look/fonts"
# table name → (description, regular file, bold file)
FAMILIES = {
    "liberation-sans": (
        "Liberation Sans 2 (SIL OFL 1.1), Arial-compatible",
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
    ),
    "liberation-serif": (
        "Liberation Serif 2 (SIL OFL 1.1), Times New Roman-compatible",
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
    ),
    "liberation-mono": (
        "Liberation Mono 2 (SIL OFL 1.1), Courier New-compatible",
        "LiberationMono-Regular.ttf",
        "LiberationMono-Bold.ttf",
    ),
    "carlito": (
        "Carlito (SIL OFL 1.1), Calibri-compatible",
        "Carlito-Regular.ttf",
        "Carlito-Bold.ttf",
    ),
    "caladea": (
        "Caladea (Apache License 2.0), Cambria-compatible",
        "Caladea-Regular.ttf",
        "Caladea-Bold.ttf",
    ),
    "dejavu-sans": (
        "DejaVu Sans (Bitstream Vera licence; DejaVu changes public domain), widest sans",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
    ),
    "dejavu-serif": (
        "DejaVu Serif (Bitstream Vera licence; DejaVu changes public domain), widest serif",
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
    ),
}


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


def line_height(font_file: Path) -> float:
    """The font's natural line height in em (Windows ascent + descent, as renderers use)."""
    font = TTFont(font_file, lazy=True)
    os2 = font["OS/2"]
    return round((os2.usWinAscent + os2.usWinDescent) / font["head"].unitsPerEm, 4)


def table(description: str, files: dict[str, Path]) -> dict[str, object]:
    """One family's table: units per em, line height and width runs for regular and bold."""
    out: dict[str, object] = {"font": description, "line_height": line_height(files["regular"])}
    for style, path in files.items():
        units, widths = advance_widths(path)
        out["units_per_em"] = units
        out[style] = runs(widths)
    return out


def _find(name: str, folders: list[Path]) -> Path:
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"{name} not found in {', '.join(map(str, folders))}")


def main() -> None:
    """Write every metrics table."""
    folders = [Path(a) for a in sys.argv[1:]] or list(FONT_DIRS)
    for name, (description, regular, bold) in FAMILIES.items():
        files = {"regular": _find(regular, folders), "bold": _find(bold, folders)}
        out = OUT / f"{name}.json"
        out.write_text(json.dumps(table(description, files), separators=(",", ":")) + "\n")
        print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
