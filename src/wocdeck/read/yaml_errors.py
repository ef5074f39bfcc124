"""Plain words for the YAML mistakes editors make: what happened, at which line, what to type.

PyYAML's own messages ("did not find expected key", "mapping values are not allowed in this
context") describe the parser, not the file. These functions look at the line the parser
stopped on, and at the lines above it, to say what the editor should change.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, as its marks count them
_KEY = re.compile(r"^(?:- +)*[^\s#\-'\"][^:#]*:(?:\s|$)")
_ITEM = re.compile(r"^-(?:\s|$)")
HASHTAG = re.compile(r"[ \t]+#\S")  # text, then ' #word': YAML drops ' #word…' as a comment


class Wording(NamedTuple):
    """A problem in plain words, with the (1-based) line and column it points at."""

    line: int
    column: int
    message: str
    hint: str = ""


def split_lines(text: str) -> list[str]:
    """The text's lines, split where YAML counts a new line."""
    return _BREAKS.split(text)


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def quoted(row: str) -> str:
    """The line with its text in double quotes: `- "Result: 28 seminars"`, `notes: "A: b"`."""
    body = row.strip()
    prefix = ""
    while _ITEM.match(body):
        prefix += "- "
        body = body[1:].lstrip()
    if not prefix and ": " in body:
        key, body = body.split(": ", 1)
        prefix = key + ": "
    body = body.strip()
    if len(body) > 1 and body[0] == body[-1] and body[0] in "'\"":
        if _closed_once(body):
            return prefix + body
        body = body[1:-1]  # `'It's …'`: the quote inside closed it; double quotes hold both
    return prefix + double_quoted(body)


def _closed_once(body: str) -> bool:
    """Whether a quoted value's quote is closed only at its end (`'It''s'`, `"say \\"hi\\""`)."""
    inner = body[1:-1]
    if body[0] == "'":
        return "'" not in inner.replace("''", "")
    return '"' not in re.sub(r"\\.", "", inner)


