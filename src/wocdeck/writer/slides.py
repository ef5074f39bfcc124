"""Add slides and notes slides to a python-pptx presentation in constant time each.

python-pptx's own path is linear in the number of slides for every slide it adds, so a deck
grows quadratically:

- `PresentationPart.add_slide` → `Part.relate_to` → `_Relationships._get_matching` rebuilds a
  by-type index of *all* the presentation's relationships to look for an existing one;
- `CT_SlideIdList._next_id` reads every `p:sldId` to find the largest id;
- `NotesSlidePart.new` → `OpcPackage.next_partname` walks every part of the package to find a
  free `/ppt/notesSlides/notesSlideN.xml`.

`SlideAdder` keeps its own counters for those three. Slides and notes slides are plain parts
whose XML the writer supplies (see markup.py), so python-pptx does not parse and re-serialize
them; it still owns the package, the relationships and the saving. The result has the part
names, slide ids and relationships python-pptx would give slides appended in order
(tests/writer/test_slides.py compares them).
"""

from __future__ import annotations

import hashlib

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.parts.image import ImagePart
from pptx.presentation import Presentation
from pptx.shapes.placeholder import _BaseSlidePlaceholder
from pptx.slide import SlideLayout

from wocdeck.writer import markup

_MIN_SLIDE_ID = 256
_EXTENSIONS = {"jpeg": "jpg"}  # a picture kind's file extension, where they differ
_NOTES_CLONED = ("sldImg", "body", "sldNum")  # what python-pptx copies from the notes master


class SlideAdder:
    """Appends slides to one presentation; the only code that should add slides to it."""

    def __init__(self, prs: Presentation) -> None:
        self._part = prs.part
        self._package = prs.part.package
        self._slide_ids = prs.slides._sldIdLst
        ids = [int(i) for i in self._slide_ids.xpath("./p:sldId/@id")]
        self._next_id = max([_MIN_SLIDE_ID - 1, *ids]) + 1
        self._next_slide = len(ids) + 1
        names = {str(part.partname) for part in self._package.iter_parts()}
        self._next_notes = 1
        while f"/ppt/notesSlides/notesSlide{self._next_notes}.xml" in names:
            self._next_notes += 1
        self._images: dict[str, ImagePart] = {}  # SHA-1 of the bytes → their part
        self._notes_master: Part | None = None
        self._notes_placeholders: list[markup.Placeholder] = []

    def add_slide(self, layout: SlideLayout) -> Part:
        """Append an empty slide part based on layout; the caller sets its XML as `blob`."""
        partname = PackURI(f"/ppt/slides/slide{self._next_slide}.xml")
        slide_part = Part(partname, CT.PML_SLIDE, self._package)
        slide_part.rels._add_relationship(RT.SLIDE_LAYOUT, layout.part)
        rId = self._part.rels._add_relationship(RT.SLIDE, slide_part)
        self._slide_ids._add_sldId(id=self._next_id, rId=rId)
        self._next_id += 1
        self._next_slide += 1
        return slide_part

    def add_image(self, slide_part: Part, image_file: str) -> tuple[str, tuple[int, int]]:
        """Relate an image to a slide; returns its rId and its native size in EMU."""
        image_part = self._package.get_or_add_image_part(image_file)
        rId = slide_part.rels._add_relationship(RT.IMAGE, image_part)
        return rId, image_part.scale(None, None)

    def add_image_bytes(
        self, slide_part: Part, blob: bytes, extension: str, content_type: str
    ) -> str:
        """Relate a picture's bytes to a slide; the same bytes are one part however often
        they are shown. Returns the relationship's id."""
        digest = hashlib.sha1(blob).hexdigest()
        part = self._images.get(digest)
        if part is None:
            partname = self._package.next_image_partname(_EXTENSIONS.get(extension, extension))
            part = ImagePart(partname, content_type, self._package, blob)
            self._images[digest] = part
        return slide_part.relate_to(part, RT.IMAGE)

    def add_notes(self, slide_part: Part, text: str, *, rtl: bool = False) -> None:
        """Give a slide a notes slide holding text (only ever for slides with notes)."""
        if self._notes_master is None:
            self._notes_master = self._part.notes_master_part
            list_notes_master(self._part, self._notes_master)
            master = self._notes_master.notes_master
            self._notes_placeholders = inherited_placeholders(master.placeholders, _NOTES_CLONED)
        partname = PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")
        xml = markup.notes(self._notes_placeholders, text, rtl=rtl)
        notes_part = Part(partname, CT.PML_NOTES_SLIDE, self._package, xml)
        notes_part.rels._add_relationship(RT.NOTES_MASTER, self._notes_master)
        notes_part.rels._add_relationship(RT.SLIDE, slide_part)
        slide_part.rels._add_relationship(RT.NOTES_SLIDE, notes_part)
        self._next_notes += 1


def inherited_placeholders(
    placeholders: list[_BaseSlidePlaceholder], kinds: tuple[str, ...]
) -> list[markup.Placeholder]:
    """Placeholders as slides copy them: the p:ph attributes and the name without its number."""
    found = []
    for placeholder in placeholders:
        ph = placeholder.element.ph
        kind = ph.get("type", "obj")
        if kind in kinds:
            attributes = "".join(f' {k}="{markup.attribute(v)}"' for k, v in ph.attrib.items())
            stem, _, number = placeholder.name.rpartition(" ")
            name = stem if number.isdigit() else placeholder.name
            found.append(markup.Placeholder(kind, attributes, name))
    return found


def list_notes_master(presentation_part: Part, notes_master: Part) -> None:
    """List the notes master in `p:notesMasterIdLst`, as PowerPoint does (python-pptx only
    relates it; some readers lose the notes without the list)."""
    element = presentation_part._element
    if element.find(qn("p:notesMasterIdLst")) is not None:
        return
    rId = presentation_part.relate_to(notes_master, RT.NOTES_MASTER)
    listing = OxmlElement("p:notesMasterIdLst")
    entry = OxmlElement("p:notesMasterId")
    entry.set(qn("r:id"), rId)
    listing.append(entry)
    masters = element.find(qn("p:sldMasterIdLst"))
    if masters is not None:
        masters.addnext(listing)
    else:
        element.insert(0, listing)
