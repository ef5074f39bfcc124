"""The wocdeck command line: the only package that prints or exits.

`app` is the typer application; each command module registers its commands on it.
"""

from wocdeck.cli import editing, render, yearly  # noqa: F401  (registers their commands on app)
from wocdeck.cli.base import app, main

__all__ = ["app", "main"]
