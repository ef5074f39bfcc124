"""Plans in the template's geometry: frames from its placeholders, sizes, insets and fonts.

`TemplateFrames` gives compose the boxes of every slide from the placeholders of the layouts
the contract chose (geometry.Frames' interface), so text is measured in the frames it will sit
in. `adapt` then gives each planned text box what its placeholder says: the starting font
size, insets, anchor and alignment, the metrics of the theme font, and no colour of its own,
so the text looks as the template says. Text without a placeholder keeps the frame it was planned
in and is drawn as a text box.
"""

from __future__ import annotations

from typing import NamedTuple

from wocdeck.look.contract import Contract, SlideRole, slots
from wocdeck.look.fonts import line_height, metrics_for
from wocdeck.look.geometry import GAP, SLIDE_HEIGHT, SLIDE_WIDTH, Frames
from wocdeck.look.template_file import LayoutSpec, PlaceholderSpec
from wocdeck.plan import Box, Slide, TextBox

_MIN_HEIGHT = 40.0
# Kinds whose slides wocdeck arranges itself where the template has no layout for them.
_DESIGNED = (SlideRole.SECTION, SlideRole.STATEMENT, SlideRole.CLOSING)


def role_of(slide: Slide, contract: Contract | None = None) -> SlideRole:
    """The role a planned slide plays in the layout contract: figures composed on a plain
    layout take only slides of tiles alone (text with tiles stays in the content layout's
    body placeholder, tiles under it)."""
    try:  # a plan's layout is named as its role (cover, content, section, ...)
        role = SlideRole(slide.layout.value)
    except ValueError:
        role = SlideRole.CONTENT
    figures = slide.tiles or any(group.figures for group in slide.groups)
    if role is not SlideRole.CONTENT or not figures:
        return role
    if contract is not None and contract.composed(SlideRole.FIGURES) and _has_text(slide):
        return role
    return SlideRole.FIGURES


def _has_text(slide: Slide) -> bool:
    """Whether a slide has body text (before fitting: in its groups; after: in its body)."""
    groups = any(group.paragraphs for group in slide.groups)
    return groups or (slide.body is not None and any(p.runs for p in slide.body.paragraphs))


class Fonts(NamedTuple):
    """The typefaces text is measured in: headings (the theme's major font) and body (minor)."""

    heading: str
    body: str

    def notices(self) -> list[str]:
        """One notice per typeface measured with another font's metrics."""
        seen = dict.fromkeys((self.heading, self.body))
        return [n for n in (metrics_for(f).notice for f in seen) if n]


