"""The walks over the model's JSON Schema that make it the deck file's: text as written,
per-language values where the model marks text to translate, short forms, no catch-alls."""

from __future__ import annotations

from typing import Any

from wocdeck.model.values import SCHEMA_MARK


def per_language(value: dict[str, Any], languages: list[str]) -> dict[str, Any]:
    """The same value given per language: {en: …, zh: …}."""
    return {
        "type": "object",
        "propertyNames": {"enum": languages},
        "additionalProperties": value,
        "minProperties": 1,
    }


def accept_text_as_written(node: Any, translated: bool = False) -> None:
    """Replace plain string types (no format or pattern) with a reference to Text where the
    model marks text to translate (a value per language allowed), else to Name (not)."""
    if isinstance(node, list):
        for item in node:
            accept_text_as_written(item, translated)
    elif isinstance(node, dict):
        translated = translated or bool(node.get(SCHEMA_MARK))
        if node.get("type") == "string" and not {"format", "pattern", "enum"} & node.keys():
            del node["type"]
            node["$ref"] = "#/$defs/Text" if translated else "#/$defs/Name"
            return
        for key, value in node.items():
            if key != "propertyNames":  # a mapping's keys are never given per language
                accept_text_as_written(value, translated)


def marked(node: Any) -> bool:
    """Whether text to translate is at or under a node of the model's schema."""
    if isinstance(node, dict):
        return bool(node.get(SCHEMA_MARK)) or any(marked(v) for v in node.values())
    if isinstance(node, list):
        return any(marked(v) for v in node)
    return False


def per_language_mappings(node: Any, languages: list[str]) -> None:
    """A mapping of text marked as a whole (a chart's `names:`) may be given per language."""
    if isinstance(node, list):
        for item in node:
            per_language_mappings(item, languages)
    elif isinstance(node, dict):
        if node.get(SCHEMA_MARK) and node.get("type") == "object":
            shape = {k: node.pop(k) for k in list(node)}
            node["anyOf"] = [shape, per_language(shape, languages)]
            return
        for value in node.values():
            per_language_mappings(value, languages)


def unmark(node: Any) -> None:
    """The marks of text to translate removed: they are the model's, not the editor's."""
    if isinstance(node, list):
        for item in node:
            unmark(item)
    elif isinstance(node, dict):
        node.pop(SCHEMA_MARK, None)
        for value in node.values():
            unmark(value)


def drop_catch_alls(node: Any) -> None:
    """Unions as `anyOf` without the empty schema of values the model only accepts in order
    to explain them (a bullet YAML misread as `key: value`), which would match anything."""
    if isinstance(node, list):
        for item in node:
            drop_catch_alls(item)
        return
    if not isinstance(node, dict):
        return
    if "oneOf" in node:
        node["anyOf"] = node.pop("oneOf")
    if "anyOf" in node:
        node["anyOf"] = [option for option in node["anyOf"] if option != {}]
    for value in node.values():
        drop_catch_alls(value)


def allow_short_forms(node: Any, forms: dict[str, dict[str, Any]]) -> None:
    """Wherever a model with a short form is referenced, accept the short form too."""
    if isinstance(node, list):
        for item in node:
            allow_short_forms(item, forms)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        allow_short_forms(value, forms)
    ref = node.get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    if ref.startswith("#/$defs/") and name in forms:
        del node["$ref"]
        node["anyOf"] = [{"$ref": ref}, forms[name]]
