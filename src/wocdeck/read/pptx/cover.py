"""The first slide read as the event's cover: office (and acronym), title, city and date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from wocdeck.read.pptx.slides import SlideData

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})\b", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})\b", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?P<office>.+?)\s*\((?P<acronym>[A-Z][A-Za-z0-9]{1,9})\)$")


@dataclass(frozen=True)
class Cover:
    """The event as the first slide shows it."""

    office: str
    acronym: str | None
    title: str
    city: str | None
    date: dt.date


def read_cover(slide: SlideData) -> Cover | None:
    """The event from a cover with a title, a subtitle and a date; None when it is not one
    (then the first slide is imported as a slide of its own)."""
    if not slide.title or slide.tables or slide.pictures or slide.charts or slide.reports:
        return None
    lines = [p.text for p in slide.subtitle + slide.body + slide.loose]
    if not lines:
        return None
    title, rest = lines[0], lines[1:]
    day, rest = _date(rest)
    if day is None or len(rest) > 1 or any(re.search(r"\d|\*\*", line) for line in rest):
        return None
    match = _ACRONYM.match(slide.title)
    office, acronym = (match["office"], match["acronym"]) if match else (slide.title, None)
    return Cover(office, acronym, title, rest[0] if rest else None, day)


def _date(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The date written in lines (with its year on the same or a line of its own), and the
    lines left over."""
    for i, line in enumerate(lines):
        iso = _ISO.search(line)
        if iso and line.strip() == iso.group(0):
            day = _valid(int(iso[1]), int(iso[2]), int(iso[3]))
            if day:
                return day, lines[:i] + lines[i + 1 :]
        found = _MONTH_DAY.search(line) or _DAY_MONTH.search(line)
        if not found:
            continue
        month_word, day_text = (
            (found[1], found[2]) if found.re is _MONTH_DAY else (found[2], found[1])
        )
        others = lines[:i] + lines[i + 1 :]
        year = re.search(_YEAR, line)
        if year is None:
            alone = [j for j, other in enumerate(others) if re.fullmatch(_YEAR, other.strip())]
            if not alone:
                return None, lines
            year = re.search(_YEAR, others[alone[0]])
            others = others[: alone[0]] + others[alone[0] + 1 :]
        assert year is not None
        day = _valid(int(year[1]), _MONTHS[month_word.lower()], int(day_text))
        if day is None or _residue(line, found.group(0), year.group(0)):
            return None, lines  # the line says more than the date: not a cover's date
        return day, others
    return None, lines


def _residue(line: str, *parts: str) -> str:
    """What a date line says besides the date, its year and a weekday."""
    for part in parts:
        line = line.replace(part, " ", 1)
    words = [w for w in re.split(r"[\s,.]+", line) if w]
    return " ".join(w for w in words if w.lower() not in _WEEKDAYS)


_WEEKDAYS = {d.lower() for d in (*calendar.day_name, *calendar.day_abbr)}


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