class TemplateFrames:
    """Every slide's boxes, read from the contract's layouts (geometry.Frames' interface)."""

    def __init__(self, contract: Contract, margin: float) -> None:
        self.contract = contract
        template = contract.template
        self.width, self.height = template.width, template.height
        self._default = Frames(margin)
        self._sx, self._sy = self.width / SLIDE_WIDTH, self.height / SLIDE_HEIGHT

    def _scaled(self, box: Box) -> Box:
        """A default frame scaled to the template's slide size."""
        return Box(box.x * self._sx, box.y * self._sy, box.w * self._sx, box.h * self._sy)

    def _slot(self, role: SlideRole, name: str) -> PlaceholderSpec | None:
        return slots(role, self.contract.layout(role)).get(name)

    def _box(self, role: SlideRole, name: str, default: Box) -> Box:
        return self._placed(role, name) or self._scaled(default)

    def _placed(self, role: SlideRole, name: str) -> Box | None:
        """The frame of the placeholder holding a role's box, if it has one; a slide composed
        on a plain layout (but for its columns' title) is placed in wocdeck's own frames."""
        if self.contract.composed(role) and role in _DESIGNED:
            return None
        spec = self._slot(role, name)
        return spec.box if spec is not None else None

    def _below(self, box: Box) -> Box:
        """The free frame under a box, for text whose layout has no placeholder for it."""
        top = box.bottom + GAP
        return Box(box.x, top, box.w, max(_MIN_HEIGHT, self.height - GAP * 2 - top))

    @property
    def title(self) -> Box:
        """A content slide's title."""
        return self._box(SlideRole.CONTENT, "Title", self._default.title)

    @property
    def body(self) -> Box:
        """A content slide's body: text and figure tiles."""
        placed = self._placed(SlideRole.CONTENT, "Content")
        if placed is not None:
            return placed
        below = self._below(self.title)
        return below._replace(h=max(_MIN_HEIGHT, self.footer.y - GAP - below.y))

    @property
    def footer(self) -> Box:
        """The footer text."""
        return self._layout_box(SlideRole.CONTENT, "ftr", self._default.footer)

    @property
    def slide_number(self) -> Box:
        """The slide number."""
        return self._layout_box(SlideRole.CONTENT, "sldNum", self._default.slide_number)

    def _layout_box(self, role: SlideRole, kind: str, default: Box) -> Box:
        spec = self.contract.layout(role).first(kind)
        return spec.box if spec is not None and spec.box is not None else self._scaled(default)

    @property
    def cover_title(self) -> Box:
        """The office's name on the cover."""
        return self._box(SlideRole.COVER, "Title", self._default.cover_title)

    @property
    def cover_subtitle(self) -> Box:
        """The event's title on the cover."""
        return self._placed(SlideRole.COVER, "Subtitle") or self._below(self.cover_title)

    @property
    def cover_date(self) -> Box:
        """City and date on the cover (joined to the subtitle where no placeholder holds it)."""
        return self._placed(SlideRole.COVER, "Date") or self.cover_subtitle

    @property
    def closing_title(self) -> Box:
        """The closing line."""
        return self._box(SlideRole.CLOSING, "Title", self._default.closing_title)

    @property
    def closing_subtitle(self) -> Box:
        """Office, city and date under the closing line."""
        if self.contract.composed(SlideRole.CLOSING):
            return self._scaled(self._default.closing_subtitle)
        return self._placed(SlideRole.CLOSING, "Subtitle") or self._below(self.closing_title)

    def titled(self, kind: str) -> tuple[Box, Box]:
        """A section divider's (kind "section") or statement's title and subtitle frames."""
        role = SlideRole(kind)
        default = self._default.titled(kind)
        title = self._box(role, "Title", default[0])
        if self.contract.composed(role):
            return title, self._scaled(default[1])
        return title, self._placed(role, "Subtitle") or self._below(title)

    def columns(self) -> tuple[Box, Box]:
        """A two-column slide's columns: the layout's two bodies, else the body split in two."""
        left = self._placed(SlideRole.TWO_COLUMNS, "Content")
        right = self._placed(SlideRole.TWO_COLUMNS, "Right")
        if left is not None and right is not None:
            return left, right
        return Frames.split(self.body)


def adapt(slides: list[Slide], frames: TemplateFrames, fonts: Fonts) -> list[Slide]:
    """Give every planned text box its placeholder's size, insets, anchor and font metrics."""
    contract = frames.contract
    heading = metrics_for(fonts.heading).metrics
    body = metrics_for(fonts.body).metrics
    out = []
    for planned in slides:
        role = role_of(planned, contract)
        layout = contract.layout(role)
        found = slots(role, layout)
        slide = _moved(planned, frames, found) if role is SlideRole.FIGURES else planned
        heading_spec, body_spec = _measured_as(contract, role, found)
        title = _fill(slide.title, heading_spec, heading)
        content = _fill(slide.body, body_spec, body) if slide.body else None
        extras = [_fill(box, found.get(box.name), body) for box in slide.extras]
        if contract.composed(role) and role in _DESIGNED:
            title = _designed(slide.title, heading_spec, heading)
            extras = [_sized(box, _under_size(contract)) for box in extras]
        if role is SlideRole.COVER and found.get("Date") is None:
            extras = _join_date(extras)
        footer = slide.footer
        if footer is not None:
            footer = _fill(footer, _footer(layout), body)
        tiles = tuple(_fill(t, None, body, drawn=t.color) for t in slide.tiles)
        blocks = tuple(b.measured(body) for b in slide.blocks)
        out.append(
            slide._replace(
                title=title,
                body=content,
                extras=tuple(extras),
                footer=footer,
                tiles=tiles,
                blocks=blocks,
            )
        )
    return out


