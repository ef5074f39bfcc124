"""PowerPoint's accessibility rules, checked on any .pptx: titles, alternative text (of
shapes in groups too), table headers, text contrast (WCAG 2.1 AA, on inherited colours and
gradients; text on a picture is to be checked by eye), text size, each run's language and
reading order."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from wocdeck.look.contrast import contrast_ratio, required
from wocdeck.read.pptx.access import TRANSPARENT, Fill, Run, Shape, Slide, read_slides

MIN_SIZE = 10.0  # points
_NEEDS_ALT = {"picture", "chart", "table", "graphic", "group"}
PICTURE = "picture"  # what lies behind text on a picture: its contrast is checked by eye


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
        findings += _title(slide) + _alt(slide.number, slide.shapes) + _tables(slide)
        findings += _text(slide) + _languages(slide)
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


def _alt(number: int, shapes: list[Shape], group: str = "") -> list[Finding]:
    """Shapes without alternative text, and those inside groups (a screen reader reaches a
    group's pictures and charts one by one)."""
    findings = []
    for shape in shapes:
        if shape.kind in _NEEDS_ALT and not shape.alt:
            where = f' in the group "{group}"' if group else ""
            findings.append(
                Finding(
                    number,
                    shape.name,
                    "missing-alt-text",
                    "error",
                    f"the {shape.kind}{where} has no alternative text",
                    "right-click it, View Alt Text, and describe it, or tick Mark as decorative",
                )
            )
        findings += _alt(number, shape.inside, shape.name)
    return findings


def _languages(slide: Slide) -> list[Finding]:
    """A finding per shape with text whose language is not tagged (a screen reader then
    reads it with the reader's own language's voice)."""
    findings = []
    for shape in slide.shapes:
        untagged = next((r for r in shape.runs if not r.language), None)
        if untagged is not None:
            findings.append(
                Finding(
                    slide.number,
                    shape.name,
                    "language",
                    "warning",
                    f'text "{_quote(untagged.text)}" has no language tag',
                    "select the text and choose its language in Review > Language",
                )
            )
    return findings


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
        finding = _contrast(slide, shape, behind)
        if finding is not None:
            findings.append(finding)
    return findings


def _contrast(slide: Slide, shape: Shape, behind: Fill) -> Finding | None:
    """The first run of a shape below AA contrast against what is behind it (against every
    stop of a gradient); a warning for text standing on a picture."""
    for run in shape.runs:
        fill = behind if run.fill == TRANSPARENT else run.fill
        if fill == PICTURE and run.colour is not None:
            return Finding(
                slide.number,
                shape.name,
                "contrast-by-eye",
                "warning",
                f'text "{_quote(run.text)}" stands on a picture: its contrast cannot be measured',
                "check it by eye, or give the text a solid fill behind it",
            )
        if run.colour is None or fill is None or fill == PICTURE:
            continue
        stops = (fill,) if isinstance(fill, str) else fill
        ratio, worst = min((contrast_ratio(run.colour, s), s) for s in stops)
        need = required(run.size, run.bold) if run.size is not None else 3.0
        if ratio < need - 1e-9:
            return _low(slide, shape, run, worst, ratio, need)
    return None


def _low(slide: Slide, shape: Shape, run: Run, fill: str, ratio: float, need: float) -> Finding:
    return Finding(
        slide.number,
        shape.name,
        "contrast",
        "error",
        f'text "{_quote(run.text)}" (#{run.colour} on #{fill}) has contrast {ratio:.2f}:1, '
        f"under {need:g}:1",
        "use a darker text colour on a light fill, or a lighter one on a dark fill",
    )


def _behind(slide: Slide, index: int) -> Fill:
    """What lies behind a shape with no fill: the slide's background, when no shape before it
    in the tree covers any of it; PICTURE when the nearest that does is a picture; else None
    (not known)."""
    box = slide.shapes[index].box
    for shape in reversed(slide.shapes[:index]):
        if shape.kind != "picture" and shape.fill == TRANSPARENT:
            continue
        if shape.kind == "line":
            continue
        if box is None or shape.box is None or _overlap(box, shape.box):
            return PICTURE if shape.kind == "picture" and box is not None else None
    return slide.background


def _overlap(one: tuple[int, int, int, int], two: tuple[int, int, int, int]) -> bool:
    x1, y1, w1, h1 = one
    x2, y2, w2, h2 = two
    return x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1


def _quote(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"
