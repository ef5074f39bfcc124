"""Reading deck files safely: positions, limits, YAML's surprises, hostile documents."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, write_deck
from wocdeck.errors import DeckError
from wocdeck.read.source import MAX_BYTES, MAX_CHARACTERS, MAX_DEPTH, MAX_VALUES, parse, read


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


@pytest.mark.parametrize("depth", [MAX_DEPTH + 10, 5000])  # ours, and past libyaml's own limit
def test_deep_nesting_is_refused_without_recursion_error(depth: int) -> None:
    message = _error(b"a: " + b"[" * depth + b"]" * depth)
    assert message.startswith("deck.yaml:1:")
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
    assert "deck.yaml:2:1: error: a tab is used for indentation" in message


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


# --- '#' inside text, folded sub-bullets, and the parser's errors in plain words ---


def test_a_hashtag_after_text_is_refused_at_the_hash_with_the_quoted_line() -> None:
    message = _error(
        b"year_ahead:\n  - World IP Day campaign #ReachForGold reached **2** million views\n"
    )
    assert message.startswith("deck.yaml:2:27: error: the text after ' #ReachForGold' would be ")
    assert (
        'quote this line: - "World IP Day campaign #ReachForGold reached **2** million views"'
        in (message)
    )


def test_a_bullet_that_starts_with_a_hashtag_is_refused() -> None:
    message = _error(b"year_ahead:\n  - #1 priority for 2019\n")
    assert message.startswith("deck.yaml:2:5: error: the text after ' #1' would be dropped")
    assert '- "#1 priority for 2019"' in message


def test_a_hashtag_starting_a_continuation_line_is_refused() -> None:
    message = _error(
        b"year_ahead:\n  - World IP Day campaign\n    #ReachForGold reached 2 million views\n"
    )
    assert message.startswith(
        "deck.yaml:3:5: error: this line starts with '#ReachForGold', so YAML drops it"
    )


def test_a_hashtag_line_under_a_key_and_value_is_reported_once() -> None:
    with pytest.raises(DeckError) as caught:
        parse(b"event:\n  office: Foo bar\n    #tag here\n", "deck.yaml")
    assert [str(p).split(": error")[0] for p in caught.value.problems] == ["deck.yaml:3:5"]


def test_ordinary_comments_keep_working() -> None:
    source = parse(
        b"# a comment line\ntheme: wipo   # a bundled theme\nyear_ahead:\n"
        b'  - One   # a comment\n  - Two #\n  - "#Three"  # quoted\n  #- commented out\n'
        b"  - Four\n    # a comment under it\n",
        "deck.yaml",
    )
    assert source.data == {"theme": "wipo", "year_ahead": ["One", "Two", "#Three", "Four"]}


def test_indented_bullets_folded_into_the_one_above_are_a_located_error() -> None:
    message = _error(
        b"year_ahead:\n  - Cooperation with stakeholders in China\n"
        b"    - universities\n    - industry associations\n"
    )
    assert message.startswith(
        "deck.yaml:3:5: error: this '- ' line is indented under 'Cooperation with "
        "stakeholders in China', so YAML joins the two into one line of text"
    )
    assert "write the bullet as `- text: …` with `points:` under it" in message


# Parser mistakes → the line to change and what to do, in the editor's words.
PARSER = {
    "bullet indented less than its list": (
        b"focus:\n  - name: A\n    aims:\n      - one\n     - two\n",
        "deck.yaml:5:6: error: this line is indented differently from the lines around it",
        "line it up with the list item on line 4 (column 7)",
    ),
    "key indented less than its group": (
        b"event:\n  office: X\n  title: Y\n date: 2018-01-01\n",
        "deck.yaml:4:2: error: this line is indented differently",
        "line it up with the key on line 3 (column 3)",
    ),
    "key indented more than the one above": (
        b"event:\n  office: X\n    title: Y\n  date: 2018-01-01\n",
        "deck.yaml:3:5: error: this line is indented more than line 2, so YAML reads it as "
        "more text of line 2",
        "line it up with line 2",
    ),
    "key after a list, misindented": (
        b"focus:\n  - name: A\n    aims:\n      - one\n   achievements:\n      - two\n",
        "deck.yaml:5:4: error: this line is indented differently",
        "line it up with the key on line 3 (column 5)",
    ),
    "': ' twice in a bullet": (
        b"year_ahead:\n  - Result: 28 seminars and: more\n",
        "error: a ': ' inside text makes YAML read a key",
        'put the line in quotes: - "Result: 28 seminars and: more"',
    ),
    "': ' in a value": (
        b"closing: Note: this is it\n",
        "deck.yaml:1:14: error: a ': ' inside text makes YAML read a key",
        'put the line in quotes: closing: "Note: this is it"',
    ),
    "'**' after ': '": (
        b"year_ahead:\n  - Result: **28** seminars\n",
        "error: a ': ' inside text makes YAML read a key",
        'put the line in quotes: - "Result: **28** seminars"',
    ),
    "a list on its key's line": (
        b"about:\n  points: - a\n",
        "deck.yaml:2:11: error: a list item ('- ') cannot start on the same line as its key",
        "start the list on the next line",
    ),
    "'%' at the start": (
        b"year_ahead:\n  - %5 more\n",
        "deck.yaml:2:5: error: text cannot start with '%' unless it is quoted",
        '- "%5 more"',
    ),
    "a key indented between two levels": (
        b"closing: Thank you\n  for coming\n notes: Bye\n",
        "deck.yaml:3:2: error: this line is indented more than line 1, so YAML reads it as more "
        "text of line 1",
        "line it up with line 1 if it starts a key of its own",
    ),
    "text on the line of a '|'": (
        b"closing: | Thank you\n",
        "deck.yaml:1:10: error: text after '|' or '>' must start on the next line",
        "put the text on the lines below, indented",
    ),
    "a value starting with ']'": (
        b"closing: ] done\n",
        "deck.yaml:1:10: error: a value cannot start with ']' unless it is quoted",
        'put the line in quotes: closing: "] done"',
    ),
    "an apostrophe inside single quotes": (
        b"year_ahead:\n  - 'It's the first such colloquium'\n",
        "deck.yaml:2:9: error: the apostrophe in It's ends the quoted text early",
        'put the whole value in one pair of quotes: - "It\'s the first such colloquium")',
    ),
    "a double quote inside double quotes": (
        b'closing: "The "best" office"\n',
        'deck.yaml:1:16: error: the quotation mark in "best" ends the quoted text early',
        'put the whole value in one pair of quotes: closing: "The \\"best\\" office")',
    ),
    "a focus area's item misindented after deeper bullets": (
        b"focus:\n  - name: A\n    aims:\n    - a1\n    achievements:\n      - heading: H\n"
        b"        points:\n          - p1\n   - name: B\n    aims: [b]\n",
        "deck.yaml:9:4: error: this line is indented differently",
        "line it up with the list item on line 2 (column 3) if it belongs with it",
    ),
    "unclosed quote": (
        b'closing: "Thank you\nevent: x\n',
        "deck.yaml:1:10: error: this quotation mark is not closed: YAML reads on to the end of "
        "the file",
        'close it at the end of the text: closing: "Thank you"',
    ),
}


@pytest.mark.parametrize("case", PARSER)
def test_parser_errors_are_translated_into_what_to_do(case: str) -> None:
    raw, start, hint = PARSER[case]
    message = _error(raw)
    assert start in message and hint in message
    for jargon in ("did not find expected", "mapping values", "block", "scalar", "token"):
        assert jargon not in message


def test_alias_amplification_is_bounded_by_characters() -> None:
    """A long string anchored once and reused many times is refused before it is expanded."""
    text = "x" * 400_000
    lines = [f"a: &big {text}", "b: [" + ", ".join(["*big"] * 2499) + "]"]
    started = time.perf_counter()
    message = _error("\n".join(lines).encode())
    assert time.perf_counter() - started < 2.0
    assert f"expands to more than {MAX_CHARACTERS:,} characters" in message
    assert message.startswith("deck.yaml:2:")


def test_a_device_is_refused_without_reading_it() -> None:
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        with pytest.raises(DeckError, match="is a device or socket, not a file"):
            read(Path(device))


def test_a_named_pipe_without_writer_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(DeckError, match="the file is empty"):
        read(fifo)
    assert time.perf_counter() - started < 2.0


def test_a_pipe_is_read_and_stops_after_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)

    def feed(data: bytes) -> None:
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as stream:
            stream.write(data)

    reader = threading.Thread(target=feed, args=(MINIMAL.encode(),))
    reader.start()
    time.sleep(0.2)  # the writer is connected before the deck is opened
    assert read(fifo).data["event"]["office"] == "WIPO Office in China"
    reader.join()

    endless = threading.Thread(target=feed, args=(b"#" * (MAX_BYTES + 4096),), daemon=True)
    endless.start()
    time.sleep(0.2)
    with pytest.raises(DeckError, match="a deck file may be at most 4 MB"):
        read(fifo)
