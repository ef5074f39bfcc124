"""Read and check an organisation's PowerPoint template (.potx, .pptx, .potm, .pptm).

Only the standard library reads it here (zip and XML), so `validate` stays light: the slide
size, every layout with its placeholders' frames, insets and font sizes (resolved through the
master as PowerPoint does), and the theme's fonts and colours. The writer gets the package
back as bytes that python-pptx opens as a presentation: a template's main content type is
turned into a presentation's, and macros are cut off (never run, never kept).
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wocdeck.errors import DeckError, Location
from wocdeck.look.template_parts import (
    BODY_KINDS,
    EMU_PER_POINT,
    MACRO_RELATIONSHIPS,
    NS,
    R_ID,
    RUN,
    TITLE_KINDS,
    clark,
    escape,
    find,
    first_attr,
    frame,
    master_kind,
    placeholders,
    run_default,
    theme_colors,
    theme_fonts,
    without_macros,
)
from wocdeck.plan import INSET_X, INSET_Y, Box

MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
MAX_EXPANDED_BYTES = 1024 * 1024 * 1024
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PRESENTATION_MAIN = (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)
MAIN_TYPES = {
    PRESENTATION_MAIN: False,
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": False,
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": False,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": True,
}
_SAY_SAVE = "save it from PowerPoint as a .potx or .pptx template"


@dataclass(frozen=True)
class PlaceholderSpec:
    """A layout's placeholder as wocdeck fills it: kind, frame, insets and starting size."""

    kind: str  # the ph type: title, ctrTitle, subTitle, body, obj, dt, ftr, sldNum, pic, ...
    idx: int
    attributes: str  # the p:ph element's attributes, as XML
    name: str  # the shape name without its number, e.g. "Title"
    box: Box | None  # in points; None when neither the layout nor the master places it
    inset_x: float
    inset_y: float
    size: float | None  # the first level's font size in points, as inherited
    anchor: str
    align: str = "l"  # the first level's alignment: l, ctr, r, just
    bold: bool = False  # the first level's text is bold (measured so)
    caps: bool = False  # ... or in capitals (cap="all")


@dataclass(frozen=True)
class LayoutSpec:
    """One slide layout of the template."""

    name: str
    type: str  # PowerPoint's layout type: title, obj, secHead, twoObj, titleOnly, cust, ...
    partname: str  # e.g. /ppt/slideLayouts/slideLayout2.xml
    placeholders: tuple[PlaceholderSpec, ...]
    number_field: str  # the slide-number field's id on the layout, or ""

    def first(self, *kinds: str) -> PlaceholderSpec | None:
        """The first placeholder of one of kinds, in the layout's order."""
        return next((p for p in self.placeholders if p.kind in kinds), None)

    def all(self, *kinds: str) -> list[PlaceholderSpec]:
        """Every placeholder of one of kinds, in the layout's order."""
        return [p for p in self.placeholders if p.kind in kinds]

    @property
    def title(self) -> PlaceholderSpec | None:
        """The title placeholder (ctrTitle or title)."""
        return self.first(*TITLE_KINDS)

    @property
    def bodies(self) -> list[PlaceholderSpec]:
        """Placeholders that hold text other than the title, footer, date and number."""
        return self.all(*BODY_KINDS)


@dataclass(frozen=True)
class TemplateFile:
    """A checked template: its layouts, slide size, theme and the package for the writer."""

    path: Path
    package: bytes
    width: float  # points
    height: float
    layouts: tuple[LayoutSpec, ...]
    major_font: str  # the theme's heading typeface
    minor_font: str  # the theme's body typeface
    colors: dict[str, str]  # scheme slot (dk1, accent1, ...) → RRGGBB
    macros: bool  # the file had macros, which the output does not keep


def read_template(path: Path, where: Location) -> TemplateFile:
    """Check and read a template file; every way it can be wrong is a DeckError at where.

    A file read before and unchanged since (same size, time and inode) is not read again:
    `watch` and many decks in one command render with the same template over and over.
    """
    try:
        status = path.stat()
        key = (str(path), status.st_mtime_ns, status.st_size, status.st_ino)
    except OSError:
        return _Reader(path, where).read()  # the reader says what is wrong
    if key not in _READ:
        if len(_READ) >= _READ_MAX:
            _READ.pop(next(iter(_READ)))
        _READ[key] = _Reader(path, where).read()
    return _READ[key]


_READ: dict[tuple[str, int, int, int], TemplateFile] = {}
_READ_MAX = 8


