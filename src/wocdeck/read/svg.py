"""SVG drawings from a received folder, made safe before they are stored or drawn.

A drawing is parsed without a DTD or entities (a file that declares them is refused), then
cleaned: scripts, event handlers, foreign content, animations and every link that is not to a
part of the drawing itself (`#id`) or to an embedded PNG, JPEG or GIF are removed, and an
embedded picture's pixels are counted from its header. Its PNG rendering for older programs is
made in a child process with no file to read, a time and a memory limit, so a drawing that
crashes or spins the renderer is a located error, not the end of the render or watch session.
"""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 100  # nested elements; resvg overflows its stack near a thousand
MAX_ELEMENTS = 200_000
MAX_EMBEDDED_PIXELS = 25_000_000  # an embedded picture: 5,000 x 5,000
MAX_OCTAVES = 10  # feTurbulence: more are invisible, and each costs a pass over every pixel
RENDER_SECONDS = 20.0  # the PNG rendering of one drawing, wall time
RENDER_MEMORY = 1 << 31  # bytes of address space the rendering may use (2 GB)
_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_REMOVED = {"script", "foreignObject", "set", "animate", "animateMotion", "animateTransform"}
_HREF = {"href", f"{{{_XLINK}}}href"}
_EMBEDDED = re.compile(r"^\s*data:image/(png|jpeg|jpg|gif)\s*;\s*base64\s*,", re.I)
_OUTSIDE_URL = re.compile(r"url\(\s*(?![\s'\"]*#)[^)]*\)", re.I)
_IMPORT = re.compile(r"@import[^;]*;?", re.I)
_HINT = "save it again as plain SVG (e.g. Inkscape's 'Plain SVG'), or as PNG"
_CHILD = """
import os, sys
try:
    import resource
except ImportError:  # Windows: the time limit still holds
    resource = None
if resource is not None:
    limit = int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import resvg_py
text = sys.stdin.buffer.read().decode("utf-8")
png = resvg_py.svg_to_bytes(
    svg_string=text, width=int(sys.argv[1]), height=int(sys.argv[2]),
    skip_system_fonts=sys.argv[3] == "1", resources_dir=os.getcwd(),
)
sys.stdout.buffer.write(bytes(png))
"""


class DrawingError(ValueError):
    """A drawing cannot be used; the message says why (naming it), the hint what to do."""

    def __init__(self, message: str, hint: str = _HINT) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class _Cleaning:
    """What cleaning a drawing removed, and how deep and large it is."""

    name: str
    changed: bool = False
    elements: int = 0


