"""A template's XML read part by part: finding elements as ElementTree does."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest

from tests.conftest import ROOT
from tests.templates import TEMPLATES
from wocdeck.look.template_parts import clark, find

PATHS = (
    "p:cSld",
    "p:cSld/p:spTree",
    "./*/p:nvPr/p:ph",
    "./*/p:cNvPr",
    "p:spPr/a:xfrm/a:off",
    "p:txBody/a:bodyPr",
    "p:txBody/a:lstStyle/a:lvl1pPr",
    "p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr",
    "p:titleStyle/a:lvl1pPr/a:defRPr",
    "p:txStyles",
    "*/*",
    ".//p:ph[@type='sldNum']",
    ".//a:clrScheme",
)


@pytest.mark.parametrize("template", ["wipo", *sorted(TEMPLATES)])
def test_find_finds_what_elementtree_finds(tmp_path, template: str) -> None:
    if template == "wipo":
        path = ROOT / "themes" / "wipo" / "wipo.potx"
    else:
        path = TEMPLATES[template](tmp_path)
    with zipfile.ZipFile(path) as package:
        parts = [n for n in package.namelist() if n.endswith(".xml") and "slide" in n]
        for name in parts:
            root = ET.fromstring(package.read(name))
            for element in root.iter():
                for step in PATHS:
                    assert find(element, step) is element.find(clark(step)), (name, step)
