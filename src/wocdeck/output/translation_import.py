"""A translator's XLIFF written into the deck file as per-language values, in place.

A text written once (`name: A responsive interface`) becomes a per-language mapping with the
deck's text kept exactly as written and the translation added under it; a text already given
per language gets its translation added or replaced. Each translation wocdeck writes in a
block carries the hash of the text it was made from in a comment on its line (see
read/xliff_texts). Everything else in the file stays byte for byte (see deck_edit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wocdeck.errors import DeckError, Problem
from wocdeck.output.deck_edit import DeckEdit, child, yaml_text
from wocdeck.output.translation_csv import translated_files
from wocdeck.read.source import DataPath
from wocdeck.read.xliff import XliffFile, problem
from wocdeck.read.xliff_texts import DeckText, record, text_hash

_RECORDED = re.compile(r"\s*#\s*from [a-z]{2,3}\S* [0-9a-f]{12}\s*$")


@dataclass
class Imported:
    """What an import wrote, and what it passed over."""

    written: list[str] = field(default_factory=list)  # ids of the translations written
    unchanged: int = 0  # units whose translation the deck already had
    untranslated: list[str] = field(default_factory=list)  # units with no target
    gone: list[Problem] = field(default_factory=list)  # units whose id the deck no longer has
    files: dict[Path, bytes] = field(default_factory=dict)  # translated CSV files to write


def import_units(
    edit: DeckEdit, texts: list[DeckText], xliff: XliffFile, language: str
) -> Imported:
    """Write the XLIFF's translations into edit (splices); stale units refuse the whole file."""
    by_id = {text.id: text for text in texts}
    result, stale, todo = Imported(), [], []
    for unit in xliff.units:
        text = by_id.get(unit.id)
        if text is None:
            result.gone.append(
                problem(
                    xliff,
                    unit,
                    f"'{unit.id}' is no longer in the deck; its translation was not written",
                    severity="notice",
                )
            )
            continue
        exported = unit.hash or text_hash(unit.source)
        if exported != text_hash(text.source):
            stale.append(
                problem(
                    xliff,
                    unit,
                    f"'{unit.id}' was translated from a text that has changed in the deck since "
                    f"(now: '{_short(text.source)}')",
                    "export again and have the changed texts translated: nothing was written",
                )
            )
        elif unit.target is None or (not unit.reviewed and unit.target == text.target):
            result.untranslated.append(unit.id)
        elif unit.target == text.target and text.state == "translated":
            result.unchanged += 1
        else:
            todo.append((text, unit.target))
    if stale:
        raise DeckError(stale)
    result.files = translated_files(edit.source, language, todo)  # first: its errors stop all
    _Writer(edit, language).write([(text, target) for text, target in todo if not text.cell])
    result.written = [text.id for text, _ in todo]
    return result


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class _Writer:
    edit: DeckEdit
    language: str

    @property
    def default(self) -> str:
        from wocdeck.read.languages import default_language

        return default_language(self.edit.source)

    def write(self, todo: list[tuple[DeckText, str]]) -> None:
        """Splice every translation in; those inside a per-language list go in together."""
        wholes: dict[DataPath, list[tuple[DeckText, str]]] = {}
        named: dict[DataPath, list[tuple[DeckText, str]]] = {}
        for text, target in todo:
            if text.names is not None:
                named.setdefault(text.names, []).append((text, target))
            elif text.key and text.target is not None:
                self._rename(text, target)
            elif text.target is not None:
                self._replace(text, target)
            elif text.whole is not None:
                wholes.setdefault(text.whole, []).append((text, target))
            elif text.target_path != text.path:
                self._add(text.path[:-1], text.source, target)
            else:
                self._split(text.path, yaml_text(target), record(self.default, text.source))
        for whole, items in wholes.items():
            self._whole(whole, items)
        for chart, items in named.items():
            self._named(chart, [(text.source, target) for text, target in items])

    def _named(self, chart: DataPath, pairs: list[tuple[str, str]]) -> None:
        """A chart's series names translated in its `names:` for this language (created
        where absent); the series and their figures stay as written, once."""
        names = self.edit.node((*chart, "names"))
        mine = self.edit.node((*chart, "names", self.language))
        if type(mine).__name__ == "MappingNode":
            new = []
            for source, target in pairs:
                value = child(mine, source)
                if value is None:
                    new.append((yaml_text(source), yaml_text(target)))
                else:
                    self.edit.set_scalar(value, yaml_text(target))
            self._append(mine, new)
        elif names is not None and mine is None:
            self._append(names, [(self.language, _flow(dict(pairs)))])
        elif names is None:
            self._append(self.edit.node(chart), [("names", _flow({self.language: dict(pairs)}))])
        else:  # `names: {fr: …}` with something else than words under fr
            raise DeckError.at(
                self.edit.source.location((*chart, "names", self.language), key=True),
                f"the chart's names: for '{self.language}' is not a list of `heading: words`; "
                "nothing was written",
                f"write it as `{self.language}: {{{pairs[0][0]}: …}}`, then import again",
            )

    def _append(self, mapping: Any, items: list[tuple[str, str]]) -> None:
        """`key: value` entries (YAML text) added after a mapping's last, in its style."""
        if not items:
            return
        key, last = mapping.value[-1]
        if mapping.flow_style:
            at = last.end_mark.index
            self.edit.replace(at, at, "".join(f", {k}: {v}" for k, v in items))
            return
        end = self.edit.line_end(_body_end(self.edit, last))
        indent = " " * key.start_mark.column
        self.edit.replace(end, end, "".join(f"\n{indent}{k}: {v}" for k, v in items))

    def _rename(self, text: DeckText, target: str) -> None:
        """A translated key (a series name) in a series given per language, replaced."""
        path = text.target_path or ()
        mapping = self.edit.node(path[:-1])
        key = next(k for k, _ in mapping.value if k.value == path[-1])
        self.edit.set_scalar(key, yaml_text(target))

    def _replace(self, text: DeckText, target: str) -> None:
        """A translation already in the deck, replaced (and its record renewed)."""
        node = self.edit.node(text.target_path or ())
        self.edit.replace(node.start_mark.index, _body_end(self.edit, node), yaml_text(target))
        end = self.edit.line_end(node.end_mark.index)
        line = self.edit.text[node.end_mark.index : end]
        if node.start_mark.line == node.end_mark.line and (
            not line.strip() or _RECORDED.match(line)
        ):
            self.edit.replace(node.end_mark.index, end, "  " + record(self.default, text.source))

    def _add(self, mapping_path: DataPath, source: str, target: str) -> None:
        """A translation added to a per-language mapping that has none in this language."""
        mapping = self.edit.node(mapping_path)
        *_, (last_key, last) = mapping.value
        if mapping.flow_style:
            at = mapping.value[-1][1].end_mark.index
            self.edit.replace(at, at, f", {self.language}: {yaml_text(target)}")
            return
        end = self.edit.line_end(_body_end(self.edit, last))
        indent = " " * last_key.start_mark.column
        line = f"{indent}{self.language}: {yaml_text(target)}  {record(self.default, source)}"
        self.edit.replace(end, end, "\n" + line)

    def _split(self, path: DataPath, target: str, note: str) -> None:
        """A value written once becomes `en: <as written>` and `fr: <target>` (YAML text),
        with the note (a record) after the translation."""
        node = self.edit.node(path)
        parent = self.edit.node(path[:-1])
        start, body_end = node.start_mark.index, _body_end(self.edit, node)
        if type(node).__name__ != "ScalarNode" and not node.flow_style:  # a block: whole lines
            start = self.edit.text.rfind("\n", 0, start) + 1
        written = self.edit.text[start:body_end]
        if parent.flow_style:
            new = f"{{{self.default}: {written}, {self.language}: {target}}}"
            self.edit.replace(start, body_end, new)
            return
        if isinstance(path[-1], int):  # `- text`: the mapping starts where the text did
            indent, opening = node.start_mark.column, ""
            start_at = start
        else:  # `key: text`: the mapping goes under the key
            key = next(k for k, v in parent.value if v is node)
            indent = key.start_mark.column + 2
            opening = "\n" + " " * indent
            start_at = start
            while self.edit.text[start_at - 1] in " \n":  # from the key's colon (or comment)
                start_at -= 1
        moved = re.sub(r"\n(?!\n)", "\n  ", written)  # deeper than the new keys; blank lines kept
        moved = ("\n  " if written.startswith(" ") else " ") + moved  # a block: under the key
        self.edit.replace(start_at, body_end, f"{opening}{self.default}:{moved}")
        end = self.edit.line_end(body_end)
        line = f"{self.language}: {target}" + (f"  {note}" if note else "")
        self.edit.replace(end, end, "\n" + " " * indent + line)

    def _whole(self, whole: DataPath, items: list[tuple[DeckText, str]]) -> None:
        """A per-language list or part with nothing in this language yet: written whole, every
        text translated, as one value."""
        mapping = self.edit.source.data
        for part in whole:
            mapping = mapping[part]
        if self.language in mapping:  # given, but without this text: the lists differ
            path = ".".join(str(p) for p in whole)
            raise DeckError.at(
                self.edit.source.location((*whole, self.language), key=True),
                f"{path} has fewer items in '{self.language}' than in '{self.default}', so "
                "where each translation goes is not known; nothing was written",
                f"give {path} the same items in every language, then import again",
            )
        translated = self._translated((*whole, self.default), whole, items)
        value = _flow(translated)
        self._append(self.edit.node(whole), [(self.language, value)])

    def _translated(
        self, data_path: DataPath, named: DataPath, items: list[tuple[DeckText, str]]
    ) -> Any:
        """A copy of the value at data_path with each text and text key translated; a located
        error at `named` when one of them has no translation here."""
        value = self.edit.source.data
        for part in data_path:
            value = value[part]
        base = len(data_path)
        given = {text.path[base:]: target for text, target in items if not text.key}
        keys = {text.path[base:]: target for text, target in items if text.key}
        translated, missing = _filled(value, (), given, keys)
        if missing:
            path = ".".join(str(p) for p in named)
            raise DeckError.at(
                self.edit.source.location(named, key=True),
                f"{path} is written whole in each language; its '{self.language}' version "
                f"needs every text in it translated ({len(missing)} not translated in this "
                "file)",
                "translate every unit under it, then import again",
            )
        return translated


