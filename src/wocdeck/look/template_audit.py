"""What `template check` warns about: layouts that do not fit the slide, placeholders off it,
missing text styles, theme text colours too faint to read, and fonts not installed here."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from wocdeck.look.contract import Contract
from wocdeck.look.contrast import AA_NORMAL, Palette, contrast_ratio
from wocdeck.look.fonts import metrics_for
from wocdeck.look.template_file import BODY_KINDS, TITLE_KINDS, LayoutSpec, TemplateFile
from wocdeck.plan import Box

# A used layout's text should span about 85 % of the slide (PowerPoint's own layouts span
# 85-90 %); a little under, for rounding, is still fine.
WIDE_ENOUGH = 0.84
OFF_CENTRE = 0.05  # of the slide's width, between the text's middle and the slide's
EDGE = 1.0  # points a frame may cross the slide's edge by (rounding in the file)
# The theme's text colour pairs, as PowerPoint's colour picker names them.
TEXT_PAIRS = (("dark1", "light1"), ("dark2", "light2"))
SLOT_NAMES = {"dark1": "Dark 1", "light1": "Light 1", "dark2": "Dark 2", "light2": "Light 2"}


@dataclass(frozen=True)
class Finding:
    """One thing `template check` says about a template: what rule, what is wrong, the fix."""

    rule: str  # layout-width, off-slide, text-style, contrast, font, fallback, macros, ...
    message: str
    fix: str = ""
    layout: str = ""  # the layout's name, for a finding about one layout
    text: str = ""  # the finding as `template check` prints it; default "message (fix)"

    @classmethod
    def parse(cls, rule: str, line: str, separator: str = " (", **more: str) -> Finding:
        """A finding from the line printed for it, whose fix follows the last separator (and
        closes a parenthesis opened by " (")."""
        message, found, fix = line.rpartition(separator)
        if not found or (separator == " (" and not line.endswith(")")):
            return cls(rule, line, text=line, **more)
        return cls(rule, message, fix[:-1] if separator == " (" else fix, text=line, **more)

    def line(self) -> str:
        """The finding as `template check` prints it."""
        return self.text or (f"{self.message} ({self.fix})" if self.fix else self.message)

    def to_json(self, file: str, severity: str) -> str:
        """The finding as one JSON line: notice, warning, or error (a warning with --strict)."""
        fields = {k: v for k, v in asdict(self).items() if k != "text"}
        return json.dumps({"file": file, **fields, "severity": severity}, ensure_ascii=False)


def template_findings(contract: Contract) -> list[Finding]:
    """Everything that makes slides drawn through the template look wrong."""
    template = contract.template
    used = {choice.layout.partname for choice in contract.choices.values()}
    found: list[Finding] = []
    for layout in template.layouts:
        at = {"layout": layout.name}
        found += [Finding.parse("off-slide", w, **at) for w in _off_slide(layout, template)]
        if layout.partname in used:
            found += [
                Finding.parse("layout-width", w, **at) for w in _content_area(layout, template)
            ]
    for kind in template.styles_missing:
        found.append(
            Finding(
                "text-style",
                f"the slide master has no {kind} text style, so {kind} text takes PowerPoint's "
                "defaults",
                f"in Slide Master view, set the {kind} placeholder's font and size",
            )
        )
    found += [Finding.parse("contrast", w, ": ") for w in _contrast(template)]
    fonts = dict.fromkeys((template.major_font or "Arial", template.minor_font or "Arial"))
    found += [Finding.parse("font", n) for n in (metrics_for(f).notice for f in fonts) if n]
    return found


def _off_slide(layout: LayoutSpec, template: TemplateFile) -> list[str]:
    found = []
    for placeholder in layout.placeholders:
        box = placeholder.box
        if box is None or _inside(box, template):
            continue
        if _parked(box, template) and placeholder.kind not in (*TITLE_KINDS, *BODY_KINDS):
            continue  # a date or footer set wholly off the slide, to hide it, on purpose
        found.append(
            f"layout {layout.name!r}: the placeholder {placeholder.name!r} lies partly off the "
            f"slide (at {box.x:g}, {box.y:g} pt, {box.w:g} x {box.h:g} pt, on a slide of "
            f"{template.width:g} x {template.height:g} pt), so text in it is cut off "
            "(in Slide Master view, move it onto the slide)"
        )
    return found


def _inside(box: Box, template: TemplateFile) -> bool:
    return (
        box.x >= -EDGE
        and box.y >= -EDGE
        and box.x + box.w <= template.width + EDGE
        and box.y + box.h <= template.height + EDGE
    )


def _parked(box: Box, template: TemplateFile) -> bool:
    return (
        box.x + box.w <= 0
        or box.y + box.h <= 0
        or box.x >= template.width
        or box.y >= template.height
    )


def _content_area(layout: LayoutSpec, template: TemplateFile) -> list[str]:
    """One warning when the layout's placeholders (footer row too) span too little of the
    slide's width or sit off its centre."""
    boxes = [
        p.box for p in layout.placeholders if p.box is not None and not _parked(p.box, template)
    ]
    if not boxes:
        return []
    left = min(b.x for b in boxes)
    right = max(b.x + b.w for b in boxes)
    share = (right - left) / template.width
    middle = (left + right) / 2 - template.width / 2
    faults = []
    if share < WIDE_ENOUGH:
        faults.append(f"use only {share:.0%} of the slide's width")
    if abs(middle) > OFF_CENTRE * template.width:
        side = "left" if middle < 0 else "right"
        faults.append(f"sit {abs(middle):.0f} pt {side} of the slide's centre")
    if not faults:
        return []
    return [
        f"layout {layout.name!r}: its placeholders ({left:.0f} to {right:.0f} pt across a "
        f"slide {template.width:.0f} pt wide) {' and '.join(faults)}; it may have been made for "
        "another slide size (in Slide Master view, widen and centre its placeholders)"
    ]


def _contrast(template: TemplateFile) -> list[str]:
    found = []
    palette = Palette.from_scheme(template.colors, template.color_map)
    for text, back in TEXT_PAIRS:
        first, second = palette.rgb(text), palette.rgb(back)
        if first is None or second is None:
            continue
        ratio = contrast_ratio(first, second)
        if ratio < AA_NORMAL:
            found.append(
                f"the theme's text colour {SLOT_NAMES[text]} (#{first}) on {SLOT_NAMES[back]} "
                f"(#{second}) has a contrast of {ratio:.1f}:1; text needs at least "
                f"{AA_NORMAL:g}:1 to be readable (WCAG AA): darken {SLOT_NAMES[text]} or "
                f"lighten {SLOT_NAMES[back]} in Design > Variants > Colors"
            )
    return found
