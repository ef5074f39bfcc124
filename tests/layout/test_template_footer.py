"""A derived footer through a 4:3 template: its short form at 10 pt or more, never cut with
"…", as LibreOffice draws it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import SEED_DECK, require_renderer
from tests.pdfstyle import footer_runs
from tests.templates import four_three_calibri
from wocdeck.pipeline import render

SEED_TITLE = "title: Side-Event at the 2018 WIPO Assemblies"
LONG_TITLE = (
    "title: Side-Event of the WIPO Office in China at the 2018 Assemblies of the Member States "
    "of WIPO"
)
# deck → the footer every content slide shows
FOOTERS = {
    "seed": "WOC · Side-Event at the 2018 WIPO Assemblies",  # the acronym for the office
    "long title": "WOC · 2018",  # acronym and year: even the acronym and title are too long
}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list]]:
    """The seed, and the seed with a long event title, through the 4:3 Calibri template and
    LibreOffice: deck → (output, its pages)."""
    require_renderer()
    folder = tmp_path_factory.mktemp("footer")
    template = four_three_calibri(folder)
    seed = SEED_DECK.read_text(encoding="utf-8")
    assert SEED_TITLE in seed
    long = folder / "long.yaml"
    long.write_text(seed.replace(SEED_TITLE, LONG_TITLE), encoding="utf-8")
    outputs = {
        "seed": render(SEED_DECK, folder / "seed.pptx", template=template).output,
        "long title": render(long, folder / "long.pptx", template=template).output,
    }
    pages = pdfcheck.convert(list(outputs.values()))
    return {name: (output, pages[output]) for name, output in outputs.items()}


@pytest.mark.parametrize("deck", list(FOOTERS))
def test_a_derived_footer_takes_its_short_form_before_any_ellipsis(drawn, deck: str) -> None:
    output, pages = drawn[deck]
    boxes = pdfcheck.frames(output)
    shown = 0
    for number, (page, shapes) in enumerate(zip(pages, boxes, strict=True), start=1):
        box = next((f for f in shapes if f.name.startswith("Footer")), None)
        if box is None:  # the cover and the closing
            continue
        words = [w for w in page.words if box.x0 - 1 <= w.x0 and w.x1 <= box.x1 + 1]
        words = [w for w in words if box.y0 - 1 <= w.y0 and w.y1 <= box.y1 + 1]
        text = " ".join(w.text for w in words)
        assert text == FOOTERS[deck], (number, text)  # whole: no "…"
        assert min(w.y1 - w.y0 for w in words) >= 10 - 0.1, number  # em boxes: the size
        assert max(w.y0 for w in words) - min(w.y0 for w in words) <= 1  # one line
        shown += 1
    assert shown >= 12  # every slide but the cover and the closing
    sizes = {r.size for runs in footer_runs(output.with_suffix(".pdf")).values() for r in runs}
    assert sizes and min(sizes) >= 10, sizes
