"""Taking the data away: the filtered memberships as CSV, and each figure as PNG or SVG.

A figure's PNG and SVG buttons save it ready for a slide (`saveFigure` in assets/blocs.js):
1920×1080 pixels, titled with its card's title and the as-of date, with the source line
(`source_line`) and the link to the view at its foot, the timeline without its range
slider; the file is named after the view and the date (`csto-sco-nato-map-2014-04-24.png`).
The image keeps the page's colours on the card's opaque background (white; dark grey under
light text in dark colours), so it is legible on a slide of any colour.
What the browser needs for that comes from here, as data (`slide_config`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

import data
from data import Dataset

from . import about, ids, state
from .selection import periods_in_view, selected_states, view_in

__all__ = ["figure_buttons", "layout", "memberships_csv", "slide_config", "source_line"]

FILE_PREFIX = "csto-sco-nato"  # every downloaded file's name starts so
SLIDE_WIDTH_PX = 1920  # a figure saved for a slide, in pixels (PNG) or in the SVG's width and height
SLIDE_HEIGHT_PX = 1080


def source_line(dataset: Dataset) -> str:
    """The line a saved figure ends with: where its data come from, and when they were last reviewed."""
    return f"Data: {about.PROJECT} (reviewed {about.reviewed_label(dataset)}), sources in the table"


def slide_config(dataset: Dataset, figures: Mapping[str, tuple[str, str]]) -> dict:
    """What `saveFigure` (assets/blocs.js) needs to save a figure for a slide.

    Args:
        dataset: the data, whose review date the source line names.
        figures: for each graph's id, its view's name (in the file's name) and its card's title.
    """
    return {
        "width": SLIDE_WIDTH_PX,
        "height": SLIDE_HEIGHT_PX,
        "source": source_line(dataset),
        "filePrefix": FILE_PREFIX,
        "figures": {graph: {"view": view, "title": title} for graph, (view, title) in figures.items()},
    }


def memberships_csv(memberships: pd.DataFrame) -> str:
    """Membership rows as CSV, with the data's own columns and the state's name."""
    columns = ["org", "iso3", "country", "status", "start", "end", "source", "notes"]
    buffer = io.StringIO()
    memberships.sort_values(["family", "iso3", "start_day"], kind="stable")[columns].to_csv(
        buffer, index=False, lineterminator="\n"
    )
    return buffer.getvalue()


def layout() -> html.Div:
    """The header's download button and its download target."""
    return html.Div(
        [
            dbc.Button(
                "Download memberships (CSV)",
                id=ids.DOWNLOAD_MEMBERSHIPS_BUTTON,
                color="secondary",
                outline=True,
                size="sm",
                title="The membership periods of the selected organizations, statuses and selection",
            ),
            dcc.Download(id=ids.DOWNLOAD_MEMBERSHIPS),
            dcc.Store(id=ids.FIGURE_DOWNLOAD_DONE),
        ],
        className="d-inline-flex",
    )


def figure_buttons(graph_id: str, name: str) -> dbc.ButtonGroup:
    """PNG and SVG download buttons for the graph `graph_id`."""
    return dbc.ButtonGroup(
        [
            dbc.Button(
                kind.upper(),
                id={"type": ids.FIGURE_DOWNLOAD, "graph": graph_id, "format": kind},
                color="secondary",
                outline=True,
                size="sm",
                className="py-0",
                title=f"Download the {name} as {kind.upper()}",
            )
            for kind in ("png", "svg")
        ],
        size="sm",
        className="figure-buttons",
    )


@dash.callback(
    Output(ids.DOWNLOAD_MEMBERSHIPS, "data"),
    Input(ids.DOWNLOAD_MEMBERSHIPS_BUTTON, "n_clicks"),
    State(ids.FILTERS_ORGS, "value"),
    State(ids.FILTERS_DATE, "value"),
    State(ids.FILTERS_STATUS, "value"),
    State(ids.FILTERS_COUNTRY, "value"),
    State(ids.FILTERS_REGION, "data"),
    prevent_initial_call=True,
)
def _download_memberships(clicks, orgs, date, statuses, country, region):
    if not clicks:
        return dash.no_update
    dataset = data.bundled_dataset()
    view = view_in(
        dataset,
        orgs=orgs,
        statuses=statuses,
        country=country,
        region=region,
    )
    controls = state.Controls.of(view)
    selected = selected_states(dataset, state.day_from_control(date, dt.date.today()), controls)
    rows = periods_in_view(dataset, controls, selected)
    return dcc.send_string(memberships_csv(rows), f"{FILE_PREFIX}-memberships.csv", type="text/csv")


# Each figure's PNG and SVG buttons (`saveFigure` in assets/blocs.js): the date box, with
# its bounds, gives the as-of date the image is titled and named with.
clientside_callback(
    ClientsideFunction("blocs", "saveFigure"),
    Output(ids.FIGURE_DOWNLOAD_DONE, "data"),
    Input({"type": ids.FIGURE_DOWNLOAD, "graph": ALL, "format": ALL}, "n_clicks"),
    State(ids.FILTERS_DATE, "value"),
    State(ids.FILTERS_DATE, "max"),
    State(ids.FILTERS_DATE, "min"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,
)
