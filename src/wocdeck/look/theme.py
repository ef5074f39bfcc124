"""Themes: colours, fonts, sizes and margins, from themes/<name>/theme.yaml."""

# No `from __future__ import annotations` here: pydantic would compile every field's annotation
# from its string when the models are built, at each start.

from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wocdeck.errors import DeckError, Location, Problem
from wocdeck.read.boundary import Boundary
from wocdeck.read.files import name_too_long
from wocdeck.read.messages import located_problems, undescribed
from wocdeck.read.source import Source, nearest, read

Hex = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$")]
Points = Annotated[float, Field(ge=1, le=400)]
POWERPOINT_SUFFIXES = (".pptx", ".potx", ".potm", ".pptm", ".ppt", ".pot", ".thmx")
_FLOORS = ("cover_title", "cover_subtitle", "title", "body", "tile_value", "footer")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Colors(_Strict):
    """The twelve slots of a PowerPoint colour scheme, as RRGGBB."""

    dark1: Hex
    light1: Hex
    dark2: Hex
    light2: Hex
    accent1: Hex
    accent2: Hex
    accent3: Hex
    accent4: Hex
    accent5: Hex
    accent6: Hex
    hyperlink: Hex
    followed_hyperlink: Hex


class LanguageFonts(_Strict):
    """What a deck in one language changes of the theme's fonts and language tags."""

    latin: str | None = None
    east_asian: str | None = None
    complex_script: str | None = None
    language: str | None = None
    east_asian_language: str | None = None
    complex_script_language: str | None = None


# Per deck language, before a theme's own `fonts.languages`: the faces Office uses for each
# script on Windows, and proofing tags. Arabic is drawn in Noto Sans Arabic, the face wocdeck
# measures Arabic with (src/wocdeck/fonts/); a theme may name another.
LANGUAGE_FONTS = {
    "en": LanguageFonts(language="en-US"),
    "fr": LanguageFonts(language="fr-FR"),
    "es": LanguageFonts(language="es-ES"),
    "ru": LanguageFonts(language="ru-RU"),
    "pt": LanguageFonts(language="pt-BR"),
    "de": LanguageFonts(language="de-DE"),
    "zh": LanguageFonts(east_asian="Microsoft YaHei", east_asian_language="zh-CN"),
    "zh-TW": LanguageFonts(east_asian="Microsoft JhengHei", east_asian_language="zh-TW"),
    "ja": LanguageFonts(east_asian="Yu Gothic", east_asian_language="ja-JP"),
    "ko": LanguageFonts(east_asian="Malgun Gothic", east_asian_language="ko-KR"),
    "ar": LanguageFonts(complex_script="Noto Sans Arabic", complex_script_language="ar-SA"),
}


class Fonts(_Strict):
    """Typefaces for Latin, East Asian and complex-script (Arabic) text, and language tags."""

    latin: str = "Arial"
    east_asian: str = "Microsoft YaHei"
    complex_script: str = "Noto Sans Arabic"
    language: str = "en-US"
    east_asian_language: str = "zh-CN"
    complex_script_language: str = "ar-SA"
    languages: dict[str, LanguageFonts] = {}
    east_asian_bold: bool = True  # the East Asian typefaces have a real bold weight

    def for_language(self, language: str) -> Self:
        """The fonts of a deck in a language: wocdeck's defaults, then the theme's own."""
        changes: dict[str, str] = {}
        for table in (LANGUAGE_FONTS, self.languages):
            if language in table:
                changes.update(table[language].model_dump(exclude_none=True))
        return self.model_copy(update=changes)

    def east_asian_font(self, tag: str) -> str:
        """The East Asian typeface for text in a language (a tag such as 'ja-JP')."""
        if tag == self.east_asian_language:
            return self.east_asian
        for table in (self.languages, LANGUAGE_FONTS):
            for fonts in table.values():
                if fonts.east_asian_language == tag and fonts.east_asian:
                    return fonts.east_asian
        return self.east_asian

    def __hash__(self) -> int:  # the writer caches markup per Fonts; `languages` is a dict
        return hash((self.latin, self.east_asian, self.complex_script, self.language))


class Sizes(_Strict):
    """Font sizes in points, each with the floor that fitting may shrink it to."""

    cover_title: Points = 44
    cover_title_floor: Annotated[float, Field(ge=20)] = 24
    cover_subtitle: Points = 24
    cover_subtitle_floor: Annotated[float, Field(ge=12)] = 14
    title: Points = 30
    title_floor: Annotated[float, Field(ge=20)] = 20
    body: Points = 22  # the deck's regular body size
    body_floor: Annotated[float, Field(ge=12)] = 18  # the reading floor; 12 pt at the least
    # The steps body text is set in; a deck uses at most `body_sizes` of them.
    body_scale: tuple[Points, ...] = (28, 24, 22, 20, 18, 16, 14, 12)
    body_sizes: Annotated[int, Field(ge=1, le=8)] = 2
    tile_value: Points = 40
    tile_value_floor: Annotated[float, Field(ge=12)] = 28
    footer: Points = 10
    footer_floor: Annotated[float, Field(ge=6)] = 8


