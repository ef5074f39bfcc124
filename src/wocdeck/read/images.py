"""Picture files a deck shows: read, checked (type, size, pixels, complete) and measured.

A picture is read once, here, before composing: the composer needs its shape to place it and
the writer its bytes. Every problem is an ImageError in plain words, which the caller locates
at the deck's `file:` line. SVG drawings are kept as written (PowerPoint shows them natively)
and get a PNG rendering for programs that cannot, as PowerPoint itself stores them.
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 50 * 1000 * 1000
MAX_PIXELS = 100_000_000
MAX_SVG_ASPECT = 50.0  # wider or taller than 50:1 is not a picture a slide can show
FALLBACK_SIDE = 1600  # the longer side of an SVG's PNG rendering, pixels
FORMATS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg", "GIF": "gif"}  # Pillow's name → ours
CONTENT_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "svg": "image/svg+xml",
}
_HINT = "save it as PNG, JPEG, GIF or SVG"
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")


@dataclass(frozen=True)
class Rules:
    """What one use of pictures accepts; `noun` names the picture in messages."""

    noun: str = "picture"
    max_bytes: int = MAX_BYTES
    max_pixels: int = MAX_PIXELS
    formats: tuple[tuple[str, str], ...] = tuple(FORMATS.items())  # Pillow's name → kind
    accepted: str = "PNG, JPEG, GIF or SVG"  # what messages say may be used
    svg: bool = True  # SVG drawings are accepted (with a PNG rendering)
    hint: str = _HINT
    folder: str = "the deck file"  # what a relative name is relative to


PICTURES = Rules()


class ImageError(ValueError):
    """A picture cannot be used; the message says why, the hint what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class ImageFile:
    """A checked picture: its bytes, kind and shape; SVGs carry a PNG rendering too."""

    path: Path
    kind: str  # "png", "jpeg", "gif" or "svg"
    blob: bytes
    width: float  # pixels (an SVG's own units)
    height: float
    fallback: bytes = b""  # an SVG's PNG rendering

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height

    @property
    def content_type(self) -> str:
        """The picture's MIME type as a package part."""
        return CONTENT_TYPES[self.kind]


def read_image(path: Path, name: str | None = None, rules: Rules = PICTURES) -> ImageFile:
    """Read and check a picture file; an ImageError says what is wrong with it, naming the
    file as the editor wrote it (name) or else by its path."""
    file = _Named(path, name or str(path), rules)
    blob = _read(file)
    if _looks_like_svg(file, blob):
        if not rules.svg:
            raise ImageError(
                f"the {file.noun} {file} is an SVG drawing; {file.noun}s may be {rules.accepted}",
                rules.hint,
            )
        return _svg(file, blob)
    return _bitmap(file, blob)


@dataclass(frozen=True)
class _Named:
    """A file's path, and its name as messages give it."""

    path: Path
    name: str
    rules: Rules = PICTURES

    @property
    def noun(self) -> str:
        """What messages call the file: "picture", "logo"."""
        return self.rules.noun

    def __str__(self) -> str:
        return self.name


def _read(file: _Named) -> bytes:
    noun, rules = file.noun, file.rules
    try:
        info = os.stat(file.path)
    except FileNotFoundError:
        raise ImageError(
            f"the {noun} {file} does not exist",
            f"check the name; it is relative to {rules.folder}",
        ) from None
    except OSError as exc:
        raise ImageError(f"the {noun} {file} cannot be read: {exc.strerror}", rules.hint) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImageError(f"the {noun} {file} is a folder, not a picture", "give the file's name")
    if not stat.S_ISREG(info.st_mode):
        raise ImageError(f"the {noun} {file} is a device or pipe, not a picture", rules.hint)
    if info.st_size > rules.max_bytes:
        raise ImageError(
            f"the {noun} {file} is {info.st_size / 1e6:,.1f} MB; a {noun} may be at most "
            f"{rules.max_bytes / 1e6:,.0f} MB",
            "save it smaller, e.g. as a JPEG 2,000 pixels wide",
        )
    try:
        return file.path.read_bytes()
    except OSError as exc:
        raise ImageError(f"the {noun} {file} cannot be read: {exc.strerror}", rules.hint) from None


