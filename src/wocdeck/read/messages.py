"""Validation errors in an editor's words: located, free of pydantic's vocabulary, with a fix."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from wocdeck.errors import MAX_DESCRIBED, Problem
from wocdeck.read import yaml_errors
from wocdeck.read.source import DataPath, Source, nearest

LIST_OF_LINES = "a list of lines, each starting with '- '"

# What each kind of value should look like, by pydantic's error type.
_SHOULD_BE = {
    "string_type": "a line of text",
    "list_type": LIST_OF_LINES,
    "dict_type": "a group of `key: value` lines",
    "model_type": "a group of `key: value` lines",
    "model_attributes_type": "a group of `key: value` lines",
    "int_type": "a whole number such as 8",
    "int_parsing": "a whole number such as 8",
    "int_from_float": "a whole number such as 8",
    "decimal_type": "a number such as 33745",
    "decimal_parsing": "a number such as 33745",
    "bool_type": "yes or no",
    "bool_parsing": "yes or no",
}
_LIMITS = {
    "greater_than_equal": "at least {ge}",
    "less_than_equal": "at most {le}",
    "greater_than": "more than {gt}",
    "less_than": "less than {lt}",
    "too_long": "at most {max_length} items",
    "too_short": "at least {min_length} items",
}


def describe(value: Any) -> str:
    """A value as an editor would recognise it in their file."""
    if isinstance(value, dict):
        return "a group of `key: value` lines"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def quoted_item(text: str) -> str:
    """A list item with its text in double quotes: `- "Result: 28 seminars"`."""
    return "- " + yaml_errors.double_quoted(text)


def located_problems(source: Source, exc: ValidationError, root: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems, one per mistake."""
    errors = exc.errors(include_url=False)[:MAX_DESCRIBED]  # the rest are only counted
    explained = _explained(source, errors, root)
    problems: dict[tuple[Any, ...], Problem] = {}
    for error in errors:
        path = source.resolve(error["loc"])
        if error["type"] != "extra_forbidden" and (path, str(error["loc"][-1])) in explained:
            continue
        problem = _problem(source, error, path, root)
        problems.setdefault((problem.location, problem.message), problem)
    return sorted(problems.values(), key=lambda p: p.location)


def _explained(
    source: Source, errors: list[Any], root: type[BaseModel]
) -> set[tuple[DataPath, str]]:
    """Errors an unknown key already explains: the key it misspells ('valeu' → 'value' is
    missing). (A key a comma in { } made is refused earlier, by read.braces.)"""
    explained: set[tuple[DataPath, str]] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        path = source.resolve(error["loc"])
        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, _keys_at(root, error["loc"][:-1]), n=1)
        if close:
            explained.add((path[:-1], close[0]))  # '… is missing'
        group = _parent_data(source, path)
        if isinstance(group, dict) and list(group) == [key]:  # `- image: x.png` alone
            explained.update((path[:-1], k) for k in _keys_at(root, error["loc"][:-1]))
    return explained


def undescribed(exc: ValidationError) -> int:
    """How many of pydantic's errors `located_problems` leaves out (beyond MAX_DESCRIBED)."""
    return max(0, exc.error_count() - MAX_DESCRIBED)


