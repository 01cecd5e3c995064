"""Taking the data away: the filtered memberships as CSV, and each figure as PNG or SVG."""

from __future__ import annotations

import datetime as dt
import io

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

import data

from . import ids, state
from .selection import periods_in_view, selected_states, view_in

__all__ = ["figure_buttons", "layout", "memberships_csv"]

SLIDE_WIDTH_PX = 1600  # a figure saved for a slide: 1600 pixels wide at scale 2


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
    return dcc.send_string(memberships_csv(rows), "csto-sco-nato-memberships.csv", type="text/csv")


# Each figure's PNG and SVG buttons (`saveFigure` in assets/blocs.js).
clientside_callback(
    ClientsideFunction("blocs", "saveFigure"),
    Output(ids.FIGURE_DOWNLOAD_DONE, "data"),
    Input({"type": ids.FIGURE_DOWNLOAD, "graph": ALL, "format": ALL}, "n_clicks"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,
)
