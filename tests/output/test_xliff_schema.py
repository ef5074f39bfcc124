"""Every XLIFF file `translate export` writes is valid against the OASIS XLIFF 1.2 schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ROOT

SCHEMAS = ROOT / "tests" / "data" / "xliff"
XML_XSD = "http://www.w3.org/2001/xml.xsd"


class _Offline(etree.Resolver):
    """Resolves the schema's import of the W3C xml.xsd to the copy in the repository."""

    def resolve(self, url, public_id, context):
        if url == XML_XSD:
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        if url.startswith("http"):
            raise AssertionError(f"the schema asked for {url}; only {XML_XSD} is kept here")
        return None  # a local file: lxml reads it


@pytest.fixture(scope="module")
def xliff_schema() -> etree.XMLSchema:
    """The XLIFF 1.2 strict schema, read without the network."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


def _exported(cli, deck: Path, *options: str) -> etree._ElementTree:
    out = deck.parent / "out.xlf"
    code, _, err = cli("translate", "export", deck, *options, "-o", out)
    assert code == 0, err
    return etree.parse(str(out))


def _assert_valid(schema: etree.XMLSchema, tree: etree._ElementTree) -> None:
    if not schema.validate(tree):
        problems = "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(f"not valid XLIFF 1.2:\n{problems}")


def test_the_schema_refuses_what_is_not_xliff_1_2(xliff_schema) -> None:
    broken = etree.fromstring(
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        b'<file original="d" source-language="en" datatype="plaintext"><body>'
        b"<trans-unit><source>no id</source></trans-unit></body></file></xliff>"
    )
    assert not xliff_schema.validate(broken)  # trans-unit needs its id


def test_the_seeds_export_of_every_text_is_valid(cli, seed_copy, xliff_schema) -> None:
    tree = _exported(cli, seed_copy, "--lang", "fr", "--all-texts")
    assert len(tree.findall(".//{*}trans-unit")) > 60
    _assert_valid(xliff_schema, tree)


def test_an_export_with_translations_and_csv_cells_is_valid(cli, tmp_path, xliff_schema) -> None:
    for name in ("translated.yaml", "events.csv", "filings.csv", "showcase.yaml"):
        shutil.copy(ROOT / "examples" / name, tmp_path / name)
    shutil.copytree(ROOT / "examples" / "pictures", tmp_path / "pictures")
    with_targets = _exported(cli, tmp_path / "translated.yaml", "--lang", "fr", "--all-texts")
    assert with_targets.findall(".//{*}target[@state='translated']")
    _assert_valid(xliff_schema, with_targets)
    with_cells = _exported(cli, tmp_path / "showcase.yaml", "--lang", "zh", "--all-texts")
    assert any("!" in unit.get("id") for unit in with_cells.iter("{*}trans-unit"))
    _assert_valid(xliff_schema, with_cells)
