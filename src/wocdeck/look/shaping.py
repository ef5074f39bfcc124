"""Arabic measured after shaping: joining forms and ligatures change a word's width.

Runs of Arabic text (with the spaces between their words) are shaped with HarfBuzz
(uharfbuzz) in Noto Sans Arabic, subset into fonts/ by tools/build_arabic_fonts.py, the face
the theme names for Arabic. Each glyph cluster's advance goes to its first character, the
others of the cluster get 0, so wrapping can still break between words character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_FONTS = Path(__file__).resolve().parent / "fonts"
_LETTERS = "\u0600-\u06ff\u0750-\u077f\u200c\u200d"
SHAPED_RUN = re.compile(f"[{_LETTERS}]+(?:[ \u00a0]+[{_LETTERS}]+)*")


@lru_cache(maxsize=2)
def _font(bold: bool) -> tuple[Any, int]:
    """The HarfBuzz font of a style and its units per em (uharfbuzz is imported only here)."""
    import uharfbuzz as hb

    style = "Bold" if bold else "Regular"
    face = hb.Face((_FONTS / f"NotoSansArabic-{style}.subset.ttf").read_bytes())
    return hb.Font(face), face.upem


@lru_cache(maxsize=8192)
def shaped_widths(run: str, bold: bool = False) -> tuple[float, ...]:
    """The advance of each character of an Arabic run after shaping, in em."""
    import uharfbuzz as hb

    font, upem = _font(bold)
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(c) for c in run])
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    widths = [0.0] * len(run)
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        widths[info.cluster] += position.x_advance / upem
    return tuple(widths)


def with_arabic_shaped(text: str, bold: bool, widths: list[float]) -> list[float]:
    """widths (one per character of text, in em) with its Arabic runs measured after shaping."""
    for match in SHAPED_RUN.finditer(text):
        widths[match.start() : match.end()] = shaped_widths(match.group(), bold)
    return widths
