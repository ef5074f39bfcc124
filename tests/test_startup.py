"""A lean start: --version and --help import neither python-pptx nor pydantic; validate no pptx."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SEED_DECK

PROBE = """
import atexit, sys
atexit.register(lambda: print("LOADED", "pptx" in sys.modules, "pydantic" in sys.modules))
sys.argv = ["wocdeck", *{args!r}]
from wocdeck.cli import main
main()
"""


def _loaded(*args: str) -> tuple[bool, bool]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    _, pptx, pydantic = line.split()
    return pptx == "True", pydantic == "True"


def test_version_and_help_import_neither_pptx_nor_pydantic() -> None:
    assert _loaded("--version") == (False, False)
    assert _loaded("--help") == (False, False)


def test_validate_does_not_import_pptx() -> None:
    assert _loaded("validate", str(SEED_DECK)) == (False, True)
