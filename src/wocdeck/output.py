"""Safe outputs: check a target path up front, then write to a temporary file and rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wocdeck.errors import OutputError


def check_target(target: Path, inputs: list[Path]) -> None:
    """Refuse an output path that is an input, a folder, or in a folder that cannot be written."""
    resolved = target.resolve()
    for source in inputs:
        if source.exists() and resolved == source.resolve():
            raise OutputError(
                f"{target}: the output would overwrite the input file; choose another name"
            )
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as {target / 'deck.pptx'}")
    folder = resolved.parent
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{target}: {folder} is a file, not a folder")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: the folder {folder} cannot be written (permission denied)")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(
            f"{target}: the file is read-only; make it writable or choose another name"
        )


def write_atomic(target: Path, data: bytes) -> None:
    """Write data to target via a temporary file in the same folder, so it is never half-written.

    Missing parent folders are created. The previous file stays intact until the new one is
    complete.
    """
    folder = target.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot create the folder {folder}: {exc.strerror}") from None
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except PermissionError:
        _discard(temporary)
        raise OutputError(
            f"{target}: the file is open in another program (PowerPoint?) or locked; "
            "close it and render again"
        ) from None
    except OSError as exc:
        _discard(temporary)
        raise OutputError(f"{target}: cannot write the file: {exc.strerror}") from None
    except BaseException:
        _discard(temporary)
        raise


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
