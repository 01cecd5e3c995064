"""The map: every state coloured by its relation to the selected organizations on a date.

Importing this package registers its callbacks.
"""

from . import callbacks
from .figure import (
    INITIAL_VIEW,
    SMALL_STATE_KM2,
    WIDE_VIEW,
    apply_view,
    build_map_figure,
    classify_states,
    describe_status,
    initial_view,
    table_rows,
)
from .layout import BORDERS_NOTE, CARD_TITLE, graph_config, layout

__all__ = [
    "BORDERS_NOTE",
    "CARD_TITLE",
    "INITIAL_VIEW",
    "SMALL_STATE_KM2",
    "WIDE_VIEW",
    "apply_view",
    "build_map_figure",
    "callbacks",
    "classify_states",
    "describe_status",
    "graph_config",
    "initial_view",
    "layout",
    "table_rows",
]