class _Reader:
    def __init__(self, path: Path, where: Location) -> None:
        self.path, self.where = path, where
        self.zip: zipfile.ZipFile | None = None
        self.names: set[str] = set()

    def fail(self, message: str, hint: str = "") -> DeckError:
        return DeckError.at(self.where, message, hint)

    def read(self) -> TemplateFile:
        data = self._bytes()
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
            if sum(i.file_size for i in self.zip.infolist()) > MAX_EXPANDED_BYTES:
                raise self.fail(f"the template {self.path} expands to more than 1 GB")
            return self._read(data)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
            raise self.fail(f"the template {self.path} is damaged ({exc})", _SAY_SAVE) from None

    def _bytes(self) -> bytes:
        path = self.path
        if path.is_dir():
            raise self.fail(f"the template {path} is a folder", "give a .potx or .pptx file")
        if not path.is_file():
            raise self.fail(f"the template file {path} does not exist", "check the path")
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise self.fail(
                f"the template {path} is {size / 1024 / 1024:,.0f} MB; a template may be at "
                "most 200 MB",
                "remove large pictures or videos from it",
            )
        data = path.read_bytes()
        if data.startswith(OLE_SIGNATURE):
            raise self.fail(
                f"the template {path} is password-protected (encrypted) or an old .ppt/.pot file",
                "remove the password and " + _SAY_SAVE,
            )
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise self.fail(
                f"the template {path} is not a PowerPoint template (.potx or .pptx)", _SAY_SAVE
            )
        return data

    def _xml(self, name: str) -> ET.Element:
        assert self.zip is not None
        if name not in self.names:
            raise self.fail(
                f"the template {self.path} is not a PowerPoint presentation ({name} is missing)",
                _SAY_SAVE,
            )
        try:
            return ET.fromstring(self.zip.read(name))
        except ET.ParseError as exc:
            raise self.fail(f"the template {self.path} has a damaged part {name} ({exc})") from None

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type's last word, target member name) for a part; checks every target."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if rels_name not in self.names:
            return {}
        found = {}
        for rel in self._xml(rels_name).findall(clark("rel:Relationship")):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            member = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            if member not in self.names:
                raise self.fail(
                    f"the template {self.path} is damaged: {part} refers to {member}, "
                    "which is not in the file",
                    "open it in PowerPoint, let it repair the file, and save it again",
                )
            found[rel.get("Id", "")] = (kind, member)
        return found

    def _read(self, data: bytes) -> TemplateFile:
        types = self._xml("[Content_Types].xml")
        main = next((m for kind, m in self._rels("").values() if kind == "officeDocument"), None)
        if main is None:
            raise self.fail(
                f"the template {self.path} is a zip file but not a PowerPoint presentation",
                _SAY_SAVE,
            )
        overrides = {
            o.get("PartName", "").lstrip("/"): o for o in types.findall(clark("ct:Override"))
        }
        override = overrides.get(main)
        content_type = override.get("ContentType", "") if override is not None else ""
        if content_type not in MAIN_TYPES:
            raise self.fail(
                f"the template {self.path} is a zip file but not a PowerPoint presentation "
                f"(it holds {content_type or 'something else'})",
                _SAY_SAVE,
            )
        assert override is not None
        presentation = self._xml(main)
        rels = self._rels(main)
        self._check_all_relationships()
        size = find(presentation, "p:sldSz")
        width = int(size.get("cx", "9144000")) if size is not None else 9144000
        height = int(size.get("cy", "6858000")) if size is not None else 6858000
        layouts: list[LayoutSpec] = []
        fonts, colors = ("", ""), {}
        for master_id in presentation.findall(clark("p:sldMasterIdLst/p:sldMasterId")):
            master_rel = rels.get(master_id.get(R_ID, ""))
            if master_rel is None:
                continue
            master_layouts, theme = self._master(master_rel[1])
            layouts += master_layouts
            if theme is not None and not fonts[0]:
                fonts, colors = theme_fonts(theme), theme_colors(theme)
        if not layouts:
            raise self.fail(f"the template {self.path} has no slide layouts", _SAY_SAVE)
        if not any(layout.placeholders for layout in layouts):
            raise self.fail(
                f"the template {self.path} has layouts without placeholders: wocdeck puts titles "
                "and text into a layout's placeholders",
                "in Slide Master view, give the layouts title and content placeholders",
            )
        macros = MAIN_TYPES[content_type] or any(
            kind in MACRO_RELATIONSHIPS for kind, _ in rels.values()
        )
        return TemplateFile(
            path=self.path,
            package=self._as_presentation(data, main, content_type, macros),
            width=width / EMU_PER_POINT,
            height=height / EMU_PER_POINT,
            layouts=tuple(layouts),
            major_font=fonts[0],
            minor_font=fonts[1],
            colors=colors,
            macros=macros,
        )

    def _check_all_relationships(self) -> None:
        for name in sorted(self.names):
            if name.endswith(".rels") and "/_rels/" in f"/{name}":
                folder, rels_file = posixpath.split(name)
                part = posixpath.join(posixpath.dirname(folder), rels_file[: -len(".rels")])
                self._rels(part)

    def _master(self, name: str) -> tuple[list[LayoutSpec], ET.Element | None]:
        master = self._xml(name)
        rels = self._rels(name)
        theme_name = next((m for kind, m in rels.values() if kind == "theme"), None)
        theme = self._xml(theme_name) if theme_name else None
        master_placeholders = placeholders(master)
        styles = find(master, "p:txStyles")
        layouts = []
        for layout_id in master.findall(clark("p:sldLayoutIdLst/p:sldLayoutId")):
            rel = rels.get(layout_id.get(R_ID, ""))
            if rel is not None and rel[0] == "slideLayout":
                layouts.append(self._layout(rel[1], master_placeholders, styles))
        return layouts, theme

    def _layout(
        self, name: str, master: dict[str, ET.Element], styles: ET.Element | None
    ) -> LayoutSpec:
        layout = self._xml(name)
        c_sld = find(layout, "p:cSld")
        specs = []
        for kind, shape in placeholders(layout, unique=False).items():
            inherited = master.get(master_kind(kind.split("#")[0]))
            specs.append(_spec(kind.split("#")[0], shape, inherited, styles))
        fields = [
            f.get("id", "")
            for sp in layout.iter(f"{{{NS['p']}}}sp")
            if find(sp, ".//p:ph[@type='sldNum']") is not None
            for f in sp.iter(f"{{{NS['a']}}}fld")
        ]
        return LayoutSpec(
            name=c_sld.get("name", "") if c_sld is not None else "",
            type=layout.get("type", "cust"),
            partname="/" + name,
            placeholders=tuple(specs),
            number_field=fields[0] if fields else "",
        )

    def _as_presentation(self, data: bytes, main: str, content_type: str, macros: bool) -> bytes:
        """The package with a presentation's main content type and no macro relationships."""
        if content_type == PRESENTATION_MAIN and not macros:
            return data
        assert self.zip is not None
        folder, name = posixpath.split(main)
        main_rels = posixpath.join(folder, "_rels", name + ".rels")
        out = io.BytesIO()
        # stored, not compressed: only the writer reads it back, and it compresses what it writes
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for info in self.zip.infolist():
                blob = self.zip.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(content_type.encode(), PRESENTATION_MAIN.encode())
                elif info.filename == main_rels and macros:
                    blob = without_macros(blob)
                target.writestr(info.filename, blob)
        return out.getvalue()


