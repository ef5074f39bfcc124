"""Does a .pptx open in PowerPoint without a repair prompt? openxml-audit as the stand-in.

    from tests.ooxml import assert_opens_cleanly
    assert_opens_cleanly(tmp_path / "deck.pptx")

openxml-audit (a pure-Python port of the Open XML SDK validator) checks the package, each
XML part against the ECMA-376 schemas as the SDK ships them, the SDK's semantic rules
(unique shape and slide ids, relationship ids that exist, ...) and a few PowerPoint
app-compat rules. A deck fails when it has any error-severity finding, or any PowerPoint
app-compat finding at whatever severity (openxml_audit.predict's "opens-clean" verdict).

openxml-audit 0.8.0 does not see a few package faults that PowerPoint repairs, so
`_package_problems` checks them here: a zip entry written twice, a part without a content
type or with the wrong one for the relationship that points at it, a relationship id used
twice in one .rels, a slide listed twice in presentation.xml, and a table row whose cells
do not fill the table's grid (columns).

No pytest wiring is needed: installing openxml-audit registers its own plugin (entry point
pytest11 "openxml-audit": fixtures assert_valid_pptx, openxml_validator and the options
--openxml-format, --openxml-max-errors), which this module does not use. The validator is
built once per process (about 0.15 s) and reused; the first deck also loads the schemas
(0.2-0.4 s more), later decks take 70 ms (deck.yaml, 14 slides) to 170 ms (the showcase,
24 slides with three charts), of which the checks below are 5-10 ms.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from openxml_audit import (
    FileFormat,
    OpenXmlValidator,
    SourceClass,
    ValidationResult,
    ValidationSeverity,
)

# The Office version the SDK's rules are applied for (openxml-audit's and the SDK's default).
TARGET = FileFormat.OFFICE_2019
SHOWN = 40  # at most this many distinct problems in a failure message

_validator: OpenXmlValidator | None = None


def validator() -> OpenXmlValidator:
    """One validator per process: building it loads the schema tables."""
    global _validator
    if _validator is None:
        _validator = OpenXmlValidator(file_format=TARGET, max_errors=0)  # 0: report them all
    return _validator


def audit(path: str | Path) -> list[str]:
    """Every reason PowerPoint might not open the deck cleanly, one line each; [] when none."""
    result = validator().validate(path)
    return _findings(result) + _package_problems(Path(path))


def assert_opens_cleanly(path: str | Path) -> None:
    """Fail with a readable list of the deck's problems, grouped and counted."""
    __tracebackhide__ = True
    problems = audit(path)
    if problems:
        counted = Counter(problems)
        lines = [f"  {f'{n}x ' if n > 1 else ''}{text}" for text, n in counted.most_common(SHOWN)]
        if len(counted) > SHOWN:
            lines.append(f"  ... and {len(counted) - SHOWN} more distinct problems")
        raise AssertionError(
            f"{Path(path).name} would not open cleanly in PowerPoint "
            f"({len(problems)} problem{'s' * (len(problems) > 1)}, openxml-audit {TARGET.value}):\n"
            + "\n".join(lines)
        )


def _findings(result: ValidationResult) -> list[str]:
    out = []
    for e in result.errors:
        fatal = e.severity is ValidationSeverity.ERROR
        if not fatal and e.source_class is not SourceClass.POWERPOINT_APP_COMPAT:
            continue
        # /sld[1]/cSld[1]/spTree[1]/sp[3] reads as /sld/cSld/spTree/sp[3]
        where = e.part_uri + (" " + re.sub(r"\[1\]", "", e.path) if e.path else "")
        out.append(f"[{e.error_type.value}{'' if fatal else ', warning'}] {where}: {e.description}")
    return out


# ---------------------------------------------------------------- what openxml-audit 0.8.0 misses

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
# The content type a part must have, by the last word of the relationship type that targets it.
_EXPECTED = {
    "slide": (_PML + "slide+xml",),
    "slideLayout": (_PML + "slideLayout+xml",),
    "slideMaster": (_PML + "slideMaster+xml",),
    "notesSlide": (_PML + "notesSlide+xml",),
    "notesMaster": (_PML + "notesMaster+xml",),
    "theme": ("application/vnd.openxmlformats-officedocument.theme+xml",),
    "chart": ("application/vnd.openxmlformats-officedocument.drawingml.chart+xml",),
    "presProps": (_PML + "presProps+xml",),
    "viewProps": (_PML + "viewProps+xml",),
    "tableStyles": (_PML + "tableStyles+xml",),
    "officeDocument": (
        _PML + "presentation.main+xml",
        _PML + "template.main+xml",
        _PML + "slideshow.main+xml",
    ),
    "image": ("image/",),  # any image/* type
}


