"""A picture as PowerPoint writes one: `p:pic` showing an image part of the package.

An SVG drawing is stored as written, with its PNG rendering as the picture's main image, as
PowerPoint stores one (a:svgBlip): PowerPoint shows the drawing, older programs the PNG. The
same bytes are stored once however many slides show them (SlideAdder.add_image_bytes).
"""

from __future__ import annotations

from wocdeck.compose.kinds.picture import PicturePlan
from wocdeck.writer import markup
from wocdeck.writer.drawing import Drawing


def draw(drawing: Drawing, shape_id: int, picture: PicturePlan) -> str:
    """The picture's shape, its image (and an SVG's drawing) related to the slide."""
    image, adder, part = picture.image, drawing.adder, drawing.part
    svg = ""
    if image.kind == "svg":
        svg = adder.add_image_bytes(part, image.blob, "svg", image.content_type)
        rId = adder.add_image_bytes(part, image.fallback, "png", "image/png")
    else:
        rId = adder.add_image_bytes(part, image.blob, image.kind, image.content_type)
    return markup.picture(
        shape_id,
        picture.name,
        picture.description,
        rId,
        picture.box,
        svg=svg,
        crop=picture.crop,
        decorative=picture.decorative,
    )
