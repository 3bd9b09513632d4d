"""Draw the application icon: a form (table grid) with a check mark, as SVG, PNGs and a Windows .ico.

The SVG and the Pillow drawing share one list of shapes on a 256-unit canvas, so every format shows
the same picture. Run from the repository root: ``python3 packaging/make_icons.py``; the results
are committed under ``resources/icons`` (the build does not need Pillow).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE = "#1f5fa8"
PALE = "#d6e4f5"
WHITE = "#ffffff"
GREEN = "#2e9d4f"

BACKGROUND = (16, 16, 240, 240, 44)  # x0, y0, x1, y1, corner radius
SHEET = (54, 36, 202, 220, 10)
HEADER = (54, 36, 202, 76)
ROWS = (76, 112, 148, 184)  # horizontal rules
LABEL_COLUMN = 100  # vertical rule between the label column and the values
GRID_WIDTH = 6
CHECK = ((110, 150), (146, 186), (220, 100))
CHECK_OUTLINE = 36
CHECK_WIDTH = 20


def svg() -> str:
    x0, y0, x1, y1, r = BACKGROUND
    sx0, sy0, sx1, sy1, sr = SHEET
    hx0, hy0, hx1, hy1 = HEADER
    rules = (
        "".join(f'<line x1="{sx0}" y1="{y}" x2="{sx1}" y2="{y}"/>' for y in ROWS)
        + f'<line x1="{LABEL_COLUMN}" y1="{hy1}" x2="{LABEL_COLUMN}" y2="{sy1}"/>'
    )
    points = " ".join(f"{x},{y}" for x, y in CHECK)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>kpi-editor</title>
  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{BLUE}"/>
  <rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" fill="{WHITE}"/>
  <path d="M{hx0},{hy1} V{hy0 + sr} Q{hx0},{hy0} {hx0 + sr},{hy0} H{hx1 - sr} Q{hx1},{hy0} {hx1},{hy0 + sr} V{hy1} Z" fill="{PALE}"/>
  <g stroke="{BLUE}" stroke-width="{GRID_WIDTH}">{rules}</g>
  <polyline points="{points}" fill="none" stroke="{WHITE}" stroke-width="{CHECK_OUTLINE}" stroke-linecap="round" stroke-linejoin="round"/>
  <polyline points="{points}" fill="none" stroke="{GREEN}" stroke-width="{CHECK_WIDTH}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def _stroke(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], width: float, color: str) -> None:
    """A polyline with round caps and joins (Pillow draws square ends by itself)."""
    draw.line(points, fill=color, width=round(width), joint="curve")
    for x, y in points:
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=color)


def render(size: int) -> Image.Image:
    """Draw at 4x (at least 1024 px) and scale down, which anti-aliases every edge."""
    big = max(1024, size * 4)
    k = big / 256
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1, r = BACKGROUND
    draw.rounded_rectangle((x0 * k, y0 * k, x1 * k, y1 * k), radius=r * k, fill=BLUE)
    sx0, sy0, sx1, sy1, sr = SHEET
    draw.rounded_rectangle((sx0 * k, sy0 * k, sx1 * k, sy1 * k), radius=sr * k, fill=WHITE)
    hx0, hy0, hx1, hy1 = HEADER
    draw.rounded_rectangle(
        (hx0 * k, hy0 * k, hx1 * k, hy1 * k), radius=sr * k, fill=PALE, corners=(True, True, False, False)
    )
    for y in ROWS:
        draw.line((sx0 * k, y * k, sx1 * k, y * k), fill=BLUE, width=round(GRID_WIDTH * k))
    draw.line((LABEL_COLUMN * k, hy1 * k, LABEL_COLUMN * k, sy1 * k), fill=BLUE, width=round(GRID_WIDTH * k))
    check = [(x * k, y * k) for x, y in CHECK]
    _stroke(draw, check, CHECK_OUTLINE * k, WHITE)
    _stroke(draw, check, CHECK_WIDTH * k, GREEN)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "kpi-editor.svg").write_text(svg(), encoding="utf-8")
    for size in PNG_SIZES:
        render(size).save(OUT / f"kpi-editor-{size}.png", optimize=True)
    render(256).save(OUT / "kpi-editor.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
