"""Picture files: every unusable one is refused in plain words; good ones are measured."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT
from wocdeck.read.images import MAX_BYTES, ImageError, read_image

SHOWCASE = ROOT / "examples" / "pictures"


def _png(path: Path, size: tuple[int, int] = (40, 20)) -> Path:
    Image.new("RGB", size, "#0059C6").save(path)
    return path


def _huge_png_header(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims width x height pixels (a decompression bomb's shape)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + ihdr + end)
    return path


@pytest.mark.parametrize("name", ["seminar.jpg", "office.png", "services.svg"])
def test_the_showcase_pictures_are_read_with_their_shape(name: str) -> None:
    image = read_image(SHOWCASE / name)
    expected = {"seminar.jpg": 1.6, "office.png": 1.0, "services.svg": 1.6}[name]
    assert image.aspect == pytest.approx(expected)
    assert image.blob == (SHOWCASE / name).read_bytes()


def test_a_gif_is_a_picture(tmp_path: Path) -> None:
    Image.new("P", (30, 10)).save(tmp_path / "a.gif")
    image = read_image(tmp_path / "a.gif")
    assert (image.kind, image.content_type, image.width, image.height) == (
        "gif",
        "image/gif",
        30,
        10,
    )


def test_an_svg_keeps_its_drawing_and_gets_a_png_rendering() -> None:
    image = read_image(SHOWCASE / "services.svg")
    assert image.kind == "svg" and image.content_type == "image/svg+xml"
    assert image.fallback.startswith(b"\x89PNG")
    import io

    with Image.open(io.BytesIO(image.fallback)) as rendering:
        assert rendering.size == (1600, 1000)


def _refused(path: Path) -> str:
    with pytest.raises(ImageError) as caught:
        read_image(path)
    assert str(path) in caught.value.message or path.name in caught.value.message
    assert caught.value.hint
    return caught.value.message


def test_unusable_pictures_are_refused_in_plain_words(tmp_path: Path) -> None:
    assert "does not exist" in _refused(tmp_path / "missing.png")
    (tmp_path / "folder.png").mkdir()
    assert "is a folder" in _refused(tmp_path / "folder.png")
    (tmp_path / "text.png").write_text("not a picture")
    assert "not a picture wocdeck can read" in _refused(tmp_path / "text.png")
    whole = _png(tmp_path / "whole.png", (400, 400)).read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])
    assert "damaged or incomplete" in _refused(tmp_path / "cut.png")
    Image.new("RGB", (10, 10)).save(tmp_path / "a.bmp")
    assert "BMP format" in _refused(tmp_path / "a.bmp")


def test_huge_pictures_are_refused_before_they_are_decoded(tmp_path: Path) -> None:
    message = _refused(_huge_png_header(tmp_path / "bomb.png", 12_000, 10_000))
    assert "12,000 x 10,000 pixels" in message and "at most 100 million" in message
    message = _refused(_huge_png_header(tmp_path / "b.png", 60_000, 60_000))
    assert "far more than 100 million pixels" in message
    big = tmp_path / "big.jpg"
    with open(big, "wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written
    assert "at most 50 MB" in _refused(big)


def test_unusable_drawings_are_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'")
    assert "not a readable SVG" in _refused(tmp_path / "broken.svg")
    (tmp_path / "sizeless.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert "does not say its size" in _refused(tmp_path / "sizeless.svg")
    (tmp_path / "html.svg").write_text("<html><body/></html>")
    assert "not an SVG drawing" in _refused(tmp_path / "html.svg")
    (tmp_path / "thin.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='100000000'/>"
    )
    assert "too narrow" in _refused(tmp_path / "thin.svg")


def test_a_drawing_of_enormous_size_is_rendered_at_a_bounded_size(tmp_path: Path) -> None:
    # resvg aborts the whole process on a drawing this big unless the size is given
    (tmp_path / "vast.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='100000000' height='50000000'>"
        "<rect width='100%' height='100%' fill='red'/></svg>"
    )
    image = read_image(tmp_path / "vast.svg")
    assert image.aspect == 2 and len(image.fallback) < 1_000_000


def test_a_photo_taken_sideways_is_stored_upright(tmp_path: Path) -> None:
    photo = Image.new("RGB", (400, 200), "#0059C6")
    exif = photo.getexif()
    exif[0x0112] = 6  # the camera was turned: show it rotated a quarter turn
    photo.save(tmp_path / "sideways.jpg", exif=exif)
    image = read_image(tmp_path / "sideways.jpg")
    assert (image.width, image.height) == (200, 400)
    import io

    with Image.open(io.BytesIO(image.blob)) as stored:
        assert stored.size == (200, 400)
        assert stored.getexif().get(0x0112, 1) == 1
