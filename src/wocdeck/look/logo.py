"""Theme logos: a picture PowerPoint shows, of a sane size, inside the theme's folder."""

from __future__ import annotations

import os
from pathlib import Path

from wocdeck.read.boundary import Boundary, OutsideFolder
from wocdeck.read.images import FORMATS, ImageError, Rules, read_image

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 16_000_000  # 4,000 x 4,000: far more than a 48 pt high logo can show
_HINT = "save the logo as PNG in the theme's folder"
LOGO = Rules(
    noun="logo",
    max_bytes=MAX_LOGO_BYTES,
    max_pixels=MAX_LOGO_PIXELS,
    formats=(*FORMATS.items(), ("BMP", "bmp"), ("TIFF", "tiff")),
    accepted="PNG, JPEG, GIF, BMP or TIFF",
    svg=False,
    hint=_HINT,
    folder="the theme's folder",
)


class LogoError(ValueError):
    """The logo cannot be used; the message says why, the hint what to do."""

    def __init__(self, message: str, hint: str = _HINT) -> None:
        super().__init__(message)
        self.hint = hint


def check_logo(folder: Path, name: str, boundary: Boundary | None = None) -> Path:
    """The logo file named in a theme, checked to be a usable picture; else a LogoError.

    Checked: inside the theme's folder, a regular file of at most 10 MB, a picture format
    PowerPoint files hold (PNG, JPEG, GIF, BMP, TIFF), at most 16 million pixels (so a
    decompression bomb is refused before it is decoded), and complete (it decodes); with a
    boundary, inside it too, links followed.
    """
    file = Path(os.path.normpath(folder / name))
    if not file.is_relative_to(os.path.normpath(folder)):
        raise LogoError(
            f"the logo {name} is outside the theme's folder {folder}",
            "put the picture in the theme's folder and give its name",
        )
    try:
        if boundary is not None:
            boundary.check(file, name, "logo")
        read_image(file, rules=LOGO)
    except OutsideFolder as exc:
        raise LogoError(exc.message, exc.hint) from None
    except ImageError as exc:
        raise LogoError(exc.message, exc.hint) from None
    return file
