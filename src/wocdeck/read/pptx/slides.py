"""Each slide of a .pptx as plain data: title, bullets with levels, notes, tables, pictures,
charts, and what cannot be expressed (kept as text where it has any)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.read.pptx.chart import ChartData, ChartProblem, read_chart
from wocdeck.read.pptx.package import NS, R_EMBED, R_ID, Package

_P = f"{{{NS['p']}}}"
_SKIPPED = ("dt", "sldNum", "hdr")  # date, slide number and header placeholders
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
_CONTROL = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")  # never text a deck file may hold
_VIDEO = ("videoFile", "audioFile", "quickTimeFile")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text: its outline level (0 first) and its text, **bold** marked."""

    level: int
    text: str


@dataclass(frozen=True)
class PictureFile:
    """A picture stored in the presentation."""

    name: str  # the media part's file name
    data: bytes
    alt: str | None
    decorative: bool


@dataclass
class SlideData:
    """One slide as read."""

    number: int
    layout: str = ""
    title: str = ""
    subtitle: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    loose: list[Paragraph] = field(default_factory=list)  # text outside the placeholders
    footer: str = ""
    notes: str = ""
    tables: list[list[list[str]]] = field(default_factory=list)
    pictures: list[PictureFile] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # what could not be expressed


def read_slides(package: Package) -> list[SlideData]:
    """Every slide of the presentation, in order."""
    return [_Slide(package, part, n).read() for n, part in enumerate(package.slides(), 1)]


def paragraphs(body: Any) -> list[Paragraph]:
    """A text body's non-empty paragraphs, bold runs marked **so** when only some are bold."""
    found = []
    for para in body.iterfind("a:p", NS) if body is not None else []:
        runs = []
        for run in para:
            tag = run.tag.rsplit("}", 1)[-1]
            if tag in ("r", "fld"):
                props = run.find("a:rPr", NS)
                bold = props is not None and props.get("b") in ("1", "true")
                text = "".join(t.text or "" for t in run.iterfind("a:t", NS))
                runs.append((_CONTROL.sub(" ", text), bold))
            elif tag == "br":
                runs.append((" ", False))
        text = _marked(runs)
        if text:
            props = para.find("a:pPr", NS)
            level = int(props.get("lvl", "0")) if props is not None else 0
            found.append(Paragraph(level, text))
    return found


def _marked(runs: list[tuple[str, bool]]) -> str:
    """Runs joined; bold ones inside other text wrapped in ** (the deck file's emphasis)."""
    whole = " ".join("".join(t for t, _ in runs).split())
    shown = [(t, b) for t, b in runs if t.strip()]
    if not shown or all(b for _, b in shown) or not any(b for _, b in shown) or "**" in whole:
        return whole
    text = ""
    for chunk, bold in runs:
        if bold and chunk.strip():
            lead, core, tail = _split_space(chunk)
            text += f"{lead}**{core}**{tail}"
        else:
            text += chunk
    return " ".join(text.replace("****", "").split())


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


