"""A lean start: --version and --help import neither python-pptx nor pydantic; validate no pptx;
no command pays for another command's dependencies (watchfiles, jsonschema, UNO) or has typer
build the other commands; a deck pays only for what it uses (Babel for languages other than
English); the bundled template's XML is not parsed (its reading is stored); and importing the
deck's models builds no validator (the first validation does)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED_DECK

PROBE = """
import atexit, json, sys
atexit.register(lambda: print("LOADED", json.dumps(sorted(sys.modules))))
sys.argv = ["wocdeck", *{args!r}]
from wocdeck.cli import main
main()
"""
# Imported only by the command that needs them (watch, schema, init, preview).
OTHER_COMMANDS = (
    "watchfiles",
    "jsonschema",
    "uno",
    "anyio",
    "wocdeck.cli.watching",
    "wocdeck.output.session",
    "wocdeck.model.schema",
    "wocdeck.output.starter",
)


def _modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    return set(json.loads(line.removeprefix("LOADED ")))


def _packages(*args: str) -> set[str]:
    return {name.partition(".")[0] for name in _modules(*args)}


def _loaded(*args: str) -> tuple[bool, bool]:
    modules = _modules(*args)
    return "pptx" in modules, "pydantic" in modules


def test_version_and_help_import_neither_pptx_nor_pydantic() -> None:
    assert _loaded("--version") == (False, False)
    assert _loaded("--help") == (False, False)


def test_validate_does_not_import_pptx() -> None:
    assert _loaded("validate", str(SEED_DECK)) == (False, True)


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["render", "-o", "{out}", str(SEED_DECK)],
        ["validate", str(SEED_DECK)],
    ],
    ids=["--version", "--help", "render", "validate"],
)
def test_no_command_imports_another_commands_dependencies(tmp_path, args: list[str]) -> None:
    modules = _modules(*(a.format(out=tmp_path / "deck.pptx") for a in args))
    assert modules & set(OTHER_COMMANDS) == set()
    if args[0] == "render":  # the command did its work
        assert "wocdeck.writer" in modules and (tmp_path / "deck.pptx").is_file()


@pytest.mark.parametrize("command", ["render", "validate"])
def test_render_and_validate_register_only_their_own_commands(tmp_path, command: str) -> None:
    args = [command, str(SEED_DECK)] + (
        ["-o", str(tmp_path / "deck.pptx")] if command == "render" else []
    )
    modules = _modules(*args)
    own, other = ("render", "review") if command == "render" else ("review", "render")
    assert f"wocdeck.cli.{own}" in modules
    assert f"wocdeck.cli.{other}" not in modules
    assert "wocdeck.cli.editing" not in modules  # init, schema, watch, template not built


def test_each_command_is_registered_by_the_module_main_imports_for_it() -> None:
    from wocdeck.cli import COMMANDS, app

    commands = {info.name or info.callback.__name__: info for info in app.registered_commands}
    groups = {info.name: info.typer_instance for info in app.registered_groups}
    assert set(commands) | set(groups) == set(COMMANDS)
    for name, info in commands.items():
        assert info.callback.__module__ == f"wocdeck.cli.{COMMANDS[name]}", name
    for name, group in groups.items():
        for info in group.registered_commands:
            assert info.callback.__module__ == f"wocdeck.cli.{COMMANDS[name]}", name


def test_an_english_deck_renders_without_babel(tmp_path) -> None:
    assert "babel" not in _packages("render", "-o", str(tmp_path / "deck.pptx"), str(SEED_DECK))
    assert "babel" not in _packages("validate", str(SEED_DECK))


def test_words_glued_by_no_break_spaces_or_slashes_need_no_unicode_breaker(tmp_path) -> None:
    """The seed's text is Latin with no-break spaces ("(SG\u00a08)") and slashes: the
    Unicode line breaker (uniseg and the package metadata it reads) is not loaded for it."""
    loaded = _packages("render", "-o", str(tmp_path / "deck.pptx"), str(SEED_DECK))
    assert "uniseg" not in loaded


def test_chinese_text_loads_the_unicode_breaker(tmp_path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        SEED_DECK.read_text(encoding="utf-8").replace(
            "Continue outreach activities in China", "继续在中国开展外联活动" * 8
        ),
        encoding="utf-8",
    )
    assert "uniseg" in _packages("validate", str(deck))


def test_a_french_deck_formats_with_babel(tmp_path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        SEED_DECK.read_text(encoding="utf-8").replace("theme: wipo", "theme: wipo\nlanguage: fr")
    )
    assert "babel" in _packages("validate", str(deck))


# Imported only for a deck that has free slides, tables, pictures or charts (a metric's history
# is a chart). A table's plan type is not among them: the layout stage tells tables by it.
BLOCK_MODULES = (
    "wocdeck.compose.kinds.base",
    "wocdeck.compose.kinds.table",
    "wocdeck.compose.kinds.picture",
    "wocdeck.compose.kinds.chart",
    "wocdeck.read.images",
    "wocdeck.read.chart_data",
    "wocdeck.writer.table",
    "wocdeck.writer.picture",
    "wocdeck.writer.chart",
    "wocdeck.writer.blocks",
    "wocdeck.writer.drawing",
)


def test_a_deck_without_blocks_renders_without_their_modules(tmp_path) -> None:
    modules = _modules("render", "-o", str(tmp_path / "deck.pptx"), str(SEED_DECK))
    assert modules & set(BLOCK_MODULES) == set()
    assert "wocdeck.cli.diagnostics" not in modules  # for --format json
    assert "wocdeck.look.shaping" not in modules  # for Arabic text
    assert {"wocdeck.layout.mirror", "wocdeck.writer.direction"} & modules == set()  # RTL


def test_the_bundled_template_is_not_parsed_at_each_render(tmp_path) -> None:
    """Its reading is stored beside it (look/template_store.py); another template's XML is
    read, so that is when the XML parser is imported."""
    modules = _modules("render", "-o", str(tmp_path / "deck.pptx"), str(SEED_DECK))
    assert "xml.etree.ElementTree" not in modules
    template = SEED_DECK.parent / "themes" / "wipo" / "wipo.potx"
    other = tmp_path / "office.potx"
    other.write_bytes(template.read_bytes())
    args = ("render", "-o", str(tmp_path / "other.pptx"), "--template", str(other))
    assert "xml.etree.ElementTree" in _modules(*args, str(SEED_DECK))


def test_a_deck_with_blocks_imports_them(tmp_path) -> None:
    showcase = SEED_DECK.parent / "examples" / "showcase.yaml"
    modules = _modules("render", "-o", str(tmp_path / "deck.pptx"), str(showcase))
    assert set(BLOCK_MODULES) <= modules


MODELS_PROBE = """
import json, sys
import wocdeck.model, wocdeck.look.theme
from pydantic import BaseModel
from wocdeck.model.parts import Part

def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)

built = sorted(m.__name__ for m in subclasses(Part) if m.__pydantic_complete__)
print(json.dumps({"parts": len(list(subclasses(Part))), "built": built}))
"""


def test_importing_the_models_builds_no_deck_validator() -> None:
    """A deck's models build their validator when a deck is first validated, once, for the
    whole deck (its parts' schemas inside it): not each part's at every start."""
    done = subprocess.run(
        [sys.executable, "-c", MODELS_PROBE], capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    assert found["parts"] > 10  # Deck, Event, Focus, Bullet, Metric, Chart, Table, …
    assert found["built"] == []
