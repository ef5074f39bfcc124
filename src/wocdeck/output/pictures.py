"""An imported deck written beside its pictures: nothing overwritten, the deck file last."""

from __future__ import annotations

from pathlib import Path

from wocdeck.errors import OutputError
from wocdeck.output.files import check_target, write_atomic, write_new_file


def write_imported(target: Path, text: str, pictures: dict[str, bytes]) -> None:
    """Write the pictures (paths relative to the deck's folder), then the deck file; refuse
    before writing anything if the deck exists or a picture's name holds another file."""
    if target.exists() or target.is_symlink():
        raise OutputError(
            f"{target}: already exists; wocdeck import never overwrites a file "
            "(choose another name with -o, or move the file away)"
        )
    check_target(target, [])
    folder = target.parent
    for name, data in pictures.items():
        file = folder / name
        if file.exists() and (not file.is_file() or file.read_bytes() != data):
            raise OutputError(
                f"{file}: already exists and is another file; wocdeck import never overwrites "
                "a file (import into another folder, or move it away)"
            )
    for name, data in pictures.items():
        if not (folder / name).exists():
            write_atomic(folder / name, data)
    write_new_file(target, text.encode("utf-8"), "import")