def cleaned(blob: bytes, name: str) -> bytes:
    """The drawing without anything active or outside it; the same bytes when it had none.

    A DTD or entity declaration, nesting deeper than MAX_DEPTH, more than MAX_ELEMENTS and an
    embedded picture of more than MAX_EMBEDDED_PIXELS are DrawingErrors.
    """
    from lxml import etree

    if b"<!DOCTYPE" in blob or b"<!ENTITY" in blob:
        raise DrawingError(f"the drawing {name} declares a DTD or entities, which wocdeck refuses")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc):
            raise _too_deep(name) from None
        raise DrawingError(f"the drawing {name} is not a readable SVG file ({exc})") from None
    work = _Cleaning(name)
    _clean(root, work, 1)
    for node in root.itersiblings(preceding=True):  # <?xml-stylesheet?> and other PIs
        if isinstance(node, etree._ProcessingInstruction):
            work.changed = True
    if not work.changed:
        return blob
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _clean(element: Any, work: _Cleaning, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise _too_deep(work.name)
    for child in list(element):
        work.elements += 1
        if work.elements > MAX_ELEMENTS:
            raise DrawingError(
                f"the drawing {work.name} has more than {MAX_ELEMENTS:,} elements",
                "simplify it, or save it as PNG",
            )
        tag = child.tag if isinstance(child.tag, str) else ""
        local = tag.rpartition("}")[2]
        if not tag or local in _REMOVED or (tag.startswith("{") and not _ours(tag)):
            element.remove(child)  # scripts, foreign content, comments, PIs
            work.changed = work.changed or bool(tag)
            continue
        _clean_attributes(child, local, work)
        if local == "style" and child.text:
            text = _IMPORT.sub("", _OUTSIDE_URL.sub("none", child.text))
            work.changed |= text != child.text
            child.text = text
        _clean(child, work, depth + 1)
    if depth == 1:
        _clean_attributes(element, "svg", work)


def _too_deep(name: str) -> DrawingError:
    return DrawingError(
        f"the drawing {name} nests its elements more than {MAX_DEPTH} deep",
        "flatten its groups (ungroup in the drawing program) or save it as PNG",
    )


def _ours(tag: str) -> bool:
    return tag.startswith(f"{{{_SVG}}}")


def _clean_attributes(element: Any, local: str, work: _Cleaning) -> None:
    for key, value in list(element.attrib.items()):
        attribute = key.rpartition("}")[2]
        if attribute.lower().startswith("on"):
            del element.attrib[key]
        elif key in _HREF:
            if value.startswith("#"):
                continue
            if local == "image" and _EMBEDDED.match(value):
                _check_embedded(value, work.name)
                continue
            del element.attrib[key]
        elif local == "feTurbulence" and attribute == "numOctaves":
            if _number(value) <= MAX_OCTAVES:
                continue
            element.set(key, str(MAX_OCTAVES))
        elif "url(" in value.lower() and _OUTSIDE_URL.search(value):
            element.set(key, _OUTSIDE_URL.sub("none", value))
        else:
            continue
        work.changed = True


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("inf")


def _check_embedded(uri: str, name: str) -> None:
    """Refuse an embedded picture of more than MAX_EMBEDDED_PIXELS, from its header alone."""
    from PIL import Image

    data = uri.partition(",")[2]
    size = f"far more than {MAX_EMBEDDED_PIXELS // 1_000_000} million"
    try:
        head = base64.b64decode("".join(data[:1_000_000].split())[:65536] + "==", validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(head)) as picture:
                width, height = picture.size
        if width * height <= MAX_EMBEDDED_PIXELS:
            return
        size = f"{width:,} x {height:,}"
    except Image.DecompressionBombError:
        pass
    except Exception:  # an unreadable header: the renderer skips the picture
        return
    raise DrawingError(
        f"the drawing {name} embeds a picture of {size} pixels; at most "
        f"{MAX_EMBEDDED_PIXELS // 1_000_000} million",
        "embed a smaller picture, e.g. 2,000 pixels wide",
    )


def rendered(text: str, width: int, height: int, name: str) -> bytes:
    """The drawing as a PNG of width x height, drawn in a child process in an empty folder,
    within RENDER_SECONDS and RENDER_MEMORY; anything else is a DrawingError."""
    plain = "<text" not in text  # the system's fonts: half a rendering's time; text needs them
    command = [sys.executable, "-I", "-c", _CHILD, str(width), str(height), "01"[plain]]
    with tempfile.TemporaryDirectory(prefix="wocdeck-svg-") as empty:
        try:
            done = subprocess.run(
                [*command, str(RENDER_MEMORY)],
                input=text.encode("utf-8"),
                capture_output=True,
                cwd=empty,
                timeout=RENDER_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DrawingError(
                f"the drawing {name} takes more than {RENDER_SECONDS:g} s to draw",
                "simplify its filters (blur, turbulence), or save it as PNG",
            ) from None
    if done.returncode == 0 and done.stdout.startswith(b"\x89PNG"):
        return done.stdout
    if done.returncode < 0 or b"MemoryError" in done.stderr or b"memory" in done.stderr:
        raise DrawingError(
            f"the drawing {name} could not be drawn: the renderer ran out of memory or crashed",
            "simplify it, or save it as PNG",
        )
    reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
    detail = reason[-1].partition(": ")[2] if reason else "unknown reason"
    raise DrawingError(f"the drawing {name} cannot be drawn ({detail[:200]})", _HINT)
