"""Pictures: a photo or drawing beside the deck, scaled into its frame without distortion.

`fit: fit` (the default) shows the whole picture, as large as the frame allows, centred;
`fit: crop` fills the frame and cuts what overflows equally from both sides (a:srcRect, so the
editor can un-crop it in PowerPoint). A caption sits under the picture, centred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wocdeck.compose.kinds.base import (
    Content,
    Context,
    Kind,
    fits_as_is,
    mirrored_as_is,
    unmeasured,
    whole_slide,
)
from wocdeck.compose.text import emphasis
from wocdeck.errors import DeckError
from wocdeck.plan import Box, Paragraph, TextBox
from wocdeck.read.images import ImageError, ImageFile, read_image
from wocdeck.read.source import DataPath

if TYPE_CHECKING:
    from wocdeck.model import Picture

CAPTION_SCALE = 0.7  # a caption's size against the body text's
CAPTION_GAP = 4.0


class PicturePlan(NamedTuple):
    """A picture on a slide, shown in box without distortion; crop trims its edges."""

    name: str
    box: Box
    image: ImageFile
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom
    description: str = ""  # alt text; empty when decorative
    decorative: bool = False

    measured = unmeasured
    fit = fits_as_is
    mirrored = mirrored_as_is


def block(composer: Context, spec: Picture, box: Box, name: str, path: DataPath) -> Content:
    """The picture in the box, its caption under it."""
    del name
    image = load(composer, spec.file, (*path, "file"))
    caption = _caption(composer, spec.caption, box) if spec.caption else None
    area = box if caption is None else box._replace(h=box.h - caption.box.h - CAPTION_GAP)
    if spec.fit == "crop":
        shown, crop = area, cropped(image.aspect, area)
    else:
        shown, crop = fitted(image.aspect, area), (0.0, 0.0, 0.0, 0.0)
    plan = PicturePlan("Picture", shown, image, crop, spec.alt or "", decorative=spec.decorative)
    if caption is None:
        return Content(blocks=(plan,))
    if spec.fit != "crop":  # the picture and its caption together, centred in the box
        shown = shown._replace(y=box.y + (box.h - shown.h - CAPTION_GAP - caption.box.h) / 2)
        plan = plan._replace(box=shown)
    under = caption.box._replace(y=shown.bottom + CAPTION_GAP)
    return Content(texts=(caption._replace(box=under),), blocks=(plan,))


def load(composer: Context, name: str, path: DataPath) -> ImageFile:
    """The picture file named in the deck, relative to the deck file and inside its folder (or an
    allowed one); a located error if bad."""
    file = composer.file(name, path, "picture")
    try:
        return read_image(file, name)
    except ImageError as exc:
        raise DeckError.at(composer.location(path), exc.message, exc.hint) from None


def fitted(aspect: float, area: Box) -> Box:
    """The largest box of the picture's aspect (width over height) inside area, centred."""
    width = min(area.w, area.h * aspect)
    height = width / aspect
    return Box(area.x + (area.w - width) / 2, area.y + (area.h - height) / 2, width, height)


def cropped(aspect: float, area: Box) -> tuple[float, float, float, float]:
    """What to cut from each edge for the picture to fill area: equal parts of both sides."""
    frame = area.w / area.h
    if aspect > frame:  # wider than the frame: cut the sides
        side = (1 - frame / aspect) / 2
        return (side, 0.0, side, 0.0)
    edge = (1 - aspect / frame) / 2
    return (0.0, edge, 0.0, edge)


def _caption(composer: Context, text: str, box: Box) -> TextBox:
    """A caption box two lines high across the box, centred; fit may shrink its text."""
    sizes = composer.theme.sizes
    size = max(sizes.body_floor, sizes.body * CAPTION_SCALE)
    height = 2 * size * composer.theme.line_spacing + 8
    return TextBox(
        "Caption",
        (Paragraph(emphasis(text)),),
        Box(box.x, box.bottom - height, box.w, height),
        size,
        sizes.body_floor,
        color="dark1",
        line_spacing=composer.theme.line_spacing,
        align="ctr",
    )


KIND = Kind("picture", whole_slide(block, "picture"), block)
