"""Safe outputs: check a target path up front, then write to a temporary file and rename.

Only regular files are ever replaced: a device, a pipe or a socket at the target is refused
(as root, replacing /dev/null would break the system). A symbolic link is written through:
the file it points to is replaced, atomically, in that file's folder, and the link stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from wocdeck.errors import DeckError, Location, OutputError

NAME_MAX = 255  # bytes in one file name on the usual file systems
_TEMPORARY_PREFIX = ".wocdeck-"  # short, so a long output name still leaves room for it


def output_file(deck: Path, output: str | None, suffix: str) -> Path:
    """The file to write: the -o value as given, or the deck's name with suffix beside it."""
    if output is not None:
        if output.endswith(("/", os.sep)) or output in ("", ".", ".."):
            raise OutputError(
                f"{output or repr(output)}: names a folder; give a file name such as "
                f"{Path(output or '.') / (deck.stem or 'deck')}{suffix}"
            )
        return Path(output)
    try:
        mode = os.stat(deck).st_mode
    except OSError:
        mode = stat.S_IFREG  # missing or unreadable: reading the deck says so
    if stat.S_ISDIR(mode) or deck.name in ("", ".", ".."):
        raise DeckError.at(Location(str(deck)), "this is a folder, not a deck file")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{deck}: the deck is not a file in a folder; give the output with -o")
    return deck.with_suffix(suffix)


def confine(deck: Path, target: Path) -> Path:
    """A default output (deck.pptx, deck.pdf, deck-preview/) that, links followed, stays in
    the deck's folder: a link planted there in a received folder is never written through."""
    real = Path(os.path.realpath(target))
    if not real.parent.is_relative_to(os.path.realpath(deck.parent)):
        raise OutputError(
            f"{target}: is a link to {real}, outside the deck's folder; wocdeck does not write "
            "through it: delete the link, or name the output with -o"
        )
    return target


def check_target(target: Path, inputs: list[Path]) -> None:
    """Refuse an output that is an input, a folder, not a regular file, or cannot be written."""
    try:
        _check_target(target, inputs)
    except OSError as exc:
        raise OutputError(f"{target}: {_reason(exc)}") from None


def _check_target(target: Path, inputs: list[Path]) -> None:
    real = Path(os.path.realpath(target))
    for source in inputs:
        if real.exists() and source.exists() and os.path.samefile(real, source):
            raise OutputError(
                f"{target}: the output would overwrite the input file {source}; choose another name"
            )
    if real.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'deck.pptx'}")
    refuse_special(target)
    folder = real.parent
    if len(os.fsencode(real.name)) > NAME_MAX:
        raise OutputError(
            f"{target}: the file name is {len(os.fsencode(real.name))} bytes long; "
            f"at most {NAME_MAX}: choose a shorter name"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{target}: {folder} is a file, not a folder")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: the folder {folder} cannot be written (permission denied)")
    if real.exists() and not os.access(real, os.W_OK):
        raise OutputError(
            f"{target}: the file is read-only; make it writable or choose another name"
        )


def refuse_special(target: Path) -> None:
    """Refuse a target that exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise OutputError(
            f"{target}: is a device or pipe, not a file; wocdeck writes only regular files"
        )


def write_atomic(target: Path, data: bytes) -> None:
    """Write data to target via a temporary file in the same folder, so it is never half-written.

    Missing parent folders are created. The previous file stays intact until the new one is
    complete. A symbolic link is written through: its target is replaced, in its own folder.
    """
    real = Path(os.path.realpath(target))
    folder = real.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the folder {folder}: {_reason(exc)}") from None
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=_TEMPORARY_PREFIX, suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        refuse_special(real)  # checked again: the node may have appeared since the check
        if real.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, real.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~umask())
        os.replace(temporary, real)
    except PermissionError:
        _discard(temporary)
        raise OutputError(
            f"{target}: the file is open in another program (PowerPoint?) or locked; "
            "close it and render again"
        ) from None
    except OSError as exc:
        _discard(temporary)
        raise OutputError(f"{target}: cannot write the file: {_reason(exc)}") from None
    except BaseException:
        _discard(temporary)
        raise


def write_new_file(target: Path, data: bytes, command: str) -> Path:
    """Write data to a new file, complete or not at all; refuse if anything is already there
    (`command` names what never overwrites, in the message)."""
    refused = OutputError(
        f"{target}: already exists; wocdeck {command} never overwrites a file "
        "(choose another name or move the file away)"
    )
    if target.exists() or target.is_symlink():
        raise refused
    folder = target.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~umask())
        os.link(temporary, target)  # fails if the name was taken meanwhile: no overwrite race
    except FileExistsError:
        raise refused from None
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the file: {exc.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return target


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system; choose a shorter one"
    return exc.strerror or str(exc)


def _discard(path: str) -> None:
    if path:
        with contextlib.suppress(OSError):
            os.unlink(path)


def umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
