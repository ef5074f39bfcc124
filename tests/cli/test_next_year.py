"""`wocdeck next-year`: what it prints, the figures validate asks for, the render once they
are filled, and the plain refusals that write nothing."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Cli
from tests.ooxml import assert_opens_cleanly
from tests.pdfcheck import convert

FILLED = {"33,745": "36000", "3,571": "4000", "87": "100"}


def test_next_year_writes_the_new_deck_and_lists_what_to_look_at(cli: Cli, seed_copy: Path) -> None:
    code, out, _ = cli("next-year", seed_copy, "--date", "2019-09-24")
    new = seed_copy.with_name("deck-2019.yaml")
    assert code == 0
    lines = new.read_text(encoding="utf-8").splitlines()
    pct = lines.index("            value:  # 2018: 33,745; give the 2019 figure") + 1
    assert f"wrote {new} (next year's deck, 2019-09-24, from {seed_copy})" in out
    assert f"  {new}:9: Side-Event at the 2019 WIPO Assemblies" in out
    assert f"  {new}:{pct}: PCT (was 33,745)" in out
    assert f"  {new}:29: budget (was CHF 108,348)" in out
    online = lines.index(
        "      - Online filing and e-communication started operation in June, 2018"
    )
    assert re.search(rf"{new}:{online + 1}: focus 4 achievements: Online filing .*2018", out)
    assert f"{new}:124: year_ahead: Sustained promotion" in out


def test_validate_names_every_emptied_figure_at_its_line(cli: Cli, seed_copy: Path) -> None:
    cli("next-year", seed_copy, "--date", "2019-09-24")
    new = seed_copy.with_name("deck-2019.yaml")
    lines = new.read_text(encoding="utf-8").splitlines()
    code, _, err = cli("validate", new)
    assert code == 1
    for label, figure in (("PCT", "33,745"), ("Madrid", "3,571"), ("Hague", "87")):
        line = lines.index(f"            value:  # 2018: {figure}; give the 2019 figure") + 1
        assert f"{new}:{line}:19: error: give the 2019 figure for '{label}' (2018: {figure})" in err
    assert f"{new}:29:12: error: give the 2019 budget amount" in err


def test_the_filled_deck_renders_the_new_year_and_changes_from_last_years_figures(
    cli: Cli, seed_copy: Path, renderer: None
) -> None:
    cli("next-year", seed_copy, "--date", "2019-09-24")
    new = seed_copy.with_name("deck-2019.yaml")
    text = new.read_text(encoding="utf-8")
    for old, filled in FILLED.items():
        text = text.replace(f"value:  # 2018: {old}; give the 2019 figure", f"value: {filled}")
    text = text.replace("amount:  # 2018: CHF 108,348; give the 2019 budget", "amount: 110000")
    new.write_text(text, encoding="utf-8")
    assert cli("render", seed_copy)[0] == 0
    assert cli("render", new)[0] == 0
    assert_opens_cleanly(new.with_suffix(".pptx"))
    pages = convert([seed_copy.with_suffix(".pptx"), new.with_suffix(".pptx")])
    before, after = ([" ".join(w.text for w in page.words) for page in pages[d]] for d in pages)
    assert (
        before[0].replace("2018", "2019").replace("Thursday, September 27", "Tuesday, September 24")
        == after[0]
    )
    assert all("Side-Event at the 2019 WIPO Assemblies" in page for page in after[1:-1])
    shown = " ".join(after)
    assert "36,000 (Jan-Aug), growing by 6.7%" in shown  # from 33,745
    assert "4,000 (Jan-Aug), growing by 12%" in shown  # from 3,571
    assert "CHF 110,000" in shown and "CHF 108,348" not in shown


def test_refusals_are_plain_and_write_nothing(cli: Cli, seed_copy: Path) -> None:
    folder = seed_copy.parent
    code, _, err = cli("next-year", seed_copy, "--date", "2017-09-24")
    assert code == 1
    assert "error: the new date 2017-09-24 is not in a later year than this deck's" in err
    assert sorted(p.name for p in folder.iterdir()) == ["deck.yaml"]

    cli("next-year", seed_copy, "--date", "2019-09-24")
    new = seed_copy.with_name("deck-2019.yaml")
    written = new.read_bytes()
    code, _, err = cli("next-year", seed_copy, "--date", "2019-10-01")
    assert (code, new.read_bytes()) == (1, written)
    assert f"error: {new}: already exists; wocdeck next-year never overwrites a file" in err

    code, _, err = cli("next-year", new, "--date", "2020-09-24")
    assert code == 1
    assert "error: the figure for 'PCT' is already empty: this deck looks carried over" in err
    assert not folder.joinpath("deck-2020.yaml").exists()
    assert "Traceback" not in err
