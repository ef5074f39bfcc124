"""Theme logos: a picture PowerPoint shows, of a sane size, inside the theme's folder."""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 16_000_000  # 4,000 x 4,000: far more than a 48 pt high logo can show
FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "MPO": "JPEG", "GIF": "GIF", "BMP": "BMP", "TIFF": "TIFF"}
_HINT = "save the logo as PNG in the theme's folder"


class LogoError(ValueError):
    """The logo cannot be used; the message says why, the hint what to do."""

    def __init__(self, message: str, hint: str = _HINT) -> None:
        super().__init__(message)
        self.hint = hint


def check_logo(folder: Path, name: str) -> Path:
    """The logo file named in a theme, checked to be a usable picture; else a LogoError.

    Checked: inside the theme's folder, a regular file of at most 10 MB, a picture format
    PowerPoint files hold (PNG, JPEG, GIF, BMP, TIFF), at most 16 million pixels (so a
    decompression bomb is refused before it is decoded), and complete (it decodes).
    """
    file = Path(os.path.normpath(folder / name))
    if not file.is_relative_to(os.path.normpath(folder)):
        raise LogoError(
            f"the logo {name} is outside the theme's folder {folder}",
            "put the picture in the theme's folder and give its name",
        )
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise LogoError(f"the logo file {file} does not exist", "fix the path") from None
    except OSError as exc:
        raise LogoError(f"the logo file {file} cannot be read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise LogoError(f"the logo {file} is a folder, not a picture")
    if not stat.S_ISREG(info.st_mode):
        raise LogoError(f"the logo {file} is a device or pipe, not a picture")
    if info.st_size > MAX_LOGO_BYTES:
        raise LogoError(
            f"the logo {file} is {info.st_size / 1e6:.1f} MB; a logo may be at most "
            f"{MAX_LOGO_BYTES // (1024 * 1024)} MB"
        )
    _check_picture(file)
    return file


def _check_picture(file: Path) -> None:
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as picture:
                _check_format(file, picture.format or "")
                width, height = picture.size
                if width * height > MAX_LOGO_PIXELS:
                    raise LogoError(
                        f"the logo {file} is {width:,} x {height:,} pixels; a logo may have at "
                        f"most {MAX_LOGO_PIXELS // 1_000_000} million pixels",
                        "save it smaller, e.g. 1,000 pixels wide",
                    )
                picture.load()  # a truncated or corrupt picture fails here, not in PowerPoint
        except LogoError:
            raise
        except UnidentifiedImageError:
            kind = "an SVG drawing" if _looks_like_svg(file) else "not a picture wocdeck can read"
            raise LogoError(
                f"the logo {file} is {kind}; logos may be PNG, JPEG, GIF, BMP or TIFF"
            ) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise LogoError(
                f"the logo {file} has too many pixels to open safely",
                "save it smaller, e.g. 1,000 pixels wide",
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise LogoError(f"the logo {file} is damaged or incomplete ({exc})") from None


def _check_format(file: Path, found: str) -> None:
    if found not in FORMATS:
        raise LogoError(
            f"the logo {file} is in {found or 'an unknown'} format; PowerPoint logos may be "
            "PNG, JPEG, GIF, BMP or TIFF"
        )


def _looks_like_svg(file: Path) -> bool:
    with open(file, "rb") as stream:
        start = stream.read(512).lstrip().lower()
    return file.suffix.lower() in (".svg", ".svgz") or start.startswith((b"<?xml", b"<svg"))
