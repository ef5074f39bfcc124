"""What a block's drawing function is given: the package, the slide part, the theme, the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pptx.opc.package import Part

from wocdeck.look.theme import Theme
from wocdeck.writer.slides import SlideAdder


@dataclass(frozen=True)
class Drawing:
    """What a drawing function may use: the package (to add parts), the slide part, the theme,
    and the document's date (for parts that carry one, such as a chart's workbook)."""

    adder: SlideAdder
    part: Part
    theme: Theme
    when: dt.datetime
