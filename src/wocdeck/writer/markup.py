"""PresentationML and DrawingML for planned slides, written as XML text.

Writing a slide's XML straight from its plan is much faster than building it node by node
through python-pptx's shape and text API, which was most of the time of a large deck (writing
1,000 slides with notes took 5.5 s that way, 0.33 s this way). The writer hands the
XML to python-pptx as part blobs; python-pptx still owns the package, its relationships and
the template. Every value is escaped here, and read/source.py has already refused the characters
XML cannot hold.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from wocdeck.look.contrast import DRAWN_AS
from wocdeck.look.scripts import has_arabic, has_east_asian
from wocdeck.look.theme import Fonts, Theme
from wocdeck.plan import Box, Paragraph, Role, TextBox

NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
SCHEME_VALUES = {**DRAWN_AS, **{f"accent{i}": f"accent{i}" for i in range(1, 7)}}
BULLET = "\u2022"
SUB_BULLET = "\u2013"  # second-level bullets: an en dash, as PowerPoint's default outline
# East Asian punctuation may not hang past the margin: wrapping measured it inside the box.
_HANGING = ' hangingPunct="0"'
EMU_PER_POINT = 12700
_RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
_TREE_START = (
    '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
)
_SVG_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_SVG_NS = 'xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"'
_DECORATIVE = (
    '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
    'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext>'
)
_CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_TREE_END = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"


class Placeholder(NamedTuple):
    """A layout's or master's placeholder as a slide inherits it: `p:ph` attributes and name."""

    kind: str  # the ph type: "title", "ctrTitle", "obj", "subTitle", "ftr", "sldNum", ...
    attributes: str  # the p:ph element's attributes, written as XML
    name: str  # the name's stem, e.g. "Title" for "Title 1"
    align: str = ""  # its first level's alignment in the layout (l, ctr, r)


def text(value: str) -> str:
    """Escape element text."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribute(value: str) -> str:
    """Escape an attribute value (double-quoted); line breaks and tabs survive."""
    return text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def emu(points: float) -> int:
    """Points as English Metric Units."""
    return round(points * EMU_PER_POINT)


def xfrm(box: Box) -> str:
    """A shape's position and size."""
    return (
        f'<a:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
        f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>'
    )


def color(slot: str) -> str:
    """A solid fill with a theme colour slot (dark1, accent1, ...)."""
    return f'<a:solidFill><a:schemeClr val="{SCHEME_VALUES[slot]}"/></a:solidFill>'


def slide(shapes: list[str]) -> bytes:
    """A slide part holding shapes in z-order."""
    return (
        f"{_DECLARATION}<p:sld {NAMESPACES}>{_TREE_START}<p:grpSpPr/>{''.join(shapes)}"
        f"{_TREE_END}</p:sld>"
    ).encode()


def notes(placeholders: list[Placeholder], note: str, *, rtl: bool = False) -> bytes:
    """A notes slide: the notes master's slide image, notes and number placeholders."""
    shapes = []
    for shape_id, placeholder in enumerate(placeholders, start=2):
        body = _notes_body(note, rtl) if placeholder.kind == "body" else ""
        shapes.append(_placeholder(shape_id, placeholder, "<p:spPr/>", body))
    group = (
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
    )
    return (
        f"{_DECLARATION}<p:notes {NAMESPACES}>{_TREE_START}{group}{''.join(shapes)}"
        f"{_TREE_END}</p:notes>"
    ).encode()


def _notes_body(note: str, rtl: bool = False) -> str:
    direction = '<a:pPr algn="r" rtl="1"/>' if rtl else ""
    paragraphs = "".join(
        f"<a:p>{direction}<a:r><a:t>{text(line)}</a:t></a:r></a:p>" if line else "<a:p/>"
        for line in note.split("\n")
    )
    return f"<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody>"