def _problem(
    source: Source, error: dict[str, Any], path: DataPath, root: type[BaseModel]
) -> Problem:
    kind, found = error["type"], error.get("input")
    context = error.get("ctx") or {}
    names = [str(p) for p in path if isinstance(p, str)]
    where = ".".join(names) or "the deck"
    if kind == "extra_forbidden":
        return _unknown_key(source, error, path, root)
    if kind == "missing":
        field = str(error["loc"][-1])
        return Problem(
            source.location(path, key=True),
            f"'{field}' is missing in {where if path else 'the deck'}",
            f"add `{field}: …`",
        )
    if kind == "plain":
        message, hint = context["message"], context.get("hint", "")
        if "misread" in context:
            hint = _as_written(source, path, context["misread"]) or hint
        if "rewrite" in context:  # a date written another way: `date: 2022-03-01`
            hint = f"write it as year-month-day: {names[-1]}: {context['rewrite']}"
        return Problem(source.location(path), message, hint)
    hint = ""
    if kind.startswith("date"):
        reason = context.get("error", error["msg"])
        message = f"'{found}' is not a valid date: {reason}"
        hint = "write dates as YYYY-MM-DD, e.g. 2018-09-27"
    elif kind == "string_type" and found is None:
        message = f"{where}: this line is empty"
        hint = "write the text after the '- ' or the key, or remove the line"
    elif kind in _SHOULD_BE:
        message = f"{where}: should be {_SHOULD_BE[kind]}, found {describe(found)}"
        hint = _shape_hint(kind, root, error["loc"])
    elif kind == "literal_error":
        expected = context.get("expected", "another value")
        message = f"{where}: should be {expected}, found {describe(found)}"
    elif kind in _LIMITS:
        message = f"{where}: should be {_LIMITS[kind].format(**context)}, found {describe(found)}"
        if kind == "too_long":
            message = f"{where}: should have {_LIMITS[kind].format(**context)}"
    elif kind == "string_pattern_mismatch" and names and names[-1] == "currency":
        message = f"'{found}' is not a currency code"
        hint = "use the three-letter ISO code, e.g. CHF or USD"
    else:
        message = f"{where}: {error['msg'].removeprefix('Value error, ')}"
    return Problem(source.location(path), message, hint)


def _as_written(source: Source, path: DataPath, text: str) -> str:
    """'put the line in quotes' with the editor's line exactly as written (their spacing kept,
    e.g. French `Compétence : Algérie`), when that line holds the whole text; else ''."""
    line = source.location(path).line
    if not 0 < line <= len(source.lines):
        return ""
    row = source.lines[line - 1]
    if "".join(yaml_errors.item_text(row.strip()).split()) != "".join(text.split()):
        return ""
    return f"put the line in quotes: {yaml_errors.quoted(row)}"


def _shape_hint(kind: str, root: type[BaseModel], loc: tuple[Any, ...]) -> str:
    if kind == "list_type":
        return "write each item on its own line, starting with '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        keys = _keys_at(root, loc)
        return "with keys such as " + ", ".join(f"`{k}:`" for k in keys[:3])
    if kind == "string_type":
        return "write the text on the same line as its key, or quote it"
    return ""


def _unknown_key(
    source: Source, error: dict[str, Any], path: DataPath, root: type[BaseModel]
) -> Problem:
    key = str(error["loc"][-1])
    location = source.location(path, key=True)
    parent = _parent(path)
    allowed = _keys_at(root, error["loc"][:-1])
    meant = _OTHER_NAMES.get(key.lower())
    hint = f"did you mean '{meant}'?" if meant in allowed else nearest(key, allowed)
    return Problem(location, f"unknown key '{key}' in {parent}", hint)


# What editors call a kind of content, and the key wocdeck names it with.
_OTHER_NAMES = {
    **dict.fromkeys(("bullets", "bullet", "list", "items", "text"), "points"),
    **dict.fromkeys(("image", "images", "photo", "photos", "img", "figure"), "picture"),
    **dict.fromkeys(("graph", "graphs", "plot", "diagram", "charts"), "chart"),
    **dict.fromkeys(("metrics", "kpis", "figures", "numbers", "tile"), "tiles"),
    **dict.fromkeys(("quote", "citation"), "statement"),
    **dict.fromkeys(("divider", "header"), "section"),
    **dict.fromkeys(("rows", "grid", "tables"), "table"),
    **dict.fromkeys(("speaker_notes", "note"), "notes"),
}


def _parent_data(source: Source, path: DataPath) -> Any:
    node = source.data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _parent(path: DataPath) -> str:
    names = [str(p) for p in path[:-1] if isinstance(p, str)]
    return ".".join(names) if names else "the deck"


def _keys_at(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model accepts at a validation path; union tags pick the model."""
    model: type[BaseModel] = root
    candidates: list[type[BaseModel]] = []
    for part in loc:
        chosen = [m for m in candidates if m.__name__ == part]
        if chosen:
            model, candidates = chosen[0], []
            continue
        if isinstance(part, int) or part not in model.model_fields:
            continue
        inner = _models_in(model.model_fields[part].annotation)
        if not inner:
            break
        model, candidates = inner[0], inner
    return list(model.model_fields)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
