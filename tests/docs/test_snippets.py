"""Every YAML example in README.md and docs/*.md, rendered by the real command line.

The rules, also in docs/code-layout.md ("How these pages are tested"):

- A ```yaml block with a top-level `event:` key is a whole deck. Any other block is a
  fragment: top-level keys only, rendered inside tests/docs/base.yaml, whose keys of the same
  names it replaces; it is added at the end of that deck.
- `<!-- snippet: OPTION … -->` on the line just before the block sets options: `error` (the
  deck must be refused with exit 1 and the output below), `lang=XX` (rendered with
  `--lang XX`), `output` (the next fenced block after the YAML is what wocdeck prints: each of
  its lines must be printed, `deck.yaml:LINE` counting lines from the snippet's first line).
- The files a snippet names are the repository's examples/ files (its CSV files and
  pictures/); a template it names under `template:` is python-pptx's default template.
- A deck that renders must hold its own text: every office, title, name, heading, bullet,
  label, caption and closing the snippet writes (`**` removed) is on a slide or in the notes.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from typer.testing import CliRunner

from wocdeck.cli import app

ROOT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).with_name("base.yaml")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = ROOT / "examples"

FENCE = re.compile(r"^```(\S*)\s*$")
MARKER = re.compile(r"^<!--\s*snippet:(.*?)-->\s*$")
TOP_KEY = re.compile(r"^([A-Za-z_]\w*):")
LINE_NUMBER = re.compile(r"^deck\.yaml:(\d+)")
OPTIONS = {"error", "output"}
LANGUAGES = {"en", "fr", "es", "ru", "zh", "ar", "ja", "pt", "de"}
# Keys whose text wocdeck writes as given, and lists whose lines it writes as bullets.
TEXT_KEYS = {"office", "title", "name", "heading", "text", "section", "subtitle", "statement"}
TEXT_KEYS |= {"by", "caption", "location", "label", "closing"}
LIST_KEYS = {"points", "aims", "achievements", "year_ahead", "personnel"}
NOT_TEXT = {"layouts"}  # names of template layouts, not text on a slide
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass
class Snippet:
    """One ```yaml block: where it is, its text, and what the page says it does."""

    page: str
    line: int  # of the opening fence
    text: str
    options: set[str] = field(default_factory=set)
    lang: str | None = None
    output: list[str] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return any(line.startswith("event:") for line in self.text.splitlines())

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def _blocks(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """The fenced blocks of a page: (line of the opening fence, language, lines)."""
    blocks, start, language, body = [], 0, "", []
    inside = False
    for number, line in enumerate(lines, start=1):
        fence = FENCE.match(line)
        if not inside and fence:
            inside, start, language, body = True, number, fence.group(1), []
        elif inside and line.rstrip() == "```":
            inside = False
            blocks.append((start, language, body))
        elif inside:
            body.append(line)
    assert not inside, f"a fenced block opened on line {start} is never closed"
    return blocks


def _options(page: str, line: int, words: list[str]) -> tuple[set[str], str | None]:
    options, lang = set(), None
    for word in words:
        if word.startswith("lang="):
            lang = word.removeprefix("lang=")
        elif word in OPTIONS:
            options.add(word)
        else:
            raise AssertionError(f"{page}:{line}: unknown snippet option {word!r}")
    return options, lang


def snippets_of(path: Path) -> list[Snippet]:
    """The ```yaml blocks of one page, with the options and output its markers give."""
    page = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = _blocks(lines)
    found = []
    for index, (start, language, body) in enumerate(blocks):
        if language != "yaml":
            continue
        marker = MARKER.match(lines[start - 2]) if start >= 2 else None
        options, lang = _options(page, start, marker.group(1).split() if marker else [])
        snippet = Snippet(page, start, "\n".join(body) + "\n", options, lang)
        if options & {"error", "output"}:
            after = [block for block in blocks[index + 1 :] if block[1] != "yaml"]
            assert after, f"{snippet.name}: the output this snippet prints is not shown after it"
            snippet.output = [line for line in after[0][2] if line.strip() not in ("", "…")]
        found.append(snippet)
    return found


SNIPPETS = [snippet for page in PAGES for snippet in snippets_of(page)]


def _sections(text: str) -> list[tuple[str | None, list[str]]]:
    """A deck's text cut at its top-level keys: (key or None for the preamble, lines)."""
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.splitlines():
        key = TOP_KEY.match(line)
        if key:
            sections.append((key.group(1), []))
        sections[-1][1].append(line)
    return sections


