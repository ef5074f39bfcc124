"""Picture slides: placed without distortion, described or decorative, stored once."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from tests.conftest import ROOT, refused, write_deck
from tests.ooxml import assert_opens_cleanly

PICTURES = ROOT / "examples" / "pictures"
HEAD = """\
event:
  office: WIPO Office in China
  acronym: WOC
  title: Side-Event
  date: 2018-09-27
closing: Thank you.
slides:
"""
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
}


def _deck(tmp_path: Path, slides: str) -> Path:
    for picture in PICTURES.iterdir():
        shutil.copy(picture, tmp_path / picture.name)
    return write_deck(tmp_path, HEAD + slides)


def _render(tmp_path: Path, slides: str) -> Path:
    from wocdeck.pipeline import render

    deck = _deck(tmp_path, slides)
    return render(deck, deck.with_suffix(".pptx")).output


def _pictures(pptx: Path) -> list[tuple[int, etree._Element]]:
    """Every p:pic of the deck with its slide's number."""
    found = []
    for number, slide in enumerate(Presentation(str(pptx)).slides, start=1):
        found += [(number, pic) for pic in slide._element.iterfind(".//p:pic", NS)]
    return found


PHOTO = """\
  - title: A Seminar
    picture:
      file: seminar.jpg
      alt: A seminar room seen from the back
      caption: Seminar on the PCT, Beijing
  - title: The Office
    picture: {file: office.png, decorative: true, fit: crop}
  - title: Services
    picture: {file: services.svg, alt: Four linked services}
  - title: The Seminar Again
    picture: {file: seminar.jpg, alt: The same seminar}
"""


def test_pictures_have_alt_text_or_the_decorative_flag_never_the_file_name(
    tmp_path: Path,
) -> None:
    pictures = _pictures(_render(tmp_path, PHOTO))
    assert len(pictures) == 4
    for _, pic in pictures:
        properties = pic.find("p:nvPicPr/p:cNvPr", NS)
        decorative = properties.find("a:extLst/a:ext/adec:decorative", NS)
        assert (properties.get("descr") is not None) != (decorative is not None)
        assert not any(name in (properties.get("descr") or "") for name in ("seminar.", "office."))
    described = [pic.find("p:nvPicPr/p:cNvPr", NS).get("descr") for _, pic in pictures]
    assert described[0] == "A seminar room seen from the back"
    flag = pictures[1][1].find("p:nvPicPr/p:cNvPr/a:extLst/a:ext/adec:decorative", NS)
    assert flag.get("val") == "1"


def test_identical_pictures_are_stored_once(tmp_path: Path) -> None:
    pptx = _render(tmp_path, PHOTO)
    with zipfile.ZipFile(pptx) as package:
        media = [n for n in package.namelist() if n.startswith("ppt/media/")]
    # seminar.jpg twice, office.png, services.svg and its PNG rendering
    assert sorted(Path(n).suffix for n in media) == [".jpg", ".png", ".png", ".svg"]


def test_an_svg_is_embedded_natively_with_a_png_fallback(tmp_path: Path) -> None:
    pptx = _render(tmp_path, PHOTO)
    number, pic = _pictures(pptx)[2]
    slide = Presentation(str(pptx)).slides[number - 1]
    blip = pic.find("p:blipFill/a:blip", NS)
    svg = blip.find("a:extLst/a:ext/asvg:svgBlip", NS)
    main = slide.part.rels[blip.get(f"{{{NS['r']}}}embed")].target_part
    drawing = slide.part.rels[svg.get(f"{{{NS['r']}}}embed")].target_part
    assert (main.content_type, drawing.content_type) == ("image/png", "image/svg+xml")
    assert drawing.blob == (PICTURES / "services.svg").read_bytes()


def _box(pic: etree._Element) -> tuple[float, float, float, float]:
    offset, extent = pic.find("p:spPr/a:xfrm/a:off", NS), pic.find("p:spPr/a:xfrm/a:ext", NS)
    x, y = Emu(int(offset.get("x"))).pt, Emu(int(offset.get("y"))).pt
    return x, y, Emu(int(extent.get("cx"))).pt, Emu(int(extent.get("cy"))).pt


