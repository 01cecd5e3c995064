"""Every component id in one place (a framed view's stores: `components.frames.store_id`).

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
OVERLAP_TABLE_SUMMARY = "overlap-table-summary"
OVERLAP_TABLE_QUERY = "overlap-table-query"
TIMELINE_GRAPH = "timeline-graph"
TIMELINE_KEY = "timeline-key"

DATA_NOTE = "data-note"

FILTERS_COUNTRY = "filters-country"
FILTERS_STATUS = "filters-status"
FILTERS_STATUS_SUMMARY = "filters-status-summary"
FILTERS_REGION = "filters-region"
FILTERS_REGION_DATE = "filters-region-date"
FILTERS_PLAY = "filters-play"
FILTERS_PLAY_INTERVAL = "filters-play-interval"
FILTERS_PLAY_YEAR = "filters-play-year"

MAP_TABLE = "map-table"
MAP_TABLE_SUMMARY = "map-table-summary"
MAP_TABLE_QUERY = "map-table-query"
MAP_NOTE = "map-note"
MAP_VIEW = "map-view"

COUNTRY_PANEL = "country-panel"
COUNTRY_PANEL_BODY = "country-panel-body"
COUNTRY_CLEAR = "country-clear"

FILTERS_EVENTS = "filters-events"

TIMELINE_TABLE = "timeline-table"
OPEN_EVENT = "open-event"  # the type of the ids of the events' buttons in the timeline's table
PICK_REGION = "pick-region"  # the type of the ids of the regions' buttons in the overlap's table
TIMELINE_TABLE_SUMMARY = "timeline-table-summary"
TIMELINE_TABLE_QUERY = "timeline-table-query"
TIMELINE_EVENT = "timeline-event"
TIMELINE_RANGE = "timeline-range"
TIMELINE_DETAIL = "timeline-detail"
TIMELINE_DETAIL_BODY = "timeline-detail-body"
TIMELINE_DETAIL_CLOSE = "timeline-detail-close"
TIMELINE_SORT = "timeline-sort"
TIMELINE_DOWNLOAD = "timeline-download"
TIMELINE_DOWNLOAD_BUTTON = "timeline-download-button"

PAGE = "page"
VIEWS = "views"  # the views' part of the page, where the skip link leads
PAGE_CONFIG = "page-config"
VIEW_SUMMARY = "view-summary"
FILTERS_RESET = "filters-reset"
FILTER_BAR = "filter-bar"
FILTERS_FOLD = "filters-fold"

SHARE_OPEN = "share-open"
SHARE_MODAL = "share-modal"
SHARE_TITLE = "share-title"
SHARE_VIEW = "share-view"
SHARE_LINK = "share-link"
SHARE_LINK_COPY = "share-link-copy"
SHARE_EMBED = "share-embed"
SHARE_EMBED_COPY = "share-embed-copy"
EMBED_LINK = "embed-link"  # an embedded view's link back to the whole dashboard

DOWNLOAD_MEMBERSHIPS = "download-memberships"
DOWNLOAD_MEMBERSHIPS_BUTTON = "download-memberships-button"
FIGURE_DOWNLOAD = "figure-download"
FIGURE_DOWNLOAD_DONE = "figure-download-done"

ABOUT_OPEN = "about-open"
ABOUT_MODAL = "about-modal"
ABOUT_TITLE = "about-title"
ABOUT_REVIEWED = "about-reviewed"
ABOUT_LICENCE = "about-licence"
ABOUT_CITATION = "about-citation"
DATA_REVIEWED = "data-reviewed"  # the footer's line with the review date

THEME_CHOICE = "theme-choice"
THEME_MODE = "theme-mode"
