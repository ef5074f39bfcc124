"""The layout contract: which template layout serves each kind of slide wocdeck makes, and why.

A role is served by, in order: an explicit mapping (`layouts: {cover: "Title Slide"}` in the
deck or its theme), PowerPoint's layout type (title, obj, secHead, twoObj, titleOnly), the
placeholders a layout has (a centred title and subtitle, a title and a body, two bodies), or
the layout's name nearest to the role's usual names. A figures, closing, statement, section
or two-column slide no layout serves is composed by wocdeck on the template's Title Only (else
Blank) layout, in its own arrangement, never on a layout made for another kind. Only a role
that cannot be composed either borrows another role's layout: that is a fallback, reported by
`template check` and `render`, and an error with --strict.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from enum import Enum
from typing import NamedTuple

from wocdeck.errors import DeckError, Location
from wocdeck.look.template_file import TITLE_KINDS, LayoutSpec, PlaceholderSpec, TemplateFile


class SlideRole(Enum):
    """The kinds of slide wocdeck makes, each served by one template layout."""

    COVER = "cover"
    CONTENT = "content"
    FIGURES = "figures"  # content with figure tiles
    TWO_COLUMNS = "two_columns"
    SECTION = "section"
    STATEMENT = "statement"
    CLOSING = "closing"


REPORT_ROLES = (SlideRole.COVER, SlideRole.CONTENT, SlideRole.FIGURES, SlideRole.CLOSING)
_WHAT = {
    SlideRole.COVER: "the cover",
    SlideRole.CONTENT: "content slides",
    SlideRole.FIGURES: "content slides with figure tiles",
    SlideRole.TWO_COLUMNS: "two-column slides",
    SlideRole.SECTION: "section dividers",
    SlideRole.STATEMENT: "statement slides",
    SlideRole.CLOSING: "the closing slide",
}
_TYPES = {
    SlideRole.COVER: ("title",),
    SlideRole.CONTENT: ("obj", "tx"),
    SlideRole.FIGURES: (),
    SlideRole.TWO_COLUMNS: ("twoObj", "twoTxTwoObj", "txAndObj", "objAndTx"),
    SlideRole.SECTION: ("secHead",),
    SlideRole.STATEMENT: (),
    SlideRole.CLOSING: (),
}
# Usual names, PowerPoint's first, then pandoc's and other tools'.
_NAMES = {
    SlideRole.COVER: ("Title Slide", "Cover", "Title"),
    SlideRole.CONTENT: ("Title and Content", "Content", "Title and Text"),
    SlideRole.FIGURES: ("Title and Figures", "Figures"),
    SlideRole.TWO_COLUMNS: ("Two Content", "Two Columns", "Comparison"),
    SlideRole.SECTION: ("Section Header", "Section", "Section Title", "Divider"),
    SlideRole.STATEMENT: ("Statement", "Quote", "Big Statement"),
    SlideRole.CLOSING: ("Closing", "End", "Ending", "Thank You", "Closing Slide"),
}
# A role no layout serves borrows these roles' layouts, in order.
_BORROWS = {
    SlideRole.COVER: (SlideRole.SECTION, SlideRole.CONTENT),
    SlideRole.CONTENT: (),
    SlideRole.FIGURES: (SlideRole.CONTENT,),
    SlideRole.TWO_COLUMNS: (SlideRole.CONTENT,),
    SlideRole.SECTION: (SlideRole.COVER, SlideRole.CONTENT),
    SlideRole.STATEMENT: (SlideRole.SECTION, SlideRole.CLOSING, SlideRole.COVER),
    SlideRole.CLOSING: (SlideRole.SECTION, SlideRole.COVER, SlideRole.CONTENT),
}
# Roles wocdeck composes itself on a plain layout when the template has none for them.
COMPOSED_ROLES = (
    SlideRole.TWO_COLUMNS,
    SlideRole.SECTION,
    SlideRole.STATEMENT,
    SlideRole.CLOSING,
)
_PLAIN = (("titleOnly", "Title Only"), ("blank", "Blank"))


class Choice(NamedTuple):
    """The layout serving one role, and why; `fallback` says what is missing, if anything."""

    role: SlideRole
    layout: LayoutSpec
    reason: str
    fallback: str = ""
    composed: bool = False  # drawn in wocdeck's own arrangement on a Title Only/Blank layout


class Contract(NamedTuple):
    """A template with a layout chosen for every role."""

    template: TemplateFile
    choices: Mapping[SlideRole, Choice]

    def layout(self, role: SlideRole) -> LayoutSpec:
        """The layout serving role."""
        return self.choices[role].layout

    def fallbacks(self, roles: tuple[SlideRole, ...] = REPORT_ROLES) -> list[str]:
        """One line per fallback among roles, in role order."""
        lines = []
        for role in roles:
            choice = self.choices[role]
            if choice.fallback:
                lines.append(f"{role.value}: {choice.fallback}")
            if not choice.composed:
                missing = drawn_without_placeholder(role, choice.layout)
                lines += [f"{role.value}: {m}" for m in missing]
        return lines

    def slots(self, role: SlideRole) -> dict[str, PlaceholderSpec | None]:
        """Which placeholder of role's layout holds each of its text boxes (see `slots`)."""
        return slots(role, self.layout(role))

    def composed(self, role: SlideRole) -> bool:
        """Whether role's slides are composed by wocdeck on a plain layout."""
        return self.choices[role].composed


