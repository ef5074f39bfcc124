"""A commented starter deck for a new office: every section, an example of each slide kind."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from wocdeck.output.files import write_new_file

DEFAULT_OFFICE = "WIPO External Office"
SCHEMA_FILE = "wocdeck.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"
_PLAIN = re.compile(r"^[A-Za-z0-9][^:#\n\"'\\{}\[\],&*!|>%@`]*$")
_SMALL_WORDS = frozenset({"in", "of", "for", "the", "and", "to", "at", "on"})


@dataclass(frozen=True)
class Office:
    """What a starter deck needs to know about the office and its event."""

    office: str
    acronym: str
    date: dt.date


def acronym_of(office: str) -> str:
    """Initials of an office's name without its small words: "WIPO Office in China" → "WOC"."""
    words = [w for w in re.split(r"[\s\-]+", office) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalnum()) or "WO"


def yaml_text(value: str) -> str:
    """A value as YAML text: plain when wocdeck reads it back unchanged, else double-quoted."""
    plain = _PLAIN.match(value) and ": " not in value and not value.endswith((":", " "))
    if plain and value.lower() != "null":
        return value
    return json.dumps(value, ensure_ascii=False)


def starter(office: Office) -> str:
    """The starter deck's text; it renders cleanly as written."""
    return _TEMPLATE.format(
        schema_line=SCHEMA_LINE,
        office=yaml_text(office.office),
        acronym=yaml_text(office.acronym),
        title=yaml_text(f"Side-Event at the {office.date.year} WIPO Assemblies"),
        date=office.date.isoformat(),
        last_year=office.date.year - 1,
        next_year=office.date.year + 1,
    )


def write_new(target: Path, text: str) -> Path:
    """Write text to a new file; refuse if anything is already there (never overwrites)."""
    return write_new_file(target, text.encode("utf-8"), "init")


_TEMPLATE = """\
{schema_line}
# A wocdeck deck: the facts of one office's report. Edit them and run
#   wocdeck render deck.yaml     → deck.pptx
#   wocdeck watch deck.yaml      → re-renders every time you save
# wocdeck derives the wording, the numbering and the slide titles. Text between ** is shown
# in bold. A line that starts with ** or contains ": " must be in quotes: "**12** events".
# Delete what you do not need: only `event` is required. Every section may have `notes:`
# (speaker notes).

theme: wipo                          # the bundled WIPO look

# → the cover slide
event:
  office: {office}
  # the short name used in titles, as in "About the …"
  acronym: {acronym}
  title: {title}
  city: Geneva
  # dates are written YYYY-MM-DD; this one shows as the weekday, month and day
  date: {date}
  notes: Welcome, and thank you for coming.

# → "About the …"
about:
  established: {last_year}-01-15         # → "Established on January 15, {last_year}"
  location: City, Country
  points:
    - One line on what the office does

# → "… – Resources": personnel as bullets, the budget as a figure tile
resources:
  personnel:
    - Head of Office
    - Program Officer
  budget: {{currency: CHF, amount: 100000}}

# Strategic focus areas: numbered I, II, III… from their order here.
focus:
  - name: A responsive communications interface
    goal: 8                          # the strategic goal → "(SG 8)"
    aims:                            # → the focus area's first slide
      - What the office set out to do
      - A second aim
    achievements:                    # → "… Strategic Focus I: Key Achievements"
      - "Supported **12** visits and events"
      - heading: Outcome             # a group: a heading, bullets and figure tiles
        points:
          - What came of it
        metrics:                     # up to four tiles share a slide
          - {{label: PCT, value: 1200, period: Jan-Aug, change: "+6.8%"}}
          - {{label: Madrid, value: 310, change: "-2%", versus: {last_year} total}}
    notes: Speaker notes for the aims slide.
    achievements_notes: Speaker notes for the achievements slide.

  # A focus area without aims makes one slide, titled with its name.
  - name: Outreach & Customer Service
    achievements:
      - "**150** inquiries answered"

# → "The Year Ahead"; or {{title: …, points: […], notes: …}}
year_ahead:
  - What the office will do in {next_year}

# → the last slide
closing: Thank you for your time.
"""