def placeholder(
    shape_id: int, inherited: Placeholder, box: TextBox, theme: Theme, *, positioned: bool = True
) -> str:
    """A placeholder filled with a planned text box; unpositioned ones keep the layout's place.

    Bullet marks come from the template's styles, and so do colour and alignment where the
    box sets none, so the text looks as the template says and "Reset slide" keeps it.
    """
    geometry = f"<p:spPr>{xfrm(box.box)}</p:spPr>" if positioned else "<p:spPr/>"
    return _placeholder(shape_id, inherited, geometry, text_body(box, theme, inherit=True))


def slide_number(
    shape_id: int, inherited: Placeholder, field: str, number: int, footer: TextBox, theme: Theme
) -> str:
    """The slide-number placeholder with its field showing `number` in the footer's size and
    colour."""
    language = _fonts(theme.fonts).language
    slot = footer.paragraphs[0].color if footer.paragraphs else ""
    fill = color(slot or footer.color) if slot or footer.color else ""
    # right to left: the number on the left margin, aligned to it, as the layout's is mirrored
    mirrored = {"r": "l", "l": "r"}.get(inherited.align, "") if footer.rtl else ""
    properties = f'<a:pPr algn="{mirrored}"/>' if mirrored else ""  # a digit needs no rtl
    body = (
        f"<p:txBody><a:bodyPr/><a:lstStyle/><a:p>{properties}"
        f'<a:fld id="{attribute(field)}" type="slidenum">'
        f'<a:rPr{language} sz="{round(footer.size * 100)}">{fill}</a:rPr><a:t>{number}</a:t>'
        "</a:fld></a:p></p:txBody>"
    )
    return _placeholder(shape_id, inherited, "<p:spPr/>", body)


def _placeholder(shape_id: int, inherited: Placeholder, geometry: str, body: str) -> str:
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(inherited.name)} '
        f'{shape_id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f"<p:nvPr><p:ph{inherited.attributes}/></p:nvPr></p:nvSpPr>{geometry}{body}</p:sp>"
    )


