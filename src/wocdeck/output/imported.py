"""A deck file from an imported PowerPoint: the event from its cover, every other slide a free
slide, pictures beside the deck, comments saying where each slide came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from wocdeck.output.deck_edit import yaml_text as q
from wocdeck.read.pptx.chart import ChartData
from wocdeck.read.pptx.cover import Cover, read_cover
from wocdeck.read.pptx.slides import Paragraph, PictureFile, SlideData

PICTURES = "pictures"
_PLACEABLE = ("png", "jpg", "jpeg", "gif", "svg")


@dataclass
class Imported:
    """The deck file's text, the pictures to write beside it, and what to report."""

    text: str = ""
    pictures: dict[str, bytes] = field(default_factory=dict)  # path beside the deck → bytes
    reports: list[str] = field(default_factory=list)
    slides: int = 0


def deck_text(
    slides: list[SlideData], saved: str, source: str, template: str | None = None
) -> Imported:
    """The deck file for the slides of `source` (saved on `saved`, YYYY-MM-DD)."""
    result = Imported()
    cover = read_cover(slides[0]) if slides else None
    lines = [
        f"# Imported from {source} by wocdeck import: compare each slide with the original.",
        "theme: wipo",
    ]
    if template:
        lines.append(f"template: {q(template)}  # the original's template (--keep-template)")
    lines += _event(cover, slides, saved, result)
    rest = slides[1:] if cover else slides
    if rest:
        lines.append("")
        lines.append("slides:")
    for slide in rest:
        result.reports += slide.reports
        lines += _slide(slide, source, result)
    result.text = "\n".join(lines) + "\n"
    return result


def _event(cover: Cover | None, slides: list[SlideData], saved: str, result: Imported) -> list[str]:
    first = slides[0] if slides else SlideData(1)
    lines = ["", "event:"]
    if cover is not None:
        lines.append(f"  # from slide 1 of the original ({first.layout or 'cover'})")
        lines.append(f"  office: {q(cover.office)}")
        if cover.acronym:
            lines.append(f"  acronym: {q(cover.acronym)}")
        lines.append(f"  title: {q(cover.title)}")
        if cover.city:
            lines.append(f"  city: {q(cover.city)}")
        lines.append(f"  date: {cover.date.isoformat()}")
        footer = _footer(slides, f"{cover.office} · {cover.title}")
        if footer:
            lines.append(f"  footer: {q(footer)}")
        if first.notes:
            lines.append(f"  notes: {q(first.notes)}")
        result.slides += 1
        return lines
    result.reports.append(
        "slide 1: not recognised as a cover (a title, a subtitle and a date): it is imported "
        "as a slide, and event: needs your office, title and date"
    )
    title = first.title or "Presentation"
    lines.append("  # the first slide is not a cover wocdeck recognises: check these")
    lines.append(f"  office: {q(title)}")
    lines.append(f"  title: {q(' '.join(p.text for p in first.subtitle) or title)}")
    day = saved or dt.date.today().isoformat()
    lines.append(f"  date: {day}  # the day the presentation was saved: give the event's")
    return lines


def _footer(slides: list[SlideData], derived: str) -> str:
    """The footer the slides share when it is not the one wocdeck would write."""
    footers = [s.footer for s in slides if s.footer]
    if not footers:
        return ""
    common = max(set(footers), key=footers.count)
    return "" if common == derived else common


def _slide(slide: SlideData, source: str, result: Imported) -> list[str]:
    divider = not (slide.body or slide.loose or slide.tables or slide.pictures or slide.charts)
    if slide.title and slide.subtitle and divider:  # a section divider: title and subtitle
        result.slides += 1
        subtitle = " ".join(p.text for p in slide.subtitle)
        lines = ["", _where(slide, source), f"  - section: {q(slide.title)}"]
        lines.append(f"    subtitle: {q(subtitle)}")
        return lines + ([f"    notes: {q(slide.notes)}"] if slide.notes else [])
    contents = _contents(slide, result)
    where = f"  # slide {slide.number} of {source}" + (f" ({slide.layout})" if slide.layout else "")
    title = slide.title
    titled = [c for c in slide.charts if c.title and c.title not in title]
    if titled:
        title = f"{title}: {titled[0].title}" if title else titled[0].title
    if not contents and not title:
        result.reports.append(f"slide {slide.number}: has no text or content: left out")
        return []
    result.slides += 1
    lines = ["", where]
    head = "  - "
    if not contents:
        lines.append(f"{head}section: {q(title)}")
        head = "    "
    elif title:
        lines.append(f"{head}title: {q(title)}")
        head = "    "
    groups = [contents[i : i + 2] for i in range(0, len(contents), 2)]
    for n, group in enumerate(groups):
        if n:
            result.reports.append(f"slide {slide.number}: more than two things: continued")
            lines += ["", f"{where} (continued)"]
            head = "  - "
            if title:
                lines.append(f"{head}title: {q(title)}")
                head = "    "
        if len(group) == 1:
            lines += _indented(group[0], head, "    ")
        else:
            lines.append(f"{head}columns:")
            for content in group:
                lines += _indented(content, "      - ", "        ")
        head = "    "
        if n == 0 and slide.notes:
            lines.append(f"    notes: {q(slide.notes)}")
    return lines


