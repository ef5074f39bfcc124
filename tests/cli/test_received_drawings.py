"""SVG drawings from a received folder: cleaned before they are stored or drawn, drawn in a
box (no file read, a time and a memory limit), their failures located errors."""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tests.active import active_content
from tests.conftest import MINIMAL, Cli, write_deck
from tests.ooxml import assert_opens_cleanly
from wocdeck.read import svg

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
HEAD += 'viewBox="0 0 100 100" width="100" height="100"'


def _deck(folder: Path, drawing: str) -> Path:
    (folder / "drawing.svg").write_text(drawing, encoding="utf-8")
    slide = "slides:\n  - title: Probe\n    picture: {file: drawing.svg, alt: A probe}\n"
    return write_deck(folder, MINIMAL + slide)


def _refused(cli: Cli, deck: Path, words: str) -> str:
    code, _, err = cli("render", deck)
    assert code == 1 and "Traceback" not in err, err
    assert f"{deck}:7:" in err and "drawing.svg" in err and words in err, err
    assert not deck.with_suffix(".pptx").exists()
    return err


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG header claiming a size, with one tiny data chunk: a bomb that is not one."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))


def test_active_and_outside_content_is_removed(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "received"
    folder.mkdir()
    Image.new("RGB", (100, 100), "red").save(tmp_path / "private.png")
    (folder / "near.png").symlink_to(tmp_path / "private.png")
    drawing = (
        f'{HEAD} onload="alert(1)">'
        "<script>alert(2)</script>"
        f'<image href="file://{tmp_path}/private.png" width="100" height="100"/>'
        f'<image xlink:href="{tmp_path}/private.png" width="100" height="100"/>'
        '<image href="near.png" width="100" height="100"/>'
        '<image href="http://example.invalid/x.png" width="100" height="100"/>'
        '<a href="javascript:alert(3)"><rect width="10" height="10" fill="#0059C6"/></a>'
        '<foreignObject width="50" height="50"><div xmlns="http://www.w3.org/1999/xhtml">'
        "hi</div></foreignObject>"
        '<rect x="50" y="50" width="10" height="10" style="fill:url(http://example.invalid/f)"/>'
        "</svg>"
    )
    deck = _deck(folder, drawing)
    code, _, err = cli("render", deck)
    assert code == 0, err
    pptx = deck.with_suffix(".pptx")
    assert active_content(pptx) == []
    with zipfile.ZipFile(pptx) as package:
        names = package.namelist()
        stored = [package.read(n) for n in names if n.endswith(".svg")]
        fallback = [package.read(n) for n in names if n.startswith("ppt/media/") and "png" in n]
    assert len(stored) == 1 and b"#0059C6" in stored[0]  # the drawing itself is kept
    assert b"private.png" not in stored[0] and b"alert" not in stored[0]
    with Image.open(io.BytesIO(fallback[0])) as picture:  # the private picture was not drawn
        colours = picture.convert("RGB").getcolors(1_000_000) or []
    assert not any(count > 1000 and rgb == (255, 0, 0) for count, rgb in colours)
    assert_opens_cleanly(pptx)


def test_a_dtd_or_entities_are_refused(cli: Cli, tmp_path: Path) -> None:
    drawing = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        f"{HEAD}><text>&b;</text></svg>"
    )
    _refused(cli, _deck(tmp_path, drawing), "declares a DTD or entities")


def test_an_embedded_picture_is_counted_before_it_is_decoded(cli: Cli, tmp_path: Path) -> None:
    for side, words in ((6_000, "6,000 x 6,000 pixels"), (25_000, "far more than")):
        data = base64.b64encode(_png_claiming(side, side)).decode()
        drawing = f'{HEAD}><image href="data:image/png;base64,{data}" width="9" height="9"/>'
        _refused(cli, _deck(tmp_path, drawing + "</svg>"), words)


@pytest.mark.parametrize("depth", [150, 1000])
def test_deep_nesting_is_refused_before_it_is_drawn(cli: Cli, tmp_path: Path, depth: int) -> None:
    drawing = f"{HEAD}>" + "<g>" * depth + '<rect width="5" height="5"/>' + "</g>" * depth
    _refused(cli, _deck(tmp_path, drawing + "</svg>"), "more than 100 deep")


def test_a_drawing_that_spins_the_renderer_is_stopped(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svg, "RENDER_SECONDS", 3.0)
    drawing = (
        f'{HEAD}><filter id="f" x="-1000%" y="-1000%" width="10000%" height="10000%">'
        '<feMorphology radius="100000"/></filter>'
        '<rect width="100" height="100" filter="url(#f)"/></svg>'
    )
    _refused(cli, _deck(tmp_path, drawing), "takes more than 3 s to draw")


def test_a_crash_of_the_renderer_is_a_located_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svg, "_CHILD", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
    drawing = f'{HEAD}><rect width="100" height="100"/></svg>'
    _refused(cli, _deck(tmp_path, drawing), "ran out of memory or crashed")


def test_a_clean_drawing_is_stored_as_written(cli: Cli, tmp_path: Path) -> None:
    drawing = f'{HEAD}><rect width="100" height="60" fill="#1C94AB"/></svg>'
    deck = _deck(tmp_path, drawing)
    code, _, err = cli("render", deck)
    assert code == 0, err
    with zipfile.ZipFile(deck.with_suffix(".pptx")) as package:
        stored = [package.read(n) for n in package.namelist() if n.endswith(".svg")]
    assert stored == [drawing.encode()]
