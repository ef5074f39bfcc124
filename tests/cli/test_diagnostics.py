"""--format json: problems, notices and results as JSON lines for editor plug-ins and CI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MINIMAL, write_deck
from wocdeck.cli.diagnostics import FIELDS


def records(out: str) -> list[dict]:
    """Every stdout line parsed as JSON (fails on any line that is not)."""
    parsed = [json.loads(line) for line in out.splitlines()]
    assert all(list(r) == list(FIELDS) for r in parsed)
    return parsed


def test_validate_errors_as_json_lines(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL + "about:\n  establshed: 2014-07-10\nclosing: [x]\n")
    code, out, err = cli("validate", deck, "--format", "json")
    assert code == 1 and err == ""
    first, second = records(out)
    assert first == {
        "file": str(deck),
        "line": 6,
        "column": 3,
        "severity": "error",
        "message": "unknown key 'establshed' in about",
        "hint": "did you mean 'established'?",
    }
    assert (second["line"], second["column"], second["severity"]) == (7, 10, "error")
    assert second["message"].startswith("closing: ")


def test_render_notices_and_result_as_json(cli, tmp_path: Path) -> None:
    from tests.cli.test_cli import _long_deck

    deck = _long_deck(tmp_path)  # the seed deck renders without notices
    code, out, _ = cli("render", deck, "--format", "json")
    assert code == 0
    notice, done = records(out)
    assert notice == {
        "file": str(deck),
        "line": 5,
        "column": None,
        "severity": "notice",
        "message": 'slide 2 "The Year Ahead": continued on 2 slides',
        "hint": "",
    }
    assert done["severity"] == "info"
    assert done["message"] == f"wrote {deck.with_suffix('.pptx')} (3 slides)"


def test_an_output_problem_is_the_decks_json_error(cli, seed_copy: Path) -> None:
    code, out, _ = cli("render", seed_copy, "-o", seed_copy, "--format", "json")
    (record,) = records(out)
    assert code == 1 and record["file"] == str(seed_copy) and record["line"] is None
    assert "would overwrite the input file" in record["message"]


def test_a_yaml_error_keeps_non_ascii_text_readable(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL.replace("2018-09-27", "2018-02-30") + "closing: 谢谢\n")
    _, out, _ = cli("validate", deck, "--format", "json")
    (record,) = records(out)
    assert record["message"].startswith("'2018-02-30' is not a valid date")
    assert "YYYY-MM-DD" in record["hint"]


def test_an_unknown_format_is_a_command_line_error(cli, seed_copy: Path) -> None:
    assert cli("validate", seed_copy, "--format", "xml")[0] == 2
