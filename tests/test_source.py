"""Reading deck files safely: positions, limits, YAML's surprises, hostile documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write_deck
from wocdeck.errors import DeckError
from wocdeck.source import MAX_BYTES, MAX_DEPTH, MAX_VALUES, parse, read


def _error(raw: bytes) -> str:
    with pytest.raises(DeckError) as caught:
        parse(raw, "deck.yaml")
    return str(caught.value)


def test_positions_of_keys_and_values() -> None:
    source = parse(b"a: 1\nb:\n  - x\n  - {c: d}\n", "deck.yaml")
    assert source.data == {"a": "1", "b": ["x", {"c": "d"}]}
    assert source.values[("b", 1, "c")] == (4, 9)
    assert source.keys[("b",)] == (2, 1)
    assert str(source.location(("b", 0))) == "deck.yaml:3:5"


def test_yaml_11_scalars_stay_text_as_written() -> None:
    data = parse(b"a: NO\nb: on\nc: 1.10\nd: 010\ne: 2018-09-27\nf: ~\ng:\n", "d").data
    assert data == {
        "a": "NO",
        "b": "on",
        "c": "1.10",
        "d": "010",
        "e": "2018-09-27",
        "f": None,
        "g": None,
    }


def test_python_tags_are_refused_not_run() -> None:
    message = _error(b"a: !!python/object/apply:os.system ['touch /tmp/pwned']\n")
    assert message.startswith("deck.yaml:1:4: error: the tag !!python/object/apply:os.system")


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    message = _error("\n".join(lines).encode())
    assert time.perf_counter() - started < 1.0
    assert f"expands to more than {MAX_VALUES:,} values" in message


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    message = _error(b"a: " + b"[" * 5000 + b"]" * 5000)
    assert f"nesting is deeper than {MAX_DEPTH} levels" in message


def test_file_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "deck.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(DeckError, match="a deck file may be at most 4 MB"):
        read(big)


def test_non_utf8_names_offset_and_line() -> None:
    message = _error(b"a: ok\nb: caf\xe9\n")
    assert message.startswith("deck.yaml:2:7: error: byte 0xE9 at offset 12 is not valid UTF-8")
    assert "save the file as UTF-8" in message


def test_utf8_bom_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbfa: 1\n", "d").data == {"a": "1"}


def test_tab_indentation_says_so() -> None:
    message = _error(b"a:\n\t- x\n")
    assert "deck.yaml:2:1: error: invalid YAML: a tab is used for indentation" in message


def test_control_characters_are_located_errors() -> None:
    message = _error(b'a: ok\nb: "nul \\0 here"\n')
    assert message.startswith("deck.yaml:2:4: error: the control character U+0000")


def test_vertical_tab_and_line_separator_become_line_breaks() -> None:
    data = parse(b'a: "one\\vtwo"\nb: "three\\Lfour"\n', "d").data
    assert data == {"a": "one\ntwo", "b": "three\nfour"}


def test_duplicate_keys_all_reported() -> None:
    message = _error(b"a: 1\nb: 2\na: 3\nb: 4\n")
    assert "deck.yaml:3:1: error: duplicate key 'a' (first given on line 1)" in message
    assert "deck.yaml:4:1: error: duplicate key 'b' (first given on line 2)" in message


def test_more_than_one_document_is_refused() -> None:
    assert "holds one YAML document" in _error(b"a: 1\n---\nb: 2\n")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="the file is empty"):
        read(write_deck(tmp_path, ""))


def test_a_deck_that_is_not_a_mapping(cli, tmp_path: Path) -> None:
    code, _, err = cli("validate", write_deck(tmp_path, "- just\n- a list\n"))
    assert code == 1 and "a deck file is a mapping" in err


def test_yes_no_in_text_fields_renders_as_written(cli, tmp_path: Path) -> None:
    from pptx import Presentation

    deck = write_deck(tmp_path, MINIMAL + "year_ahead: [NO, on, 1.10, 010]\n")
    assert cli("render", deck)[0] == 0
    body = Presentation(str(deck.with_suffix(".pptx"))).slides[1].placeholders[1]
    assert [p.text for p in body.text_frame.paragraphs] == ["NO", "on", "1.10", "010"]