def text_box(shape_id: int, box: TextBox, theme: Theme) -> str:
    """A free text box (no fill) holding a planned text box."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(box.name)}"/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm(box.box)}{_RECT}<a:noFill/>'
        f"</p:spPr>{text_body(box, theme)}</p:sp>"
    )


def rectangle(
    shape_id: int, name: str, box: Box, fill: str, *, description: str = "", body: str = ""
) -> str:
    """A flat rectangle: a theme-colour fill, no outline, no shadow; optionally holding text."""
    described = f' descr="{attribute(description)}"' if description else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(name)}"{described}/>'
        f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm(box)}{_RECT}{color(fill)}"
        f"<a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>{body}</p:sp>"
    )


def tile(shape_id: int, box: TextBox, theme: Theme) -> str:
    """A figure tile: a flat rectangle holding label, value and caption, with alt text."""
    return rectangle(
        shape_id,
        box.name,
        box.box,
        box.fill or "light2",
        description=box.description,
        body=text_body(box, theme),
    )


def picture(
    shape_id: int,
    name: str,
    description: str,
    rId: str,
    box: Box,
    *,
    svg: str = "",
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    decorative: bool = False,
    slot: str = "",
) -> str:
    """A picture shape showing the image related to the slide as rId.

    svg: the rId of an SVG drawing shown instead, rId being its PNG rendering (PowerPoint's
    a:svgBlip); crop: the fractions cut from the left, top, right and bottom edges;
    decorative: marked as PowerPoint's "Mark as decorative" (no alt text read out); slot: the
    attributes of the layout's picture placeholder the picture fills.
    """
    described = "" if decorative else f' descr="{attribute(description)}"'
    marked = f"<a:extLst>{_DECORATIVE}</a:extLst>" if decorative else ""
    drawing = f'<a:extLst><a:ext uri="{_SVG_URI}"><asvg:svgBlip {_SVG_NS} r:embed="{svg}"/>'
    blip = (
        f'<a:blip r:embed="{rId}">{drawing}</a:ext></a:extLst></a:blip>'
        if svg
        else (f'<a:blip r:embed="{rId}"/>')
    )
    cut = ""
    if any(crop):
        left, top, right, bottom = (round(c * 100_000) for c in crop)
        cut = f'<a:srcRect l="{left}" t="{top}" r="{right}" b="{bottom}"/>'
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{attribute(name)}"{described}>'
        f'{marked}</p:cNvPr><p:cNvPicPr><a:picLocks noChangeAspect="1"/>'
        f"</p:cNvPicPr><p:nvPr>{f'<p:ph{slot}/>' if slot else ''}</p:nvPr></p:nvPicPr>"
        f"<p:blipFill>{blip}{cut}"
        f"<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{xfrm(box)}{_RECT}</p:spPr>"
        "</p:pic>"
    )


def chart(shape_id: int, name: str, description: str, rId: str, box: Box) -> str:
    """A graphic frame showing the chart part related to the slide as rId."""
    return (
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{attribute(name)}" '
        f'descr="{attribute(description)}"/><p:cNvGraphicFramePr><a:graphicFrameLocks '
        'noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
        f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></p:xfrm>'
        f'<a:graphic><a:graphicData uri="{_CHART_NS}"><c:chart xmlns:c="{_CHART_NS}" '
        f'r:id="{rId}"/></a:graphicData></a:graphic></p:graphicFrame>'
    )


def text_body(box: TextBox, theme: Theme, *, inherit: bool = False) -> str:
    """A fitted text box as `p:txBody`: insets, anchor and no autofit, every size explicit.

    inherit: bullet marks and the weight of plain text are the placeholder's (the template's).
    """
    inset_x, inset_y = emu(box.inset_x), emu(box.inset_y)
    paragraphs = box_paragraphs(box, theme, inherit=inherit)
    return (
        f'<p:txBody><a:bodyPr wrap="square" lIns="{inset_x}" tIns="{inset_y}" rIns="{inset_x}" '
        f'bIns="{inset_y}" anchor="{box.anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        f"{paragraphs or '<a:p/>'}</p:txBody>"
    )


def box_paragraphs(box: TextBox, theme: Theme, *, inherit: bool = False) -> str:
    """A fitted text box's paragraphs as `a:p` elements (for a text body or a table cell)."""
    return "".join(
        _paragraph(planned, box, theme, first=index == 0, inherit=inherit)
        for index, planned in enumerate(box.paragraphs)
    )


def _paragraph(
    planned: Paragraph, box: TextBox, theme: Theme, *, first: bool, inherit: bool
) -> str:
    size = box.size * planned.scale
    margin = emu(planned.margin_left)
    level = f' lvl="{planned.level}"' if planned.level else ""
    indent = -emu(planned.hanging)
    before = 0 if first else planned.space_before(box.size)
    line = planned.line_height(box.size, box.line_spacing)
    direction = ' rtl="1"' if box.rtl else ""
    align = f' algn="{box.align}"' if box.align else ""
    bullet = "" if inherit and planned.role is Role.BULLET else _bullet(planned, theme)
    properties = (
        f'<a:pPr marL="{margin}"{level} indent="{indent}"{align}{direction}{_HANGING}>'
        f'<a:lnSpc><a:spcPts val="{round(line * 100)}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{round(before * 100)}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>'
    )
    slot = planned.color or box.color
    fill = color(slot) if slot else ""
    fonts = _fonts(theme.fonts)
    runs = []
    for run in planned.runs:
        bold = run.bold or planned.role is Role.HEADING
        for number, piece in enumerate(run.text.split("\n")):
            language, font, east_asian = _script(fonts, piece, run.lang)
            # CJK fonts have no italic, and bold only where the typeface has a bold weight:
            # a renderer would otherwise slant or smear the glyphs synthetically.
            if east_asian and not fonts.fonts.east_asian_bold:
                weight = ' b="0"'
            else:
                weight = "" if inherit and not bold else f' b="{int(bold)}"'  # a placeholder's own
                weight = f' b="{int(bold)}"' if box.plain else weight
            italic = ' i="1"' if run.italic and not east_asian else ""
            italic = italic or (' i="0"' if box.plain else "")
            cap = ' cap="none"' if box.plain else ""  # the text as written, not forced capitals
            style = f' sz="{round(size * 100)}"{weight}{italic}{cap}'
            if number:
                runs.append(f"<a:br><a:rPr{language}{style}/></a:br>")
            if piece:
                runs.append(
                    f"<a:r><a:rPr{language}{style}>{fill}{font}</a:rPr>"
                    f"<a:t>{text(piece)}</a:t></a:r>"
                )
    return f"<a:p>{properties}{''.join(runs)}</a:p>"


