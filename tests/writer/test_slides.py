"""The constant-time slide adder writes the package plain python-pptx would."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from wocdeck.writer import markup
from wocdeck.writer.package import save
from wocdeck.writer.slides import SlideAdder

NOTES = {0: "first", 2: "third", 3: "fourth"}
LINK = "https://www.wipo.int/about-wipo/en/offices/china/?a=1&b=<2>"  # an external target


def _plain() -> bytes:
    prs = Presentation()
    for index in range(6):
        slide = prs.slides.add_slide(prs.slide_layouts[index % 2])
        if index in NOTES:
            slide.notes_slide.notes_text_frame.text = NOTES[index]
        if index == 1:
            slide.shapes.title.text_frame.paragraphs[0].add_run().hyperlink.address = LINK
    return _save(prs)


def _adder() -> bytes:
    prs = Presentation()
    adder = SlideAdder(prs)
    for index in range(6):
        part = adder.add_slide(prs.slide_layouts[index % 2])
        part.blob = markup.slide([])
        if index in NOTES:
            adder.add_notes(part, NOTES[index])
        if index == 1:
            part.rels.get_or_add_ext_rel(RT.HYPERLINK, LINK)
    return save(prs)


def _save(prs) -> bytes:
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_same_part_names_ids_and_relationships_as_python_pptx() -> None:
    plain, fast = _parts(_plain()), _parts(_adder())
    assert list(plain) == list(fast)  # the same members in the same order
    same = ["[Content_Types].xml"]
    same += [name for name in plain if name.endswith(".rels")]  # every relationship
    for name in same:
        assert plain[name] == fast[name], name
    # Slide ids and their rIds as python-pptx writes them, plus the notes master's listing.
    listing = b'<p:notesMasterIdLst><p:notesMasterId r:id="rId8"/></p:notesMasterIdLst>'
    assert fast["ppt/presentation.xml"].replace(listing, b"") == plain["ppt/presentation.xml"]
    assert listing in fast["ppt/presentation.xml"]
    assert b'TargetMode="External"' in fast["ppt/slides/_rels/slide2.xml.rels"]


def test_notes_slides_are_the_xml_python_pptx_writes() -> None:
    plain, fast = _parts(_plain()), _parts(_adder())
    for number in (1, 2, 3):
        name = f"ppt/notesSlides/notesSlide{number}.xml"
        assert _canonical(plain[name]) == _canonical(fast[name]), name


def _canonical(xml: bytes) -> bytes:
    """XML with attribute order and namespace declarations normalised (C14N 2.0)."""
    return etree.canonicalize(etree.fromstring(xml), strip_text=True).encode()


def test_notes_text_and_slide_ids() -> None:
    prs = Presentation(io.BytesIO(_adder()))
    assert [s.slide_id for s in prs.slides] == [256, 257, 258, 259, 260, 261]
    notes = {
        i: s.notes_slide.notes_text_frame.text
        for i, s in enumerate(prs.slides)
        if s.has_notes_slide
    }
    assert notes == NOTES
