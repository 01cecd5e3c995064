"""How wide a line of text is drawn, at most, in the font a reader's browser picks for the figures.

The figures ask for `system-ui` (theme.FONT_FAMILY). Where that is DejaVu Sans, the
default sans-serif of Debian and many Linux desktops, it draws wider than Segoe UI,
San Francisco, Roboto, Noto Sans or Arial, so a width measured in DejaVu Sans, with a
little to spare (`SPARE`), holds the text in any of them. The widths below were measured
here in Chromium with DejaVu Sans 2.37 (canvas `measureText` at 1000 px), in thousandths
of an em, for the printable ASCII characters from the space on.
"""

from __future__ import annotations

import math
import textwrap
import unicodedata

__all__ = ["HOVER_BOLD_CHARS", "HOVER_CHARS", "SPARE", "hover_wrapped", "text_width"]

# A hover label's lines, in characters: under 300 px at the figures' 13 px, which a phone's
# plot (330 px) holds whole with the label's padding; longer lines had labels cut off at
# both sides. A bold line takes fewer.
HOVER_CHARS = 36
HOVER_BOLD_CHARS = 32

SPARE = 1.05  # other versions of the fonts, and rounding

# fmt: off
REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
    752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)
BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
    837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
    365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
)
# fmt: on
FIRST = ord(" ")


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """Pixels that `text` takes at most, set in `size` px, with `SPARE` to spare.

    Accented letters count as their base letters; any other character outside ASCII as
    the widest there is.
    """
    widths = BOLD if bold else REGULAR
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    thousandths = sum(
        widths[ord(c) - FIRST] if FIRST <= ord(c) < FIRST + len(widths) else max(widths) for c in plain
    )
    return math.ceil(thousandths * size / 1000 * SPARE)


def hover_wrapped(text: str, width: int = HOVER_CHARS) -> str:
    """`text` broken into lines of at most `width` characters (`<br>` between them), for a hover label."""
    return "<br>".join(textwrap.wrap(text, width)) if text else ""
