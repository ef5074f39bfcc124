"""Theme logos: any file that is not a usable picture is a located error at the `logo:` line."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from tests import pdfcheck
from tests.conftest import MINIMAL, ROOT, SEED_DECK, require_renderer, write_deck
from tests.ooxml import assert_opens_cleanly
from wocdeck.look.geometry import SLIDE_WIDTH

WIPO = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
LOGO_LINE = next(n for n, row in enumerate(WIPO.splitlines(), 1) if row.startswith("logo:"))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims a huge picture (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _picture(kind: str) -> Callable[[Path], None]:
    def save(path: Path) -> None:
        Image.new("RGB", (60, 20), "#0059C6").save(path, kind)

    return save


def _truncated_jpeg(path: Path) -> None:
    Image.effect_noise((400, 300), 80).convert("RGB").save(path, "JPEG")
    path.write_bytes(path.read_bytes()[:3000])


def _broken_png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really")


def _svg(path: Path) -> None:
    path.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")


CASES: dict[str, tuple[str, Callable[[Path], None] | None, str]] = {
    "corrupt": ("logo.png", _broken_png, "is damaged or incomplete"),
    "not a picture": ("logo.png", lambda p: p.write_text("hello"), "is not a picture"),
    "svg": ("logo.svg", _svg, "is an SVG drawing"),
    "webp": ("logo.webp", _picture("WEBP"), "is in WEBP format"),
    "ico": ("logo.ico", _picture("ICO"), "is in ICO format"),
    "truncated jpeg": ("logo.jpg", _truncated_jpeg, "is damaged or incomplete"),
    "bomb": ("logo.png", lambda p: p.write_bytes(_png_claiming(60_000, 60_000)), "pixels"),
    "folder": ("logo.png", lambda p: p.mkdir(), "is a folder, not a picture"),
    "device": ("/dev/zero", None, "outside the theme's folder"),
    "link to a device": (
        "logo.png",
        lambda p: p.symlink_to("/dev/zero"),
        "outside the deck's folder",
    ),
    "outside": ("../elsewhere.png", None, "outside the theme's folder"),
    "missing": ("nope.png", None, "does not exist"),
}


def _theme_with(tmp_path: Path, logo: str) -> Path:
    theme = tmp_path / "brand"
    theme.mkdir()
    (theme / "theme.yaml").write_text(WIPO.replace("logo: null", f"logo: {logo}"), "utf-8")
    return theme


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["validate", "render"])
def test_an_unusable_logo_is_a_located_error(cli, tmp_path: Path, case: str, command: str) -> None:
    name, make, words = CASES[case]
    theme = _theme_with(tmp_path, name)
    if make is not None:
        make(theme / name)
    Image.new("RGB", (60, 20)).save(tmp_path / "elsewhere.png")
    deck = write_deck(tmp_path, "theme: brand\n" + MINIMAL)
    code, _, err = cli(command, deck)
    assert code == 1, err
    assert err.startswith(f"{theme / 'theme.yaml'}:{LOGO_LINE}:"), err
    assert words in err and "logo" in err
    assert not deck.with_suffix(".pptx").exists()


def test_a_very_wide_logo_keeps_its_frame_on_the_slide(cli, tmp_path: Path) -> None:
    theme = _theme_with(tmp_path, "wide.png")
    Image.new("RGB", (20000, 1), "#0059C6").save(theme / "wide.png")
    deck = write_deck(tmp_path, "theme: brand\n" + MINIMAL)
    assert cli("render", deck)[0] == 0
    cover = Presentation(str(deck.with_suffix(".pptx"))).slides[0]
    logo = next(s for s in cover.shapes if s.name == "Logo")  # a picture in the logo slot
    assert logo.left.pt + logo.width.pt <= SLIDE_WIDTH
    assert logo.height.pt > 0


def test_a_themes_logo_fills_the_covers_logo_slot(tmp_path: Path) -> None:
    import pdfplumber

    from wocdeck.pipeline import render

    require_renderer()
    theme = _theme_with(tmp_path, "logo.png")
    Image.new("RGB", (300, 100), "#0059C6").save(theme / "logo.png")
    deck = tmp_path / "deck.yaml"
    seed = SEED_DECK.read_text(encoding="utf-8")
    deck.write_text(seed.replace("theme: wipo", f"theme: {theme}", 1), encoding="utf-8")
    output = render(deck, tmp_path / "deck.pptx").output
    cover = Presentation(str(output)).slides[0]
    (slot,) = [s for s in cover.slide_layout.placeholders if s.name == "Logo"]
    (logo,) = [s for s in cover.placeholders if s.name == "Logo"]  # the slot, filled
    assert logo.placeholder_format.idx == slot.placeholder_format.idx
    assert_opens_cleanly(output)
    pdfcheck.convert([output])
    with pdfplumber.open(output.with_suffix(".pdf")) as pdf:
        (image,) = pdf.pages[0].images
        drawn = [round(float(image[k])) for k in ("x0", "top", "x1", "bottom")]
    assert drawn == [48, 36, 48 + 144, 36 + 48]  # at the cover's top left, 48 pt high