def test_pictures_keep_their_shape_fitted_or_cropped(tmp_path: Path) -> None:
    pictures = _pictures(_render(tmp_path, PHOTO))
    _, _, width, height = _box(pictures[0][1])
    assert width / height == pytest.approx(1.6, rel=0.01)  # seminar.jpg, 1600 x 1000
    assert pictures[0][1].find("p:blipFill/a:srcRect", NS) is None
    _, _, width, height = _box(pictures[1][1])  # office.png is square, cropped to the frame
    cut = pictures[1][1].find("p:blipFill/a:srcRect", NS)
    top, bottom = int(cut.get("t")), int(cut.get("b"))
    assert top == bottom > 0 and cut.get("l") == cut.get("r") == "0"
    assert width / height == pytest.approx(1 / (1 - 2 * top / 100_000), rel=0.01)


def test_a_caption_sits_under_its_picture(tmp_path: Path) -> None:
    pptx = _render(tmp_path, PHOTO)
    slide = Presentation(str(pptx)).slides[1]
    _, y, _, height = _box(_pictures(pptx)[0][1])
    caption = next(s for s in slide.shapes if s.has_text_frame and "Seminar on" in s.text)
    assert caption.text == "Seminar on the PCT, Beijing"
    assert y + height <= caption.top.pt <= y + height + 10


def test_a_picture_in_a_column_and_the_package_opens_cleanly(tmp_path: Path) -> None:
    pptx = _render(
        tmp_path,
        PHOTO
        + """\
  - title: Two Columns
    columns:
      - picture: {file: services.svg, alt: Four linked services, caption: One door}
      - points: [PCT, Madrid, Hague]
""",
    )
    assert_opens_cleanly(pptx)
    number, pic = _pictures(pptx)[-1]
    x, _, width, _ = _box(pic)
    assert number == 6 and x + width < 480  # in the left half


def _error(tmp_path: Path, cli, slides: str) -> str:
    return refused(cli, _deck(tmp_path, slides))


@pytest.mark.parametrize(
    ("picture", "message"),
    [
        ("{file: seminar.jpg}", "9:14: error: a picture needs alt text"),
        ("{file: seminar.jpg, alt: x, decorative: true}", "either described (alt:) or decorative"),
        ("{file: nope.png, alt: x}", "9:21: error: the picture"),
        ("{file: seminar.jpg, alt: x, fit: stretch}", "9:"),
    ],
)
def test_bad_pictures_are_located_errors(tmp_path: Path, cli, picture: str, message: str) -> None:
    assert message in _error(tmp_path, cli, f"  - title: T\n    picture: {picture}\n")


def test_corrupt_and_huge_pictures_are_located_errors(tmp_path: Path, cli) -> None:
    Image.new("RGB", (300, 300), "red").save(tmp_path / "whole.png")
    (tmp_path / "cut.png").write_bytes((tmp_path / "whole.png").read_bytes()[:200])
    err = _error(tmp_path, cli, "  - title: T\n    picture: {file: cut.png, alt: x}\n")
    assert "deck.yaml:9:21: error: the picture" in err and "damaged or incomplete" in err
    with open(tmp_path / "big.jpg", "wb") as stream:
        stream.truncate(60_000_000)
    err = _error(tmp_path, cli, "  - title: T\n    picture: {file: big.jpg, alt: x}\n")
    assert "9:21: error:" in err and "a picture may be at most 50 MB" in err


def test_an_arabic_deck_mirrors_where_pictures_stand_not_the_pictures(tmp_path: Path) -> None:
    column = """\
  - title: Two Columns
    columns:
      - picture: {file: services.svg, alt: Four linked services}
      - points: [PCT, Madrid, Hague]
"""
    from wocdeck.pipeline import render

    boxes = []
    for language in ("en", "ar"):
        folder = tmp_path / language
        folder.mkdir()
        deck = _deck(folder, column)
        deck.write_text(f"language: {language}\n" + deck.read_text("utf-8"), "utf-8")
        pptx = render(deck, deck.with_suffix(".pptx")).output
        width = Emu(Presentation(str(pptx)).slide_width).pt
        ((_, pic),) = _pictures(pptx)
        boxes.append(_box(pic))
        assert pic.find("p:spPr/a:xfrm", NS).get("flipH") is None  # the drawing is not flipped
    (x, y, w, h), (x_ar, y_ar, w_ar, h_ar) = boxes
    assert (y_ar, w_ar, h_ar) == (y, w, h)
    assert x_ar == pytest.approx(width - x - w, abs=0.01)
