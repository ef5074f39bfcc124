"""The deck file's JSON Schema, generated from the pydantic model, for completion in editors.

The model gives the shape (keys, types, required keys, limits); this module adds what an
editor shows while typing: a description and an example for every key, the bundled themes
as choices, and the short forms the model accepts (`year_ahead: [..]`, `closing: text`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wocdeck.model import Deck
from wocdeck.model.schema_nodes import (
    accept_text_as_written,
    allow_short_forms,
    drop_catch_alls,
    marked,
    per_language,
    per_language_mappings,
    unmark,
)
from wocdeck.read.languages import SUPPORTED

DIALECT = "https://json-schema.org/draft/2020-12/schema"
PACKAGED = Path(__file__).with_name("wocdeck.schema.json")

# Every key's description and example, by "Model.key" (or "*.key" for keys that mean the
# same wherever they appear). A key the model gains without an entry here fails
# tests/model/test_schema.py, which names it.
FIELD_DOCS: dict[str, tuple[str, Any]] = {
    "Deck.theme": (
        "The look: a bundled theme, or a path to a theme folder or theme.yaml.",
        "wipo",
    ),
    "Deck.language": (
        "The language plain text is written in; any text or list may also be given per "
        "language, e.g. office: {en: WIPO Office in China, zh: 世界知识产权组织中国办事处}.",
        "en",
    ),
    "Deck.template": (
        "An organisation's PowerPoint template (.potx or .pptx), relative to the deck file.",
        "templates/office.potx",
    ),
    "Deck.layouts": (
        "Which of the template's layouts serves each kind of slide, by the layout's name.",
        {"cover": "Title Slide", "content": "Title and Content"},
    ),
    "Bullet.text": ("The bullet's text; its sub-bullets go under `points:`.", "Activities"),
    "Deck.event": (
        "The side-event the deck is presented at; it makes the cover slide.",
        {
            "office": "WIPO Office in China",
            "acronym": "WOC",
            "title": "Side-Event at the 2018 WIPO Assemblies",
            "date": "2018-09-27",
        },
    ),
    "Deck.about": (
        "When and where the office was established → 'About the …' slide.",
        {"established": "2014-07-10", "location": "Beijing, China"},
    ),
    "Deck.resources": (
        "Staff and budget → '… – Resources' slide.",
        {"personnel": ["D1", "P5"], "budget": {"currency": "CHF", "amount": 108348}},
    ),
    "Deck.focus": (
        "Strategic focus areas, numbered I, II, III… from their order; each makes an aims "
        "slide and a key-achievements slide.",
        [{"name": "Outreach", "goal": 8, "aims": ["An aim"], "achievements": ["A result"]}],
    ),
    "Deck.year_ahead": (
        "Plans for the coming year: a list of bullets, or {title, points, notes}.",
        ["Continue outreach activities"],
    ),
    "Deck.closing": ("The last slide's line, or {text, notes}.", "Thank you for your time."),
    "Event.office": (
        "The office's full name, on the cover and in the footer.",
        "WIPO Office in China",
    ),
    "Event.acronym": (
        "The office's short name, used in derived titles such as 'About the WOC'.",
        "WOC",
    ),
    "Event.title": ("The event's name, on the cover.", "Side-Event at the 2018 WIPO Assemblies"),
    "Event.city": ("Where the event takes place, on the cover.", "Geneva"),
    "Event.date": (
        "The event's date as YYYY-MM-DD; shown as 'Thursday, September 27' and '2018'.",
        "2018-09-27",
    ),
    "Event.footer": (
        "The footer text on every content slide [default: 'office · title'].",
        "WIPO Office in China · 2018",
    ),
    "About.established": (
        "When the office was established, as YYYY-MM-DD → 'Established on July 10, 2014'.",
        "2014-07-10",
    ),
    "About.location": ("Where the office is → 'Located in Beijing, China'.", "Beijing, China"),
    "About.points": ("More bullets after the established/located lines.", ["Serves 3 provinces"]),
    "Resources.personnel_heading": (
        "Heading above the personnel list.",
        "Personnel Resources",
    ),
    "Resources.personnel": ("The posts, one bullet each.", ["D1", "P5", "Intern"]),
    "Resources.budget_heading": (
        "Heading above the budget tile.",
        "Non-Personnel Resources available for Program Implementation",
    ),
    "Resources.budget": (
        "The non-personnel budget → a figure tile such as 'CHF 108,348'.",
        {"currency": "CHF", "amount": 108348},
    ),
    "Money.currency": ("The three-letter ISO currency code.", "CHF"),
    "Money.amount": ("The amount, without thousands separators.", 108348),
    "Focus.name": (
        "The focus area's name, used in its slide titles.",
        "Outreach & Customer Service",
    ),
    "Focus.goal": ("The WIPO strategic goal it serves (1-99) → '(SG 8)'.", 8),
    "Focus.aims": (
        "What the office set out to do → the focus area's first slide.",
        ["Outreaching to regions within China"],
    ),
    "Focus.achievements": (
        "Key achievements: bullets, and groups with a heading, bullets and figure tiles.",
        ["Cooperation with **20** provinces/municipalities"],
    ),
    "Focus.title": (
        "Overrides the derived title of the aims slide.",
        "Communicating with a Broad Range of Stakeholders",
    ),
    "Focus.achievements_title": (
        "Overrides the derived title of the achievements slide.",
        "What We Achieved in 2018",
    ),
    "Focus.achievements_notes": (
        "Speaker notes for the achievements slide.",
        "Mention the Belt and Road conference.",
    ),
    "Focus.extra": (
        "Slides of this focus area's own (any kind of `slides:`), after its achievements or "
        "with `after: aims` between its aims and achievements; untitled, they take its title.",
        [{"after": "aims", "table": {"csv": "filings.csv"}}],
    ),
    "Deck.slides": (
        "Your own slides, each with one kind of content (points, table, tiles, picture, "
        "chart, columns, section, statement), placed with before: or after: (default: "
        "before the closing).",
        [{"after": "about", "title": "Highlights", "points": ["Record PCT filings"]}],
    ),
    "*.table": (
        "A table: `columns:` and `rows:` (lists, or `column: cell` groups), or `csv:` a file "
        "beside the deck; `total: yes` adds a total row.",
        {"columns": ["Year", "PCT"], "rows": [["2017", "31,600"], ["2018", "33,745"]]},
    ),
    "*.tiles": (
        "Figure tiles, each as a metric: label, value, period, change.",
        [{"label": "PCT", "value": 33745, "period": "Jan-Aug"}],
    ),
    "FreeSlide.before": (
        "The section this slide goes before: cover, about, resources, focus, focus 2, "
        "year_ahead or closing (in a focus area's extra: aims or achievements).",
        "focus",
    ),
    "FreeSlide.after": ("The section this slide goes after (as before:).", "about"),
    "FreeSlide.columns": (
        "Two columns under the title, each one kind of content: points, table, tiles, "
        "picture or chart.",
        [{"points": ["A point"]}, {"table": {"csv": "filings.csv"}}],
    ),
    "FreeSlide.section": (
        "A section divider's big title.",
        "Strategic Focus Areas",
    ),
    "FreeSlide.subtitle": ("A line under a section divider's title.", "What we set out to do"),
    "FreeSlide.statement": (
        "A statement or quote, set large on a slide of its own.",
        "IP is the bridge between innovation and the market.",
    ),
    "FreeSlide.by": ("Who said the statement, under it.", "A PCT user"),
    "Table.columns": ("The header row: one name per column.", ["Year", "PCT", "Madrid"]),
    "Table.rows": (
        "The rows: each a list of cells (one per column) or a group of `column: cell`.",
        [["2018", "33,745", "3,571"]],
    ),
    "Table.csv": ("A CSV file beside the deck; its first row is the header.", "filings.csv"),
    "Table.total": (
        "Adds a total row summing the number columns: `yes`, or the row's label.",
        "yes",
    ),
    "*.picture": (
        "A picture from a file beside the deck (PNG, JPEG, GIF or SVG), with `alt:` text or "
        "`decorative: true`.",
        {"file": "pictures/seminar.jpg", "alt": "A seminar on the PCT in Beijing"},
    ),
    "*.chart": (
        "A native chart: `type:` column, bar, line or pie; data from `categories:` and "
        "`series:`, or `data:` a CSV file beside the deck.",
        {"type": "column", "categories": ["2017", "2018"], "series": {"PCT": [31600, 33745]}},
    ),
    "Picture.file": (
        "The picture file, relative to the deck file: PNG, JPEG, GIF or SVG.",
        "pictures/seminar.jpg",
    ),
    "Picture.alt": (
        "What the picture shows, for people who cannot see it (required unless decorative).",
        "A seminar room, a speaker beside a screen showing a rising chart",
    ),
    "Picture.decorative": (
        "`true` for a picture that only decorates: marked so screen readers skip it.",
        True,
    ),
    "Picture.fit": (
        "`fit` shows the whole picture; `crop` fills the frame and trims the edges.",
        "crop",
    ),
    "Picture.caption": ("A line under the picture.", "Seminar on the PCT, Beijing"),
    "Chart.type": ("The kind of chart: column, bar, line or pie.", "column"),
    "Chart.data": (
        "A CSV file beside the deck: a header row (the categories' name, then each series), "
        "then a row per category.",
        "filings.csv",
    ),
    "Chart.categories": ("The categories along the axis, or a pie's slices.", ["2017", "2018"]),
    "Chart.series": (
        "Each series' name and its values, one per category.",
        {"PCT": [31600, 33745], "Madrid": [3571, 4810]},
    ),
    "Chart.x_title": ("The category axis' title (default: the CSV's first heading).", "Year"),
    "Chart.y_title": ("The value axis' title: say the unit here.", "Applications"),
    "Chart.names": (
        "The chart's headings in a translation, per language: the series' names (written "
        "in the deck or the CSV file's) and the CSV's category axis' title.",
        {"fr": {"Year": "Année", "Hague": "La Haye"}},
    ),
    "Chart.alt": (
        "The chart's alt text [default: a summary of its data in the deck's language].",
        "PCT filings rose every year, from 25,539 in 2014 to 53,345 in 2018",
    ),
    "Metric.previous": (
        "The previous value: the change is computed from it (instead of change:).",
        31600,
    ),
    "Metric.history": (
        "Past values by period, charted beside the tile.",
        {"2015": 25539, "2016": 29846, "2017": 31600},
    ),
    "AchievementGroup.heading": ("The group's heading.", "Outcome"),
    "AchievementGroup.points": ("Bullets under the heading.", ["Organizing **28** seminars"]),
    "AchievementGroup.metrics": (
        "Figures shown as tiles; up to four share a slide.",
        [{"label": "PCT", "value": 33745, "period": "Jan-Aug", "change": "+6.8%"}],
    ),
    "Metric.label": ("What is counted, the tile's heading.", "PCT"),
    "Metric.value": ("The figure, without thousands separators.", 33745),
    "Metric.period": ("The period the figure covers.", "Jan-Aug"),
    "Metric.change": (
        "The change as a percentage → 'growing by 6.8%' (negative: 'declining by').",
        "+6.8%",
    ),
    "Metric.versus": (
        "What the change compares with → 'exceeding 2017 total by 85%'.",
        "2017 total",
    ),
    "Closing.text": (
        "The closing line; `yes` for the language's own ('Thank you for your time.'), `no` for "
        "no closing slide.",
        "Thank you for your time.",
    ),
    "*.title": ("Overrides the slide's derived title.", "About Us"),
    "*.points": ("Bullets, one per item.", ["Continue outreach activities"]),
    "*.notes": ("Speaker notes for the slide.", "Thank the hosts."),
}

# Models the deck file may also give in a short form (their "before" validators).
_SHORT_FORMS: dict[str, dict[str, Any]] = {"Closing": {"$ref": "#/$defs/Text"}}
# wocdeck reads every value as the text written, so `period: 2018` is text too.
_SCALAR = {"type": ["string", "number", "boolean"], "minLength": 1}


def deck_schema(themes: Sequence[str], roles: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema of a deck file, with descriptions, examples, the bundled `themes` to
    choose from and the slide `roles` a template's `layouts:` may name."""
    schema = Deck.model_json_schema()
    definitions = schema.setdefault("$defs", {})
    models = {"Deck": schema, **definitions}
    languages = list(SUPPORTED)
    for name, model in models.items():
        for key, field in model.get("properties", {}).items():
            field.pop("title", None)
            translated = marked(field)
            accept_text_as_written(field)
            drop_catch_alls(field)
            if field.get("type") == "array" and translated:  # a list of text, per language
                shape = {k: field.pop(k) for k in list(field) if k not in ("default",)}
                field["anyOf"] = [shape, per_language(shape, languages)]
            per_language_mappings(field, languages)
            field["description"], example = field_doc(name, key)
            field["examples"] = [example]
    definitions["Text"] = {"anyOf": [_SCALAR, per_language(_SCALAR, languages)]}
    definitions["Name"] = {**_SCALAR, "description": "The same in every language."}
    points = definitions["Section"]["properties"]["points"]["anyOf"][0]
    bullets = {"type": "array", "items": points["items"]}  # as Section.points
    forms = {**_SHORT_FORMS, "Section": {"anyOf": [bullets, per_language(bullets, languages)]}}
    allow_short_forms(schema, forms)
    schema["properties"]["theme"] = {
        **schema["properties"]["theme"],
        "anyOf": [
            {"enum": list(themes)},
            {"type": "string", "pattern": r"[/\\.]", "description": "a path to a theme"},
        ],
    }
    schema["properties"]["theme"].pop("$ref", None)
    if "layouts" in schema["properties"]:
        schema["properties"]["layouts"]["propertyNames"] = {"enum": list(roles)}
    unmark(schema)
    return {
        "$schema": DIALECT,
        "title": "wocdeck deck file",
        "description": "One WIPO external office's report, rendered by `wocdeck render`.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def field_doc(model: str, key: str) -> tuple[str, Any]:
    """The description and example of a key; KeyError names a key with none."""
    found = FIELD_DOCS.get(f"{model}.{key}") or FIELD_DOCS.get(f"*.{key}")
    if found is None:
        raise KeyError(f"{model}.{key}")
    return found


def missing_docs() -> list[str]:
    """Keys of the model that have no description (for the test that keeps this complete)."""
    from wocdeck.model import Deck

    schema = Deck.model_json_schema()
    models = {"Deck": schema, **schema.get("$defs", {})}
    return [
        f"{name}.{key}"
        for name, model in models.items()
        for key in model.get("properties", {})
        if f"{name}.{key}" not in FIELD_DOCS and f"*.{key}" not in FIELD_DOCS
    ]


def to_text(schema: dict[str, Any]) -> str:
    """The schema as the JSON text that is shipped and printed (stable key order)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
