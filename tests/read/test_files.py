"""Names too long for any file system, wherever an editor can write one: a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write_deck

LONG = "x" * 300
SHORT = "x" * 37 + "..."
TOO_LONG = f"the name '{SHORT}' is too long for a file or folder"

# What the deck says, and the message at its line (the deck's line 5 is the field).
FIELDS = {
    "theme": (
        f"theme: {LONG}\n",
        f"5:8: error: {TOO_LONG} (300 characters; at most 255) (give a bundled theme's name "
        "(e.g. wipo) or a theme folder's path)",
    ),
    "template": (
        f"template: {LONG}.pptx\n",
        f"5:11: error: {TOO_LONG} (305 characters; at most 255) (give the .potx or .pptx file "
        "a shorter name or path)",
    ),
    "a table's CSV file": (
        f"slides:\n  - title: T\n    table: {{csv: {LONG}.csv}}\n",
        f"7:18: error: {TOO_LONG} (304 characters; at most 255) (give the CSV file a shorter name)",
    ),
    "a theme in a folder with a long name, in Chinese": (
        "theme: " + "主题" * 50 + "/theme.yaml\n",
        "5:8: error: the name '" + ("主题" * 20)[:37] + "...' is too long for a file or folder "
        "(300 bytes in UTF-8; at most 255) (give a bundled theme's name (e.g. wipo) or a theme "
        "folder's path)",
    ),
}


@pytest.mark.parametrize("field", FIELDS)
def test_a_long_name_in_the_deck_is_located(cli, tmp_path: Path, field: str) -> None:
    text, expected = FIELDS[field]
    deck = write_deck(tmp_path, MINIMAL + text)
    code, _, err = cli("validate", deck)
    assert (code, err) == (1, f"{deck}:{expected}\n")


COMMANDS = {
    "a deck file": (
        ["validate", f"{LONG}.yaml"],
        f"{LONG}.yaml: error: {TOO_LONG} (305 characters; at most 255) (give the deck file a "
        "shorter name)",
    ),
    "a deck in a folder": (
        ["validate", f"{LONG}/deck.yaml"],
        f"{LONG}/deck.yaml: error: {TOO_LONG} (300 characters; at most 255) (give the deck file "
        "a shorter name)",
    ),
    "--template": (
        ["validate", "deck.yaml", "--template", f"{LONG}.potx"],
        f"{LONG}.potx: error: {TOO_LONG} (305 characters; at most 255) (give the .potx or .pptx "
        "file a shorter name or path)",
    ),
    "template check": (
        ["template", "check", f"{LONG}.potx"],
        f"{LONG}.potx: error: {TOO_LONG} (305 characters; at most 255) (give the .potx or .pptx "
        "file a shorter name or path)",
    ),
    "render -o": (
        ["render", "deck.yaml", "-o", f"{LONG}.pptx"],
        f"error: {LONG}.pptx: the name is too long for the file system; choose a shorter one",
    ),
    "init": (
        ["init", f"{LONG}.yaml"],
        f"error: {LONG}.yaml: the name is too long for the file system",
    ),
    "schema -o": (
        ["schema", "-o", f"{LONG}.json"],
        f"error: {LONG}.json: cannot write the file: the name is too long for the file system; "
        "choose a shorter one",
    ),
}


@pytest.mark.parametrize("case", COMMANDS)
def test_a_long_name_on_the_command_line_is_a_plain_error(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    args, expected = COMMANDS[case]
    write_deck(tmp_path, MINIMAL)
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*args)
    assert (code, out, err) == (1, "", expected + "\n")
