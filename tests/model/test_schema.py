"""The deck file's JSON Schema: complete, shipped, and agreeing with wocdeck on real decks."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import MINIMAL, ROOT, SEED_DECK
from tests.stress import STRESS_DECKS
from wocdeck.cli.editing import deck_file_schema as deck_schema
from wocdeck.model.schema import PACKAGED, missing_docs, to_text
from wocdeck.output.starter import SCHEMA_LINE, Office, starter


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' language servers do (YAML 1.2 core schema): `NO` and
    `2018-09-27` stay text, only true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] in ("int", "float", "null")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def validator() -> jsonschema.protocols.Validator:
    """A validator for the shipped schema that also checks formats such as dates."""
    schema = json.loads(PACKAGED.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(text: str) -> list[str]:
    """The schema's complaints about a deck's text, as `path: message`, with the reasons
    inside each `anyOf` (as editors show them at the deepest place)."""
    data: Any = yaml.load(text, Loader=Yaml12Loader)
    found = []
    pending = list(validator().iter_errors(data))
    while pending:
        error = pending.pop()
        found.append(f"{'.'.join(map(str, error.absolute_path))}: {error.message}")
        pending += error.context or []
    return found


def repo_decks() -> list[Path]:
    """Every deck file in the repository: the seed and any example decks."""
    found = [SEED_DECK, *ROOT.glob("examples/**/*.yaml"), *ROOT.glob("examples/**/*.yml")]
    return sorted(set(found))


def test_the_shipped_schema_is_the_one_the_model_gives() -> None:
    generated = to_text(deck_schema())
    assert PACKAGED.read_text(encoding="utf-8") == generated, (
        "src/wocdeck/model/wocdeck.schema.json is stale: run `wocdeck schema -o "
        "src/wocdeck/model/wocdeck.schema.json`"
    )


def test_every_key_has_a_description_and_an_example() -> None:
    assert missing_docs() == [], "add these keys to FIELD_DOCS in src/wocdeck/model/schema.py"
    schema = deck_schema()
    for model in [schema, *schema["$defs"].values()]:
        for key, field in model.get("properties", {}).items():
            assert field["description"], key
            assert field["examples"] and field["examples"][0] is not None, key


def test_themes_are_offered_as_choices() -> None:
    theme = deck_schema()["properties"]["theme"]
    assert {"enum": ["wipo"]} in theme["anyOf"]


@pytest.mark.parametrize("deck", repo_decks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_deck_in_the_repository_passes_the_schema(deck: Path) -> None:
    assert errors(deck.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", STRESS_DECKS)
def test_stress_decks_pass_the_schema(name: str) -> None:
    assert errors(STRESS_DECKS[name]()) == []


def test_the_starter_deck_passes_the_schema() -> None:
    text = starter(Office("WIPO Office in Japan", "WJO", dt.date(2026, 9, 27)))
    assert errors(text) == []


def test_the_seed_and_the_starter_carry_the_schema_line() -> None:
    assert SEED_DECK.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE
    # the line names a file beside the deck; in the repository it is the shipped schema
    beside = SEED_DECK.parent / SCHEMA_LINE.split("=", 1)[1]
    assert beside.resolve() == PACKAGED.resolve()


REJECTED = {
    "misspelt key": (MINIMAL + "about:\n  establshed: 2014-07-10\n", "establshed"),
    "wrong type": (
        MINIMAL + "focus:\n  - name: Outreach\n    goal: eight\n    aims: [a]\n",
        "focus.0.goal: 'eight' is not valid",
    ),
    "list where text belongs": (MINIMAL + "closing: [Thanks]\n", "closing:"),
    "impossible date": (MINIMAL.replace("2018-09-27", "2018-02-30"), "event.date:"),
    "missing field": (MINIMAL.replace("  date: 2018-09-27\n", ""), "'date' is a required"),
    "unknown theme": ("theme: wipoo\n" + MINIMAL, "theme:"),
    "unknown language": ("language: xx\n" + MINIMAL, "language: 'xx' is not one of"),
    "empty text": (MINIMAL + "closing: ''\n", "closing:"),
    "a file per language": (
        MINIMAL
        + "slides:\n  - title: Photo\n    picture:\n"
        + "      file: {en: a.png, fr: b.png}\n      alt: A photo\n",
        "slides.0.picture.file:",
    ),
    "a place per language": (
        MINIMAL + "slides:\n  - title: T\n    after: {en: about}\n    points: [a]\n",
        "slides.0.after:",
    ),
}


@pytest.mark.parametrize("case", REJECTED)
def test_the_schema_rejects_what_wocdeck_rejects(cli, tmp_path: Path, case: str) -> None:
    text, expected = REJECTED[case]
    problems = errors(text)
    assert any(expected in p for p in problems), problems
    deck = tmp_path / "deck.yaml"
    deck.write_text(text, encoding="utf-8")
    assert cli("validate", deck)[0] == 1  # and wocdeck agrees


ACCEPTED = {
    "short forms": MINIMAL + "year_ahead: [One, Two]\nclosing: Thanks\n",
    "long forms": MINIMAL + "year_ahead: {title: Next, points: [One]}\nclosing: {text: Thanks}\n",
    "numbers and yes/no as text": MINIMAL + "year_ahead: [2019, NO, true]\n",
    "per-language text and lists": "language: en\n"
    + MINIMAL.replace(
        "  office: WIPO Office in China", "  office: {en: WIPO Office, zh: 中国办事处}"
    )
    + "year_ahead: {en: [One], fr: [Un]}\n",
    "per-language chart names and alt text": MINIMAL
    + "slides:\n  - title: Chart\n    chart:\n      categories: [a, b]\n"
    + "      series: {PCT: [1, 2]}\n      alt: {en: Rising, fr: En hausse}\n"
    + "      names: {fr: {PCT: PCT}}\n",
    "a theme folder": f"theme: {ROOT / 'themes' / 'wipo'}\n" + MINIMAL,
}


@pytest.mark.parametrize("case", ACCEPTED)
def test_the_schema_accepts_what_wocdeck_accepts(cli, tmp_path: Path, case: str) -> None:
    assert errors(ACCEPTED[case]) == []
    deck = tmp_path / "deck.yaml"
    deck.write_text(ACCEPTED[case], encoding="utf-8")
    assert cli("validate", deck)[0] == 0


def test_schema_command_prints_and_writes_the_shipped_schema(cli, tmp_path: Path) -> None:
    shipped = PACKAGED.read_text(encoding="utf-8")
    assert cli("schema") == (0, shipped, "")
    code, out, _ = cli("schema", "-o", tmp_path / "s.json")
    assert (code, out) == (0, f"wrote {tmp_path / 's.json'}\n")
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == shipped
