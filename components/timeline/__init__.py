"""The timeline: membership periods and events of cooperation, suspension, membership and crisis.

Importing this package registers its callbacks.
"""

from . import callbacks
from .figure import KeyEntry, build_timeline_figure, dodge_levels, key_entries, marker_gap_days, period_class
from .layout import CARD_TITLE, event_detail, key, layout
from .table import COLUMNS, events_csv, events_table, sort_events

__all__ = [
    "CARD_TITLE",
    "COLUMNS",
    "KeyEntry",
    "build_timeline_figure",
    "callbacks",
    "dodge_levels",
    "event_detail",
    "events_csv",
    "events_table",
    "key",
    "key_entries",
    "layout",
    "marker_gap_days",
    "period_class",
    "sort_events",
]