def double_quoted(text: str) -> str:
    """Text in YAML double quotes, its backslashes and double quotes escaped: "say \\"hi\\""."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hashtag(row: str, column: int) -> Wording:
    """Text followed by ' #word' on its line: YAML would drop the rest as a comment."""
    at = row.index("#", column)
    return Wording(
        0,
        at + 1,
        f"the text after ' {row[at:].split()[0]}' would be dropped: YAML reads ' #' as the "
        "start of a comment",
        f"quote this line: {quoted(row)}; for a comment, put a space after the '#'",
    )


def folded(lines: list[str], first: int, last: int) -> Wording | None:
    """A '- ' line swallowed into the text above it (0-based line range of a plain scalar)."""
    head = lines[first].lstrip(" ")
    if re.match(r"-[^\s-]", head):  # `-First`: without a space, '-' is part of the text
        word = head.split()[0]
        return Wording(
            first + 1,
            _indent(lines[first]) + 1,
            f"'{_short(word)}' has no space after its '-', so it is text, not a list item, and "
            "YAML joins the lines below it into it",
            f"put a space after the '-': - {head[1:]}",
        )
    for number in range(first + 1, last + 1):
        row = lines[number]
        if _ITEM.match(row.lstrip(" ")):
            above = lines[first].strip().lstrip("- ").strip()
            return Wording(
                number + 1,
                _indent(row) + 1,
                f"this '- ' line is indented under '{_short(above)}', so YAML joins the two "
                "into one line of text",
                "for sub-bullets, write the bullet as `- text: …` with `points:` under it and "
                "the sub-bullets indented under `points:` (see 'Editing deck.yaml' in the "
                "README); for a bullet of its own, line its '-' up with the '-' above",
            )
    return None


def comment_continuation(lines: list[str], first: int, last: int) -> Wording | None:
    """A '#word' line indented under text (0-based lines of a plain scalar): YAML drops it."""
    for number in range(last + 1, len(lines)):
        row = lines[number]
        text = row.strip()
        if not text.startswith("#"):
            return None
        if HASHTAG.match(" " + text) and _indent(row) > _indent(lines[first]):
            return Wording(
                number + 1,
                _indent(row) + 1,
                f"this line starts with '{text.split()[0]}', so YAML drops it as a comment and "
                "the text above ends before it",
                "put the whole text in quotes, on one line or across lines; for a comment, put "
                "a space after the '#'",
            )
    return None


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def unclosed(lines: list[str], line: int, column: int, closed: int) -> Wording:
    """A quote opened at a 0-based line and column and closed only on a later line."""
    mark = lines[line][column]
    name = "apostrophe" if mark == "'" else "quotation mark"
    return Wording(
        line + 1,
        column + 1,
        f"this {name} is not closed on its line, so YAML reads on to the {name} on line "
        f"{closed + 1} as one text",
        f"close it at the end of the text: {lines[line].strip()}{mark}",
    )


def swallowed(lines: list[str], first: int, last: int) -> bool:
    """Whether quoted text over 0-based lines first..last holds a '- ' or `key:` line: the quote
    left open on its first line took in the items or keys below it."""
    return any(
        _ITEM.match(lines[n].lstrip()) or _KEY.match(lines[n].strip())
        for n in range(first + 1, last + 1)
    )


def opening_quote(lines: list[str], line: int, column: int) -> tuple[int, int] | None:
    """Where the quote at a 0-based line and column was opened, if on an earlier line."""
    mark = lines[line][column]
    row, at = line, column - 1
    while row >= 0:
        text = lines[row]
        while at >= 0:
            if text[at] == mark:
                if mark == '"' and (at - len(text[:at].rstrip("\\"))) % 2:
                    at -= 1  # \" inside double quotes
                    continue
                if mark == "'" and at > 0 and text[at - 1] == "'":
                    at -= 2  # '' inside single quotes
                    continue
                return (row, at) if row < line else None
            at -= 1
        row -= 1
        at = len(lines[row]) - 1 if row >= 0 else -1
    return None


def translate(problem: str, context: str, line: int, column: int, lines: list[str]) -> Wording:
    """PyYAML's problem at a 0-based line and column, in plain words."""
    row = lines[line] if 0 <= line < len(lines) else ""
    stripped = row.strip()
    where = Wording(line + 1, column + 1, "")
    if 0 < column <= len(row) and row[column - 1] in "'\"":
        opened = opening_quote(lines, line, column - 1)  # text right after a closing quote
        if opened:
            return unclosed(lines, *opened, line)
    if "\t" in row and not row.strip():
        return _with(
            where,
            "this line looks blank but holds a tab, which YAML reads as indentation",
            "delete the tab (YAML indents with spaces only), or the whole line",
        )
    if "\t" in row[: len(row) - len(row.lstrip(" \t"))] or "'\\t'" in problem:
        return _with(
            where,
            "a tab is used for indentation",
            "YAML indents with spaces only; replace the tab with spaces",
        )
    if "mapping values are not allowed" in problem:
        return _colon(where, lines, line, column)
    if "alphabetic or numeric character" in problem:
        item = item_text(stripped)
        if ": " in item and item.split(": ", 1)[1][:1] in "*&":
            return _with(
                where,
                "a ': ' inside text makes YAML read a key",
                f"put the line in quotes: {quoted(row)}",
            )
        return _with(
            where,
            "text that starts with * or & has a special meaning in YAML",
            f"text that starts with * or & must be quoted: {quoted(row)}",
        )
    if "cannot start any token" in problem:
        mark = row[column : column + 1] or "this character"
        return _with(
            where,
            f"text cannot start with '{mark}' unless it is quoted",
            f"put the line in quotes: {quoted(row)}",
        )
    if "block sequence entries are not allowed" in problem:
        return _with(
            where,
            "a list item ('- ') cannot start on the same line as its key",
            "start the list on the next line, each item indented under the key; "
            f"or, if the '- ' is part of the text, quote it: {quoted(row)}",
        )
    if "did not find expected key" in problem or "expected '-' indicator" in problem:
        return _misindented(where, lines, line, column)
    if "could not find expected ':'" in problem:
        glued = _glued_key(lines, line)
        if glued is not None:
            return glued
    if "block scalar" in context:
        return _with(
            where,
            "text after '|' or '>' must start on the next line",
            "put the text on the lines below, indented, or remove the '|' or '>'",
        )
    if "expected node content" in problem:
        mark = row[column : column + 1] or "this character"
        return _with(
            where,
            f"a value cannot start with '{mark}' unless it is quoted",
            f"put the line in quotes: {quoted(row)}",
        )
    if "while scanning a quoted scalar" in context:
        mark = row[column : column + 1]
        name = "apostrophe" if mark == "'" else "quotation mark"
        return _with(
            where,
            f"this {name} is not closed: YAML reads on to the end of the file",
            f"close it at the end of the text: {row.strip()}{mark}",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opening = "[" if "sequence" in context else "{"
        closing = "]" if opening == "[" else "}"
        return _with(
            where,
            f"the '{opening}' here is not closed by a '{closing}' where YAML expects it",
            f"close it with '{closing}'; inside {opening} {closing} a ',' separates items, so "
            "quote any text that contains a comma, a ':' or a '#'",
        )
    return _with(where, "this is not valid YAML: " + (problem or context or "unreadable"))


def _glued_key(lines: list[str], line: int) -> Wording | None:
    """`closing:Thank you` on the line YAML stopped on or the nearest above it: without a space
    after it, the ':' is part of the text, so YAML finds no key there."""
    above = [n for n in range(min(line, len(lines)) - 1, -1, -1) if lines[n].strip()][:1]
    for number in [line, *above] if line < len(lines) else above:
        found = re.match(r"^(\s*(?:- +)*)([^\s:#'\"-][^\s:#]*):(\S.*)$", lines[number])
        if found:
            lead, key, rest = found.groups()
            return Wording(
                number + 1,
                len(lead) + 1,
                f"'{key}:{_short(rest)}' has no space after the ':', so YAML does not read "
                f"'{key}' as a key",
                f"put a space after the ':': {(lead.strip() + ' ').lstrip()}{key}: {rest}",
            )
    return None


def _with(where: Wording, message: str, hint: str = "") -> Wording:
    return Wording(where.line, where.column, message, hint)


def item_text(stripped: str) -> str:
    """A line (stripped) without its leading '- ' markers."""
    while _ITEM.match(stripped):
        stripped = stripped[1:].lstrip()
    return stripped


def _colon(where: Wording, lines: list[str], line: int, column: int) -> Wording:
    """'mapping values are not allowed': a ': ' in text, or a key indented under a value."""
    row = lines[line]
    above = [n for n in range(line - 1, -1, -1) if lines[n].strip()][:1]
    glued = _glued_key(lines, above[0]) if above else None
    if glued is not None and ": " in row:  # the key above has no space after its ':'
        return glued
    owner = _owner(lines, line)
    if ": " not in row[:column].lstrip(" -") and owner is not None and _KEY.match(row.strip()):
        return Wording(
            line + 1,
            _indent(row) + 1,
            f"this line is indented more than line {owner + 1}, so YAML reads it as more "
            f"text of line {owner + 1}",
            f"line it up with line {owner + 1} if it starts a key of its own; if it is text "
            "that contains ': ', put the whole text in quotes",
        )
    return _with(
        where,
        "a ': ' inside text makes YAML read a key",
        f"put the line in quotes: {quoted(row)}",
    )


def _owner(lines: list[str], line: int) -> int | None:
    """The nearest line above that is indented less: the key whose value this line continues."""
    for number in range(line - 1, -1, -1):
        text = lines[number].strip()
        if text and not text.startswith("#") and _indent(lines[number]) < _indent(lines[line]):
            return number
    return None


def _misindented(where: Wording, lines: list[str], line: int, column: int) -> Wording:
    """'did not find expected key / - indicator': the line at `line` is out of line."""
    row = lines[line] if line < len(lines) else ""
    if row.strip() and column > _indent(row):
        # The parser stopped inside the line: text after a closing quote, ] or }.
        message = "unexpected text after a quoted value or a closing ] or }"
        mark, value = row[column - 1 : column], item_text(row.strip())
        if ": " in value and value[:1] not in ("'", '"'):
            value = value.split(": ", 1)[1].lstrip()  # `notes: 'It's …'`
        if mark in ("'", '"') and value.startswith(mark):
            start = row.rfind(" ", 0, column - 1) + 1
            end = row.find(" ", column) % (len(row) + 1)
            word = row[start + (row[start:].startswith(value)) : end]  # not the opening quote
            if end >= len(row.rstrip()) and value.endswith(mark):
                word = word[:-1]  # nor the closing one
            name = "apostrophe" if mark == "'" else "quotation mark"
            message = f"the {name} in {word} ends the quoted text early"
        return _with(where, message, f"put the whole value in one pair of quotes: {quoted(row)}")
    kind = _ITEM if _ITEM.match(row.strip()) else _KEY
    sibling = _sibling(lines, line, kind)
    what = "list item" if kind is _ITEM else "key"
    hint = "list items of one list start in the same column, and so do the keys of one group"
    if sibling is not None:
        hint = (
            f"line it up with the {what} on line {sibling + 1} (column "
            f"{_start(lines[sibling], kind) + 1}) if it belongs with it; {hint}"
        )
    return Wording(
        line + 1,
        _indent(row) + 1,
        f"this line is indented differently from the lines around it (column {_indent(row) + 1})",
        hint,
    )


def _start(row: str, kind: re.Pattern[str]) -> int:
    """The 0-based column of a list item's '-', or of a key (after any '- ' before it)."""
    return _indent(row) if kind is _ITEM else len(row) - len(row.lstrip(" -"))


def _sibling(lines: list[str], line: int, kind: re.Pattern[str]) -> int | None:
    """The line above, of the same kind, that the misindented line most likely belongs with.

    Not simply the nearest: a focus area's `- name:` misindented by one column follows the
    deeper bullets of the area above. The lines of its own list (or group) are the ones whose
    column is closest to its own, up to the key that holds them all; then those of the same
    shape (a key after the '- ', or text); then the nearest.
    """
    column = _start(lines[line], kind)
    keyed = bool(_KEY.match(lines[line].strip()))  # `- name: …` items go with `- name: …` items
    best: tuple[int, bool, int] | None = None  # (distance in columns, other shape, line)
    for number in range(line - 1, -1, -1):
        row = lines[number]
        text = row.strip()
        if not text or text.startswith("#"):
            continue
        if not _ITEM.match(text) and _indent(row) < _indent(lines[line]):
            break  # the key that holds this line's list or group
        if kind.match(text) and _start(row, kind) != column:
            found = (abs(_start(row, kind) - column), bool(_KEY.match(text)) != keyed, number)
            if best is None or found[:2] < best[:2]:
                best = found
    return best[2] if best else None
