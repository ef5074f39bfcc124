"""Export through LibreOffice headless (→ PDF) and poppler (→ PNG), with a contact sheet.

LibreOffice runs in its own process group with a time limit that grows with the slide count;
on a timeout, an error or an interrupt the whole group is killed, so no `soffice.bin` is left
running. A preview folder is only ever cleaned of the pictures wocdeck wrote there itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from wocdeck.errors import OutputError

RESTART_CODE = 81  # soffice.bin asks its launcher to start it again after making a profile
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


def office_binary(executable: str) -> str:
    """soffice.bin itself where it lies beside the launcher: starting it directly skips the
    launcher script and oosplash (a few tenths of a second), and makes it our own child."""
    launcher = Path(os.path.realpath(executable))
    binary = launcher.with_name("soffice.bin")
    return str(binary) if binary.is_file() and os.access(binary, os.X_OK) else executable


def time_limit(slides: int) -> float:
    """How long LibreOffice may take to convert a deck of so many slides, in seconds."""
    return TIMEOUT + TIMEOUT_PER_SLIDE * slides


# A tagged PDF (PDF/UA): structure tree, reading order, language and title for screen readers.
TAGGED_PDF = {"UseTaggedPDF": True, "PDFUACompliance": True}
_TAGGED_JSON = {
    name: {"type": "boolean", "value": str(value).lower()} for name, value in TAGGED_PDF.items()
}


def to_pdf(deck: Path, pdf: Path, slides: int = 0) -> Path:
    """Convert a .pptx to PDF with LibreOffice in its own temporary profile (a copy of the
    prepared one when there is one; a damaged copy is dropped and the run made afresh)."""
    from wocdeck.output.files import write_atomic
    from wocdeck.output.pdf_language import deck_language, with_language

    executable = soffice()
    limit = time_limit(slides)
    for attempt in ("prepared", "fresh"):
        with tempfile.TemporaryDirectory(prefix="wocdeck-") as work:
            profile = Path(work, "profile")
            reused = attempt == "prepared" and _copy_prepared_profile(executable, profile)
            if attempt == "prepared" and not reused:
                continue  # no prepared profile yet: this run is the fresh one
            command = [
                office_binary(executable),
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                f"pdf:impress_pdf_Export:{json.dumps(_TAGGED_JSON)}",
                "--outdir",
                work,
                str(deck.resolve()),  # absolute: a name such as "-x.pptx" is not an option
            ]
            code = run_bounded(command, limit, "LibreOffice")
            if code == RESTART_CODE:  # a new profile made: LibreOffice asks to be started again
                code = run_bounded(command, limit, "LibreOffice")
            if code is None:
                raise ExportError(
                    f"LibreOffice took longer than {limit:.0f} s to convert {deck} "
                    f"({slides:,} slides at {TIMEOUT_PER_SLIDE:g} s each after {TIMEOUT} s); "
                    "it was stopped"
                )
            produced = Path(work, deck.with_suffix(".pdf").name)
            if produced.is_file():
                if not reused:
                    _keep_profile(executable, profile)
                write_atomic(pdf, with_language(produced.read_bytes(), deck_language(deck)))
                return pdf
            if reused:
                _drop_prepared_profile(executable)
                continue
        break
    raise ExportError(f"LibreOffice could not convert {deck} to PDF")


def _prepared_profile(executable: str) -> Path:
    """Where the prepared profile of this LibreOffice lives (per user, per installation)."""
    import hashlib

    real = os.path.realpath(executable)
    stamp = f"{real}:{os.stat(real).st_mtime_ns}".encode()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache, "wocdeck", f"libreoffice-profile-{hashlib.sha1(stamp).hexdigest()[:12]}")


def _copy_prepared_profile(executable: str, target: Path) -> bool:
    """Copy the prepared profile to target (making one costs LibreOffice about half a
    second); each run works on its own copy, so concurrent runs never share one."""
    try:
        shutil.copytree(_prepared_profile(executable), target, symlinks=True)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def _keep_profile(executable: str, profile: Path) -> None:
    """Keep a profile LibreOffice just made and used as the prepared one, if there is none
    yet: copied beside it, then renamed into place, so no run ever sees half a profile."""
    with contextlib.suppress(OSError):
        prepared = _prepared_profile(executable)
        if prepared.exists():
            return
        prepared.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".profile-", dir=prepared.parent))
        try:
            shutil.copytree(profile, staging / "profile", symlinks=True)
            os.rename(staging / "profile", prepared)  # fails if another run was first
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _drop_prepared_profile(executable: str) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(_prepared_profile(executable))


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
    """Render each PDF page to folder/slide-NN.png with poppler's pdftoppm (and Pillow).

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
        command = [executable, "-r", str(resolution), str(pdf), str(work / "slide")]
        code = run_bounded(command, time_limit(slides), "pdftoppm")
        if code != 0:
            raise ExportError(f"pdftoppm could not render {pdf} (exit code {code})")
        pages = sorted(work.glob("slide-*.ppm"))
        width = max(2, len(str(len(pages))))
        names = [f"slide-{number:0{width}d}.png" for number in range(1, len(pages) + 1)]
        record_pictures(folder, names)
        for page, name in zip(pages, names, strict=True):
            encoded = work / name
            _encode_png(page, encoded)
            encoded.replace(folder / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [folder / name for name in names]


def _encode_png(ppm: Path, png: Path) -> None:
    """poppler's pixels as PNG at a light compression level: the same pixels as pdftoppm's
    own PNG output, about three times faster to write, files about a third larger."""
    from PIL import Image

    with Image.open(ppm) as image:
        image.save(png, format="PNG", compress_level=1)
    ppm.unlink()


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
