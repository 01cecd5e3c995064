"""The overlap view: how the selected organizations' states overlap, on a date.

Importing this package registers its callbacks.
"""

from . import callbacks
from .figure import (
    MAX_EULER_SETS,
    build_overlap_figure,
    build_upset_figure,
    counting_note,
    region_key,
    region_name,
)
from .geometry import Circle, EulerLayout, circle_distance, layout_euler, lens_area
from .layout import CARD_TITLE, layout, region_table

__all__ = [
    "CARD_TITLE",
    "MAX_EULER_SETS",
    "Circle",
    "EulerLayout",
    "build_overlap_figure",
    "build_upset_figure",
    "callbacks",
    "circle_distance",
    "counting_note",
    "layout",
    "layout_euler",
    "lens_area",
    "region_key",
    "region_name",
    "region_table",
]
