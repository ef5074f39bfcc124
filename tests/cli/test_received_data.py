"""Data from a received folder is written as data: a chart's categories and series names are
text in its workbook (never a formula or a link), CSV text is checked like YAML text, and CSV
files are capped as they are read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.active import active_content
from tests.conftest import MINIMAL, Cli, write_deck
from tests.ooxml import assert_opens_cleanly

HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/x","click")',
    "http://example.invalid/track",
    "external:\\\\host\\share",
    "+1+cmd|' /C calc'!A0",
]


def _chart_deck(folder: Path, csv: str) -> Path:
    (folder / "data.csv").write_text(csv, encoding="utf-8")
    return write_deck(
        folder, MINIMAL + "slides:\n  - title: Probe\n    chart: {type: column, data: data.csv}\n"
    )


def _cells(pptx: Path) -> str:
    """The text of every embedded workbook's shared strings and sheets."""
    text = []
    with zipfile.ZipFile(pptx) as package:
        for name in package.namelist():
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(package.read(name))) as book:
                    text += [book.read(n).decode() for n in book.namelist() if n.startswith("xl/")]
    return "\n".join(text)


def test_formulas_and_links_in_chart_text_stay_text(cli: Cli, tmp_path: Path) -> None:
    quoted = ['"' + text.replace('"', '""') + '"' for text in HOSTILE]
    csv = "Year," + ",".join(quoted) + "\n"
    csv += "".join(f"{q},{','.join(['1'] * len(HOSTILE))}\n" for q in quoted)
    deck = _chart_deck(tmp_path, csv)
    code, _, err = cli("render", deck)
    assert code == 0, err
    pptx = deck.with_suffix(".pptx")
    assert active_content(pptx) == []
    cells = _cells(pptx)
    assert "calc" in cells and "example.invalid" in cells  # kept, as text
    assert_opens_cleanly(pptx)


def test_characters_xml_cannot_hold_in_a_csv_are_located(cli: Cli, tmp_path: Path) -> None:
    deck = _chart_deck(tmp_path, "Year,PCT\n20\x0017,31600\n")
    code, _, err = cli("render", deck)
    assert code == 1 and "Traceback" not in err, err
    assert f"{tmp_path / 'data.csv'}:2:3: error: the control character U+0000" in err, err
    (tmp_path / "table.csv").write_text("Name,Text\nA,bell\x07\n", encoding="utf-8")
    deck = write_deck(tmp_path, MINIMAL + "slides:\n  - title: T\n    table: {csv: table.csv}\n")
    code, _, err = cli("render", deck)
    assert code == 1 and f"{tmp_path / 'table.csv'}:2:7:" in err and "U+0007" in err, err
    assert not deck.with_suffix(".pptx").exists()


def test_csv_files_are_capped_as_they_are_read(cli: Cli, tmp_path: Path) -> None:
    deck = _chart_deck(
        tmp_path, "Year," + ",".join(f"S{n}" for n in range(3000)) + "\n2017" + ",1" * 3000 + "\n"
    )
    code, _, err = cli("validate", deck)
    assert code == 1 and "at most 100 series" in err and "3,000" in err, err
    deck = _chart_deck(tmp_path, "Year,PCT\n" + "".join(f"{n},1\n" for n in range(20_000)))
    code, _, err = cli("validate", deck)
    assert code == 1 and "at most 500 categories" in err, err
    (tmp_path / "table.csv").write_text(
        "Name,Value\n" + "".join(f"R{n},{n}\n" for n in range(100_000)), encoding="utf-8"
    )
    deck = write_deck(tmp_path, MINIMAL + "slides:\n  - title: T\n    table: {csv: table.csv}\n")
    code, _, err = cli("validate", deck)
    assert code == 1 and "at most 2,000 rows" in err and f"{tmp_path / 'table.csv'}:" in err, err
    (tmp_path / "table.csv").write_text("A" + ",B" * 999 + "\n", encoding="utf-8")
    code, _, err = cli("validate", deck)
    assert code == 1 and "at most 50 columns" in err and "1,000" in err, err


def test_a_chart_given_inline_is_capped_at_as_many_series(cli: Cli, tmp_path: Path) -> None:
    series = "".join(f"        S{n}: [1, 2]\n" for n in range(101))
    chart = "    chart:\n      categories: [a, b]\n      series:\n" + series
    deck = write_deck(tmp_path, MINIMAL + "slides:\n  - title: T\n" + chart)
    code, _, err = cli("validate", deck)
    assert code == 1 and f"{deck}:10:" in err and "at most 100" in err, err
