"""`template:`, --template and `template check` from the command line; bad templates."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from tests.conftest import MINIMAL, run_wocdeck, write_deck
from tests.templates import PANDOC_NAMES, TEMPLATES, _keep, _save
from wocdeck.errors import Location
from wocdeck.look.load import bundled_template
from wocdeck.look.template import MAX_TEMPLATE_BYTES, read_template

DECK = MINIMAL + "year_ahead: [One, Two]\nclosing: Thank you.\n"


def _not_a_zip(folder: Path) -> Path:
    path = folder / "corp.potx"
    path.write_text("this is not a template", encoding="utf-8")
    return path


def _word_document(folder: Path) -> Path:
    path = folder / "corp.potx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr("word/document.xml", "<w:document/>")
    return path


def _encrypted(folder: Path) -> Path:
    path = folder / "corp.potx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


def _too_large(folder: Path) -> Path:
    path = folder / "corp.potx"
    with path.open("wb") as handle:
        handle.truncate(MAX_TEMPLATE_BYTES + 1)  # sparse: nothing is written to disk
    return path


def _no_layouts(folder: Path) -> Path:
    prs = Presentation()
    _keep(prs, [])
    return _save(prs, folder / "corp.pptx")


def _layouts_without_placeholders(folder: Path) -> Path:
    prs = Presentation()
    for layout in prs.slide_layouts:
        for placeholder in list(layout.placeholders):
            placeholder.element.getparent().remove(placeholder.element)
    return _save(prs, folder / "corp.pptx")


def _no_title_anywhere(folder: Path) -> Path:
    prs = Presentation()
    _keep(prs, ["Blank"])
    return _save(prs, folder / "corp.pptx")


def _broken_relationship(folder: Path) -> Path:
    good = TEMPLATES["pandoc"](folder)
    data = good.read_bytes()
    path = folder / "corp.pptx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if info.filename != "ppt/theme/theme1.xml":
                target.writestr(info, source.read(info))
    return path


def _missing(folder: Path) -> Path:
    return folder / "nowhere.potx"


def _folder(folder: Path) -> Path:
    (folder / "corp.potx").mkdir()
    return folder / "corp.potx"


BAD = {
    "not a zip": (_not_a_zip, "is not a PowerPoint template (.potx or .pptx)"),
    "a zip that is not a presentation": (_word_document, "is a zip file but not a PowerPoint"),
    "encrypted": (_encrypted, "is password-protected (encrypted) or an old .ppt/.pot file"),
    "no layouts": (_no_layouts, "has no slide layouts"),
    "missing file": (_missing, "does not exist"),
    "a folder": (_folder, "is a folder"),
    "over 200 MB": (_too_large, "a template may be at most 200 MB"),
    "layouts without placeholders": (_layouts_without_placeholders, "layouts without placeholders"),
    "no title placeholder": (_no_title_anywhere, "none of its layouts has a title placeholder"),
    "broken relationship": (_broken_relationship, "refers to ppt/theme/theme1.xml, which is not"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_template_is_a_plain_error_and_nothing_is_written(
    tmp_path: Path, cli, case: str
) -> None:
    make, message = BAD[case]
    template = make(tmp_path)
    deck = write_deck(tmp_path, DECK)
    previous = tmp_path / "deck.pptx"
    previous.write_bytes(b"the deck from last year")
    before = sorted(tmp_path.iterdir())
    code, out, err = cli("render", deck, "--template", template)
    assert code == 1, (out, err)
    assert message in err and err.startswith(f"{template}: error: ")
    assert "Traceback" not in err and "internal error" not in err
    assert previous.read_bytes() == b"the deck from last year"
    assert sorted(tmp_path.iterdir()) == before  # no temporary or half-written file


@pytest.mark.parametrize("case", ["not a zip", "no title placeholder", "broken relationship"])
def test_template_check_says_what_is_wrong(tmp_path: Path, cli, case: str) -> None:
    make, message = BAD[case]
    code, _out, err = cli("template", "check", make(tmp_path))
    assert code == 1 and message in err and "Traceback" not in err


def test_template_check_lists_layouts_roles_and_fallbacks(tmp_path: Path, cli) -> None:
    code, out, err = cli("template", "check", TEMPLATES["no-section"](tmp_path))
    assert code == 0, err
    assert "no-section.pptx: 6 layouts, slides 720 x 540 pt (4:3)" in out
    assert "  'Title Slide' (type title; ctrTitle, subTitle, dt, ftr, sldNum) -> cover" in out
    assert "  cover: 'Title Slide' (by layout type 'title')" in out
    assert (
        "  section: 'Title Only' (composed by wocdeck on 'Title Only': no layout for section "
        "dividers)"
    ) in out
    assert "fallbacks: none" in out
    assert out.rstrip().endswith("ok, this template can make the report")


def test_deck_template_is_relative_to_the_deck_and_the_option_wins(tmp_path: Path) -> None:
    brand = tmp_path / "office" / "brand"
    brand.mkdir(parents=True)
    template = TEMPLATES["renamed"](brand)
    deck = write_deck(tmp_path / "office", "template: brand/renamed.potx\n" + DECK)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = run_wocdeck("render", deck, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    prs = Presentation(str(deck.with_suffix(".pptx")))
    assert prs.slides[0].slide_layout.name == "Deckblatt"
    other = TEMPLATES["pandoc"](tmp_path)
    done = run_wocdeck("render", deck, "--template", other, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert Presentation(str(deck.with_suffix(".pptx"))).slides[0].slide_layout.name == (
        "Title Slide"
    )
    assert template.is_file()


def test_a_missing_deck_template_is_located_at_its_key(tmp_path: Path, cli) -> None:
    deck = write_deck(tmp_path, DECK + "template: corp.potx\n")
    code, _, err = cli("validate", deck)
    assert code == 1
    assert err.startswith(f"{deck}:7:11: error: the template file ")
    assert "corp.potx does not exist (check the path)" in err


def test_layouts_mapping_names_a_layout(tmp_path: Path, cli) -> None:
    TEMPLATES["pandoc"](tmp_path)
    mapped = "template: pandoc.pptx\nlayouts:\n  closing: Title Only\n"
    deck = write_deck(tmp_path, mapped + DECK)
    code, _out, err = cli("render", deck)
    assert code == 0, err
    prs = Presentation(str(deck.with_suffix(".pptx")))
    assert prs.slides[-1].slide_layout.name == "Title Only"
    assert "closing: layout 'Title Only' has no subtitle placeholder" in err  # drawn instead
    texts = [s for s in prs.slides[-1].shapes if s.has_text_frame and not s.is_placeholder]
    assert [s.text_frame.text for s in texts] == ["WIPO Office in China\nSeptember 27, 2018"]


@pytest.mark.parametrize(
    ("layouts", "message"),
    [
        (
            "  cover: Title Slid\n",
            "3:10: error: the template has no layout named 'Title Slid' (did you mean 'Title "
            "Slide'?)",
        ),
        ("  covr: Title Slide\n", "3:9: error: 'covr' is not a kind of slide in 'layouts:' "),
    ],
)
def test_a_wrong_layouts_mapping_is_located(tmp_path: Path, cli, layouts, message) -> None:
    TEMPLATES["pandoc"](tmp_path)
    deck = write_deck(tmp_path, "template: pandoc.pptx\nlayouts:\n" + layouts + DECK)
    code, _, err = cli("render", deck)
    assert code == 1 and message in err, err


def test_render_says_each_fallback_and_strict_refuses_it(tmp_path: Path, cli) -> None:
    prs = Presentation()  # pandoc's layouts without Title Only and Blank: nothing to compose on
    _keep(prs, [n for n in PANDOC_NAMES if n not in ("Title Only", "Blank")])
    for layout in prs.slide_layouts:
        layout.element.attrib.pop("type", None)
    template = _save(prs, tmp_path / "pandoc.pptx")
    deck = write_deck(tmp_path, DECK)
    code, _out, err = cli("render", deck, "--template", template)
    assert code == 0, err
    notes = [line for line in err.splitlines() if ": notice: " in line]
    assert notes == [
        f"{deck}: notice: template pandoc.pptx: closing: no layout for the closing slide; uses "
        "'Section Header', the section layout (name a layout in 'layouts:' or add one to the "
        "template)"
    ]
    (tmp_path / "deck.pptx").unlink()
    code, _out, err = cli("render", deck, "--template", template, "--strict")
    assert code == 1
    assert f"{deck}: error: template pandoc.pptx: closing: no layout for the closing" in err
    assert not (tmp_path / "deck.pptx").exists()


def test_macros_are_dropped_and_said_once(tmp_path: Path, cli) -> None:
    prs = Presentation()
    _keep(prs, PANDOC_NAMES)
    buffer = io.BytesIO()
    prs.save(buffer)
    template = tmp_path / "macros.pptm"
    macro_main = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(template, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"application/vnd.openxmlformats-officedocument.presentationml.presentation"
                    b".main+xml",
                    macro_main.encode(),
                ).replace(
                    b"</Types>",
                    b'<Override PartName="/ppt/vbaProject.bin" '
                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            if info.filename == "ppt/_rels/presentation.xml.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            target.writestr(info, blob)
        target.writestr("ppt/vbaProject.bin", b"Sub AutoOpen()\nEnd Sub\n")
    deck = write_deck(tmp_path, DECK)
    code, _out, err = cli("render", deck, "--template", template)
    assert code == 0, err
    assert err.count("has macros; they are not copied into the deck") == 1
    with zipfile.ZipFile(tmp_path / "deck.pptx") as output:
        assert not any("vba" in name.lower() for name in output.namelist())
        types = output.read("[Content_Types].xml").decode()
    assert "macroEnabled" not in types and "vbaProject" not in types


def test_validate_and_preview_take_the_option(tmp_path: Path, cli) -> None:
    deck = write_deck(tmp_path, DECK)
    code, out, _ = cli("validate", deck, "--template", TEMPLATES["calibri-4x3"](tmp_path))
    # a 4:3 slide's footer is narrower: it steps down to stay on one line, and says so
    assert code == 0 and out.strip().endswith(f"{deck}: ok (3 slides)")
    assert not (tmp_path / "deck.pptx").exists()
    code, _, err = cli("preview", deck, "--template", tmp_path / "missing.potx")
    assert code == 1 and "missing.potx does not exist" in err


def test_the_bundled_template_serves_every_role_without_fallback() -> None:
    from wocdeck.look.contract import SlideRole, make_contract

    contract = make_contract(read_template(bundled_template(), Location("t")), {})
    assert contract.fallbacks(tuple(SlideRole)) == []
    assert {role.value: contract.layout(role).name for role in SlideRole} == {
        "cover": "Cover",
        "content": "Title and Content",
        "figures": "Title and Content",
        "two_columns": "Two Content",
        "section": "Section",
        "statement": "Statement",
        "closing": "Closing",
    }
    assert os.path.getsize(bundled_template()) < 100_000
    types = etree.fromstring(zipfile.ZipFile(bundled_template()).read("[Content_Types].xml"))
    assert any("template.main+xml" in (o.get("ContentType") or "") for o in types)


def test_a_font_that_is_not_installed_is_measured_with_the_nearest_and_said_once(
    tmp_path: Path, cli
) -> None:
    from tests.templates import _set_theme

    prs = Presentation()
    _set_theme(prs, fonts=("Frutiger Next Pro", "Frutiger Next Pro"))
    template = _save(prs, tmp_path / "frutiger.pptx")
    deck = write_deck(tmp_path, DECK)
    code, _, err = cli("render", deck, "--template", template)
    assert code == 0, err
    notice = "the font 'Frutiger Next Pro' is not installed here; its text is measured with "
    assert err.count(notice) == 1
    assert "DejaVu Sans, a sans about as wide as Verdana" in err


def test_template_check_says_which_fonts_it_cannot_measure_exactly(tmp_path: Path, cli) -> None:
    from tests.templates import _set_theme

    prs = Presentation()
    _set_theme(prs, fonts=("Frutiger Next Pro", "Calibri"))
    code, out, _ = cli("template", "check", _save(prs, tmp_path / "frutiger.pptx"))
    assert code == 0
    assert "theme fonts Frutiger Next Pro (headings) / Calibri (body)" in out
    assert out.count("warning: the font 'Frutiger Next Pro' is not installed here") == 1
    assert "'Calibri'" not in out  # measured exactly with Carlito's widths


def test_a_layout_is_found_by_its_nearest_name(tmp_path: Path) -> None:
    from wocdeck.look.contract import SlideRole, make_contract

    prs = Presentation()
    _keep(prs, PANDOC_NAMES)
    for layout in prs.slide_layouts:
        layout.element.attrib.pop("type", None)
        if layout.name == "Section Header":
            layout.name = "Section Headers"
    template = read_template(_save(prs, tmp_path / "near.pptx"), Location("t"))
    choice = make_contract(template, {}).choices[SlideRole.SECTION]
    assert choice.layout.name == "Section Headers"
    assert choice.reason == "by nearest name: 'section header'"
    assert choice.fallback == ""
