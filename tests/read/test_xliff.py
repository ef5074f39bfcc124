"""An XLIFF file from outside: its units with emphasis as the deck writes it, and every file
that is not a deck's XLIFF 1.2 refused at its line, with no DTD or entity ever read."""

from __future__ import annotations

from pathlib import Path

import pytest

from wocdeck.errors import DeckError
from wocdeck.read import xliff
from wocdeck.read.xliff import read_xliff

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="deck.yaml" source-language="en" target-language="fr" datatype="plaintext">'
    "<body>\n"
)
TAIL = "</body></file></xliff>\n"


def _file(tmp_path: Path, body: str, head: str = HEAD, tail: str = TAIL) -> Path:
    path = tmp_path / "deck.fr.xlf"
    path.write_text(head + body + tail, encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    with pytest.raises(DeckError) as caught:
        read_xliff(path)
    return str(caught.value)


def test_units_with_bold_markup_segments_and_paired_codes(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        '<trans-unit id="a"><source>Organizing <g id="1" ctype="bold">28</g> seminars</source>'
        '<target state="translated"><mrk mtype="seg" mid="1">Organisation de <g id="1" '
        'ctype="bold">28</g> séminaires</mrk></target>'
        '<context-group><context context-type="x-source-hash">0123456789ab</context>'
        "</context-group></trans-unit>\n"
        '<trans-unit id="b"><source>Cooperation with <g id="1">20</g></source>'
        '<target>Coopération avec <bpt id="1">&lt;b&gt;</bpt>20<ept id="1">&lt;/b&gt;</ept>'
        "</target></trans-unit>\n"
        '<trans-unit id="c"><source>Intern</source><target state="needs-translation"/>'
        "</trans-unit>\n",
    )
    found = read_xliff(path)
    assert (found.original, found.source_language, found.target_language) == (
        "deck.yaml",
        "en",
        "fr",
    )
    a, b, c = found.units
    assert (a.id, a.source, a.target, a.hash, a.line) == (
        "a",
        "Organizing **28** seminars",
        "Organisation de **28** séminaires",
        "0123456789ab",
        4,
    )
    assert (b.source, b.target, b.hash) == (
        "Cooperation with **20**",
        "Coopération avec **20**",
        None,
    )
    assert (c.target, c.reviewed) == (None, False)


def test_markup_the_deck_cannot_hold_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        '<trans-unit id="a"><source>Intern</source>\n<target>Stagiaire <x id="1"/></target>'
        "</trans-unit>\n",
    )
    assert _refused(path) == (
        f"{path}:5: error: the unit 'a' has <x> markup, which the deck's text cannot hold "
        "(keep only the text and the bold markup the exported file had)"
    )


def test_a_file_cut_short_is_a_located_error(tmp_path: Path) -> None:
    path = _file(tmp_path, '<trans-unit id="a"><source>Intern</source>', tail="")
    message = _refused(path)
    assert message.startswith(f"{path}:4:")
    assert "error: this is not a well-formed XLIFF file (" in message
    assert message.endswith(
        "(it may have been cut short or edited by hand; export it again with wocdeck translate "
        "export, and send the translator that file)"
    )


def test_entities_and_dtds_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    head = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE xliff [<!ENTITY s SYSTEM "{secret.as_uri()}"><!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' + HEAD.split("\n", 1)[1]
    )
    path = _file(tmp_path, '<trans-unit id="a"><source>&s;&b;</source></trans-unit>', head)
    assert _refused(path) == (
        f"{path}:1: error: this XLIFF file declares a DOCTYPE, which wocdeck does not read "
        "(export it again with wocdeck translate export, and send the translator that file)"
    )


def test_other_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    two = tmp_path / "two.xlf"
    two.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"></xliff>',
        encoding="utf-8",
    )
    assert _refused(two).startswith(
        f"{two}:1: error: this file is XLIFF 2.0; wocdeck reads XLIFF 1.2 (save it from your "
        "translation tool as XLIFF 1.2 (.xlf)"
    )
    html = tmp_path / "page.xlf"
    html.write_text("<html><body>hello</body></html>", encoding="utf-8")
    assert "error: this file is not XLIFF 1.2; wocdeck reads XLIFF 1.2" in _refused(html)
    bare = _file(tmp_path, "", head=HEAD.replace(' target-language="fr"', ""))
    assert f"{bare}:3: error: the <file> part has no target-language" in _refused(bare)


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(xliff, "MAX_XLIFF_BYTES", 1000)
    path = _file(tmp_path, '<trans-unit id="a"><source>Intern</source></trans-unit>' * 40)
    assert _refused(path).startswith(f"{path}: error: the file is larger than ")


def test_a_folder_or_a_device_is_not_read(tmp_path: Path) -> None:
    assert (
        _refused(tmp_path)
        == f"{tmp_path}: error: this is not a file (give the translated .xlf file)"
    )
    assert _refused(Path("/dev/zero")) == (
        "/dev/zero: error: this is not a file (give the translated .xlf file)"
    )
    missing = tmp_path / "missing.xlf"
    assert (
        _refused(missing) == f"{missing}: error: cannot read this file: No such file or directory"
    )