def _measured_as(
    contract: Contract, role: SlideRole, found: dict[str, PlaceholderSpec | None]
) -> tuple[PlaceholderSpec | None, PlaceholderSpec | None]:
    """The placeholders a slide's title and body are set as: their own; on a plain layout, a
    title as the content layout's (Blank has none) and tiles in its body's frame and sizes."""
    title, content = found.get("Title"), found.get("Content")
    if contract.composed(role):
        like = contract.slots(SlideRole.CONTENT)
        title = title or like.get("Title")
        content = like.get("Content") if role is SlideRole.FIGURES else content
    return title, content


def _moved(slide: Slide, frames: TemplateFrames, found: dict[str, PlaceholderSpec | None]) -> Slide:
    """A slide planned in the content layout's frames, moved into its own layout's frames
    (figures may be given a layout of their own in `layouts:`)."""
    title, content = found.get("Title"), found.get("Content")
    if content is None or content.box is None or content.box == frames.body:
        return slide
    source, target = frames.body, content.box

    def move(box: TextBox) -> TextBox:
        sx, sy = target.w / source.w, target.h / source.h
        old = box.box
        new = Box(
            target.x + (old.x - source.x) * sx, target.y + (old.y - source.y) * sy,
            old.w * sx, old.h * sy,
        )  # fmt: skip
        return box._replace(box=new)

    return slide._replace(
        title=slide.title._replace(box=title.box) if title and title.box else slide.title,
        body=move(slide.body) if slide.body else None,
        tiles=tuple(move(t) for t in slide.tiles),
    )


def _footer(layout: LayoutSpec) -> PlaceholderSpec | None:
    return layout.first("ftr")


def _fill(
    box: TextBox, spec: PlaceholderSpec | None, metrics: str, *, drawn: str = "dark1"
) -> TextBox:
    """The box as its placeholder sets it; a box without one is drawn as planned in `drawn`.

    Lines are never set tighter than the font's natural line height, which renderers keep
    for a box's first line whatever the spacing.
    """
    spacing = max(box.line_spacing, line_height(metrics))
    if spec is None:  # drawn as a text box: the template's text colour, not a cover's white
        return box._replace(metrics=metrics, color=drawn, line_spacing=spacing)
    size = spec.size or box.size
    return box._replace(
        line_spacing=spacing,
        size=size,
        floor=min(box.floor, size),
        inset_x=spec.inset_x,
        inset_y=spec.inset_y,
        anchor=spec.anchor,
        color="",
        align=spec.align,  # written out, so a right-to-left deck can mirror it
        metrics=metrics,
        # the text as the editor wrote it: capitals, bold or italics the placeholder's style
        # forces on all its text are switched off (wocdeck's own bold and italics stay)
        plain=spec.caps or spec.bold or spec.italic,
    )


def _designed(box: TextBox, spec: PlaceholderSpec | None, metrics: str) -> TextBox:
    """A composed slide's big line: in its title placeholder (or a text box) at the template's
    title size, arranged as planned, in the case and style the editor wrote."""
    if spec is None:
        return _fill(box, None, metrics)
    filled = _fill(box, spec, metrics)
    return filled._replace(align=box.align, anchor=box.anchor, plain=True)


def _under_size(contract: Contract) -> float | None:
    """The size of the line under a composed slide's big one: three quarters of the template's
    body text size."""
    content = contract.slots(SlideRole.CONTENT).get("Content")
    return round(content.size * 0.75) if content is not None and content.size else None


def _sized(box: TextBox, size: float | None) -> TextBox:
    return box if size is None else box._replace(size=size, floor=min(box.floor, size))


def _join_date(extras: list[TextBox]) -> list[TextBox]:
    """City and date join the subtitle when the cover layout has no placeholder for them."""
    by_name = {box.name: box for box in extras}
    subtitle, date = by_name.get("Subtitle"), by_name.get("Date")
    if subtitle is None or date is None:
        return extras
    plain = tuple(p._replace(scale=1.0) for p in date.paragraphs)
    joined = subtitle._replace(paragraphs=(*subtitle.paragraphs, *plain))
    return [joined if box is subtitle else box for box in extras if box is not date]
