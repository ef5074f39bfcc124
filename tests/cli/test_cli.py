"""The command line: exit codes, located errors, and outputs left alone on failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, run_wocdeck, write_deck
from tests.stress import LOREM
from wocdeck import __version__

# Each kind of broken deck → the location and words wocdeck must answer with.
BROKEN = {
    "yaml syntax": (
        MINIMAL + "about: [one, two\n",
        "deck.yaml:5:8: error: the '[' here is not closed by a ']'",
    ),
    "unknown key": (
        MINIMAL + "about:\n  establshed: 2014-07-10\n",
        "deck.yaml:6:3: error: unknown key 'establshed' in about (did you mean 'established'?)",
    ),
    "duplicate key": (
        MINIMAL + "closing: Thanks\nclosing: Thank you\n",
        "deck.yaml:6:1: error: duplicate key 'closing' (first given on line 5)",
    ),
    "wrong type": (
        MINIMAL + "focus:\n  - name: Outreach\n    goal: eight\n    aims: [a]\n",
        "deck.yaml:7:11: error: focus.goal: should be a whole number such as 8, found 'eight'",
    ),
    "impossible date": (
        MINIMAL.replace("2018-09-27", "2018-02-30"),
        "deck.yaml:4:9: error: '2018-02-30' is not a valid date",
    ),
    "missing field": (
        MINIMAL.replace("  title: Side-Event at the 2018 WIPO Assemblies\n", ""),
        "deck.yaml:1:1: error: 'title' is missing in event",
    ),
    "list where text belongs": (
        MINIMAL + "closing: [Thanks]\n",
        "deck.yaml:5:10: error: closing: should be a line of text, found a list",
    ),
    "unknown theme": (
        "theme: wipoo\n" + MINIMAL,
        "deck.yaml:1:8: error: unknown theme 'wipoo' (did you mean 'wipo'?)",
    ),
    "bold at the start, unquoted": (
        MINIMAL + "year_ahead:\n  - **28** seminars\n",
        '(text that starts with * or & must be quoted: - "**28** seminars")',
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_deck_is_a_located_error(cli, tmp_path: Path, case: str) -> None:
    text, expected = BROKEN[case]
    deck = write_deck(tmp_path, text)
    code, out, err = cli("render", deck)
    assert code == 1
    assert expected in err.replace(str(tmp_path) + "/", "")
    assert "Traceback" not in out + err
    assert not deck.with_suffix(".pptx").exists()


def test_all_errors_are_reported_not_only_the_first(cli, tmp_path: Path) -> None:
    deck = write_deck(
        tmp_path,
        MINIMAL.replace("2018-09-27", "2018-13-01") + "about:\n  locaton: Beijing\nclosing: [x]\n",
    )
    code, _, err = cli("validate", deck)
    assert code == 1
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert len(lines) == 3
    assert [line.split(":")[1] for line in lines] == ["4", "6", "7"]


def test_render_writes_the_deck_and_says_so(cli, seed_copy: Path) -> None:
    code, out, _ = cli("render", seed_copy)
    assert code == 0
    assert f"wrote {seed_copy.with_suffix('.pptx')} (14 slides)" in out
    assert seed_copy.with_suffix(".pptx").stat().st_size > 20_000


def _long_deck(folder: Path) -> Path:
    bullets = "".join(f"  - {LOREM} ({n})\n" for n in range(9))
    return write_deck(folder, MINIMAL + "year_ahead:\n" + bullets)


def test_render_reports_each_adjusted_slide(cli, tmp_path: Path) -> None:
    deck = _long_deck(tmp_path)
    code, out, _ = cli("render", deck, "-o", tmp_path / "out" / "talk.pptx")
    assert code == 0
    assert f'{deck}:5: slide 2 "The Year Ahead": continued on 2 slides' in out
    assert (tmp_path / "out" / "talk.pptx").is_file()


def test_the_seed_renders_without_notices(cli, seed_copy: Path) -> None:
    code, out, _ = cli("render", seed_copy)
    assert code == 0
    assert out == f"wrote {seed_copy.with_suffix('.pptx')} (14 slides)\n"


def test_strict_turns_adjustments_into_errors(cli, tmp_path: Path) -> None:
    deck = _long_deck(tmp_path)
    code, _, err = cli("render", deck, "--strict")
    assert code == 1
    assert f'{deck}:5: error: slide 2 "The Year Ahead": continued on 2 slides' in err
    assert not deck.with_suffix(".pptx").exists()


def test_an_invalid_deck_leaves_the_previous_output_untouched(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL)
    assert cli("render", deck)[0] == 0
    before = deck.with_suffix(".pptx").read_bytes()
    deck.write_text(MINIMAL + "closing: [oops]\n", encoding="utf-8")
    assert cli("render", deck)[0] == 1
    assert deck.with_suffix(".pptx").read_bytes() == before


def test_validate_checks_without_writing(cli, seed_copy: Path) -> None:
    code, out, _ = cli("validate", seed_copy)
    assert (code, out.splitlines()[-1]) == (0, f"{seed_copy}: ok (14 slides)")
    assert list(seed_copy.parent.iterdir()) == [seed_copy]


def test_version_and_help() -> None:
    assert run_wocdeck("--version").stdout.strip() == f"wocdeck {__version__}"
    helped = run_wocdeck("--help")
    assert helped.returncode == 0
    assert all(command in helped.stdout for command in ("render", "validate", "preview"))


def test_command_line_mistakes_exit_2(tmp_path: Path) -> None:
    assert run_wocdeck("render").returncode == 2
    assert run_wocdeck("render", "deck.yaml", "--no-such-flag").returncode == 2
    assert run_wocdeck("explode").returncode == 2


def test_missing_deck_file(cli, tmp_path: Path) -> None:
    code, _, err = cli("render", tmp_path / "nope.yaml")
    assert code == 1
    assert err.strip() == f"{tmp_path / 'nope.yaml'}: error: no such file"


def test_pdf_export(cli, seed_copy: Path, renderer) -> None:
    code, out, _ = cli("render", seed_copy, "--pdf")
    assert code == 0
    pdf = seed_copy.with_suffix(".pdf")
    assert f"wrote {pdf}" in out
    assert pdf.read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_how_to_install(cli, seed_copy: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(seed_copy.parent))
    code, _, err = cli("render", seed_copy, "--pdf")
    assert code == 1
    assert "LibreOffice (soffice) is not installed" in err and "apt-get install" in err
    assert seed_copy.with_suffix(".pptx").is_file()  # the deck itself was written


def test_preview_writes_a_png_per_slide_and_a_sheet(cli, seed_copy: Path, renderer) -> None:
    code, out, _ = cli("preview", seed_copy, "-o", seed_copy.parent / "png")
    assert code == 0
    assert out.splitlines()[-1].startswith(f"wrote 14 slides to {seed_copy.parent / 'png'}")
    pngs = sorted((seed_copy.parent / "png").glob("slide-*.png"))
    assert [p.name for p in pngs][:2] == ["slide-01.png", "slide-02.png"] and len(pngs) == 14
    assert (seed_copy.parent / "png" / "sheet.png").stat().st_size > 10_000


# --- outputs whose suffix must agree with their format, notices everywhere, -h ---


def test_an_output_named_pdf_writes_the_pdf_and_the_pptx_beside_it(
    cli, seed_copy: Path, renderer
) -> None:
    report = seed_copy.parent / "report.pdf"
    code, out, _ = cli("render", seed_copy, "-o", report, "--pdf")
    assert code == 0
    assert f"wrote {report.with_suffix('.pptx')} (14 slides)" in out
    assert f"wrote {report}" in out.splitlines()[-1]
    assert report.read_bytes().startswith(b"%PDF")
    assert report.with_suffix(".pptx").read_bytes().startswith(b"PK")  # not overwritten


def test_pdf_never_overwrites_the_pptx(cli, seed_copy: Path, renderer) -> None:
    target = seed_copy.parent / "talk.pptx"
    code, _, _ = cli("render", seed_copy, "-o", target, "--pdf")
    assert code == 0
    assert target.read_bytes().startswith(b"PK")
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["report.ppt", "report.txt", "report"])
def test_an_output_suffix_that_is_neither_pptx_nor_pdf_is_a_command_line_error(
    cli, seed_copy: Path, name: str
) -> None:
    code, _, err = cli("render", seed_copy, "-o", seed_copy.parent / name)
    assert code == 2
    assert "must end in .pptx (the PowerPoint file) or .pdf" in err
    assert list(seed_copy.parent.iterdir()) == [seed_copy]


def test_rendering_the_pptx_by_mistake_says_it_is_a_powerpoint_file(cli, seed_copy: Path) -> None:
    assert cli("render", seed_copy)[0] == 0
    pptx = seed_copy.with_suffix(".pptx")
    before = pptx.read_bytes()
    code, _, err = cli("render", pptx)
    assert code == 1
    assert err.strip() == (
        f"{pptx}: error: this is a PowerPoint file, not a deck file "
        "(give the deck's YAML file, e.g. wocdeck render deck.yaml)"
    )
    assert pptx.read_bytes() == before
    renamed = seed_copy.parent / "copy.yaml"
    renamed.write_bytes(before)
    code, _, err = cli("validate", renamed)
    assert code == 1 and "this is a PowerPoint file (or another zipped document)" in err


def test_validate_reports_the_fitting_notices_render_reports(cli, tmp_path: Path) -> None:
    deck = _long_deck(tmp_path)
    _, rendered, _ = cli("render", deck)
    code, validated, _ = cli("validate", deck)
    notice = f'{deck}:5: slide 2 "The Year Ahead": continued on 2 slides'
    assert code == 0
    assert notice in rendered and notice in validated


def test_validate_strict_turns_notices_into_errors(cli, tmp_path: Path) -> None:
    deck = _long_deck(tmp_path)
    code, _, err = cli("validate", deck, "--strict")
    assert code == 1
    assert f'{deck}:5: error: slide 2 "The Year Ahead": continued on 2 slides' in err


def test_preview_prints_the_notices(cli, tmp_path: Path, renderer) -> None:
    deck = _long_deck(tmp_path)
    code, out, _ = cli("preview", deck, "-o", tmp_path / "png")
    assert code == 0
    assert f'{deck}:5: slide 2 "The Year Ahead": continued on 2 slides' in out


def test_dash_h_works_like_help() -> None:
    for command in ([], ["render"], ["validate"], ["preview"]):
        short, long = run_wocdeck(*command, "-h"), run_wocdeck(*command, "--help")
        assert short.returncode == 0 and short.stdout == long.stdout
        assert "Usage:" in short.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "."], ".: error: this is a folder, not a deck file"),
        (["render", "/"], "/: error: this is a folder, not a deck file"),
        (["render", ""], ".: error: this is a folder, not a deck file"),
        (["preview", "."], ".: error: this is a folder, not a deck file"),
        (["validate", "/dev/zero"], "/dev/zero: error: this is a device or socket, not a file"),
    ],
)
def test_odd_deck_paths_are_messages(cli, args: list[str], message: str) -> None:
    code, _, err = cli(*args)
    assert code == 1 and err.strip().startswith(message)


def test_a_deck_from_a_pipe_needs_an_output_name(tmp_path: Path) -> None:
    deck = (ROOT / "deck.yaml").read_text(encoding="utf-8")
    done = subprocess.run(
        ["bash", "-c", f'{sys.executable} -m wocdeck.cli render <(cat "$0")', "/dev/stdin"],
        input=deck, capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "give the output with -o" in done.stderr
    done = subprocess.run(
        ["bash", "-c", f'{sys.executable} -m wocdeck.cli render <(cat) -o piped.pptx'],
        input=deck, capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "piped.pptx").read_bytes().startswith(b"PK")


def test_stdout_full_is_a_message_not_a_crash(seed_copy: Path) -> None:
    """A full disk is a failure to report (a closed pipe is not: tests/cli/test_pipes.py)."""
    command = f"{sys.executable} -m wocdeck.cli render {seed_copy} > /dev/full; echo $? >&2"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    *messages, code = done.stderr.strip().splitlines()
    assert code == "1", done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert messages == ["error: cannot print to standard output: No space left on device"]


def test_the_error_report_is_capped(cli, tmp_path: Path) -> None:
    deck = write_deck(tmp_path, MINIMAL + "year_ahead:\n" + '  - ""\n' * 1500)
    code, _, err = cli("validate", deck)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 51
    assert lines[0].startswith(f"{deck}:6:5: error: ") and "empty" in lines[0]
    assert lines[-1] == "... and 1,450 more problems (fix these first)"


def test_an_soffice_that_cannot_run_is_a_message(cli, seed_copy: Path, monkeypatch) -> None:
    broken = seed_copy.parent / "bin"
    broken.mkdir()
    (broken / "soffice").write_bytes(b"\x7fELF not really")
    (broken / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", str(broken))
    code, _, err = cli("render", seed_copy, "--pdf")
    assert code == 1 and "LibreOffice" in err and "cannot be run" in err


def test_a_dash_file_name_is_not_an_option_to_libreoffice(cli, seed_copy, renderer) -> None:
    dashed = seed_copy.rename(seed_copy.parent / "-x.yaml")
    code, _, err = cli("render", dashed, "-o", dashed.parent / "-x.pptx", "--pdf")
    assert code == 0, err
    assert (dashed.parent / "-x.pdf").read_bytes().startswith(b"%PDF")


def test_a_title_that_needs_three_lines_is_a_notice_and_strict_refuses_it(cli, tmp_path) -> None:
    name = "Strengthening Intellectual Property Ecosystems for Micro, Small and Medium " * 2
    deck = write_deck(tmp_path, MINIMAL + f"focus:\n  - name: {name.strip()}\n    aims: [a]\n")
    code, out, _ = cli("render", deck)
    assert code == 0 and ": title too long for two lines at 30 pt: every title set at" in out
    code, _, err = cli("render", deck, "--strict")
    assert code == 1 and "error: slide 2" in err and "(shorten the title)" in err
