"""The "opens without repair" check itself: a sound deck passes, each kind of fault fails it."""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.ooxml import assert_opens_cleanly
from wocdeck.pipeline import render


@pytest.fixture(scope="module")
def showcase(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase deck: every kind of part (pictures, SVG, charts, tables, notes)."""
    out = tmp_path_factory.mktemp("showcase") / "showcase.pptx"
    return render(ROOT / "examples" / "showcase.yaml", out).output


def _broken(deck: Path, folder: Path, part: str, change: Callable[[str], str]) -> Path:
    """A copy of the deck with one part's XML changed (or one part written twice)."""
    out = folder / "broken.pptx"
    with zipfile.ZipFile(deck) as source, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate entry
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == part:
                    data = change(data.decode("utf-8")).encode("utf-8")
                target.writestr(info, data)
            if part == "twice":
                target.writestr("ppt/slides/slide2.xml", source.read("ppt/slides/slide2.xml"))
    return out


def _slide_with(deck: Path, marker: str) -> str:
    with zipfile.ZipFile(deck) as package:
        return next(
            n
            for n in sorted(package.namelist())
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", n) and marker in package.read(n).decode()
        )


def _rels(slide: str) -> str:
    folder, name = slide.rsplit("/", 1)
    return f"{folder}/_rels/{name}.rels"


def test_the_showcase_opens_cleanly(showcase: Path) -> None:
    assert_opens_cleanly(showcase)


BREAKAGES: dict[str, tuple[str, Callable[[str], str], str]] = {
    "elements out of order": (
        "ppt/slides/slide2.xml",
        lambda s: re.sub(r"(<a:off [^>]*/>)(<a:ext [^>]*/>)", r"\2\1", s, count=1),
        "Unexpected element 'off'",
    ),
    "two shapes with one id": (
        "ppt/slides/slide2.xml",
        lambda s: s.replace('id="3"', 'id="2"', 1),
        "Duplicate shape ID",
    ),
    "a slide without its content type": (
        "[Content_Types].xml",
        lambda s: re.sub(r'<Override PartName="/ppt/slides/slide1.xml"[^>]*/>', "", s),
        "has content type 'application/xml'",
    ),
    "pictures without a content type": (
        "[Content_Types].xml",
        lambda s: re.sub(r'<Default Extension="png"[^>]*/>', "", s),
        "no content type",
    ),
    "a slide listed twice": (
        "ppt/presentation.xml",
        lambda s: s.replace('r:id="rId8"', 'r:id="rId7"', 1),
        "lists rId7 2 times",
    ),
    "a part written twice": ("twice", lambda s: s, "written 2 times"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_each_kind_of_fault_fails_the_check(showcase: Path, tmp_path: Path, name: str) -> None:
    part, change, expected = BREAKAGES[name]
    with pytest.raises(AssertionError) as failure:
        assert_opens_cleanly(_broken(showcase, tmp_path, part, change))
    assert expected in str(failure.value)


def test_a_table_row_short_of_its_grid_fails_the_check(showcase: Path, tmp_path: Path) -> None:
    slide = _slide_with(showcase, "<a:tbl>")
    no_column = re.compile(r"<a:gridCol [^>]*/>")
    broken = _broken(showcase, tmp_path, slide, lambda s: no_column.sub("", s, count=1))
    with pytest.raises(AssertionError, match="grid columns"):
        assert_opens_cleanly(broken)


def test_a_relationship_id_used_twice_fails_the_check(showcase: Path, tmp_path: Path) -> None:
    rels = _rels(_slide_with(showcase, "<p:pic>"))
    broken = _broken(showcase, tmp_path, rels, lambda s: s.replace('Id="rId2"', 'Id="rId1"', 1))
    with pytest.raises(AssertionError, match="rId1 used 2 times"):
        assert_opens_cleanly(broken)
