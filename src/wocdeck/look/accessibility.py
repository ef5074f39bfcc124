"""PowerPoint's accessibility rules, checked on any .pptx: titles, alternative text, table
headers, text contrast (WCAG 2.1 AA), text size and reading order."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from wocdeck.look.contrast import contrast_ratio, required
from wocdeck.read.pptx.access import TRANSPARENT, Run, Shape, Slide, read_slides

MIN_SIZE = 10.0  # points
_NEEDS_ALT = {"picture", "chart", "table", "graphic", "group"}


@dataclass(frozen=True)
class Finding:
    """One broken rule: where, which rule, what is wrong and how to fix it."""

    slide: int
    shape: str
    rule: str
    severity: str  # error or warning
    message: str
    fix: str

    def line(self, file: str) -> str:
        """The finding as one line of text."""
        shape = f', "{self.shape}"' if self.shape else ""
        return f"{file}: slide {self.slide}{shape}: {self.severity}: {self.message} ({self.fix})"

    def to_json(self, file: str) -> str:
        """The finding as one JSON line."""
        return json.dumps({"file": file, **asdict(self)}, ensure_ascii=False)


def check(path: Path) -> list[Finding]:
    """Every finding in a presentation, slide by slide."""
    slides = read_slides(path)
    findings: list[Finding] = []
    for slide in slides:
        findings += _title(slide) + _alt(slide) + _tables(slide) + _text(slide)
    findings += _unique(slides)
    return sorted(findings, key=lambda f: f.slide)


def _title(slide: Slide) -> list[Finding]:
    if not slide.title:
        return [
            Finding(
                slide.number,
                "",
                "missing-title",
                "error",
                "the slide has no title",
                "give it a title in the layout's title placeholder; hide it off the slide if "
                "it must not show",
            )
        ]
    first = slide.shapes[0] if slide.shapes else None
    if first is not None and first.kind != "title":
        return [
            Finding(
                slide.number,
                first.name,
                "reading-order",
                "warning",
                "a screen reader reads this shape before the slide's title",
                "in the Selection Pane or Reading Order pane, move the title to the top",
            )
        ]
    return []


def _unique(slides: list[Slide]) -> list[Finding]:
    counts = Counter(s.title for s in slides if s.title)
    seen: set[str] = set()
    findings = []
    for slide in slides:
        if slide.title and counts[slide.title] > 1:
            if slide.title in seen:
                findings.append(
                    Finding(
                        slide.number,
                        "",
                        "duplicate-title",
                        "error",
                        f'another slide has the same title "{slide.title}"',
                        "make each slide's title different, e.g. add (2) or a subtitle",
                    )
                )
            seen.add(slide.title)
    return findings


def _alt(slide: Slide) -> list[Finding]:
    return [
        Finding(
            slide.number,
            shape.name,
            "missing-alt-text",
            "error",
            f"the {shape.kind} has no alternative text",
            "right-click it, View Alt Text, and describe it, or tick Mark as decorative",
        )
        for shape in slide.shapes
        if shape.kind in _NEEDS_ALT and not shape.alt
    ]


def _tables(slide: Slide) -> list[Finding]:
    return [
        Finding(
            slide.number,
            shape.name,
            "table-header",
            "error",
            "the table does not mark its first row as a header row",
            "select the table and tick Table Design > Header Row",
        )
        for shape in slide.shapes
        if shape.kind == "table" and not shape.header_row
    ]


def _text(slide: Slide) -> list[Finding]:
    findings = []
    for index, shape in enumerate(slide.shapes):
        behind = _behind(slide, index)
        small = [r for r in shape.runs if r.size is not None and r.size < MIN_SIZE - 1e-9]
        if small:
            findings.append(
                Finding(
                    slide.number,
                    shape.name,
                    "small-text",
                    "warning",
                    f'text "{_quote(small[0].text)}" is {small[0].size:g} pt, '
                    f"under {MIN_SIZE:g} pt",
                    f"make it at least {MIN_SIZE:g} pt",
                )
            )
        for run in shape.runs:
            fill = behind if run.fill == TRANSPARENT else run.fill
            if run.colour is None or fill is None:
                continue
            ratio = contrast_ratio(run.colour, fill)
            need = required(run.size, run.bold) if run.size is not None else 3.0
            if ratio < need - 1e-9:
                findings.append(_contrast(slide, shape, run, fill, ratio, need))
                break
    return findings


def _contrast(
    slide: Slide, shape: Shape, run: Run, fill: str, ratio: float, need: float
) -> Finding:
    return Finding(
        slide.number,
        shape.name,
        "contrast",
        "error",
        f'text "{_quote(run.text)}" (#{run.colour} on #{fill}) has contrast {ratio:.2f}:1, '
        f"under {need:g}:1",
        "use a darker text colour on a light fill, or a lighter one on a dark fill",
    )


def _behind(slide: Slide, index: int) -> str | None:
    """What lies behind a shape with no fill: the slide's background, when no shape before it
    in the tree covers any of it (or None: not known)."""
    box = slide.shapes[index].box
    for shape in slide.shapes[:index]:
        if shape.kind != "picture" and shape.fill == TRANSPARENT:
            continue
        if shape.kind == "line":
            continue
        if box is None or shape.box is None or _overlap(box, shape.box):
            return None
    return slide.background


def _overlap(one: tuple[int, int, int, int], two: tuple[int, int, int, int]) -> bool:
    x1, y1, w1, h1 = one
    x2, y2, w2, h2 = two
    return x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1


def _quote(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"