class _Slide:
    def __init__(self, package: Package, part: str, number: int) -> None:
        self.package, self.part = package, part
        self.rels = package.rels(part)
        self.slide = SlideData(number)

    def read(self) -> SlideData:
        root = self.package.xml(self.part)
        layout = self.package.related(self.part, "slideLayout")
        if layout:
            name = self.package.xml(layout).find("p:cSld", NS)
            self.slide.layout = name.get("name", "") if name is not None else ""
        tree = root.find("p:cSld/p:spTree", NS)
        for shape in tree if tree is not None else []:
            self._shape(shape)
        notes = self.package.related(self.part, "notesSlide")
        if notes:
            self.slide.notes = _notes(self.package.xml(notes))
        return self.slide

    def _report(self, what: str) -> None:
        self.slide.reports.append(f"slide {self.slide.number}: {what}")

    def _shape(self, shape: Any) -> None:
        tag = shape.tag.removeprefix(_P)
        if tag == "sp":
            self._text_shape(shape)
        elif tag == "pic":
            self._picture(shape)
        elif tag == "graphicFrame":
            self._frame(shape)
        elif tag == "grpSp":
            texts = [p for body in shape.iterfind(".//p:txBody", NS) for p in paragraphs(body)]
            self._kept("a grouped drawing", texts)
        elif tag.endswith("AlternateContent"):
            choice = shape.find("mc:Fallback", NS)
            choice = choice if choice is not None else shape.find("mc:Choice", NS)
            for inner in choice if choice is not None else []:
                self._shape(inner)
        elif tag == "contentPart":
            self._report("ink or a content part: not imported")

    def _kept(self, what: str, texts: list[Paragraph]) -> None:
        if texts:
            self.slide.loose.extend(Paragraph(0, p.text) for p in texts)
            self._report(f"{what}: its text kept as points")
        else:
            self._report(f"{what} without text: not imported")

    def _text_shape(self, shape: Any) -> None:
        placeholder = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        body = paragraphs(shape.find("p:txBody", NS))
        kind = placeholder.get("type", "body") if placeholder is not None else None
        if kind in _SKIPPED:
            return
        if kind in ("title", "ctrTitle") and not self.slide.title:
            self.slide.title = " ".join(p.text for p in body)
        elif kind == "subTitle":
            self.slide.subtitle.extend(body)
        elif kind == "ftr":
            self.slide.footer = " ".join(p.text for p in body)
        elif kind is not None:
            self.slide.body.extend(body)
        elif body:
            # a text box or shape of its own: its first line a bullet, the rest under it
            self.slide.loose.append(Paragraph(0, body[0].text))
            self.slide.loose.extend(Paragraph(max(1, p.level), p.text) for p in body[1:])
            if not any("outside the layout" in r for r in self.slide.reports):
                self._report("text outside the layout's placeholders: kept as points")

    def _picture(self, shape: Any) -> None:
        props = shape.find("p:nvPicPr/p:cNvPr", NS)
        media = shape.find("p:nvPicPr/p:nvPr", NS)
        name = props.get("name", "a picture") if props is not None else "a picture"
        if media is not None and any(m.tag.rsplit("}", 1)[-1] in _VIDEO for m in media):
            self._report(f"'{name}' is a video or sound: not imported")
            return
        blip = shape.find("p:blipFill/a:blip", NS)
        target = self.rels.get(blip.get(R_EMBED, "") if blip is not None else "", ("", None))[1]
        if target is None:
            self._report(f"the picture '{name}' has no file in the presentation: not imported")
            return
        alt = (props.get("descr") or "").strip() if props is not None else ""
        decorative = props is not None and any(
            e.get("val") in ("1", "true") for e in props.iter(_DECORATIVE)
        )
        data = self.package.data(target)
        self.slide.pictures.append(
            PictureFile(posixpath.basename(target), data, alt or None, decorative and not alt)
        )

    def _frame(self, shape: Any) -> None:
        data = shape.find("a:graphic/a:graphicData", NS)
        uri = data.get("uri", "") if data is not None else ""
        props = shape.find("p:nvGraphicFramePr/p:cNvPr", NS)
        name = props.get("name", "") if props is not None else ""
        if uri.endswith("/table"):
            self.slide.tables.append(_table(data.find("a:tbl", NS)))
        elif uri.endswith("/chart"):
            self._chart(data, name)
        elif uri.endswith("/diagram"):
            part = self.package.related(self.part, "diagramData")
            root = self.package.xml(part) if part else None
            texts = [] if root is None else [Paragraph(0, t) for t in _diagram_texts(root)]
            self._kept(f"a SmartArt graphic '{name}'", texts)
        else:
            self._report(f"'{name}' (an embedded object) cannot be expressed: not imported")

    def _chart(self, data: Any, name: str) -> None:
        chart = data.find("c:chart", NS)
        target = self.rels.get(chart.get(R_ID, "") if chart is not None else "", ("", None))[1]
        if target is None:
            self._report(f"the chart '{name}' has no data in the presentation: not imported")
            return
        try:
            self.slide.charts.append(read_chart(self.package.xml(target)))
        except ChartProblem as exc:
            self._report(f"the chart '{name}' cannot be imported: {exc}")


def _table(table: Any) -> list[list[str]]:
    """A table's rows of cell texts; a merged cell's continuations are empty."""
    rows = []
    for row in table.iterfind("a:tr", NS) if table is not None else []:
        cells = []
        for cell in row.iterfind("a:tc", NS):
            merged = cell.get("hMerge") == "1" or cell.get("vMerge") == "1"
            texts = paragraphs(cell.find("a:txBody", NS))
            cells.append("" if merged else " ".join(p.text for p in texts))
        rows.append(cells)
    return rows


def _diagram_texts(root: Any) -> list[str]:
    """The texts of a SmartArt graphic's data model, one per point."""
    texts = []
    for point in root.iterfind(".//dgm:pt", NS):
        found = " ".join(p.text for p in paragraphs(point.find("dgm:t", NS)))
        if found:
            texts.append(found)
    return texts


def _notes(root: Any) -> str:
    """The speaker notes: the notes page's body placeholder, a paragraph a line."""
    for shape in root.iterfind(".//p:sp", NS):
        placeholder = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if placeholder is not None and placeholder.get("type") == "body":
            return "\n".join(p.text for p in paragraphs(shape.find("p:txBody", NS)))
    return ""


def core_date(package: Package) -> str:
    """The date the presentation was last saved (or made), YYYY-MM-DD, or ''."""
    if "docProps/core.xml" not in package.names:
        return ""
    root = package.xml("docProps/core.xml")
    for name in ("dcterms:modified", "dcterms:created"):
        found = root.find(name, NS)
        if found is not None and found.text and len(found.text) >= 10:
            return found.text[:10]
    return ""


def read_presentation(path: Path) -> tuple[list[SlideData], str]:
    """The slides of a .pptx and the date it was saved."""
    package = Package(path)
    return read_slides(package), core_date(package)
