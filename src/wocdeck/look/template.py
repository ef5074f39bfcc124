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
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from wocdeck.errors import DeckError, Location
from wocdeck.look.template_file import LayoutSpec, TemplateFile
from wocdeck.look.template_package import check_sizes, has_dtd, member_of, rebuilt, zipped
from wocdeck.look.template_parts import (
    EMU_PER_POINT,
    MACRO_RELATIONSHIPS,
    NS,
    R_ID,
    color_map,
    master_kind,
    placeholder_spec,
    placeholders,
    style_sizes,
    theme_colors,
    theme_fonts,
    unusable,
    without_macros,
)
from wocdeck.look.template_store import StoredReading, stored_reading
from wocdeck.read.files import name_too_long

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
SLIDE_EMU = (914400, 51206400)  # PowerPoint's slide sizes: 1 to 56 inches
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


def read_template(path: Path, where: Location, *, trusted: bool = False) -> TemplateFile:
    """Check and read a template file; every way it can be wrong is a DeckError at where.

    A template that is not trusted (every one but the bundled) is taken apart and rebuilt:
    only the parts a deck is drawn with are carried (template_package).

    A file read before and unchanged since (same size, time and inode) is not read again:
    `watch` and many decks in one command render with the same template over and over.
    """
    try:
        status = path.stat()
        key = (str(path), status.st_mtime_ns, status.st_size, status.st_ino)
    except OSError:
        return _Reader(path, where, trusted).read()  # the reader says what is wrong
    cached = (*key, trusted)
    if cached not in _READ:
        if len(_READ) >= _READ_MAX:
            _READ.pop(next(iter(_READ)))
        _READ[cached] = _Reader(path, where, trusted).read()
    return _READ[cached]


_READ: dict[tuple[str, int, int, int, bool], TemplateFile] = {}
_READ_MAX = 8


def fresh_reading(path: Path) -> tuple[StoredReading, bytes]:
    """The bundled template read from its XML, never from its store, and its bytes: what
    tools/build_wipo_template.py stores beside it."""
    reader = _Reader(path, Location(str(path)), trusted=True)
    data = reader.file_bytes()
    return reader.reading(data, stored=False), data


