"""Arguments and options the commands share, and how deck arguments and languages expand."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

DeckArg = Annotated[Path, typer.Argument(help="The deck file, e.g. deck.yaml.", show_default=False)]
DecksArg = Annotated[
    list[Path],
    typer.Argument(
        help="One or more deck files, or a quoted pattern such as 'offices/*.yaml'.",
        metavar="DECK",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    """How problems and results are printed."""

    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        help="text, or json: one JSON object per line (file, line, column, severity, "
        "message, hint).",
    ),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template",
        help="A PowerPoint template (.potx/.pptx) to draw with; wins over the deck's template:.",
    ),
]
AllowOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--allow",
        metavar="DIR",
        help="Also read the files the deck names (pictures, CSV, templates, themes) from this "
        "folder; the deck's own folder always (repeatable; also `allow:` in "
        "~/.config/wocdeck/config.yaml).",
        show_default=False,
    ),
]


def allowed(allow: list[Path] | None) -> tuple[Path, ...]:
    """The folders besides the deck's own its files may come from: --allow, then the config's."""
    from wocdeck.read.boundary import user_allowed

    return (*(allow or ()), *user_allowed())


LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar", "ja", "pt", "de")  # as languages.SUPPORTED


def _language(value: str | None) -> str | None:
    if value is not None and value not in (*LANGUAGES, "all"):
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(LANGUAGES)} or all")
    return value


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        callback=_language,
        help="Write the deck in this language (" + ", ".join(LANGUAGES) + ") as DECK.LANG.pptx, "
        "or 'all': one deck per language the file has [default: the deck's language:].",
    ),
]


StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Treat shrunk or continued text, untranslated fields and template fallbacks as "
        "errors.",
    ),
]


def in_languages(deck: Path, lang: str | None) -> list[str | None]:
    """The languages a command runs in: the deck's own (None), one, or every one it has."""
    if lang != "all":
        return [lang]
    from wocdeck.pipeline import languages

    return list(languages(deck))


def language_file(path: Path, language: str | None, suffix: str = "") -> Path:
    """deck.yaml → deck.zh.pptx; out.pptx → out.zh.pptx (suffix replaces the extension)."""
    if language is None:
        return path.with_suffix(suffix) if suffix else path
    return path.with_name(f"{path.stem}.{language}{suffix or path.suffix}")


def _exists(path: Path) -> bool:
    """Whether a path names something; a name too long to exist is reported when it is read."""
    try:
        return path.exists()
    except OSError:
        return True


def expand(decks: list[Path]) -> list[Path]:
    """Deck arguments with quoted patterns expanded (the shell does it on Linux, not Windows)."""
    files: list[Path] = []
    for deck in decks:
        matches = [] if _exists(deck) else _matches(str(deck))
        if matches:
            files += [Path(m) for m in matches]
        else:
            files.append(deck)
    return files


def output_option(help_text: str) -> Any:
    """The type of an `--output`/`-o` option naming a file, with its help."""
    return Annotated[Path | None, typer.Option("--output", "-o", help=help_text)]


def iso_day(text: str, example: str) -> dt.date:
    """A --date given as YYYY-MM-DD; anything else is a command-line error."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. {example}",
            param_hint="'--date'",
        ) from None


def _matches(pattern: str) -> list[str]:
    """The files a pattern with wildcards names; none for a plain name."""
    import glob  # for an argument that is not a file only

    return sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else []