def _flow(value: Any) -> str:
    """A value as YAML on one line, each text as the deck reader reads it back."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return "null" if value is None else yaml_text(str(value))


def _filled(
    node: Any, at: DataPath, given: dict[DataPath, str], keys: dict[DataPath, str]
) -> tuple[Any, list[DataPath]]:
    """node with each text under it translated (and the keys in `keys` renamed); the paths
    of texts with no translation."""
    if isinstance(node, str):
        if not any(c.isalpha() for c in node):
            return node, []
        return (given[at], []) if at in given else (node, [at])
    if isinstance(node, list):
        done = [_filled(item, (*at, i), given, keys) for i, item in enumerate(node)]
        return [item for item, _ in done], [p for _, lost in done for p in lost]
    if not isinstance(node, dict):
        return node, []
    named = any((*at, key) in keys for key in node)
    out, missing = {}, []
    for key, value in node.items():
        item, lost = _filled(value, (*at, key), given, keys)
        missing.extend(lost)
        if named and (*at, key) not in keys and any(c.isalpha() for c in str(key)):
            missing.append((*at, key))
        out[keys.get((*at, key), key)] = item
    return out, missing


def _body_end(edit: DeckEdit, node: Any) -> int:
    """Where a value's own text ends: a block's node runs on past its line break."""
    return node.start_mark.index + len(edit.written(node).rstrip())