def slots(role: SlideRole, layout: LayoutSpec) -> dict[str, PlaceholderSpec | None]:
    """Which placeholder holds each of a role's text boxes (by box name); None: drawn freely."""
    title = layout.title
    texts = layout.bodies
    if role is SlideRole.COVER:
        subtitle = layout.first("subTitle") or next(iter(texts), None)
        rest = [p for p in texts if p is not subtitle]
        return {"Title": title, "Subtitle": subtitle, "Date": rest[0] if rest else None}
    if role in (SlideRole.CLOSING, SlideRole.SECTION, SlideRole.STATEMENT):
        return {"Title": title, "Subtitle": layout.first("subTitle") or next(iter(texts), None)}
    bodies = layout.all("obj", "body") or texts
    found = {"Title": title, "Content": bodies[0] if bodies else None}
    if role is SlideRole.TWO_COLUMNS:
        found["Right"] = bodies[1] if len(bodies) > 1 else None
    return found


def drawn_without_placeholder(role: SlideRole, layout: LayoutSpec) -> list[str]:
    """What of a role's text has no placeholder in its layout and is drawn as a text box."""
    found = slots(role, layout)
    missing = {
        "Subtitle": "subtitle",
        "Content": "body text",
        "Right": "right column",
    }
    return [
        f"layout '{layout.name}' has no {what} placeholder; the {what} is drawn in its place"
        for name, what in missing.items()
        if name in found and found[name] is None
    ]


