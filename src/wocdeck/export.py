"""Export through LibreOffice headless (→ PDF) and poppler (→ PNG), with a contact sheet."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from wocdeck.errors import OutputError

TIMEOUT = 300
INSTALL_HINT = "install LibreOffice Impress (Debian/Ubuntu: apt-get install -y libreoffice-impress)"


class ExportError(OutputError):
    """LibreOffice or poppler is missing or failed."""


def soffice() -> str:
    """The LibreOffice executable, or an ExportError that says how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(f"LibreOffice (soffice) is not installed: {INSTALL_HINT}")


def to_pdf(deck: Path, pdf: Path) -> Path:
    """Convert a .pptx to PDF with LibreOffice in its own temporary profile."""
    from wocdeck.output import write_atomic

    executable = soffice()
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
            str(deck),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ExportError(
                f"LibreOffice took longer than {TIMEOUT} s to convert {deck}"
            ) from None
        produced = Path(work, deck.with_suffix(".pdf").name)
        if not produced.is_file():
            raise ExportError(f"LibreOffice could not convert {deck} to PDF")
        write_atomic(pdf, produced.read_bytes())
    return pdf


def to_png(pdf: Path, folder: Path, resolution: int = 96) -> list[Path]:
    """Render each PDF page to folder/slide-NN.png with poppler's pdftoppm."""
    executable = shutil.which("pdftoppm")
    if not executable:
        raise ExportError(
            "pdftoppm is not installed (Debian/Ubuntu: apt-get install -y poppler-utils)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("slide-*.png"):
        old.unlink()
    command = [executable, "-r", str(resolution), "-png", str(pdf), str(folder / "slide")]
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    if result.returncode != 0:
        raise ExportError(f"pdftoppm failed: {result.stderr.decode(errors='replace').strip()}")
    pages = sorted(folder.glob("slide-*.png"))
    width = max(2, len(str(len(pages))))
    renamed = []
    for number, page in enumerate(pages, start=1):
        target = folder / f"slide-{number:0{width}d}.png"
        page.rename(target)
        renamed.append(target)
    return renamed


def contact_sheet(pages: list[Path], sheet: Path, columns: int = 4) -> Path:
    """All slide images on one sheet, in rows of `columns`."""
    from PIL import Image

    images = [Image.open(p) for p in pages]
    if not images:
        raise ExportError("no pages to put on a contact sheet")
    thumb_w = 480
    thumb_h = round(images[0].height * thumb_w / images[0].width)
    gap = 12
    rows = -(-len(images) // columns)
    canvas = Image.new(
        "RGB", (columns * (thumb_w + gap) + gap, rows * (thumb_h + gap) + gap), "#dddddd"
    )
    for index, image in enumerate(images):
        x = gap + (index % columns) * (thumb_w + gap)
        y = gap + (index // columns) * (thumb_h + gap)
        canvas.paste(image.convert("RGB").resize((thumb_w, thumb_h)), (x, y))
    canvas.save(sheet)
    return sheet