def _bitmap(file: _Named, blob: bytes) -> ImageFile:
    from PIL import Image, UnidentifiedImageError

    noun, rules = file.noun, file.rules
    with warnings.catch_warnings():
        # The pixel count is checked below, from the header, before anything is decoded.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(blob)) as picture:
                kind = dict(rules.formats).get(picture.format or "")
                if kind is None:
                    raise ImageError(
                        f"the {noun} {file} is in {picture.format or 'an unknown'} format; "
                        f"{noun}s may be {rules.accepted}",
                        rules.hint,
                    )
                width, height = picture.size
                _check_pixels(file, width, height)
                picture.load()  # a truncated or corrupt picture fails here, not in PowerPoint
                if kind == "jpeg" and picture.getexif().get(_ORIENTATION, 1) != 1:
                    blob, (width, height) = _upright(picture)
        except ImageError:
            raise
        except UnidentifiedImageError:
            raise ImageError(
                f"the {noun} {file} is not a picture wocdeck can read", rules.hint
            ) from None
        except Image.DecompressionBombError:
            raise ImageError(
                f"the {noun} {file} has far more than {rules.max_pixels // 1_000_000} million "
                "pixels",
                _SMALLER,
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImageError(
                f"the {noun} {file} is damaged or incomplete ({exc})", rules.hint
            ) from None
    if width < 1 or height < 1:
        raise ImageError(f"the {noun} {file} has no pixels", rules.hint)
    return ImageFile(file.path, kind, blob, width, height)


_SMALLER = "save it smaller, e.g. 2,000 pixels wide"
_ORIENTATION = 0x0112  # the EXIF tag a camera sets when it was held sideways


def _upright(picture: Any) -> tuple[bytes, tuple[int, int]]:
    """A photo turned as its camera says, saved again without the turn.

    Programs disagree on whether to honour a JPEG's EXIF orientation (LibreOffice does, some
    versions of PowerPoint do not), so the picture is stored already turned.
    """
    from PIL import ImageOps

    turned = ImageOps.exif_transpose(picture)
    out = io.BytesIO()
    extra = {"icc_profile": picture.info["icc_profile"]} if "icc_profile" in picture.info else {}
    turned.save(out, "JPEG", quality=95, **extra)
    return out.getvalue(), turned.size


def _check_pixels(file: _Named, width: float, height: float) -> None:
    limit = file.rules.max_pixels
    if width * height > limit:
        raise ImageError(
            f"the {file.noun} {file} is {width:,.0f} x {height:,.0f} pixels; a {file.noun} may "
            f"have at most {limit // 1_000_000} million pixels",
            _SMALLER,
        )


def _looks_like_svg(file: _Named, blob: bytes) -> bool:
    start = blob[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return file.path.suffix.lower() == ".svg" or start.startswith((b"<?xml", b"<svg", b"<!--"))


def _svg(file: _Named, blob: bytes) -> ImageFile:
    from wocdeck.read.svg import DrawingError, cleaned, rendered

    try:
        blob = cleaned(blob, str(file))  # before anything else reads it
    except DrawingError as exc:
        raise ImageError(exc.message, exc.hint) from None
    width, height = _svg_size(file, blob)
    aspect = width / height
    if not 1 / MAX_SVG_ASPECT <= aspect <= MAX_SVG_ASPECT:
        raise ImageError(
            f"the drawing {file} is {width:g} x {height:g}, too narrow to show on a slide",
            "give its <svg> element a viewBox of the picture's own shape",
        )
    # The rendering's size is always given: resvg aborts the process (it does not raise) when
    # a drawing's own size asks for more memory than there is.
    if aspect >= 1:
        size = (FALLBACK_SIDE, max(1, round(FALLBACK_SIDE / aspect)))
    else:
        size = (max(1, round(FALLBACK_SIDE * aspect)), FALLBACK_SIDE)
    try:
        fallback = rendered(blob.decode("utf-8"), *size, str(file))
    except UnicodeDecodeError as exc:
        raise ImageError(f"the drawing {file} cannot be drawn ({exc})", _HINT) from None
    except DrawingError as exc:
        raise ImageError(exc.message, exc.hint) from None
    return ImageFile(file.path, "svg", blob, width, height, fallback)


def _svg_size(file: _Named, blob: bytes) -> tuple[float, float]:
    """The drawing's own width and height: its viewBox, else its width and height."""
    import xml.etree.ElementTree as ElementTree

    try:
        root = next(ElementTree.iterparse(io.BytesIO(blob), events=("start",)))[1]
    except (ElementTree.ParseError, StopIteration) as exc:
        raise ImageError(f"the drawing {file} is not a readable SVG file ({exc})", _HINT) from None
    if root.tag.rpartition("}")[2] != "svg":
        raise ImageError(f"the file {file} is XML but not an SVG drawing", _HINT)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            width = height = 0.0
        if width > 0 and height > 0:
            return width, height
    sizes = [_LENGTH.match(root.get(name) or "") for name in ("width", "height")]
    if all(sizes):
        width, height = (float(m.group(1)) for m in sizes if m)
        if width > 0 and height > 0:
            return width, height
    raise ImageError(
        f"the drawing {file} does not say its size",
        'give its <svg> element a viewBox, e.g. viewBox="0 0 400 300"',
    )
