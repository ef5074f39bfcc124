"""A deck folder received from someone else: the files it names are read only inside it.

Each probe builds a hostile folder in tmp_path (a "home" beside it holds what it must not
reach) and renders it through the real command line: exit 1 with a message located at the
YAML line naming the file and --allow, or exit 0 when the user allowed the folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import MINIMAL, ROOT, Cli, write_deck

SECRET = "password,hunter2\nuser,alice\n"


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config home of the test's own, so the user's real config never counts."""
    home = tmp_path / "config"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The received deck's folder, and a private folder beside it with files to protect."""
    deck, private = tmp_path / "received", tmp_path / "private"
    deck.mkdir()
    private.mkdir()
    (private / "secret.csv").write_text(SECRET, encoding="utf-8")
    (private / "data.csv").write_text("Year,PCT\n2017,31600\n", encoding="utf-8")
    Image.new("RGB", (40, 30), "red").save(private / "photo.png")
    shutil.copy(ROOT / "themes" / "wipo" / "wipo.potx", private / "brand.potx")
    return deck, private


def _slide(kind: str) -> str:
    return MINIMAL + f"slides:\n  - title: Probe\n    {kind}\n"


def _refused_at(cli: Cli, deck: Path, line: int, name: str, *extra: str) -> str:
    code, _, err = cli("render", deck, *extra)
    assert code == 1, err
    assert "Traceback" not in err
    assert f"{deck}:{line}:" in err, err
    assert name in err and "outside the deck's folder" in err and "--allow" in err, err
    assert not deck.with_suffix(".pptx").exists()
    return err


PROBES = {
    "table csv, ../ path": ("table: {csv: ../private/secret.csv}", "../private/secret.csv"),
    "chart data, absolute path": ("chart: {type: column, data: ABS/data.csv}", "ABS/data.csv"),
    "picture, absolute path": ("picture: {file: ABS/photo.png, alt: A photo}", "ABS/photo.png"),
}


@pytest.mark.parametrize("probe", PROBES)
def test_a_file_outside_the_folder_is_refused_at_its_line(
    cli: Cli, folders: tuple[Path, Path], probe: str
) -> None:
    folder, private = folders
    content, name = (text.replace("ABS", str(private)) for text in PROBES[probe])
    deck = write_deck(folder, _slide(content))
    _refused_at(cli, deck, 7, name)


def test_a_link_leading_out_of_the_folder_is_refused(cli: Cli, folders: tuple[Path, Path]) -> None:
    folder, private = folders
    (folder / "figures.csv").symlink_to(private / "secret.csv")
    (folder / "pictures").symlink_to(private, target_is_directory=True)
    deck = write_deck(folder, _slide("table: {csv: figures.csv}"))
    err = _refused_at(cli, deck, 7, "figures.csv")
    assert str(private / "secret.csv") in err  # says where the link leads
    assert "hunter2" not in err
    deck = write_deck(folder, _slide("picture: {file: pictures/photo.png, alt: A photo}"))
    _refused_at(cli, deck, 7, "pictures/photo.png")


def test_templates_and_themes_outside_the_folder_are_refused(
    cli: Cli, folders: tuple[Path, Path]
) -> None:
    folder, private = folders
    deck = write_deck(folder, f"template: {private}/brand.potx\n" + MINIMAL)
    _refused_at(cli, deck, 1, "brand.potx")
    (private / "theme.yaml").write_text(
        (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    deck = write_deck(folder, "theme: ../private\n" + MINIMAL)
    _refused_at(cli, deck, 1, "../private")
    # a theme inside the folder whose template is a link out of it: refused at the theme's line
    theme = folder / "look"
    theme.mkdir()
    text = (ROOT / "themes" / "wipo" / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(text + "template: brand.potx\n", encoding="utf-8")
    (theme / "brand.potx").symlink_to(private / "brand.potx")
    deck = write_deck(folder, "theme: look\n" + MINIMAL)
    code, _, err = cli("render", deck)
    assert code == 1 and "Traceback" not in err
    lines = len(text.splitlines()) + 1
    assert f"{theme / 'theme.yaml'}:{lines}:" in err and "brand.potx" in err, err


def test_allow_lets_a_named_folder_in(cli: Cli, folders: tuple[Path, Path]) -> None:
    folder, private = folders
    deck = write_deck(folder, _slide("table: {csv: ../private/data.csv}"))
    code, _, err = cli("validate", deck, "--allow", private)
    assert code == 0, err
    code, _, err = cli("render", deck, "--allow", folder.parent / "elsewhere", "--allow", private)
    assert code == 0, err
    assert deck.with_suffix(".pptx").is_file()


def test_the_user_config_allows_folders(
    cli: Cli, folders: tuple[Path, Path], _own_config: Path
) -> None:
    folder, private = folders
    deck = write_deck(folder, _slide("table: {csv: ../private/data.csv}"))
    _refused_at(cli, deck, 7, "../private/data.csv")
    config = _own_config / "wocdeck" / "config.yaml"
    config.parent.mkdir()
    config.write_text(f"allow:\n  - {private}\n", encoding="utf-8")
    code, _, err = cli("render", deck)
    assert code == 0, err
    config.write_text("allow: {folder: x}\n", encoding="utf-8")
    code, _, err = cli("render", deck)
    assert code == 1 and f"{config}:1:" in err and "list of folders" in err, err


def test_bundled_themes_and_files_inside_the_folder_stay_allowed(
    cli: Cli, folders: tuple[Path, Path]
) -> None:
    folder, private = folders
    (folder / "data").mkdir()
    shutil.copy(private / "data.csv", folder / "data" / "filings.csv")
    (folder / "same.csv").symlink_to(folder / "data" / "filings.csv")  # a link that stays inside
    deck = write_deck(folder, "theme: wipo\n" + _slide("chart: {type: column, data: same.csv}"))
    code, _, err = cli("render", deck)
    assert code == 0, err


@pytest.mark.parametrize(
    ("planted", "command"),
    [
        ("deck.pptx", ("render", "--pdf")),
        ("deck.pdf", ("render", "--pdf")),
        ("deck.pdf", ("watch", "--preview")),
    ],
)
def test_a_planted_output_link_is_not_written_through(
    cli: Cli, folders: tuple[Path, Path], planted: str, command: tuple[str, str]
) -> None:
    folder, private = folders
    victim = private / "secret.csv"
    deck = write_deck(folder, MINIMAL)
    (folder / planted).symlink_to(victim)
    code, _, err = cli(command[0], deck, command[1])
    assert code == 1 and "Traceback" not in err, err
    assert f"{planted}: is a link to" in err and "outside the deck's folder" in err, err
    assert "-o" in err
    assert victim.read_text(encoding="utf-8") == SECRET


def test_an_output_link_inside_the_folder_is_written_through(
    cli: Cli, folders: tuple[Path, Path]
) -> None:
    folder, _ = folders
    deck = write_deck(folder, MINIMAL)
    (folder / "deck.pptx").symlink_to(folder / "real.pptx")
    code, _, err = cli("render", deck)
    assert code == 0, err
    assert (folder / "real.pptx").stat().st_size > 0
