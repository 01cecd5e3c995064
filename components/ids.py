"""Every component id in one place.

Ids spelled out in issues (`map-graph`, `filters-orgs`, ...) are promises to embedders,
teachers' saved links and tests: never rename them.
"""

URL = "url"

FILTERS_ORGS = "filters-orgs"
FILTERS_DATE = "filters-date"
FILTERS_YEAR = "filters-year"

MAP_GRAPH = "map-graph"
OVERLAP_GRAPH = "overlap-graph"
OVERLAP_TABLE = "overlap-table"
TIMELINE_GRAPH = "timeline-graph"

DATA_NOTE = "data-note"
