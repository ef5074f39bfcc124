"""The deck's folder as a boundary: a file a deck names is read only if, links followed, it
lies inside the deck's folder or a folder the user allowed (`--allow DIR`, or `allow:` in the
user's config file, $XDG_CONFIG_HOME/wocdeck/config.yaml). A folder received from someone else
cannot make wocdeck read the user's other files into a deck."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from wocdeck.errors import DeckError, Location

CONFIG_NAME = Path("wocdeck") / "config.yaml"


class OutsideFolder(ValueError):
    """A file a deck names lies outside its folder; the message and hint say what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


class Boundary(NamedTuple):
    """The folders a deck's files may be read from: its own, and those allowed."""

    folder: Path  # the deck's folder, links followed
    allowed: tuple[Path, ...] = ()  # further folders, links followed

    @classmethod
    def around(cls, deck_file: Path, allowed: Iterable[Path] = ()) -> Boundary:
        """The boundary of a deck file: its folder, and the allowed folders."""
        return cls(_real(deck_file.parent), tuple(_real(p) for p in allowed))

    def holds(self, file: Path) -> bool:
        """Whether the file, links followed, lies inside the deck's or an allowed folder."""
        real = _real(file)
        return any(real.is_relative_to(root) for root in (self.folder, *self.allowed))

    def check(self, file: Path, name: str, noun: str) -> Path:
        """The file, if it lies inside the boundary; else OutsideFolder naming it as `name`."""
        if self.holds(file):
            return file
        real = _real(file)
        link = (
            f" (it leads to {real})" if str(real) != os.path.normpath(os.path.abspath(file)) else ""
        )
        raise OutsideFolder(
            f"the {noun} {name} is outside the deck's folder{link}; a deck reads only files in "
            "its own folder",
            f"copy it into {self.folder}, or allow its folder: --allow {real.parent}",
        )

    def located(self, file: Path, name: str, noun: str, where: Location) -> Path:
        """check(), its refusal a DeckError at where (the YAML line naming the file)."""
        try:
            return self.check(file, name, noun)
        except OutsideFolder as exc:
            raise DeckError.at(where, exc.message, exc.hint) from None


def _real(path: Path) -> Path:
    """The path made absolute with every link followed (a loop stays as far as it resolves)."""
    return Path(os.path.realpath(path))


def config_file() -> Path:
    """The user's wocdeck config file: $XDG_CONFIG_HOME/wocdeck/config.yaml (~/.config/…)."""
    home = os.environ.get("XDG_CONFIG_HOME", "").strip()
    base = Path(home) if home and Path(home).is_absolute() else Path.home() / ".config"
    return base / CONFIG_NAME


def user_allowed() -> tuple[Path, ...]:
    """The folders the user's config file allows (`allow:`), relative to the config file."""
    from wocdeck.read.source import read

    file = config_file()
    if not file.is_file():
        return ()
    source = read(file)
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict) or not set(data) <= {"allow"}:
        raise DeckError.at(
            source.location(()),
            "the wocdeck config file may only hold `allow:`, a list of folders",
            "write e.g. `allow: [~/Templates]`",
        )
    folders = data.get("allow") or []
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise DeckError.at(
            source.location(("allow",)),
            "`allow:` is a list of folders",
            "write e.g. `allow: [~/Templates, /srv/brand]`",
        )
    return tuple(file.parent / Path(f).expanduser() for f in folders)