def make_contract(template: TemplateFile, explicit: Mapping[str, tuple[str, Location]]) -> Contract:
    """Choose a layout for every role; explicit maps role names to (layout name, where given)."""
    usable = [layout for layout in template.layouts if layout.title is not None]
    if not usable:
        raise DeckError.at(
            Location(str(template.path)),
            "this template cannot make the report: none of its layouts has a title placeholder",
            "in PowerPoint's Slide Master view, give the layouts a title placeholder",
        )
    chosen: dict[SlideRole, Choice] = {}
    for role_name, (layout_name, where) in explicit.items():
        role = _role(role_name, where)
        layout = _named(template, layout_name, where)
        chosen[role] = Choice(role, layout, "named in 'layouts:'")
    for role in SlideRole:
        if role not in chosen:
            found = _match(role, usable)
            if found is not None:
                chosen[role] = found
    if SlideRole.CONTENT not in chosen:
        chosen[SlideRole.CONTENT] = Choice(
            SlideRole.CONTENT,
            usable[0],
            "the first layout with a title",
            "no layout has a title and a body placeholder; the first layout with a title is used",
        )
    plain = _plain(template.layouts)
    if SlideRole.FIGURES not in chosen:
        taken = {choice.layout.partname for choice in chosen.values()}
        free = plain if plain is not None and plain.partname not in taken else None
        chosen[SlideRole.FIGURES] = _figures(chosen[SlideRole.CONTENT].layout, free)
    own = set(chosen)  # roles served by a layout of their own; only they lend
    for role in COMPOSED_ROLES:
        if role not in chosen and plain is not None:
            chosen[role] = Choice(
                role,
                plain,
                f"composed by wocdeck on '{plain.name}': no layout for {_WHAT[role]}",
                composed=True,
            )
    for role in SlideRole:
        if role not in chosen:
            lender = next(r for r in (*_BORROWS[role], SlideRole.CONTENT) if r in own)
            layout = chosen[lender].layout
            chosen[role] = Choice(
                role,
                layout,
                f"borrowed from {lender.value}",
                f"no layout for {_WHAT[role]}; uses '{layout.name}', the {lender.value} layout",
            )
    return Contract(template, {role: chosen[role] for role in SlideRole})


def _figures(content: LayoutSpec, plain: LayoutSpec | None) -> Choice:
    """Figure tiles, with no layout of their own, on Title Only (else Blank) where no other
    kind has it: in the content layout's body frame, with no empty body placeholder; else on
    the content layout."""
    if plain is None:
        return Choice(SlideRole.FIGURES, content, "as content; tiles are drawn in its body frame")
    reason = f"composed by wocdeck on '{plain.name}': tiles in the content layout's body frame"
    return Choice(SlideRole.FIGURES, plain, reason, composed=True)


def _plain(layouts: tuple[LayoutSpec, ...]) -> LayoutSpec | None:
    """The template's Title Only layout (by type, by name, else a layout with a title and no
    other text placeholder, whatever it is called), else its Blank one."""
    title_only, blank = _PLAIN
    found = _plain_by(layouts, *title_only)
    alone = (lay for lay in layouts if lay.title is not None and not _texts_besides_title(lay))
    return found or next(alone, None) or _plain_by(layouts, *blank)


def _plain_by(layouts: tuple[LayoutSpec, ...], kind: str, name: str) -> LayoutSpec | None:
    return next(
        (lay for lay in layouts if lay.type == kind or (lay.type == "cust" and lay.name == name)),
        None,
    )


def _texts_besides_title(layout: LayoutSpec) -> bool:
    """Whether a layout has a placeholder for text other than its title, date, footer and
    slide number (a body, a subtitle, a picture…)."""
    return any(p.kind not in (*TITLE_KINDS, "dt", "ftr", "sldNum") for p in layout.placeholders)


def _role(name: str, where: Location) -> SlideRole:
    try:
        return SlideRole(name)
    except ValueError:
        names = [r.value for r in SlideRole]
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "one of " + ", ".join(names)
        raise DeckError.at(where, f"'{name}' is not a kind of slide in 'layouts:'", hint) from None


def _named(template: TemplateFile, name: str, where: Location) -> LayoutSpec:
    by_name = {layout.name.casefold(): layout for layout in template.layouts}
    layout = by_name.get(name.strip().casefold())
    if layout is None:
        names = [layout.name for layout in template.layouts]
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "its layouts: " + ", ".join(names)
        raise DeckError.at(where, f"the template has no layout named '{name}'", hint)
    if layout.title is None:
        raise DeckError.at(
            where, f"the layout '{layout.name}' has no title placeholder", "name another layout"
        )
    return layout


