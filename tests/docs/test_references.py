"""Every test the pages name exists: `test_name`, `test_name[case]`, and `…[case]` after it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CODE = re.compile(r"`([^`]+)`|<code>(.*?)</code>")
REFERENCE = re.compile(r"(test_\w+|…)(\[.*\])?")


def references() -> list[tuple[str, str, str | None]]:
    """(where, test name, case or None) for each test named in a code span of a page."""
    found = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            named = None  # `…[case]` is another case of the test named before it on the line
            for match in CODE.finditer(line):
                span = html.unescape(match.group(1) or match.group(2))
                reference = REFERENCE.fullmatch(span)
                if not reference:
                    continue
                name, case = reference.groups()
                if name != "…":
                    named = name
                where = f"{page.relative_to(ROOT).as_posix()}:{number}"
                assert named, f"{where}: {span} follows no test name"
                found.append((where, named, case[1:-1] if case else None))
    return found


def _definitions() -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    for path in (ROOT / "tests").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"^def (test_\w+)", text, flags=re.MULTILINE):
            sources.setdefault(name, []).append(text)
    return sources


REFERENCES = references()
DEFINITIONS = _definitions()


def test_the_pages_name_tests() -> None:
    assert len(REFERENCES) > 100


@pytest.mark.parametrize(
    ("where", "name", "case"),
    REFERENCES,
    ids=[
        f"{where} {name}[{case}]" if case else f"{where} {name}" for where, name, case in REFERENCES
    ],
)
def test_a_named_test_exists(where: str, name: str, case: str | None) -> None:
    sources = DEFINITIONS.get(name)
    assert sources, f"{where}: no test is named {name}"
    if case:
        assert any(case in source for source in sources), f"{where}: {name} has no case {case!r}"