def deck_text(snippet: Snippet) -> tuple[str, int]:
    """The deck file a snippet is rendered as, and the line its own first line lands on."""
    if snippet.whole:
        return snippet.text, 0
    keys = {key for key, _ in _sections(snippet.text) if key}
    first = snippet.text.splitlines()[0]
    assert TOP_KEY.match(first), (
        f"{snippet.name}: a fragment starts at a top-level key (such as slides: or focus:), "
        f"not {first!r}; show the keys above it or the whole deck"
    )
    base = _sections(BASE.read_text(encoding="utf-8"))
    kept = [line for key, lines in base if key not in keys for line in lines]
    return "\n".join(kept) + "\n" + snippet.text, len(kept)


def _pick(value: object, languages: list[str]) -> object:
    """One language's value of a per-language group, as wocdeck picks it."""
    if isinstance(value, dict) and value and set(value) <= LANGUAGES:
        for language in languages:
            if language in value:
                return value[language]
    return value


def texts_of(node: object, languages: list[str]) -> list[str]:
    """The text a deck file writes as given, in the language it is rendered in."""
    node = _pick(node, languages)
    found: list[str] = []
    if isinstance(node, list):
        for item in node:
            found += texts_of(item, languages)
    elif isinstance(node, dict):
        for key, value in node.items():
            value = _pick(value, languages)
            if key in NOT_TEXT or (key == "name" and "title" in node):
                continue  # a focus area's name is not written when its title is given
            if isinstance(value, str) and (key in TEXT_KEYS or key in LIST_KEYS):
                found.append(value)
            elif isinstance(value, list) and key in LIST_KEYS:
                found += [item for item in value if isinstance(item, str)]
                found += texts_of([item for item in value if not isinstance(item, str)], languages)
            else:
                found += texts_of(value, languages)
    return found


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def pptx_text(path: Path) -> str:
    """Every paragraph of a deck's slides and notes, one a line, runs joined."""
    paragraphs = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if re.fullmatch(r"ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml", name):
                root = ElementTree.fromstring(package.read(name))
                for paragraph in root.iter(f"{A}p"):
                    runs = "".join(t.text or "" for t in paragraph.iter(f"{A}t"))
                    paragraphs.append(_plain(runs))
    return "\n".join(paragraphs)


def _provide_files(folder: Path, deck: dict) -> None:
    """The examples' CSV files and pictures beside the deck; a template where it names one."""
    for csv in EXAMPLES.glob("*.csv"):
        shutil.copy(csv, folder / csv.name)
    shutil.copytree(EXAMPLES / "pictures", folder / "pictures")
    template = deck.get("template")
    if isinstance(template, str) and not (folder / template).exists():
        from pptx import Presentation

        (folder / template).parent.mkdir(parents=True, exist_ok=True)
        Presentation().save(str(folder / template))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[snippet.name for snippet in SNIPPETS])
def test_the_snippet_renders_as_the_page_says(
    snippet: Snippet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, offset = deck_text(snippet)
    deck = yaml.safe_load(text) if "error" not in snippet.options else {}
    (tmp_path / "deck.yaml").write_text(text, encoding="utf-8")
    _provide_files(tmp_path, deck if isinstance(deck, dict) else {})
    monkeypatch.chdir(tmp_path)
    args = ["render", "deck.yaml", "-o", "out.pptx"]
    if snippet.lang:
        args += ["--lang", snippet.lang]

    result = CliRunner().invoke(app, args)

    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    # pages show the deck's folder as /srv/decks/received (the test's folder is a temporary one)
    shown = (result.stdout + result.stderr).replace(str(tmp_path), "/srv/decks/received")
    printed = shown.replace(str(tmp_path.parent), "/srv/decks").splitlines()
    expected_code = 1 if "error" in snippet.options else 0
    assert result.exit_code == expected_code, f"{snippet.name}:\n" + "\n".join(printed)
    for line in snippet.output:
        line = LINE_NUMBER.sub(lambda m: f"deck.yaml:{int(m.group(1)) + offset}", line.strip())
        assert line in printed, f"{snippet.name}: not printed: {line}\nprinted:\n" + "\n".join(
            printed
        )
    if "error" in snippet.options:
        assert not (tmp_path / "out.pptx").exists()
        return
    written = pptx_text(tmp_path / "out.pptx")
    languages = [snippet.lang or deck.get("language", "en"), deck.get("language", "en")]
    for expected in texts_of(yaml.safe_load(snippet.text), languages):
        assert _plain(expected) in written, f"{snippet.name}: {expected!r} is not in the deck"


def test_the_pages_are_found_and_the_readme_keeps_cis_two_commands() -> None:
    """The pages are found, and CI's two commands open the README's first sh block."""
    assert {snippet.page for snippet in SNIPPETS} >= {"README.md", "docs/deck-file.md"}
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    first_sh = next(body for _, language, body in _blocks(lines) if language == "sh")
    assert first_sh[:2] == [
        "pip install . && wocdeck render deck.yaml",
        'pip install -e ".[test]" && pytest',
    ]
