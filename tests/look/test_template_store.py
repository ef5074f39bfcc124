"""The bundled template's stored reading: the same as reading its XML, used only for it, and
only while the file is the one it was read from."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from wocdeck.errors import Location
from wocdeck.look.load import bundled_template
from wocdeck.look.template import fresh_reading, read_template
from wocdeck.look.template_store import reading_json, store_file, stored_reading


def test_the_stored_reading_is_what_reading_the_bundled_template_gives() -> None:
    template = bundled_template()
    fresh, data = fresh_reading(template)
    # tools/build_wipo_template.py writes it: a template rebuilt without it fails here
    assert store_file(template).read_text(encoding="utf-8") == reading_json(fresh, data)
    stored = stored_reading(template, data)
    assert stored is not None and stored == fresh
    read = read_template(template, Location("t"), trusted=True)
    assert read == fresh.template._replace(package=read.package)
    with zipfile.ZipFile(template) as original, zipfile.ZipFile(io.BytesIO(read.package)) as pkg:
        assert sorted(original.namelist()) == sorted(pkg.namelist())
        presentation = pkg.read("[Content_Types].xml").decode()
        assert "presentationml.presentation.main+xml" in presentation
        assert "presentationml.template.main+xml" not in presentation


def test_a_changed_template_is_read_from_its_xml_not_its_stale_store(tmp_path: Path) -> None:
    copy = tmp_path / "wipo.potx"
    _renamed_layout(bundled_template(), copy, "Cover", "Front page")
    shutil.copy(store_file(bundled_template()), store_file(copy))  # the store of other bytes
    read = read_template(copy, Location("t"), trusted=True)
    assert read.layouts[0].name == "Front page"
    assert stored_reading(copy, copy.read_bytes()) is None


def test_a_store_beside_a_template_from_elsewhere_is_never_read(tmp_path: Path) -> None:
    """A deck folder's template is not trusted: a store file sent with it, even one whose
    digest matches, cannot tell wocdeck what its layouts are."""
    copy = tmp_path / "office.potx"
    _renamed_layout(bundled_template(), copy, "Cover", "Front page")
    forged, _ = fresh_reading(bundled_template())
    store_file(copy).write_text(reading_json(forged, copy.read_bytes()), encoding="utf-8")
    assert stored_reading(copy, copy.read_bytes()) is not None  # it would match, if trusted
    read = read_template(copy, Location("t"))
    assert read.layouts[0].name == "Front page"


@pytest.mark.parametrize("damage", ["not json", "a key missing"])
def test_a_damaged_store_is_passed_over(tmp_path: Path, damage: str) -> None:
    """Damaged, or written by another version of wocdeck for the same file: the XML is read."""
    copy = tmp_path / "wipo.potx"
    shutil.copy(bundled_template(), copy)
    if damage == "not json":
        store_file(copy).write_text("{not json", encoding="utf-8")
    else:
        stored = json.loads(store_file(bundled_template()).read_text(encoding="utf-8"))
        del stored["body_scale"]
        store_file(copy).write_text(json.dumps(stored), encoding="utf-8")
    assert stored_reading(copy, copy.read_bytes()) is None
    read = read_template(copy, Location("t"), trusted=True)
    assert read.layouts[0].name == "Cover" and read.body_scale[0] == 22


def _renamed_layout(template: Path, target: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename.startswith("ppt/slideLayouts/slideLayout"):
                blob = blob.replace(f'name="{old}"'.encode(), f'name="{new}"'.encode())
            out.writestr(info, blob)