class Theme(_Strict):
    """A deck's look; `folder` is where the theme file lives."""

    name: str
    colors: Colors
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    line_spacing: Annotated[float, Field(ge=1.0, le=3.0)] = 1.2
    title_line_spacing: Annotated[float, Field(ge=0.9, le=3.0)] = 1.05
    margin: Annotated[float, Field(ge=0, le=200)] = 48
    logo: str | None = None
    template: str | None = None  # a .potx/.pptx (relative to this file) the look is drawn with
    layouts: dict[str, str] = {}  # slide role → the template layout's name
    folder: Path = Path()
    file: Path = Path()  # the theme file itself, set when it is loaded

    def for_language(self, language: str) -> Self:
        """The theme as a deck in a language uses it (its fonts and language tags)."""
        return self.model_copy(update={"fonts": self.fonts.for_language(language)})

    @property
    def logo_file(self) -> Path | None:
        """The logo picture, resolved against the theme's folder."""
        return self.folder / self.logo if self.logo else None

    @property
    def template_file(self) -> Path | None:
        """The theme's template file, resolved against the theme's folder."""
        return self.folder / self.template if self.template else None

    @property
    def inputs(self) -> list[Path]:
        """The files a render reads for this theme (which no output may overwrite)."""
        files = [self.logo_file, self.template_file]
        return [self.file, *(f for f in files if f is not None)]


def themes_dir() -> Path:
    """The folder of bundled themes: inside the installed package, or the source checkout's."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "themes"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "themes"


def available() -> list[str]:
    """Names of the bundled themes."""
    return sorted(p.parent.name for p in themes_dir().glob("*/theme.yaml"))


def find_theme(
    name: str, where: Location, base: Path | None = None, boundary: Boundary | None = None
) -> Path:
    """The theme file a deck's `theme:` names: a bundled theme, or a folder or .yaml file.

    A bare name of a bundled theme always means the bundled theme (a folder of that name in
    the current folder does not shadow it); a path is relative to the deck's folder (`base`),
    never to wherever wocdeck is run from, and with a boundary it must lie inside it.
    """
    too_long = name_too_long(name)
    if too_long:
        raise DeckError.at(
            where, too_long, "give a bundled theme's name (e.g. wipo) or a theme folder's path"
        )
    if name.lower().endswith(POWERPOINT_SUFFIXES):
        raise DeckError.at(
            where,
            f"'{name}' is a PowerPoint file; a theme is a bundled name or a folder with theme.yaml",
            f"for a corporate PowerPoint template, write `template: {name}`",
        )
    bundled = themes_dir() / name / "theme.yaml"
    if "/" not in name and "\\" not in name and name in available() and bundled.is_file():
        return bundled
    candidate = (base or Path()) / name
    if candidate.is_dir():
        candidate = candidate / "theme.yaml"
    if boundary is not None and candidate.exists():
        boundary.located(candidate, name, "theme", where)
    if candidate.is_file() and candidate.suffix.lower() in (".yaml", ".yml"):
        return candidate
    if candidate.exists():
        raise DeckError.at(
            where,
            f"'{name}' is not a theme: a theme is a folder with theme.yaml, or a .yaml file",
        )
    raise DeckError.at(where, f"unknown theme '{name}'", nearest(name, available()))


def load_theme(
    name: str, where: Location, base: Path | None = None, boundary: Boundary | None = None
) -> Theme:
    """Load a bundled theme by name, or a theme.yaml (or its folder) by path from base; with
    a boundary, the theme file, its logo and its template must lie inside it."""
    candidate = find_theme(name, where, base, boundary)
    source = read(candidate)
    data = source.data
    if not isinstance(data, dict) or not {"name", "colors"} & data.keys():
        raise DeckError.at(
            source.location(()),
            "this is not a theme file: a theme file is a mapping with 'name:' and 'colors:'",
            f"check `theme: {name}` in the deck",
        )
    try:
        theme = Theme.model_validate({**data, "folder": candidate.parent, "file": candidate})
    except ValidationError as exc:
        raise DeckError(located_problems(source, exc, Theme), undescribed(exc)) from None
    _check_floors(theme, source)
    if boundary is not None and theme.template_file is not None:
        boundary.located(
            theme.template_file, theme.template, "template", source.location(("template",))
        )
    if theme.logo is not None:
        from wocdeck.look.logo import LogoError, check_logo

        try:
            check_logo(theme.folder, theme.logo, boundary)
        except LogoError as exc:
            raise DeckError.at(source.location(("logo",)), str(exc), exc.hint) from None
    return theme


def _check_floors(theme: Theme, source: Source) -> None:
    """Each floor at most its size: fitting shrinks from the size down to the floor."""
    problems = []
    for size in _FLOORS:
        floor = f"{size}_floor"
        value, lowest = getattr(theme.sizes, size), getattr(theme.sizes, floor)
        if lowest > value:
            problems.append(
                Problem(
                    source.location(("sizes", floor)),
                    f"sizes.{floor} ({lowest:g}) is larger than sizes.{size} ({value:g})",
                    f"a floor is the smallest size fitting may shrink to: at most {value:g}",
                )
            )
    if problems:
        raise DeckError(problems)
