"""Which writing systems a text uses: Arabic (shaped, right to left) is told apart here."""

from __future__ import annotations

import re

# Arabic, Arabic Supplement, Extended-A and the presentation forms.
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """Whether text holds any Arabic letter or mark."""
    return not text.isascii() and ARABIC.search(text) is not None
