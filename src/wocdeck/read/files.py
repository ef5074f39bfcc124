"""Files a deck names, read as untrusted: only regular files and pipes, never more than a
limit, and a PowerPoint or PDF file given where a deck belongs refused by name."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from wocdeck.errors import DeckError, Location, Problem

# Characters XML (and so a PowerPoint file) cannot hold.
UNSTORABLE = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

NAME_MAX = 255  # bytes in one file or folder name, on every usual file system
PATH_MAX = 4095  # bytes in a whole path, on Linux
_OTHER_FILES = {
    b"PK\x03\x04": "a PowerPoint file (or another zipped document)",
    b"%PDF": "a PDF file",
    b"\xd0\xcf\x11\xe0": "an old PowerPoint or Office file",
}
_OTHER_SUFFIXES = {
    ".pptx": "a PowerPoint file",
    ".potx": "a PowerPoint template",
    ".pdf": "a PDF file",
}


def refuse_non_deck(file: Path) -> None:
    """Refuse a PowerPoint or PDF file given where the deck belongs (e.g. the output by mistake)."""
    kind = _OTHER_SUFFIXES.get(file.suffix.lower())
    try:
        if kind is None and file.is_file():
            with file.open("rb") as stream:
                kind = kind_of(stream.read(8))
    except OSError:
        return  # read() reports why the file cannot be read
    if kind:
        raise not_a_deck(str(file), kind, file)


def name_too_long(path: str | os.PathLike[str]) -> str:
    """Why a path cannot name a file (a part, or the whole, longer than file systems allow),
    in plain words, or ''."""
    text = os.fspath(path)
    for part in Path(text).parts:
        size = len(part.encode("utf-8", "surrogateescape"))
        if size > NAME_MAX:
            short = part if len(part) <= 40 else part[:37] + "..."
            letters = f"{len(part)} characters" if size == len(part) else f"{size} bytes in UTF-8"
            return (
                f"the name '{short}' is too long for a file or folder ({letters}; at most "
                f"{NAME_MAX})"
            )
    if len(text.encode("utf-8", "surrogateescape")) > PATH_MAX:
        return f"the path is too long for the file system (at most {PATH_MAX} bytes)"
    return ""


def kind_of(head: bytes) -> str | None:
    """What other kind of file starts with these bytes (a PowerPoint, a PDF), if any."""
    return next((kind for magic, kind in _OTHER_FILES.items() if head.startswith(magic)), None)


def not_a_deck(name: str, kind: str, file: Path) -> DeckError:
    """The error for a file of another kind given where the deck belongs."""
    deck = file.with_suffix(".yaml").name
    return DeckError.at(
        Location(name),
        f"this is {kind}, not a deck file",
        f"give the deck's YAML file, e.g. wocdeck render {deck}",
    )


def _check_kind(mode: int, file: Path) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(file)
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise NotARegularFile(file)


class NotARegularFile(OSError):
    """The path names a device, a socket or another node that is not a file or a pipe."""


def read_limited(file: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file or a pipe; anything else is refused.

    The size a file system reports is not trusted (a device reports 0 and never ends). A
    named pipe is opened without waiting for a writer, so one that has none reads as empty
    instead of blocking forever.
    """
    _check_kind(os.stat(file).st_mode, file)  # before opening: opening a device may act
    descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    try:
        _check_kind(os.fstat(descriptor).st_mode, file)  # the node may have been swapped
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_named(file: Path, limit: int, where: Location, noun: str, shown: str) -> bytes:
    """read_limited() of a file a deck names (a CSV), its problems located at where, naming
    it as the editor wrote it (shown) and calling it noun ("data file", "CSV file")."""
    try:
        return read_limited(file, limit)  # a device or a pipe never blocks or floods
    except FileNotFoundError:
        raise DeckError.at(
            where,
            f"the {noun} {shown} does not exist",
            "check the name; it is relative to the deck file",
        ) from None
    except (IsADirectoryError, NotARegularFile):
        raise DeckError.at(
            where, f"the {noun} {shown} is not a file", "name a .csv file beside the deck"
        ) from None
    except OSError as exc:
        raise DeckError.at(where, f"the {noun} {shown} cannot be read: {exc.strerror}") from None


def unstorable_in(text: str, name: str) -> Problem | None:
    """The first character of a text file (a CSV) that XML cannot hold, located, if any."""
    bad = UNSTORABLE.search(text)
    if bad is None:
        return None
    line = text.count("\n", 0, bad.start()) + 1
    column = bad.start() - text.rfind("\n", 0, bad.start())
    return unstorable(Location(name, line, column), bad.group())


def unstorable(where: Location, character: str) -> Problem:
    """The problem of a control character a PowerPoint file (XML) cannot hold."""
    return Problem(
        where,
        f"the control character U+{ord(character):04X} cannot be stored in a PowerPoint file",
        "remove it",
    )