def _where(slide: SlideData, source: str) -> str:
    """The comment saying where a slide came from."""
    layout = f" ({slide.layout})" if slide.layout else ""
    return f"  # slide {slide.number} of {source}{layout}"


def _indented(content: list[str], head: str, pad: str) -> list[str]:
    return [(head if i == 0 else pad) + line for i, line in enumerate(content)]


def _contents(slide: SlideData, result: Imported) -> list[list[str]]:
    """Each thing the slide shows as the lines of its key: points, table, picture, chart."""
    found = []
    paragraphs = slide.body + slide.subtitle + slide.loose
    if paragraphs:
        found.append(["points:", *_points(paragraphs, slide.number, result)])
    found += [_table(rows) for rows in slide.tables if rows]
    for picture in slide.pictures:
        lines = _picture(picture, slide.number, result)
        if lines:
            found.append(lines)
    found += [_chart(chart, slide.number, result) for chart in slide.charts]
    return found


def _points(paragraphs: list[Paragraph], number: int, result: Imported) -> list[str]:
    """Bullets two levels deep; deeper ones joined to the bullet above them."""
    bullets: list[tuple[str, list[str]]] = []
    deeper = False
    for para in paragraphs:
        if para.level == 0 or not bullets:
            bullets.append((para.text, []))
        elif para.level == 1 or not bullets[-1][1]:
            bullets[-1][1].append(para.text)
        else:
            bullets[-1][1][-1] += f"; {para.text}"
            deeper = True
    if deeper:
        result.reports.append(
            f"slide {number}: bullets deeper than two levels joined to the bullet above them"
        )
    lines = []
    for text, points in bullets:
        if not points:
            lines.append(f"  - {q(text)}")
            continue
        lines.append(f"  - text: {q(text)}")
        lines.append("    points:")
        lines += [f"      - {q(point)}" for point in points]
    return lines


def _table(rows: list[list[str]]) -> list[str]:
    width = max(len(row) for row in rows)
    header = [cell or "–" for cell in rows[0]] + ["–"] * (width - len(rows[0]))
    lines = ["table:", f"  columns: [{', '.join(q(c) for c in header)}]"]
    body = rows[1:] or [[""] * width]
    lines.append("  rows:")
    for row in body:
        cells = row + [""] * (width - len(row))
        lines.append(f"    - [{', '.join(q(c) for c in cells)}]")
    return lines


def _picture(picture: PictureFile, number: int, result: Imported) -> list[str]:
    name = _picture_name(picture, number, result)
    if name is None:
        return []
    lines = ["picture:", f"  file: {q(name)}"]
    if picture.alt:
        lines.append(f"  alt: {q(picture.alt)}")
    elif picture.decorative:
        lines.append("  decorative: true")
    else:
        lines.append("  decorative: true  # PowerPoint stored no alt text: describe it with alt:")
        result.reports.append(
            f"slide {number}: the picture {name} has no alt text: marked decorative; "
            "describe it with alt: if it shows something"
        )
    return lines


def _picture_name(picture: PictureFile, number: int, result: Imported) -> str | None:
    """The picture's file beside the deck; a format wocdeck cannot place is converted to PNG
    where Pillow can read it, else reported."""
    stem, _, ext = picture.name.rpartition(".")
    data = picture.data
    if ext.lower() not in _PLACEABLE:
        data = _as_png(data) or b""
        if not data:
            result.reports.append(
                f"slide {number}: the picture {picture.name} is a format wocdeck cannot place "
                "(e.g. EMF or WMF): not imported; save it as PNG and add it with picture:"
            )
            return None
        ext = "png"
    name = f"{PICTURES}/slide-{number:02d}-{re.sub(r'[^A-Za-z0-9_-]', '_', stem)}.{ext.lower()}"
    result.pictures[name] = data
    return name


def _as_png(data: bytes) -> bytes | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def _chart(chart: ChartData, number: int, result: Imported) -> list[str]:
    series = chart.series
    if chart.kind == "pie" and len(series) > 1:
        series = series[:1]
        result.reports.append(f"slide {number}: a pie chart shows one series: the first kept")
    lines = ["chart:", f"  type: {chart.kind}"]
    lines.append(f"  categories: [{', '.join(q(c or '–') for c in chart.categories)}]")
    lines.append("  series:")
    for name, values in series:
        lines.append(f"    {q(name)}: [{', '.join(_number(v) for v in values)}]")
    lines += [
        f"  {key}: {q(text)}"
        for key, text in (("x_title", chart.x_title), ("y_title", chart.y_title))
        if text
    ]
    return lines


def _number(value: str) -> str:
    """A cached chart value as the deck reads it back: 38.912 as 38.9120, never ambiguous."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return q(value)
    text = format(number.normalize(), "f") if number == number.normalize() else value
    whole, _, fraction = text.partition(".")
    return text + "0" if len(fraction) == 3 and whole.lstrip("-") not in ("", "0") else text