def _script(fonts: _FontMarkup, piece: str, lang: str) -> tuple[str, str, bool]:
    """A run's language attributes and font element by the script (and language) of its text,
    and whether it is East Asian."""
    if has_arabic(piece):
        return fonts.complex_script_language, fonts.complex_script_font, False
    if lang or has_east_asian(piece):
        if not lang or lang == fonts.fonts.east_asian_language:
            return fonts.east_asian_language, fonts.east_asian_font, True
        return (
            _east_asian_attributes(lang, fonts.fonts.language),
            _east_asian_element(fonts.fonts.east_asian_font(lang)),
            True,
        )
    return fonts.language, "", False


@lru_cache(maxsize=64)
def _east_asian_attributes(tag: str, alternative: str) -> str:
    return f' lang="{attribute(tag)}" altLang="{attribute(alternative)}"'


@lru_cache(maxsize=64)
def _east_asian_element(typeface: str) -> str:
    return f'<a:ea typeface="{attribute(typeface)}"/>'


def _bullet(planned: Paragraph, theme: Theme) -> str:
    """The bullet (or its absence), explicit so every renderer agrees."""
    if planned.role is not Role.BULLET:
        return "<a:buNone/>"
    fonts = _fonts(theme.fonts)
    return fonts.sub_bullet if planned.level else fonts.bullet


class _FontMarkup(NamedTuple):
    """A theme's font and language markup, escaped once per deck rather than once per run."""

    language: str  # rPr attributes of a Latin run
    east_asian_language: str  # rPr attributes of a run with East Asian text
    east_asian_font: str  # the a:ea element naming the East Asian typeface
    complex_script_language: str  # rPr attributes of a run with Arabic text
    complex_script_font: str  # the a:cs element naming the Arabic typeface
    bullet: str  # a bulleted paragraph's bullet colour, font and character
    sub_bullet: str  # the same for second-level bullets
    fonts: Fonts  # the fonts themselves, for text in another East Asian language


@lru_cache(maxsize=8)
def _fonts(fonts: Fonts) -> _FontMarkup:
    language = attribute(fonts.language)
    return _FontMarkup(
        language=f' lang="{language}"',
        east_asian_language=f' lang="{attribute(fonts.east_asian_language)}" altLang="{language}"',
        east_asian_font=f'<a:ea typeface="{attribute(fonts.east_asian)}"/>',
        complex_script_language=(
            f' lang="{attribute(fonts.complex_script_language)}" altLang="{language}"'
        ),
        complex_script_font=f'<a:cs typeface="{attribute(fonts.complex_script)}"/>',
        bullet=_bullet_markup(fonts, BULLET),
        sub_bullet=_bullet_markup(fonts, SUB_BULLET),
        fonts=fonts,
    )


def _bullet_markup(fonts: Fonts, character: str) -> str:
    return (
        f'<a:buClr><a:schemeClr val="{SCHEME_VALUES["accent1"]}"/></a:buClr>'
        f'<a:buFont typeface="{attribute(fonts.latin)}"/><a:buChar char="{character}"/>'
    )
