"""The look a deck is drawn with: its template file, layout contract, frames and fonts.

The template is, by precedence: `--template FILE`, the deck's `template:` (relative to the
deck file), the theme's `template:` (relative to the theme file), else the bundled WIPO
template with the theme's colours and fonts written into its theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from wocdeck.errors import Location
from wocdeck.look.contract import Contract, SlideRole, make_contract
from wocdeck.look.contrast import SCHEME_NAMES, Palette
from wocdeck.look.placement import Fonts, TemplateFrames
from wocdeck.look.template import read_template
from wocdeck.look.theme import Theme, themes_dir
from wocdeck.model import Deck
from wocdeck.read.boundary import Boundary
from wocdeck.read.source import Source


class Look(NamedTuple):
    """A deck's template, the layouts chosen for it, and what to tell the user about it."""

    contract: Contract
    frames: TemplateFrames
    fonts: Fonts
    restyled: bool  # the theme's colours and fonts replace the template's
    notices: tuple[str, ...]

    @property
    def scale(self) -> tuple[float, ...]:
        """The template's body type scale, largest first: its body style's level sizes and
        those of the text placeholders body text goes in; empty for the bundled template
        (the theme's scale)."""
        if self.restyled:
            return ()
        sizes = set(self.contract.template.body_scale)
        for role in (SlideRole.CONTENT, SlideRole.TWO_COLUMNS):
            found = self.contract.slots(role)
            sizes |= {s.size for name, s in found.items() if name != "Title" and s and s.size}
        return tuple(sorted(sizes, reverse=True))

    def palette(self, theme: Theme) -> Palette:
        """The colours the deck is drawn in: the theme's, or the template's own scheme."""
        template = self.contract.template
        if self.restyled:  # the theme's colours in the template's scheme, through its map
            scheme = {SCHEME_NAMES.get(k, k): v for k, v in theme.colors.model_dump().items()}
            return Palette.from_scheme(scheme, template.color_map)
        return Palette.from_scheme(template.colors, template.color_map)


def bundled_template() -> Path:
    """The WIPO template file, built by tools/build_wipo_template.py."""
    return themes_dir() / "wipo" / "wipo.potx"


def load_look(
    deck: Deck,
    theme: Theme,
    source: Source,
    option: Path | None = None,
    boundary: Boundary | None = None,
) -> Look:
    """Read the deck's template and choose its layouts; errors are located DeckErrors.

    The deck's `template:` must lie inside the boundary (the theme's is checked with the
    theme); `--template`, typed by the user, is read wherever it is.
    """
    restyled = False
    theme_file = Location(str(theme.file))  # the theme file as named: theme.yaml or brand.yaml
    if option is not None:
        path, where = option, Location(str(option))
    elif deck.template:
        path = Path(source.path).parent / deck.template
        where = source.location(("template",))
        if boundary is not None:
            boundary.located(path, deck.template, "template", where)
    elif theme.template_file is not None:
        path, where = theme.template_file, theme_file
    else:
        path, restyled = bundled_template(), True
        where = Location(str(path))
    template = read_template(path, where, trusted=path == bundled_template())
    explicit = {role: (name, theme_file) for role, name in theme.layouts.items()}
    explicit.update(
        {role: (name, source.location(("layouts", role))) for role, name in deck.layouts.items()}
    )
    contract = make_contract(template, explicit)
    if restyled:
        fonts = Fonts(theme.fonts.latin, theme.fonts.latin)
    else:
        fallback = theme.fonts.latin
        fonts = Fonts(template.major_font or fallback, template.minor_font or fallback)
    notices = list(fonts.notices())
    notices[:0] = [
        f"the template {path} has {kind}; they are not copied into the deck"
        for kind in (("macros",) if template.macros else ()) + template.removed
    ]
    return Look(contract, TemplateFrames(contract, theme.margin), fonts, restyled, tuple(notices))