def _spec(
    kind: str, shape: ET.Element, inherited: ET.Element | None, styles: ET.Element | None
) -> PlaceholderSpec:
    ph = find(shape, "./*/p:nvPr/p:ph")
    assert ph is not None
    attributes = "".join(f' {k}="{escape(v)}"' for k, v in ph.attrib.items())
    c_nv_pr = find(shape, "./*/p:cNvPr")
    full = c_nv_pr.get("name", kind) if c_nv_pr is not None else kind
    stem, _, number = full.rpartition(" ")
    chain = [shape] if inherited is None else [shape, inherited]
    box = next((b for b in map(frame, chain) if b is not None), None)
    insets = first_attr(chain, "p:txBody/a:bodyPr", ("lIns", "tIns"))
    anchor = first_attr(chain, "p:txBody/a:bodyPr", ("anchor",))
    size = run_default(chain, kind, styles, "sz", RUN)
    return PlaceholderSpec(
        kind=kind,
        idx=int(ph.get("idx", "0")),
        attributes=attributes,
        name=stem if stem and number.isdigit() else full,
        box=box,
        inset_x=int(insets[0]) / EMU_PER_POINT if insets[0] else INSET_X,
        inset_y=int(insets[1]) / EMU_PER_POINT if insets[1] else INSET_Y,
        size=int(size) / 100 if size.isdigit() else None,
        bold=run_default(chain, kind, styles, "b", RUN) in ("1", "true"),
        caps=run_default(chain, kind, styles, "cap", RUN) == "all",
        align=run_default(chain, kind, styles, "algn", "") or "l",
        anchor=anchor[0] or ("b" if kind == "ctrTitle" else "t"),
    )
