"""The map's component tree: the graph, a note on borders, and its table alternative."""

from __future__ import annotations

from collections.abc import Sequence

import dash
from dash import dcc, html

from .. import disclosure, ids, theme

__all__ = ["BORDERS_NOTE", "CARD_TITLE", "graph_config", "layout"]

CARD_TITLE = "Map of member states"  # the title of the view's card on the page

BORDERS_NOTE = (
    "Borders follow the United Nations' world map as shipped with plotly.js. Crimea is drawn "
    "as part of Ukraine, and Abkhazia and South Ossetia as part of Georgia, as the UN General "
    "Assembly recognises them. Jammu and Kashmir, Aksai Chin and Arunachal Pradesh are drawn as "
    "disputed areas apart from India, Pakistan and China, and are left uncoloured."
)


def graph_config() -> dict:
    """Graph config that keeps plotly.js from fetching map shapes from the web.

    The mouse wheel scrolls the page, as over any picture; the map zooms with its buttons.
    """
    return theme.graph_config(topojsonURL=dash.get_asset_url("topojson/"), scrollZoom=False)


def layout(figure: dict | None = None, stores: Sequence[dcc.Store] = ()) -> html.Div:
    """The map's card body, drawing `figure` until the first update, with its frames' `stores` (see `frames.stores`)."""
    return html.Div(
        [
            dcc.Graph(
                id=ids.MAP_GRAPH,
                figure=figure or {},
                config=graph_config(),
                className="view-graph view-graph--map",
            ),
            dcc.Store(id=ids.MAP_VIEW, storage_type="memory"),
            *stores,
            html.P(BORDERS_NOTE, id=ids.MAP_NOTE, className="map-note small text-body-secondary mb-1"),
            html.Details(
                [
                    disclosure.summary("The map as a table", ids.MAP_TABLE_SUMMARY),
                    dcc.Store(id=ids.MAP_TABLE_QUERY, storage_type="memory"),
                    html.Div(id=ids.MAP_TABLE, className="table-responsive map-table"),
                ],
                className="table-alternative small",
            ),
        ],
        className="view",
    )
