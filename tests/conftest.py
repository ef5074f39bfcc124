"""Shared fixtures: the seed deck, the CLI, and LibreOffice for render checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from wocdeck.cli import app

# The same examples on every run, so that a run (CI's too) passes or fails on the code alone;
# HYPOTHESIS_PROFILE=explore searches new examples, as a fuzzing session does.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SEED_DECK = ROOT / "deck.yaml"
# The seed report's source text, kept in the repository so a clone needs nothing beside it.
SEED_TEXT = ROOT / "tests" / "data" / "seed-2018-woc.txt"


def require_renderer() -> None:
    """Skip without LibreOffice and poppler, unless CI says render checks are mandatory."""
    missing = [tool for tool in ("soffice", "pdftotext", "pdftoppm") if not shutil.which(tool)]
    if missing:
        install = "apt-get install libreoffice-impress poppler-utils"
        message = f"render checks need {', '.join(missing)} ({install})"
        if os.environ.get("WOCDECK_REQUIRE_RENDERER"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def renderer() -> None:
    """Use in a test that needs LibreOffice."""
    require_renderer()


class Cli:
    """Runs the real command line in-process and returns exit code, stdout and stderr."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | Path) -> tuple[int, str, str]:
        result = self.runner.invoke(app, [str(a) for a in args], catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def cli() -> Cli:
    """The wocdeck command line, in-process."""
    return Cli()


def run_wocdeck(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run wocdeck as a separate process, as a user would."""
    command = [sys.executable, "-m", "wocdeck.cli", *map(str, args)]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=cwd, timeout=600, check=False
    )


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed deck copied into a temporary folder."""
    target = tmp_path / "deck.yaml"
    shutil.copy(SEED_DECK, target)
    return target


def write_deck(folder: Path, text: str, name: str = "deck.yaml") -> Path:
    """Write deck text to a file and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
event:
  office: WIPO Office in China
  title: Side-Event at the 2018 WIPO Assemblies
  date: 2018-09-27
"""


def refused(cli: Cli, deck: Path) -> str:
    """Render a deck that must be refused: exit 1, no traceback, nothing written; its errors."""
    code, _, err = cli("render", deck)
    assert code == 1 and "Traceback" not in err, err
    assert not deck.with_suffix(".pptx").exists()
    return err
