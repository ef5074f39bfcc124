"""The code reads as its pipeline: stages in one import direction, no cycle, small files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "wocdeck"
# The stages in pipeline order: a module may import its own stage and earlier ones only.
STAGES = (
    ("", "errors", "plan"),
    ("read",),
    ("model",),
    ("look",),
    ("compose",),
    ("layout",),
    ("writer",),
    ("output",),
    ("pipeline",),
    ("cli",),
)
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}
MAX_LINES = 400
SOURCES = sorted(PACKAGE.rglob("*.py"))
STAGE_PACKAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """Every wocdeck module a file imports, wherever the import stands: at the top, under
    TYPE_CHECKING or inside a function."""
    found: set[str] = set()
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("wocdeck.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            if name != "wocdeck" and not name.startswith("wocdeck."):
                continue
            modules = {f"{name}.{a.name}" for a in node.names if _exists(f"{name}.{a.name}")}
            found |= modules or ({name} if name != "wocdeck" else set())
    return found - {module}


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in SOURCES}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_package_top_holds_at_most_twelve_entries() -> None:
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 12, entries


@pytest.mark.parametrize("stage", STAGE_PACKAGES)
def test_each_stage_says_what_it_takes_and_gives(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert len(docstring.splitlines()) >= 2, f"{stage}/__init__.py: say what the stage does"


def test_every_stage_has_a_place_in_the_order() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")} | set(STAGE_PACKAGES)
    assert sorted(m for m in modules if m not in RANK and m != "__init__") == []


def test_no_stage_imports_a_later_one() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in sorted(_graph().items())
        for target in sorted(targets)
        if RANK[_stage(target)] > RANK[_stage(module)]
    ]
    assert wrong == []


def test_the_import_graph_has_no_cycle() -> None:
    graph = _graph()
    done: set[str] = set()
    cycles: list[str] = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target in path:
                cycles.append(" → ".join([*path[path.index(target) :], target]))
            elif target not in done:
                visit(target, [*path, target])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    assert cycles == []


def test_the_checks_see_an_import_inside_a_function_and_under_type_checking(
    tmp_path: Path,
) -> None:
    sample = PACKAGE / "look" / "sample.py"
    try:
        sample.write_text(
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from wocdeck.writer import markup\n"
            "def f():\n    from wocdeck.compose.composer import compose\n",
            encoding="utf-8",
        )
        assert _imports(sample) == {"wocdeck.writer.markup", "wocdeck.compose.composer"}
    finally:
        sample.unlink()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_source_files_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by responsibility"


MACHINE_PATH = re.compile(r"/work/|/home/\w|/Users/\w|[A-Z]:\\\\Users|\.\./shared\b|\bcoord/")
TEXT = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".json", ".csv", ".cfg", ""}


def _ours(path: Path) -> bool:
    """A text file of the repository's own (not a cache, a build or an environment)."""
    parts = path.relative_to(ROOT).parts
    hidden = any(p.startswith(".") and p != ".ci" for p in parts)
    built = {"venv", "site", "build", "dist", "__pycache__"} & set(parts)
    return path.is_file() and path.suffix in TEXT and not hidden and not built


def test_no_machine_path_in_the_repository() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}"
        for path in ROOT.rglob("*")
        if _ours(path) and path != Path(__file__)
        for number, line in enumerate(path.read_text("utf-8", errors="ignore").splitlines(), 1)
        if MACHINE_PATH.search(line)
    ]
    assert found == []
