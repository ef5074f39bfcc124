"""A theme part's colour and font schemes, written from a theme.yaml's colours and fonts."""

from __future__ import annotations

from lxml import etree
from pptx.opc.package import Part
from pptx.oxml.ns import qn

from wocdeck.look.theme import Theme

_SCHEME_SLOTS = {
    "dk1": "dark1",
    "lt1": "light1",
    "dk2": "dark2",
    "lt2": "light2",
    **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
    "hlink": "hyperlink",
    "folHlink": "followed_hyperlink",
}


def restyle(part: Part, theme: Theme) -> None:
    """Write the theme's colours and fonts into a theme part, where PowerPoint's pickers look."""
    root = etree.fromstring(part.blob)
    root.set("name", theme.name)
    scheme = root.find(".//" + qn("a:clrScheme"))
    scheme.set("name", theme.name)
    for slot in scheme:
        slot_name = etree.QName(slot).localname
        for child in list(slot):
            slot.remove(child)
        color = getattr(theme.colors, _SCHEME_SLOTS[slot_name]).upper()
        etree.SubElement(slot, qn("a:srgbClr"), val=color)
    fonts = root.find(".//" + qn("a:fontScheme"))
    fonts.set("name", theme.name)
    for group in (qn("a:majorFont"), qn("a:minorFont")):
        element = fonts.find(group)
        element.find(qn("a:latin")).set("typeface", theme.fonts.latin)
        element.find(qn("a:ea")).set("typeface", theme.fonts.east_asian)
        element.find(qn("a:cs")).set("typeface", theme.fonts.complex_script)
        for script in element.findall(qn("a:font")):
            if script.get("script") == "Hans":
                script.set("typeface", theme.fonts.east_asian)
            elif script.get("script") == "Arab":
                script.set("typeface", theme.fonts.complex_script)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def flatten_effects(part: Part) -> None:
    """A flat style: no shadows or 3-D in the theme's effect styles."""
    root = etree.fromstring(part.blob)
    for style in root.iter(qn("a:effectStyle")):
        for child in list(style):
            style.remove(child)
        etree.SubElement(style, qn("a:effectLst"))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
