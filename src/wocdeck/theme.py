"""Themes: colours, fonts, sizes and margins, from themes/<name>/theme.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wocdeck.errors import DeckError, Location
from wocdeck.model import located_problems
from wocdeck.source import nearest, read

Hex = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$")]
Points = Annotated[float, Field(gt=0, le=400)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class Fonts(_Strict):
    """Typefaces for Latin and East Asian text, and their language tags."""

    latin: str = "Arial"
    east_asian: str = "Microsoft YaHei"
    language: str = "en-US"
    east_asian_language: str = "zh-CN"


class Sizes(_Strict):
    """Font sizes in points, each with the floor that fitting may shrink it to."""

    cover_title: Points = 44
    cover_title_floor: Annotated[float, Field(ge=20)] = 24
    cover_subtitle: Points = 24
    cover_subtitle_floor: Annotated[float, Field(ge=12)] = 14
    title: Points = 30
    title_floor: Annotated[float, Field(ge=20)] = 20
    body: Points = 22
    body_floor: Annotated[float, Field(ge=12)] = 12
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
    folder: Path = Path()

    @property
    def logo_file(self) -> Path | None:
        """The logo picture, resolved against the theme's folder."""
        return self.folder / self.logo if self.logo else None


def themes_dir() -> Path:
    """The folder of bundled themes: inside the installed package, or the source checkout's."""
    packaged = Path(__file__).resolve().parent / "themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


def available() -> list[str]:
    """Names of the bundled themes."""
    return sorted(p.parent.name for p in themes_dir().glob("*/theme.yaml"))


def load_theme(name: str, where: Location) -> Theme:
    """Load a bundled theme by name, or a theme.yaml (or its folder) by path."""
    candidate = Path(name)
    if candidate.is_dir():
        candidate = candidate / "theme.yaml"
    if not candidate.is_file():
        candidate = themes_dir() / name / "theme.yaml"
    if not candidate.is_file():
        raise DeckError.at(where, f"unknown theme '{name}'", nearest(name, available()))
    source = read(candidate)
    try:
        theme = Theme.model_validate({**(source.data or {}), "folder": candidate.parent})
    except ValidationError as exc:
        raise DeckError(located_problems(source, exc, Theme)) from None
    logo = theme.logo_file
    if logo is not None and not logo.is_file():
        raise DeckError.at(
            source.location(("logo",)), f"the logo file {logo} does not exist", "fix the path"
        )
    return theme
