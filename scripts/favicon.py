"""Draw assets/favicon.ico: the CSTO's and the SCO's colours as two overlapping circles.

Run with a Python that has Pillow (the test dependencies bring it):
`.venv/bin/python scripts/favicon.py`. Without this file Dash serves its own 15 kB icon.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
CSTO, SCO = (213, 94, 0, 210), (0, 114, 178, 210)  # theme.PALETTE's first two, slightly translucent


def main() -> None:
    """Draw the icon and write it."""
    drawn = 128  # drawn large, then scaled down for smooth edges
    image = Image.new("RGBA", (drawn, drawn), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image, "RGBA")
    pen.ellipse((4, 20, 84, 100), fill=CSTO)
    pen.ellipse((44, 20, 124, 100), fill=SCO)
    image.resize((32, 32), Image.LANCZOS).save(ROOT / "assets" / "favicon.ico", sizes=[(32, 32), (16, 16)])


if __name__ == "__main__":
    main()