class _Reader:
    def __init__(self, path: Path, where: Location, trusted: bool = False) -> None:
        self.path, self.where, self.trusted = path, where, trusted
        self.zip: zipfile.ZipFile | None = None
        self.names: set[str] = set()
        self.styles_missing: list[str] = []
        self.body_scale: list[float] = []

    def fail(self, message: str, hint: str = "") -> DeckError:
        return DeckError.at(self.where, message, hint)

    def read(self, *, stored: bool = True) -> TemplateFile:
        """The template, with the package the writer draws with; stored: the bundled template's
        reading may come from its store file (template_store) instead of its XML."""
        data = self.file_bytes()
        try:
            reading = self.reading(data, stored=stored)
            template = reading.template
            package, removed = self._as_presentation(
                data, reading.main, reading.content_type, template.macros
            )
            return template._replace(package=package, removed=removed)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
            raise self.fail(f"the template {self.path} is damaged ({exc})", _SAY_SAVE) from None
        except (ValueError, TypeError, KeyError) as exc:  # a number or part that is not one
            raise self.fail(
                f"the template {self.path} is damaged ({type(exc).__name__}: {exc})", _SAY_SAVE
            ) from None

    def reading(self, data: bytes, *, stored: bool = True) -> StoredReading:
        """The template's layouts, size, fonts and colours (without its package)."""
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())
        check_sizes(self.zip, self.path, self.fail)
        found = stored_reading(self.path, data) if stored and self.trusted else None
        return found or self._read()

    def file_bytes(self) -> bytes:
        """The file's bytes, once it is known to be a zip file of at most 200 MB."""
        path = self.path
        too_long = name_too_long(path)
        if too_long:
            raise self.fail(too_long, "give the .potx or .pptx file a shorter name or path")
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
        import xml.etree.ElementTree as ET  # not needed when the reading is stored

        blob = self.zip.read(name)
        if has_dtd(blob):
            raise self.fail(
                f"the template {self.path} has a part {name} that declares a DTD or entities, "
                "which wocdeck refuses",
                _SAY_SAVE,
            )
        try:
            return ET.fromstring(blob)
        except ET.ParseError as exc:
            raise self.fail(f"the template {self.path} has a damaged part {name} ({exc})") from None

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type's last word, target member name) for a part; checks every target."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if rels_name not in self.names:
            return {}
        found = {}
        for rel in self._xml(rels_name).findall("rel:Relationship", NS):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode") == "External":
                continue
            member = member_of(folder, rel.get("Target", ""))
            if member not in self.names:
                raise self.fail(
                    f"the template {self.path} is damaged: {part} refers to {member}, "
                    "which is not in the file",
                    "open it in PowerPoint, let it repair the file, and save it again",
                )
            found[rel.get("Id", "")] = (kind, member)
        return found

    def _read(self) -> StoredReading:
        types = self._xml("[Content_Types].xml")
        main = next((m for kind, m in self._rels("").values() if kind == "officeDocument"), None)
        if main is None:
            raise self.fail(
                f"the template {self.path} is a zip file but not a PowerPoint presentation",
                _SAY_SAVE,
            )
        overrides = {o.get("PartName", "").lstrip("/"): o for o in types.findall("ct:Override", NS)}
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
        size = presentation.find("p:sldSz", NS)
        width = int(size.get("cx", "9144000")) if size is not None else 9144000
        height = int(size.get("cy", "6858000")) if size is not None else 6858000
        if not all(SLIDE_EMU[0] <= side <= SLIDE_EMU[1] for side in (width, height)):
            raise self.fail(
                f"the template {self.path} has slides of {width / 914400:g} x "
                f"{height / 914400:g} inches; PowerPoint's slides are 1 to 56 inches a side",
                "set the slide size in PowerPoint (Design > Slide Size) and save it again",
            )
        layouts: list[LayoutSpec] = []
        fonts, colors, mapping = ("", ""), {}, {}
        for master_id in presentation.findall("p:sldMasterIdLst/p:sldMasterId", NS):
            master_rel = rels.get(master_id.get(R_ID, ""))
            if master_rel is None:
                continue
            master_layouts, theme, master_map = self._master(master_rel[1])
            layouts += master_layouts
            if theme is not None and not fonts[0]:
                fonts, colors, mapping = theme_fonts(theme), theme_colors(theme), master_map
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
        template = TemplateFile(
            path=self.path,
            package=b"",
            width=width / EMU_PER_POINT,
            height=height / EMU_PER_POINT,
            layouts=tuple(layouts),
            major_font=fonts[0],
            minor_font=fonts[1],
            colors=colors,
            color_map=mapping,
            macros=macros,
            styles_missing=tuple(dict.fromkeys(self.styles_missing)),
            body_scale=tuple(self.body_scale),
        )
        return StoredReading(template, main, content_type)

    def _check_all_relationships(self) -> None:
        for name in sorted(self.names):
            if name.endswith(".rels") and "/_rels/" in f"/{name}":
                folder, rels_file = posixpath.split(name)
                part = posixpath.join(posixpath.dirname(folder), rels_file[: -len(".rels")])
                self._rels(part)

    def _master(self, name: str) -> tuple[list[LayoutSpec], ET.Element | None, dict[str, str]]:
        master = self._xml(name)
        rels = self._rels(name)
        theme_name = next((m for kind, m in rels.values() if kind == "theme"), None)
        theme = self._xml(theme_name) if theme_name else None
        master_placeholders = placeholders(master)
        styles = master.find("p:txStyles", NS)
        for kind in ("title", "body"):
            if styles is None or styles.find(f"p:{kind}Style", NS) is None:
                self.styles_missing.append(kind)
        self.body_scale += style_sizes(styles)
        layouts = []
        for layout_id in master.findall("p:sldLayoutIdLst/p:sldLayoutId", NS):
            rel = rels.get(layout_id.get(R_ID, ""))
            if rel is not None and rel[0] == "slideLayout":
                layouts.append(self._layout(rel[1], master_placeholders, styles))
        return layouts, theme, color_map(master)

    def _layout(
        self, name: str, master: dict[str, ET.Element], styles: ET.Element | None
    ) -> LayoutSpec:
        layout = self._xml(name)
        c_sld = layout.find("p:cSld", NS)
        specs = []
        for kind, shape in placeholders(layout, unique=False).items():
            inherited = master.get(master_kind(kind.split("#")[0]))
            specs.append(placeholder_spec(kind.split("#")[0], shape, inherited, styles))
        layout_name = c_sld.get("name", "") if c_sld is not None else ""
        for spec in specs:
            problem = unusable(spec)
            if problem:
                raise self.fail(
                    f"the template {self.path}: layout '{layout_name}', placeholder "
                    f"'{spec.name}': {problem}",
                    "in Slide Master view, give it a frame that holds a line of text",
                )
        fields = [
            f.get("id", "")
            for sp in layout.iter(f"{{{NS['p']}}}sp")
            if sp.find(".//p:ph[@type='sldNum']", NS) is not None
            for f in sp.iter(f"{{{NS['a']}}}fld")
        ]
        return LayoutSpec(
            name=layout_name,
            type=layout.get("type", "cust"),
            partname="/" + name,
            placeholders=tuple(specs),
            number_field=fields[0] if fields else "",
        )

    def _as_presentation(
        self, data: bytes, main: str, content_type: str, macros: bool
    ) -> tuple[bytes, tuple[str, ...]]:
        """The package with a presentation's main content type: the bundled template's as
        it is (without macro relationships), any other taken apart and rebuilt; and the
        kinds of content that were removed."""
        assert self.zip is not None
        types = self.zip.read("[Content_Types].xml")
        types = types.replace(content_type.encode(), PRESENTATION_MAIN.encode())
        if not self.trusted:
            members, removed = rebuilt(self.zip, {"[Content_Types].xml": types}, self._fail_part)
            return zipped(members.items()), removed
        if content_type == PRESENTATION_MAIN and not macros:
            return data, ()
        folder, name = posixpath.split(main)
        main_rels = posixpath.join(folder, "_rels", name + ".rels")
        items = []
        for info in self.zip.infolist():
            blob = self.zip.read(info)
            if info.filename == "[Content_Types].xml":
                blob = types
            elif info.filename == main_rels and macros:
                blob = without_macros(blob)
            items.append((info.filename, blob))
        return zipped(items), ()

    def _fail_part(self, message: str, hint: str) -> DeckError:
        return self.fail(f"the template {self.path}: {message}", hint or _SAY_SAVE)
