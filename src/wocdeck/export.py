"""Export through LibreOffice headless (→ PDF) and poppler (→ PNG), with a contact sheet.

LibreOffice runs in its own process group with a time limit that grows with the slide count;
on a timeout, an error or an interrupt the whole group is killed, so no `soffice.bin` is left
running. A preview folder is only ever cleaned of the pictures wocdeck wrote there itself.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from wocdeck.errors import OutputError

TIMEOUT = 120  # seconds LibreOffice may take for a deck, plus TIMEOUT_PER_SLIDE per slide
TIMEOUT_PER_SLIDE = 1.0  # poppler needed 0.41 s a page for 4,999 slides on a loaded 2-core machine
SHEET_SLIDES = 60  # slides on the contact sheet: it stays a readable picture of bounded size
MANIFEST = ".wocdeck-preview"  # the names of the pictures wocdeck wrote into a preview folder
INSTALL_HINT = "install LibreOffice Impress (Debian/Ubuntu: apt-get install -y libreoffice-impress)"
_OURS = re.compile(r"^(slide-\d+|sheet)\.png$")


class ExportError(OutputError):
    """LibreOffice or poppler is missing or failed."""


def soffice() -> str:
    """The LibreOffice executable, or an ExportError that says how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(f"LibreOffice (soffice) is not installed: {INSTALL_HINT}")


def time_limit(slides: int) -> float:
    """How long LibreOffice may take to convert a deck of so many slides, in seconds."""
    return TIMEOUT + TIMEOUT_PER_SLIDE * slides


def to_pdf(deck: Path, pdf: Path, slides: int = 0) -> Path:
    """Convert a .pptx to PDF with LibreOffice in its own temporary profile."""
    from wocdeck.output import write_atomic

    executable = soffice()
    limit = time_limit(slides)
    with tempfile.TemporaryDirectory(prefix="wocdeck-") as work:
        profile = Path(work, "profile").as_uri()
        command = [
            executable,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(deck.resolve()),  # absolute: a name such as "-x.pptx" is not taken as an option
        ]
        if run_bounded(command, limit, "LibreOffice") is None:
            raise ExportError(
                f"LibreOffice took longer than {limit:.0f} s to convert {deck} "
                f"({slides:,} slides at {TIMEOUT_PER_SLIDE:g} s each after {TIMEOUT} s); "
                "it was stopped"
            )
        produced = Path(work, deck.with_suffix(".pdf").name)
        if not produced.is_file():
            raise ExportError(f"LibreOffice could not convert {deck} to PDF")
        write_atomic(pdf, produced.read_bytes())
    return pdf


def run_bounded(command: list[str], limit: float, name: str) -> int | None:
    """Run a program in its own process group; its exit code, or None when it ran too long.

    On a timeout, an interrupt or any error here, the whole group (a program and whatever it
    started) is killed and waited for.
    """
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        raise ExportError(f"{name} ({command[0]}) cannot be run: {exc.strerror}") from None
    try:
        return process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        return None
    except BaseException:
        _kill_group(process)
        raise


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def to_png(pdf: Path, folder: Path, resolution: int = 96, slides: int = 0) -> list[Path]:
    """Render each PDF page to folder/slide-NN.png with poppler's pdftoppm.

    Pictures a previous preview wrote there are replaced; the folder's other files are left
    alone, and a folder holding slide pictures wocdeck did not write is refused.
    """
    executable = shutil.which("pdftoppm")
    if not executable:
        raise ExportError(
            "pdftoppm is not installed (Debian/Ubuntu: apt-get install -y poppler-utils)"
        )
    _prepare_folder(folder)
    work = Path(tempfile.mkdtemp(prefix=".wocdeck-", dir=folder))
    try:
        command = [executable, "-r", str(resolution), "-png", str(pdf), str(work / "slide")]
        code = run_bounded(command, time_limit(slides), "pdftoppm")
        if code != 0:
            raise ExportError(f"pdftoppm could not render {pdf} (exit code {code})")
        pages = sorted(work.glob("slide-*.png"))
        width = max(2, len(str(len(pages))))
        names = [f"slide-{number:0{width}d}.png" for number in range(1, len(pages) + 1)]
        record_pictures(folder, names)
        for page, name in zip(pages, names, strict=True):
            page.replace(folder / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [folder / name for name in names]


def _prepare_folder(folder: Path) -> None:
    """Create the preview folder, or empty it of the pictures wocdeck wrote there before."""
    for name in claim_folder(folder):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()


def claim_folder(folder: Path) -> set[str]:
    """Create a preview folder, or check that its slide pictures are wocdeck's own.

    Returns the names of the pictures wocdeck wrote there before (from its list, MANIFEST);
    a folder holding slide pictures wocdeck did not write is refused, so none of the user's
    files is ever replaced or removed.
    """
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: is a file, not a folder; give a folder for the pictures")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create the folder: {exc.strerror}") from None
    manifest = folder / MANIFEST
    if manifest.is_file():
        return {n for n in manifest.read_text(encoding="utf-8").split() if _OURS.match(n)}
    theirs = sorted(p.name for p in folder.iterdir() if _OURS.match(p.name))
    if theirs:
        raise ExportError(
            f"{folder}: holds pictures wocdeck did not write ({len(theirs)} such as "
            f"{theirs[0]}); choose a new or empty folder with -o"
        )
    return set()


def record_pictures(folder: Path, names: list[str]) -> None:
    """Note the pictures wocdeck writes into a preview folder (before writing them)."""
    (folder / MANIFEST).write_text("\n".join([*names, "sheet.png", ""]), encoding="utf-8")


def contact_sheet(pages: list[Path], sheet: Path, columns: int = 4) -> tuple[Path, int]:
    """The first SHEET_SLIDES slide images on one sheet, in rows of `columns`.

    Returns the sheet and how many slides it shows. Each image is opened, shrunk and closed
    in turn, so a deck of any length needs one image and the sheet in memory at a time.
    """
    from PIL import Image

    if not pages:
        raise ExportError("no pages to put on a contact sheet")
    shown = pages[:SHEET_SLIDES]
    with Image.open(shown[0]) as first:
        ratio = first.height / first.width
    thumb_w = 480
    thumb_h = round(thumb_w * ratio)
    gap = 12
    rows = -(-len(shown) // columns)
    canvas = Image.new(
        "RGB", (columns * (thumb_w + gap) + gap, rows * (thumb_h + gap) + gap), "#dddddd"
    )
    for index, page in enumerate(shown):
        x = gap + (index % columns) * (thumb_w + gap)
        y = gap + (index // columns) * (thumb_h + gap)
        with Image.open(page) as image:
            canvas.paste(image.convert("RGB").resize((thumb_w, thumb_h)), (x, y))
    canvas.save(sheet)
    return sheet, len(shown)