def _match(role: SlideRole, layouts: list[LayoutSpec]) -> Choice | None:
    """By layout type, then by placeholders, then by nearest name; None when nothing fits."""
    shape = _SHAPES[role]
    for layout in layouts:
        if layout.type in _TYPES[role] and shape(layout):
            return Choice(role, layout, f"by layout type '{layout.type}'")
    names = {n.casefold() for n in _NAMES[role]}
    for layout in layouts:
        if layout.name.casefold() in names and shape(layout):
            return Choice(role, layout, "by its name")
    for layout in layouts:
        if _PLACEHOLDERS[role](layout):
            return Choice(role, layout, "by placeholders: " + _DESCRIBED[role])
    for layout in layouts:
        close = difflib.get_close_matches(layout.name.casefold(), list(names), n=1, cutoff=0.85)
        if close and shape(layout):
            return Choice(role, layout, f"by nearest name: '{close[0]}'")
    return None


def _bodies(layout: LayoutSpec) -> int:
    return len(layout.all("body", "obj"))


_PLACEHOLDERS: dict[SlideRole, Callable[[LayoutSpec], bool]] = {
    SlideRole.COVER: lambda lay: lay.first("ctrTitle") is not None,
    SlideRole.CONTENT: lambda lay: lay.first("title") is not None and _bodies(lay) == 1,
    SlideRole.FIGURES: lambda lay: False,  # no placeholder pattern: content's layout serves
    SlideRole.TWO_COLUMNS: lambda lay: lay.first("title") is not None and _bodies(lay) == 2,
    SlideRole.SECTION: lambda lay: False,  # only by type or name: it looks like a cover
    SlideRole.STATEMENT: lambda lay: False,
    SlideRole.CLOSING: lambda lay: False,
}
_DESCRIBED = {
    SlideRole.COVER: "a centred title placeholder",
    SlideRole.CONTENT: "a title and one body placeholder",
    SlideRole.TWO_COLUMNS: "a title and two body placeholders",
}
# What a layout matched by type or name must have to serve the role.
_SHAPES: dict[SlideRole, Callable[[LayoutSpec], bool]] = {
    SlideRole.COVER: lambda lay: lay.title is not None,
    SlideRole.CONTENT: lambda lay: lay.title is not None and _bodies(lay) >= 1,
    SlideRole.FIGURES: lambda lay: lay.title is not None and _bodies(lay) >= 1,
    SlideRole.TWO_COLUMNS: lambda lay: lay.title is not None and _bodies(lay) >= 2,
    SlideRole.SECTION: lambda lay: lay.title is not None,
    SlideRole.STATEMENT: lambda lay: lay.title is not None,
    SlideRole.CLOSING: lambda lay: lay.title is not None,
}


def describe(contract: Contract) -> list[str]:
    """The `template check` report: the template, its layouts, each role's layout and why."""
    template = contract.template
    serves: dict[str, list[str]] = {}
    for role, choice in contract.choices.items():
        serves.setdefault(choice.layout.partname, []).append(role.value)
    lines = [
        f"{template.path.name}: {len(template.layouts)} layouts, slides "
        f"{template.width:g} x {template.height:g} pt ({_aspect(template)}), "
        f"theme fonts {template.major_font or '?'} (headings) / {template.minor_font or '?'} "
        "(body)",
        "layouts:",
    ]
    for layout in template.layouts:
        kinds = ", ".join(p.kind for p in layout.placeholders) or "no placeholders"
        roles = ", ".join(serves.get(layout.partname, [])) or "-"
        lines.append(f"  {layout.name!r} (type {layout.type}; {kinds}) -> {roles}")
    lines.append("roles:")
    for role, choice in contract.choices.items():
        lines.append(f"  {role.value}: {choice.layout.name!r} ({choice.reason})")
    fallbacks = contract.fallbacks(tuple(SlideRole))
    lines.append("fallbacks:" if fallbacks else "fallbacks: none")
    lines += [f"  {line}" for line in fallbacks]
    return lines


def _aspect(template: TemplateFile) -> str:
    ratio = template.width / template.height
    for name, value in (("16:9", 16 / 9), ("4:3", 4 / 3), ("16:10", 16 / 10)):
        if abs(ratio - value) < 0.01:
            return name
    return "custom size"
