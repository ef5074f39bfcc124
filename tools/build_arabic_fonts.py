"""Subset Noto Sans Arabic into src/wocdeck/fonts/ for measuring Arabic after shaping.

wocdeck shapes Arabic text with HarfBuzz (uharfbuzz) to measure it: joining forms and
ligatures change a word's width. The subsets keep the Arabic blocks and every OpenType layout
feature, so shaped advances equal the full font's. Noto Sans Arabic is under the SIL Open Font
License 1.1 (src/wocdeck/fonts/OFL-NotoSansArabic.txt). Run after changing fonts:
    python tools/build_arabic_fonts.py [FONT_DIR]
Needs fontTools (in the test extra) and the fonts (Debian: fonts-noto-core).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
OUT = Path(__file__).resolve().parents[1] / "src/wocdeck/fonts"
STYLES = ("Regular", "Bold")
UNICODES = "U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+200C-200F"


def build(font_dir: Path = FONT_DIR) -> list[Path]:
    """Write one subset per style; returns their paths."""
    written = []
    for style in STYLES:
        target = OUT / f"NotoSansArabic-{style}.subset.ttf"
        subset.main(
            [
                str(font_dir / f"NotoSansArabic-{style}.ttf"),
                f"--unicodes={UNICODES}",
                "--layout-features=*",
                "--no-hinting",
                "--desubroutinize",
                "--drop-tables+=DSIG",
                "--name-IDs=*",
                "--name-languages=*",
                f"--output-file={target}",
            ]
        )
        written.append(target)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else FONT_DIR):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
