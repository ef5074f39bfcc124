"""Add slides and notes slides to a python-pptx presentation in constant time each.

python-pptx's own path is linear in the number of slides for every slide it adds, so a deck
grows quadratically:

- `PresentationPart.add_slide` → `Part.relate_to` → `_Relationships._get_matching` rebuilds a
  by-type index of *all* the presentation's relationships to look for an existing one;
- `CT_SlideIdList._next_id` reads every `p:sldId` to find the largest id;
- `NotesSlidePart.new` → `OpcPackage.next_partname` walks every part of the package to find a
  free `/ppt/notesSlides/notesSlideN.xml`.

`SlideAdder` keeps its own counters for those three and otherwise calls python-pptx's own
constructors, so the result is the same package python-pptx would write for slides appended
in order (tests/test_writer_slides.py compares them).
"""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import Slide, SlideLayout

_MIN_SLIDE_ID = 256


class SlideAdder:
    """Appends slides to one presentation; the only code that should add slides to it."""

    def __init__(self, prs: Presentation) -> None:
        self._part = prs.part
        self._slide_ids = prs.slides._sldIdLst
        ids = [int(i) for i in self._slide_ids.xpath("./p:sldId/@id")]
        self._next_id = max([_MIN_SLIDE_ID - 1, *ids]) + 1
        self._next_slide = len(ids) + 1
        names = {str(part.partname) for part in self._part.package.iter_parts()}
        self._next_notes = 1
        while f"/ppt/notesSlides/notesSlide{self._next_notes}.xml" in names:
            self._next_notes += 1

    def add_slide(self, layout: SlideLayout) -> Slide:
        """Append a slide based on layout, with the layout's placeholders cloned."""
        partname = PackURI(f"/ppt/slides/slide{self._next_slide}.xml")
        slide_part = SlidePart.new(partname, self._part.package, layout.part)
        rId = self._part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        self._slide_ids._add_sldId(id=self._next_id, rId=rId)
        self._next_id += 1
        self._next_slide += 1
        return slide

    def add_notes(self, slide: Slide, text: str) -> None:
        """Give a slide a notes slide holding text (only ever called for slides with notes)."""
        master_part = self._part.notes_master_part
        partname = PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")
        notes_part = NotesSlidePart(
            partname, CT.PML_NOTES_SLIDE, self._part.package, CT_NotesSlide.new()
        )
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide.part, RT.SLIDE)
        notes = notes_part.notes_slide
        notes.clone_master_placeholders(master_part.notes_master)
        slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        notes.notes_text_frame.text = text
        self._next_notes += 1
