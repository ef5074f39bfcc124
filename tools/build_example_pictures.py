"""Draw the pictures examples/showcase.yaml shows.

Everything here is made by this script for the project (no photographs, no emblems), so the
examples may be redistributed with wocdeck under its licence. Run from the repository:
`python tools/build_example_pictures.py`.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "examples" / "pictures"
SCALE = 2  # drawn at twice the size, then reduced: smooth edges
BLUE, DARK, AQUA, LIME, CHERRY = "#0059C6", "#004294", "#1C94AB", "#A8B215", "#B3145B"


def seminar(width: int = 1600, height: int = 1000) -> Image.Image:
    """A seminar seen from the back of the room: a screen with a chart, a speaker, the audience."""
    w, h = width * SCALE, height * SCALE
    image = Image.new("RGB", (w, h), "#E9EEF4")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, int(h * 0.62), w, h], fill="#C9CFD6")  # floor
    draw.rectangle([0, int(h * 0.60), w, int(h * 0.62)], fill="#B5BCC4")
    left, top, right, bottom = int(w * 0.22), int(h * 0.08), int(w * 0.78), int(h * 0.50)
    draw.rectangle([left - 12, top - 12, right + 12, bottom + 12], fill="#5A6572")
    draw.rectangle([left, top, right, bottom], fill="white")
    draw.rectangle([left, top, right, top + int(h * 0.05)], fill=BLUE)
    bars = [0.35, 0.45, 0.52, 0.61, 0.72, 0.86]
    span = (right - left) * 0.8 / len(bars)
    for i, share in enumerate(bars):
        x = left + (right - left) * 0.1 + i * span
        y = bottom - 30 - (bottom - top - 120) * share
        draw.rectangle([x + span * 0.15, y, x + span * 0.85, bottom - 30], fill=(BLUE, AQUA)[i % 2])
    draw.rectangle([int(w * 0.84), int(h * 0.44), int(w * 0.92), int(h * 0.64)], fill=DARK)
    draw.ellipse([int(w * 0.860), int(h * 0.33), int(w * 0.900), int(h * 0.40)], fill="#8A5A44")
    draw.rectangle([int(w * 0.855), int(h * 0.40), int(w * 0.905), int(h * 0.47)], fill=CHERRY)
    rng = random.Random(2018)
    hair = ["#2B2420", "#3B2A20", "#5A4030", "#1E1E1E", "#8C8C8C", "#6B4A2E"]
    skins, shirts = (
        ["#8A5A44", "#C68B6A", "#E0B89A", "#5C3B2E", "#A8705A"],
        [BLUE, AQUA, LIME, CHERRY, "#444C55", "#7A8794", DARK],
    )
    for row in range(4):
        y = h * (0.66 + row * 0.095)
        r = h * (0.035 + row * 0.006)
        count = 9 + row
        for seat in range(count):
            x = w * (seat + 0.5 + (row % 2) * 0.3) / count + rng.uniform(-8, 8)
            draw.rounded_rectangle(
                [x - r * 1.6, y + r * 0.6, x + r * 1.6, y + r * 3.4],
                r * 0.8,
                fill=rng.choice(shirts),
            )
            draw.rectangle(
                [x - r * 0.35, y + r * 0.5, x + r * 0.35, y + r * 0.9], fill=rng.choice(skins)
            )
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice(hair))
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    return image.resize((width, height), Image.LANCZOS)


def office(width: int = 1200, height: int = 1200) -> Image.Image:
    """An office building under a blue sky: a square picture, for cropping."""
    w, h = width * SCALE, height * SCALE
    image = Image.new("RGB", (w, h), "#BBD7F2")
    draw = ImageDraw.Draw(image)
    for i in range(60):
        shade = 187 + i
        draw.rectangle([0, i * h // 100, w, (i + 1) * h // 100], fill=(shade - 40, shade - 10, 242))
    draw.rectangle([0, int(h * 0.80), w, h], fill="#6E8B4E")
    draw.polygon(
        [(w * 0.2, h * 0.82), (w * 0.3, h * 0.18), (w * 0.78, h * 0.26), (w * 0.8, h * 0.82)],
        fill="#3F6E9E",
    )
    for row in range(12):
        for col in range(8):
            x = w * (0.32 + col * 0.057)
            y = h * (0.30 + row * 0.043)
            draw.rectangle(
                [x, y, x + w * 0.035, y + h * 0.025], fill=("#D6E8F7", "#9CC3E6")[(row + col) % 2]
            )
    draw.rectangle([w * 0.44, h * 0.72, w * 0.56, h * 0.82], fill=DARK)
    draw.ellipse([w * 0.06, h * 0.06, w * 0.16, h * 0.16], fill="#FFE28A")
    return image.resize((width, height), Image.LANCZOS)


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 300" width="480" height="300">
  <rect width="480" height="300" rx="18" fill="#F0F0F0"/>
  <g fill="none" stroke="#0059C6" stroke-width="6" stroke-linecap="round">
    <path d="M120 150 L240 80 L360 150 L240 220 Z"/>
    <path d="M240 80 L240 220"/>
  </g>
  <circle cx="120" cy="150" r="34" fill="#1C94AB"/>
  <circle cx="240" cy="80" r="34" fill="#0059C6"/>
  <circle cx="360" cy="150" r="34" fill="#A8B215"/>
  <circle cx="240" cy="220" r="34" fill="#B3145B"/>
  <g fill="#FFFFFF" font-family="Liberation Sans, Arial, sans-serif" font-size="20"
     font-weight="bold" text-anchor="middle">
    <text x="120" y="157">PCT</text><text x="240" y="87">IP</text>
    <text x="360" y="157">TM</text><text x="240" y="227">ADR</text>
  </g>
</svg>
"""


def main() -> None:
    """Write every asset into examples/pictures/."""
    OUT.mkdir(parents=True, exist_ok=True)
    seminar().save(OUT / "seminar.jpg", quality=86, optimize=True)
    office().save(OUT / "office.png", optimize=True)
    (OUT / "services.svg").write_text(SVG, encoding="utf-8")


if __name__ == "__main__":
    main()