def _package_problems(path: Path) -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        names = [i.filename for i in z.infolist()]
        for name, count in Counter(names).items():
            if count > 1:
                out.append(f"[package] /{name}: zip entry written {count} times")
        parts = {"/" + n for n in names if not n.endswith("/")}
        types = ElementTree.fromstring(z.read("[Content_Types].xml"))
        by_ext = {
            d.get("Extension", "").lower(): d.get("ContentType") for d in _all(types, "Default")
        }
        by_part = {
            o.get("PartName", "").lower(): o.get("ContentType") for o in _all(types, "Override")
        }

        def content_type(part: str) -> str | None:
            extension = part.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower()  # ".rels": "rels"
            return by_part.get(part.lower()) or by_ext.get(extension)

        for part in sorted(parts - {"/[Content_Types].xml"}):
            if content_type(part) is None:
                out.append(f"[package] {part}: no content type in [Content_Types].xml")
        for rels in sorted(p for p in parts if p.endswith(".rels")):
            out += _rels_problems(rels, ElementTree.fromstring(z.read(rels[1:])), content_type)
        for part in sorted(p for p in parts if p.startswith("/ppt/") and p.endswith(".xml")):
            out += _part_problems(part, ElementTree.fromstring(z.read(part[1:])))
    return out


def _all(root: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return root.findall(f"{{{_CT}}}{name}")


def _rels_problems(
    rels: str,
    root: ElementTree.Element,
    content_type: Callable[[str], str | None],
) -> list[str]:
    out = []
    entries = root.findall(f"{{{_RELS}}}Relationship")
    for rid, count in Counter(r.get("Id") for r in entries).items():
        if count > 1:
            out.append(f"[package] {rels}: relationship id {rid} used {count} times")
    source_dir = posixpath.dirname(posixpath.dirname(rels))  # /ppt/slides/_rels/x.rels: /ppt/slides
    for r in entries:
        target = r.get("Target", "")
        if r.get("TargetMode") == "External" or target in ("", "NULL"):
            continue
        if not target.startswith("/"):
            target = posixpath.normpath(posixpath.join(source_dir, target))
        kind = r.get("Type", "").rsplit("/", 1)[-1]
        want, have = _EXPECTED.get(kind), content_type(target)
        if have and want and not have.startswith(want):  # no type at all: reported above
            out.append(f"[package] {rels}: {kind} target {target} has content type {have!r}")
    return out


def _part_problems(part: str, root: ElementTree.Element) -> list[str]:
    out = []
    if root.tag == f"{{{_P}}}presentation":
        ids = Counter(s.get(f"{{{_R}}}id") for s in root.iter(f"{{{_P}}}sldId"))
        out += [
            f"[package] {part}: sldIdLst lists {rid} {n} times" for rid, n in ids.items() if n > 1
        ]
    for number, tbl in enumerate(root.iter(f"{{{_A}}}tbl"), 1):
        columns = len(tbl.findall(f"{{{_A}}}tblGrid/{{{_A}}}gridCol"))
        for tr in tbl.findall(f"{{{_A}}}tr"):
            where = f"[table] {part}: table {number}:"  # no row number: equal lines are counted
            cells = tr.findall(f"{{{_A}}}tc")  # one a:tc per grid column, merged ones included
            if len(cells) != columns:
                out.append(f"{where} a row has {len(cells)} cells for {columns} grid columns")
            for i, tc in enumerate(cells):
                span = int(tc.get("gridSpan", "1"))
                merged = cells[i + 1 : i + span]
                if span > 1 and (i + span > columns or any(c.get("hMerge") != "1" for c in merged)):
                    out.append(
                        f"{where} cell {i + 1} of a row: gridSpan {span} without hMerge cells"
                    )
    return out
