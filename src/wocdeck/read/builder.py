"""YAML parser events → plain data with the position of every key and value.

Scalars stay text exactly as written; aliases are shared, never expanded, and counted in full
against the limits. Mistakes YAML would read silently (a ' #word' cut off as a comment, a '- '
line folded into text, a comma inside { } that makes a key) become located problems here, once,
for every field of every kind.
"""

from __future__ import annotations

from typing import Any

import yaml

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read import braces, yaml_errors
from wocdeck.read.braces import Braces, without_colon
from wocdeck.read.files import UNSTORABLE, unstorable

MAX_DEPTH = 40
MAX_VALUES = 500_000
# Text in the expanded document, each use of an alias counted: no more than the largest file
# could hold written out, so aliases never make a deck costlier than a legal file.
MAX_CHARACTERS = 4 * 1024 * 1024

DataPath = tuple[str | int, ...]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(
    {None, "!"} | {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
)
_COLLECTION_TAGS = frozenset({None, "!", _YAML_TAG + "map", _YAML_TAG + "seq"})
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\u2028": "\n", "\u2029": "\n", "\r": None})
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Plain classes, not dataclasses: Python compiles a dataclass's methods at every start.
class Built:
    """What the builder made: the data and the (line, column) of every value and key."""

    def __init__(self) -> None:
        self.data: Any = None
        self.values: dict[DataPath, tuple[int, int]] = {}
        self.keys: dict[DataPath, tuple[int, int]] = {}
        self.lines: list[str] = []
        # Problems that leave the data readable (a key a comma made inside { } is left out of
        # it), so that the model's own problems can be reported with them (parse(defer=True)).
        self.deferred: list[Problem] = []


class _Frame:
    """A mapping or list being built, with what its limits and checks need."""

    def __init__(
        self, value: dict[str, Any] | list[Any], path: DataPath, anchor: str | None, start_mark: Any
    ) -> None:
        self.value, self.path, self.anchor, self.start_mark = value, path, anchor, start_mark
        self.size = 1
        self.chars = 0
        self.key: str | None = None
        self.key_mark = (0, 0)
        self.braces: Braces | None = None  # a { } mapping: its commas are checked (read.braces)
        self.flow = False  # written inside [ ] or { }


class Builder:
    """Turn YAML parser events into plain data; aliases are shared, never expanded."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.source = Built()
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.stack: list[_Frame] = []
        self.total = 0
        self.characters = 0
        self.documents = 0
        self.lines: list[str] = []
        self.continued: set[tuple[int, int]] = set()  # value spans checked for '#' lines below
        self.swallowed: set[int] = set()  # lines where a quote left open elsewhere closed

    def build(self, text: str) -> Built:
        """The data of a YAML text, or a DeckError with every problem found."""
        self.lines = yaml_errors.split_lines(text)
        self.source.lines = self.lines
        try:
            for event in yaml.parse(text, Loader=_Loader):
                self._event(event)
        except yaml.MarkedYAMLError as exc:
            found = self._yaml_problem(exc)
            problems = [*self.problems, *self.source.deferred]
            if found.location.line in self.swallowed:  # the parser tripped where the quote
                raise DeckError(problems) from None  # left open above closed: said already
            raise DeckError([p for p in problems if p != found] + [found]) from None
        except yaml.YAMLError as exc:
            raise DeckError([*self.problems, Problem(Location(self.name), str(exc))]) from None
        if self.problems:
            problems = [*self.problems, *self.source.deferred]
            raise DeckError(sorted(problems, key=lambda p: p.location))
        if self.documents == 0:
            raise DeckError.at(Location(self.name, 1, 1), "the file is empty")
        return self.source

    def _at(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1, mark.column + 1)

    def _fail(self, mark: Any, message: str, hint: str = "") -> DeckError:
        return DeckError(
            [*self.problems, Problem(Location(self.name, *self._at(mark)), message, hint)]
        )

    def _event(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self._fail(
                    event.start_mark, "a deck file holds one YAML document", "remove '---'"
                )
        elif isinstance(event, yaml.ScalarEvent):
            self._check_tag(event, _SCALAR_TAGS)
            value = self._scalar(event)
            chars = len(value) if value else 0
            self._add(value, 1, chars, event, new=(1, chars))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_tag(event, _COLLECTION_TAGS)
            if len(self.stack) >= MAX_DEPTH:
                raise self._fail(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels")
            empty: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            self._start(empty, event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            self._commas(frame)
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.value, frame.size, frame.chars)
            self._attach(frame.value, frame.size, frame.chars, frame, event, new=(1, 0))
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise self._fail(event.start_mark, f"unknown alias *{event.anchor}")
            value, size, chars = self.anchors[event.anchor]
            self._add(value, size, chars, event, new=(size, chars))

    def _check_tag(self, event: Any, allowed: frozenset[str | None]) -> None:
        if event.tag not in allowed:
            raise self._fail(
                event.start_mark,
                f"the tag {event.tag.replace(_YAML_TAG, '!!')} is not allowed here",
                "deck files hold plain text, lists and mappings; remove the tag, or quote the "
                "line if the '!' is part of the text",
            )

    def _scalar(self, event: yaml.ScalarEvent) -> str | None:
        value = event.value
        plain = event.implicit[0] and event.style in (None, "")
        if plain:
            self._check_plain(event)
        start, end = event.start_mark, event.end_mark
        if event.style in ("'", '"') and yaml_errors.swallowed(self.lines, start.line, end.line):
            wording = yaml_errors.unclosed(self.lines, start.line, start.column, end.line)
            self._word(wording, wording.line)
            self.swallowed.add(end.line + 1)
        if (plain and value in _NULLS) or event.tag == _YAML_TAG + "null":
            return None
        value = value.translate(_LINE_BREAKS)
        bad = UNSTORABLE.search(value)
        if bad:
            self.problems.append(
                unstorable(Location(self.name, *self._at(event.start_mark)), bad.group())
            )
        return value

    def _check_plain(self, event: yaml.ScalarEvent) -> None:
        """Refuse text YAML would silently cut: a ' #word' after it, or '- ' lines folded in."""
        start, end = event.start_mark, event.end_mark
        row = self.lines[end.line] if end.line < len(self.lines) else ""
        column = end.column if event.value else start.column
        written_null = event.value in _NULLS and event.value != ""  # `~ #x` is YAML, not text
        if not written_null and yaml_errors.HASHTAG.match(row, column):
            self._word(yaml_errors.hashtag(row, column), end.line + 1)
        inside_brackets = any(frame.flow for frame in self.stack)  # the bracket's error says it
        if end.line > start.line and not inside_brackets:
            wording = yaml_errors.folded(self.lines, start.line, end.line)
            if wording:
                self._word(wording, wording.line)
        if event.value and (start.line, end.line) not in self.continued:
            # once per span: every value ending on a line would walk the same '#' lines again
            self.continued.add((start.line, end.line))
            cut = yaml_errors.comment_continuation(self.lines, start.line, end.line)
            if cut:
                self._word(cut, cut.line)

    def _word(self, wording: yaml_errors.Wording, line: int) -> None:
        location = Location(self.name, line, wording.column)
        self.problems.append(Problem(location, wording.message, wording.hint))

    def _start(self, value: dict[str, Any] | list[Any], event: Any) -> None:
        frame = _Frame(value, self._child_path(), event.anchor, event.start_mark)
        frame.flow = bool(event.flow_style)
        if isinstance(event, yaml.MappingStartEvent) and event.flow_style:
            frame.braces = Braces()
        self.stack.append(frame)

    def _child_path(self) -> DataPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if top.key is None:
            return top.path  # this node is a key
        return (*top.path, top.key)

    def _add(self, value: Any, size: int, chars: int, event: Any, *, new: tuple[int, int]) -> None:
        if isinstance(event, yaml.ScalarEvent) and event.anchor:
            self.anchors[event.anchor] = (value, size, chars)
        self._attach(value, size, chars, None, event, new=new)

    def _attach(
        self,
        value: Any,
        size: int,
        chars: int,
        frame: _Frame | None,
        event: Any,
        *,
        new: tuple[int, int],
    ) -> None:
        """Place a finished node in its parent; `new` counts the values and characters it adds.

        Aliases count in full each time they are used: a document that repeats a large part
        many times costs as much to check and render as if it were written out.
        """
        self.total += new[0]
        self.characters += new[1]
        if self.total > MAX_VALUES:
            raise self._fail(
                event.start_mark,
                f"the document expands to more than {MAX_VALUES:,} values",
                "aliases (*name) that repeat large parts are not allowed to blow up a deck",
            )
        if self.characters > MAX_CHARACTERS:
            raise self._fail(
                event.start_mark,
                f"the document expands to more than {MAX_CHARACTERS:,} characters of text",
                "aliases (*name) that repeat long text are not allowed to blow up a deck",
            )
        mark = self._at(frame.start_mark if frame is not None else event.start_mark)
        if not self.stack:
            self.source.data = value
            self.source.values[()] = mark
            return
        top = self.stack[-1]
        top.size += size
        top.chars += chars
        if isinstance(top.value, list):
            self.source.values[(*top.path, len(top.value))] = mark
            top.value.append(value)
        elif top.key is None:
            self._take_key(top, value, event, mark)
        else:
            path = (*top.path, top.key)
            if top.key.startswith("\0keyless:"):  # reported by _commas; not part of the data
                top.key = None
                return
            self.source.values[path] = mark
            self.source.keys[path] = top.key_mark
            top.value[top.key] = value
            if top.braces is not None and not top.key.startswith("\0"):
                plain = isinstance(event, yaml.ScalarEvent) and not event.style
                top.braces.take(top.key, value, mark, plain=plain)
            top.key = None

    def _take_key(self, top: _Frame, key: Any, event: Any, mark: tuple[int, int]) -> None:
        if not isinstance(key, str):
            raise self._fail(
                event.start_mark, "a key must be plain text", "write it as `name: value`"
            )
        if key == "<<":
            raise self._fail(
                event.start_mark, "merge keys (<<) are not supported", "write the keys out"
            )
        assert isinstance(top.value, dict)
        if top.braces is not None and isinstance(event, yaml.ScalarEvent):
            end = event.end_mark
            if without_colon(self.lines, end.line, end.column):  # `, 450}`: a comma made a key
                top.braces.split.append((key, mark, self._at(end)))
                top.key, top.key_mark = f"\0keyless:{key}:{mark}", mark
                return
            self._commas(top)
        if key in top.value:
            first = self.source.keys.get((*top.path, key), (0, 0))
            self.problems.append(
                Problem(
                    Location(self.name, *mark),
                    f"duplicate key '{key}' (first given on line {first[0]})",
                    "keep one of them",
                )
            )
            key = f"\0duplicate:{key}:{mark}"
        top.key, top.key_mark = key, mark

    def _commas(self, frame: _Frame) -> None:
        """Report the keys a comma made in a { } mapping since its last `key: value`."""
        if frame.braces is not None and frame.braces.split:
            wording = braces.wording(self.lines, frame.braces)
            where = Location(self.name, wording.line, wording.column)
            self.source.deferred.append(Problem(where, wording.message, wording.hint))
            frame.braces.split.clear()

    def _yaml_problem(self, exc: yaml.MarkedYAMLError) -> Problem:
        """The parser's error in plain words (yaml_errors), at the line to change."""
        problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
        mark = exc.problem_mark or exc.context_mark
        if (
            any(k in context for k in ("quoted scalar", "block scalar", "flow"))
            and exc.context_mark
        ):
            mark = exc.context_mark  # the quote, '|' or bracket that opened what went wrong
        if mark is None:
            return Problem(Location(self.name), f"invalid YAML: {problem or context}")
        if "nesting" in problem:  # libyaml's own depth limit, when it is reached before ours
            at = Location(self.name, mark.line + 1, mark.column + 1)
            return Problem(at, f"nesting is deeper than {MAX_DEPTH} levels")
        wording = yaml_errors.translate(problem, context, mark.line, mark.column, self.lines)
        at = Location(self.name, wording.line, wording.column)
        return Problem(at, wording.message, wording.hint)
