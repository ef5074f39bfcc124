"""The wocdeck command line: the only package that prints or exits.

`app` is the typer application; each command module registers its commands on it (render;
review: validate, preview; editing: init, schema, watch, template; yearly: next-year, import;
access: check; translate: export, import, status).
typer builds every registered command's parameters on each run, so main() imports only the
module of the command asked for (all of them for `wocdeck --help`, or a name it does not know).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

# A render allocates millions of short-lived, acyclic objects; the default young-generation
# threshold (700) runs the cycle collector thousands of times for nothing, a fifth of the
# time of a large deck. Reference counting still frees them at once. At 200,000 a seed render
# does not collect at all (at 50,000 it did once, over every object imported until then), and
# a 1,000-slide deck's peak memory is the same.
GC_THRESHOLD = (200_000, 20, 20)

# command → the module that registers it; `wocdeck --help` lists them in the modules' order
COMMANDS = {
    "render": "render",
    "validate": "review",
    "preview": "review",
    "init": "editing",
    "schema": "editing",
    "watch": "editing",
    "template": "editing",
    "next-year": "yearly",
    "import": "yearly",
    "check": "access",
    "translate": "translate",
}


def main() -> None:
    """Run the command line."""
    gc.set_threshold(*GC_THRESHOLD)  # first: importing typer and the rest allocates as much
    # wocdeck's models need no pydantic plugins, and looking for them reads the metadata of
    # every installed package (typer's own models are built without them too)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from wocdeck.cli.base import prepare, run

    prepare()
    register(sys.argv[1:])
    run()


def register(args: list[str]) -> None:
    """Register the commands a command line needs: its command's module, or every command."""
    name = next((arg for arg in args if not arg.startswith("-")), None)
    module = COMMANDS.get(name or "")
    if module == "render":
        from wocdeck.cli import render  # noqa: F401
    elif module == "review":
        from wocdeck.cli import review  # noqa: F401  (validate, preview)
    else:
        _register_all()


def _register_all() -> None:
    """Every command, registered in the order `wocdeck --help` lists them."""
    from wocdeck.cli import render, review, editing, yearly, access, translate  # noqa: F401, I001


def __getattr__(name: str) -> typer.Typer:
    """`wocdeck.cli.app`: the application with every command registered."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from wocdeck.cli import base

    _register_all()
    return base.app


__all__ = ["COMMANDS", "GC_THRESHOLD", "app", "main", "register"]
