"""Watching a deck: which files it uses, when they change, and one watcher per deck."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from wocdeck.errors import OutputError

# Changes closer together than this are one save (editors write in several steps).
SETTLE_MS = 120
# How often, without events, the files' times are compared with the last snapshot.
CHECK_MS = 250


def inputs(deck: Path) -> set[Path]:
    """The files a render of deck reads: the deck, its theme file, the theme's logo and
    template, and the deck's template.

    A deck that does not load yet is watched alone (its fix brings the rest back); a theme
    that does not load is still watched, so that fixing it re-renders.
    """
    from wocdeck.errors import DeckError
    from wocdeck.look.theme import find_theme, load_theme
    from wocdeck.model import load_deck
    from wocdeck.model.texts import translatable
    from wocdeck.read.languages import select
    from wocdeck.read.source import read

    used = {_real(deck)}
    try:
        source = select(read(deck), texts=translatable()).source
        model = load_deck(source)
    except DeckError:
        return used
    used |= referenced_files(source.data, deck.parent)
    where = source.location(("theme",))
    try:
        used.add(_real(find_theme(model.theme, where, deck.parent)))
        used |= {_real(f) for f in load_theme(model.theme, where, deck.parent).inputs}
    except DeckError:
        pass
    return used


def referenced_files(data: Any, folder: Path) -> set[Path]:
    """Files the deck's values name beside it: a template, pictures, CSV data.

    Any text value that names an existing file relative to the deck's folder counts, so a new
    kind of slide that reads a file is watched without a change here; so does a file name
    (`data.csv`) in an existing folder, so that a file deleted and written again is seen.
    """
    found: set[Path] = set()
    pending = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            pending += node.values()
        elif isinstance(node, list):
            pending += node
        elif isinstance(node, str) and "." in node and "\n" not in node and len(node) < 500:
            with contextlib.suppress(OSError, ValueError):
                candidate = _real(folder / node)
                named = _FILE_NAME.match(candidate.suffix) and candidate.parent.is_dir()
                if candidate.is_file() or named:
                    found.add(candidate)
    return found


def _real(path: Path) -> Path:
    """The path with links followed; a loop of links stays as far as it resolves (Path.resolve
    raises RuntimeError on one)."""
    return Path(os.path.realpath(path))


_FILE_NAME = re.compile(r"^\.[A-Za-z0-9]{1,5}$")  # a suffix such as .csv or .png
Stamp = dict[Path, tuple[int, int] | None]


def snapshot(files: set[Path]) -> Stamp:
    """Each file's modification time and size (None if missing), to notice changes made
    between a render and the start of watching."""
    stamps: Stamp = {}
    for file in files:
        try:
            status = file.stat()
            stamps[file] = (status.st_mtime_ns, status.st_size)
        except OSError:
            stamps[file] = None
    return stamps


def changes(since: Stamp) -> Iterator[set[Path]]:
    """Yield the watched files that changed (written, created, deleted or renamed onto)
    since the `since` snapshot was taken.

    Folders are watched rather than files, so a file replaced by a rename (how many editors
    save) or deleted and written again is still seen. Between events the snapshot is compared
    too, so a change made before the watcher was ready is not lost.
    """
    import watchfiles

    files = set(since)
    folders = {f.parent for f in files if f.parent.is_dir()}
    names = {str(f) for f in files}
    for batch in watchfiles.watch(
        *folders,
        watch_filter=lambda _change, path: os.path.abspath(path) in names,
        step=SETTLE_MS,
        debounce=1600,
        recursive=False,
        raise_interrupt=True,
        yield_on_timeout=True,
        rust_timeout=CHECK_MS,
    ):
        if batch:
            yield {Path(path) for _, path in batch}
            continue
        now = snapshot(files)  # the watcher is running: compare with the snapshot
        missed = {f for f in files if now[f] != since[f]}
        if missed:
            yield missed


class Lock:
    """One watcher per deck: an exclusive lock named after the deck's full path."""

    def __init__(self, deck: Path) -> None:
        key = hashlib.sha1(str(_real(deck)).encode()).hexdigest()[:16]
        self.path = Path(tempfile.gettempdir()) / f"wocdeck-watch-{key}.lock"
        self.handle: IO[str] | None = None

    def acquire(self, deck: Path) -> None:
        """Take the lock, or say that another watcher holds it."""
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; two watchers just both render
            return
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the session
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise OutputError(
                f"{deck}: is already being watched (by process {holder}); "
                "stop that `wocdeck watch` first"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle

    def release(self) -> None:
        """Let another watcher take the deck."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
