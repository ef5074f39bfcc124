"""Render check helpers: convert decks with LibreOffice and read every word's box from the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

BULLETS = {"\u2022", "\u2013"}  # first- and second-level bullet marks


@dataclass(frozen=True)
class Word:
    """A word LibreOffice drew, with its box in points."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Frame:
    """A shape's box in points and its text."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    any_word: bool = False  # a chart: the renderer writes its axes' and labels' numbers


@dataclass(frozen=True)
class Page:
    """One rendered slide: its size and words."""

    width: float
    height: float
    words: list[Word]


def convert(decks: list[Path]) -> dict[Path, list[Page]]:
    """Convert decks to PDF (beside each deck) in one LibreOffice run; read their words' boxes.

    Word boxes are em boxes (as tall as the font size), as pdfminer measures them.
    """
    import pdfplumber

    outdir = decks[0].parent
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        command = [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, decks),
        ]
        subprocess.run(command, capture_output=True, timeout=900, check=True)
    out = {}
    for deck in decks:
        with pdfplumber.open(outdir / (deck.stem + ".pdf")) as pdf:
            out[deck] = [
                Page(
                    float(page.width),
                    float(page.height),
                    [
                        Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
                        for w in page.extract_words(keep_blank_chars=False, use_text_flow=True)
                    ],
                )
                for page in pdf.pages
            ]
    return out


def pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts a PDF uses."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in listing.stdout.splitlines()[2:] if line.strip()]


def frames(deck: Path) -> list[list[Frame]]:
    """Every text-bearing shape of every slide, with its box in points."""
    out = []
    for slide in Presentation(str(deck)).slides:
        shapes = []
        for shape in slide.shapes:
            if getattr(shape, "has_table", False) and shape.has_table:
                shapes += table_cells(shape)
                continue
            if getattr(shape, "has_chart", False) and shape.has_chart:
                left, top = Emu(shape.left).pt, Emu(shape.top).pt
                right, bottom = left + Emu(shape.width).pt, top + Emu(shape.height).pt
                shapes.append(Frame(shape.name, left, top, right, bottom, "", any_word=True))
                continue
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            left, top = Emu(shape.left).pt, Emu(shape.top).pt
            if shape.left is None:  # inherits its place from the layout
                layout = _layout_shape(slide, shape)
                left, top = Emu(layout.left).pt, Emu(layout.top).pt
                width, height = Emu(layout.width).pt, Emu(layout.height).pt
            else:
                width, height = Emu(shape.width).pt, Emu(shape.height).pt
            text = shape.text_frame.text.replace("\v", " ")
            shapes.append(Frame(shape.name, left, top, left + width, top + height, text))
        out.append(shapes)
    return out


def table_cells(shape) -> list[Frame]:
    """A table's cells as frames: their boxes from the grid's widths and the rows' heights."""
    cells = []
    top = Emu(shape.top).pt
    for r, row in enumerate(shape.table.rows):
        left = Emu(shape.left).pt
        height = Emu(row.height).pt
        for c, column in enumerate(shape.table.columns):
            width = Emu(column.width).pt
            text = shape.table.cell(r, c).text_frame.text
            if text.strip():
                cells.append(Frame(f"cell {r},{c}", left, top, left + width, top + height, text))
            left += width
        top += height
    return cells


def _layout_shape(slide, shape):
    idx = shape.placeholder_format.idx
    return next(p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == idx)


def misplaced(page: Page, shapes: list[Frame], tolerance: float = 1.0) -> list[str]:
    """Words outside the slide, or outside every shape whose text holds them."""
    problems = []
    for word in page.words:
        if (
            word.x0 < -tolerance
            or word.y0 < -tolerance
            or word.x1 > page.width + tolerance
            or (word.y1 > page.height + tolerance)
        ):
            problems.append(f"{word.text!r} lies outside the slide")
            continue
        owners = [
            s for s in shapes if s.any_word or holds(s.text, word.text) or word.text in BULLETS
        ]
        inside = [
            s
            for s in owners
            if word.x0 >= s.x0 - tolerance
            and word.x1 <= s.x1 + tolerance
            and word.y0 >= s.y0 - tolerance
            and word.y1 <= s.y1 + tolerance
        ]
        if not inside:
            where = ", ".join(
                f"{s.name} {s.x0:.0f},{s.y0:.0f}-{s.x1:.0f},{s.y1:.0f}" for s in owners
            )
            problems.append(
                f"{word.text!r} at {word.x0:.1f},{word.y0:.1f}-{word.x1:.1f},{word.y1:.1f} "
                f"is outside its box ({where or 'no shape holds it'})"
            )
    return problems


def drawing_problems(deck: Path, pages: list[Page]) -> list[str]:
    """Every word outside its slide or box, and every collision, slide by slide."""
    problems = []
    for number, (page, shapes) in enumerate(zip(pages, frames(deck), strict=True), start=1):
        problems += [f"slide {number}: {p}" for p in misplaced(page, shapes)]
        problems += [f"slide {number}: {p}" for p in collisions(page)]
    return problems


def collisions(page: Page, overlap: float = 0.25) -> list[str]:
    """Pairs of words whose boxes overlap by more than `overlap` of the smaller one."""
    problems = []
    words = sorted(page.words, key=lambda w: w.y0)
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b.y0 >= a.y1:
                break
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if dx <= 0 or dy <= 0:
                continue
            smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
            if smaller > 0 and dx * dy > overlap * smaller:
                problems.append(f"{a.text!r} collides with {b.text!r}")
    return problems


def _token(text: str) -> str:
    """Text without spaces and case (a template may set a placeholder in capitals)."""
    return re.sub(r"\s+", "", text).casefold()


def holds(text: str, word: str) -> bool:
    """Whether text holds a drawn word; right-to-left words are extracted in visual order."""
    token, whole = re.sub(r"\(cid:\d+\)", "", _token(word)), _token(text)
    if token in whole:
        return True
    arabic = re.search("[\u0600-\u06ff]", token) is not None
    return arabic and logical(token) in _without_lam_alef(whole)


def logical(drawn: str) -> str:
    """An Arabic word as extracted from a PDF (visual order) in reading order, for comparing.

    The lam-alef ligature is extracted in reading order inside the reversed word, so lam and
    alef are left out of the comparison.
    """
    return _without_lam_alef(drawn[::-1])


def _without_lam_alef(text: str) -> str:
    return re.sub("[\u0644\u0627\u0623\u0625\u0622]", "", text)
