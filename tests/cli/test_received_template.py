"""A received folder's template: taken apart and rebuilt, nothing active or external carried,
its bombs and broken parts refused with a located message (never an internal error)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.active import active_content
from tests.conftest import MINIMAL, ROOT, Cli, write_deck
from tests.ooxml import assert_opens_cleanly

WIPO = ROOT / "themes" / "wipo" / "wipo.potx"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout7.xml.rels"


def _template(folder: Path, change: dict[str, bytes | None]) -> Path:
    """The bundled template with members changed (None: removed), saved in folder."""
    out = io.BytesIO()
    with zipfile.ZipFile(WIPO) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in source.namelist():
            if name not in change:
                zf.writestr(name, source.read(name))
        for name, blob in change.items():
            if blob is not None:
                zf.writestr(name, blob)
    target = folder / "brand.potx"
    target.write_bytes(out.getvalue())
    return target


def _member(name: str) -> str:
    with zipfile.ZipFile(WIPO) as source:
        return source.read(name).decode()


def _with_rels(name: str, *rels: str) -> bytes:
    return _member(name).replace("</Relationships>", "".join(rels) + "</Relationships>").encode()


def _rel(rid: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"{mode}/>'


def _deck(folder: Path) -> Path:
    return write_deck(folder, "template: brand.potx\n" + MINIMAL)


def test_active_external_and_private_content_is_not_carried(cli: Cli, tmp_path: Path) -> None:
    master = _member(MASTER)
    link = '<a:hlinkClick xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    link += f'xmlns:r="{REL}" r:id="rId90"/></p:cNvPr>'
    master = re.sub(r"<p:cNvPr ([^>]*?)/>", r"<p:cNvPr \1>" + link, master, count=1)
    package_rels = _member("_rels/.rels").replace(
        "</Relationships>",
        _rel("rId9", "custom-properties", "docProps/custom.xml") + "</Relationships>",
    )
    _template(
        tmp_path,
        {
            MASTER: master.encode(),
            MASTER_RELS: _with_rels(
                MASTER_RELS,
                _rel("rId90", "hyperlink", "file:///etc/passwd", external=True),
                _rel("rId91", "image", "http://example.invalid/logo.png", external=True),
                _rel("rId92", "oleObject", "../embeddings/oleObject1.bin"),
                _rel("rId93", "control", "../activeX/activeX1.xml"),
            ),
            PRESENTATION_RELS: _with_rels(
                PRESENTATION_RELS,
                '<Relationship Id="rId94" Type="http://schemas.microsoft.com/office/2006/'
                'relationships/vbaProject" Target="vbaProject.bin"/>',
                _rel("rId95", "customXml", "../customXml/item1.xml"),
                _rel("rId96", "attachedTemplate", "file:///srv/x.potx", external=True),
            ),
            "ppt/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 an OLE object",
            "ppt/activeX/activeX1.xml": b'<?xml version="1.0"?><ax:ocx xmlns:ax="x"/>',
            "ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros",
            "customXml/item1.xml": b"<classified>Restricted</classified>",
            "_rels/.rels": package_rels.encode(),
            "docProps/custom.xml": b"<Properties><property name='Label'>Secret</property>"
            b"</Properties>",
            "docProps/app.xml": _member("docProps/app.xml")
            .replace("<Company></Company>", "<Company>Secret Corp</Company>")
            .encode(),
            "docProps/core.xml": b"<cp:coreProperties broken",
        },
    )
    deck = _deck(tmp_path)
    code, _, err = cli("render", deck)
    assert code == 0, err
    for kind in ("external links", "embedded objects (OLE)", "ActiveX controls", "macros"):
        assert err.count(f"has {kind}; they are not copied") == 1, err
    assert "custom XML" in err and "custom properties" in err
    pptx = deck.with_suffix(".pptx")
    assert active_content(pptx) == []
    with zipfile.ZipFile(pptx) as package:
        every = b"".join(package.read(n) for n in package.namelist())
    assert b"Secret" not in every and b"Restricted" not in every and b"passwd" not in every
    assert_opens_cleanly(pptx)


def _zero_part(size: int) -> dict[str, bytes | None]:
    return {"ppt/media/filler.xml": b"<a>" + b" " * size + b"</a>"}


PROBES = {
    "a part that expands 1000 times": (_zero_part(50_000_000), "as a zip bomb does"),
    "a DTD in a part": (
        {
            "ppt/theme/theme1.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>'
            + _member("ppt/theme/theme1.xml").split("?>", 1)[1].encode()
        },
        "declares a DTD or entities",
    ),
    "a slide size of zero": (
        {
            "ppt/presentation.xml": re.sub(
                r'cx="\d+"', 'cx="0"', _member("ppt/presentation.xml"), count=1
            ).encode()
        },
        "PowerPoint's slides are 1 to 56 inches",
    ),
    "a slide size that is not a number": (
        {
            "ppt/presentation.xml": re.sub(
                r'cx="\d+"', 'cx="1e18"', _member("ppt/presentation.xml"), count=1
            ).encode()
        },
        "is damaged",
    ),
    "a reference to a relationship the part does not have": (
        {MASTER_RELS: _member(MASTER_RELS).replace('Id="rId1"', 'Id="rId999"').encode()},
        "refers to a relationship 'rId1' it does not have",
    ),
    "a layout that says it is something else": (
        {
            "[Content_Types].xml": _member("[Content_Types].xml")
            .replace("slideLayout+xml", "slide+xml", 1)
            .encode()
        },
        "has the content type",
    ),
}


@pytest.mark.parametrize("probe", PROBES)
def test_a_broken_or_bombed_template_is_a_located_error(
    cli: Cli, tmp_path: Path, probe: str
) -> None:
    change, words = PROBES[probe]
    _template(tmp_path, change)
    deck = _deck(tmp_path)
    code, _, err = cli("render", deck)
    assert code == 1 and "internal error" not in err and "Traceback" not in err, err
    assert err.startswith(f"{deck}:1:") and words in err, err
    assert not deck.with_suffix(".pptx").exists()


@pytest.mark.parametrize(
    ("frame", "words"),
    [
        ('<a:off x="0" y="0"/><a:ext cx="254000" cy="3000000"/>', "too small for a line"),
        ('<a:off x="0" y="0"/><a:ext cx="3000000" cy="3000000"/>', "larger than its frame"),
    ],
)
def test_a_placeholder_that_cannot_hold_a_line_is_a_located_error(
    cli: Cli, tmp_path: Path, frame: str, words: str
) -> None:
    name = "ppt/slideLayouts/slideLayout2.xml"
    layout = _member(name)
    layout, count = re.subn(
        r"(<p:sp>(?:(?!</p:sp>).)*?type=\"title\"(?:(?!</p:sp>).)*?<a:xfrm>).*?(</a:xfrm>)",
        lambda m: m.group(1) + frame + m.group(2),
        layout,
        count=1,
        flags=re.S,
    )
    if "larger" in words:
        layout = layout.replace("<a:bodyPr", '<a:bodyPr lIns="99999999" ', 1)
    assert count == 1 or "larger" in words
    _template(tmp_path, {name: layout.encode()})
    code, _, err = cli("validate", _deck(tmp_path))
    assert code == 1 and "internal error" not in err, err
    assert words in err and "placeholder" in err, err


def test_relationships_in_another_namespace_are_written_anew(cli: Cli, tmp_path: Path) -> None:
    rels = _member(LAYOUT_RELS).replace("package/2006/relationships", "elsewhere")
    _template(tmp_path, {LAYOUT_RELS: rels.encode()})
    deck = _deck(tmp_path)
    code, _, err = cli("render", deck)
    assert code == 0 and "internal error" not in err, err
    assert_opens_cleanly(deck.with_suffix(".pptx"))
