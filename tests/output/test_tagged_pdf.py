"""PDFs a screen reader can read: tagged (structure tree, marked), with title and language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf

from tests.conftest import ROOT, Cli
from wocdeck.output.pdf_language import with_language

TITLE = "WIPO Office in China – Side-Event at the 2018 WIPO Assemblies"


def _tags(pdf: Path) -> tuple[bool, object, str, str]:
    """Whether the PDF has a structure tree; its /MarkInfo, /Lang and document title."""
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    title = reader.metadata.title if reader.metadata else ""
    return "/StructTreeRoot" in root, root.get("/MarkInfo"), str(root.get("/Lang", "")), title


def test_the_seeds_pdf_is_tagged_with_its_title_and_language(
    seed_copy: Path, cli: Cli, renderer
) -> None:
    code, _, err = cli("render", seed_copy, "--pdf")
    assert code == 0, err
    tree, marks, language, title = _tags(seed_copy.with_suffix(".pdf"))
    assert tree and marks == {"/Marked": True}
    assert language == "en-US" and title == TITLE


def test_a_translated_pdf_says_its_own_language(tmp_path: Path, cli: Cli, renderer) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    deck = tmp_path / "examples" / "translated.yaml"
    code, _, err = cli("render", deck, "--lang", "ar", "--pdf")
    assert code == 0, err
    tree, marks, language, title = _tags(deck.with_name("translated.ar.pdf"))
    assert tree and marks == {"/Marked": True}
    assert language == "ar" and title.startswith("مكتب الويبو في الصين")


def test_the_watch_sessions_pdf_is_tagged_too(seed_copy: Path, renderer) -> None:
    from wocdeck.output.session import LibreOffice
    from wocdeck.pipeline import render

    pptx = render(seed_copy, seed_copy.with_suffix(".pptx")).output
    office = LibreOffice()
    try:
        pdf = office.to_pdf(pptx, seed_copy.with_suffix(".pdf"))
    finally:
        office.close()
    tree, marks, language, title = _tags(pdf)
    assert tree and marks == {"/Marked": True}
    assert language == "en-US" and title == TITLE


def test_the_language_is_added_after_the_pages_which_stay_as_they_were() -> None:
    import io

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    original = io.BytesIO()
    writer.write(original)
    changed = with_language(original.getvalue(), "fr")
    assert changed.startswith(original.getvalue())
    assert pypdf.PdfReader(io.BytesIO(changed)).trailer["/Root"]["/Lang"] == "fr"
    assert with_language(changed, "fr-FR") == changed  # already French: left as it is
