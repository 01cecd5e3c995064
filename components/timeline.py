"""The timeline: events of cooperation, suspension, membership and crisis, with the as-of date marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import dash
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

import data
from data.schema import CATEGORIES, CATEGORY_LABELS

from . import ids, state, theme
from .selection import selected_states

__all__ = ["CATEGORY_SYMBOLS", "build_timeline_figure", "layout"]

CATEGORY_SYMBOLS = {
    "cooperation": "circle",
    "suspension": "x",
    "membership": "diamond",
    "crisis": "triangle-up",
    "institution": "square",
}


def _event_colour(families: Sequence[str], selected: Sequence[str]) -> str:
    shown = [org for org in selected if org in families] or list(families)
    return theme.overlap_colour(shown, selected) if shown else theme.MUTED_TEXT_COLOUR


def build_timeline_figure(
    events: pd.DataFrame, *, orgs: Sequence[str], as_of: dt.date, selected: Collection[str] = ()
) -> go.Figure:
    """Events in one lane per category, coloured by organization, with a line at `as_of`.

    Args:
        events: event rows (see `data.events_between`).
        orgs: the selected organizations, which set the marker colours.
        as_of: the day marked by the cursor line.
        selected: ISO codes of the selected states: only their events are shown.
    """
    figure = go.Figure(layout={"template": theme.TEMPLATE})
    if selected:
        wanted = set(selected)
        events = events[events["country_list"].map(lambda countries: not wanted.isdisjoint(countries))]
    for category in CATEGORIES:
        rows = events[events["category"] == category]
        if rows.empty:
            continue
        figure.add_trace(
            go.Scatter(
                x=rows["day"],
                y=[CATEGORY_LABELS[category]] * len(rows),
                mode="markers",
                name=CATEGORY_LABELS[category],
                marker={
                    "symbol": CATEGORY_SYMBOLS[category],
                    "size": 12,
                    "color": [_event_colour(f, orgs) for f in rows["families"]],
                    "line": {"width": 1, "color": "#FFFFFF"},
                },
                customdata=list(
                    zip(
                        rows["date_label"],
                        rows["title"],
                        rows["orgs"].str.replace(";", ", "),
                        rows["id"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{customdata[1]}</b><br>%{customdata[0]}<br>%{customdata[2]}<extra></extra>"
                ),
            )
        )
    figure.add_vline(x=pd.Timestamp(as_of), line={"color": theme.TEXT_COLOUR, "width": 1.5, "dash": "dot"})
    figure.update_layout(
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "xanchor": "left"},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#E9ECEF"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": [CATEGORY_LABELS[c] for c in reversed(CATEGORIES)],
            "fixedrange": True,
            "automargin": True,
        },
        uirevision="timeline",
    )
    if events.empty:
        figure.add_annotation(
            text="No events match the filters. Select more organizations.",
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
        )
    return figure


def layout() -> html.Div:
    """The timeline's card body."""
    return html.Div(
        dcc.Graph(
            id=ids.TIMELINE_GRAPH,
            config=theme.graph_config(),
            className="view-graph view-graph--timeline",
        ),
        className="view",
    )


@dash.callback(
    Output(ids.TIMELINE_GRAPH, "figure"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
)
def _update_timeline(orgs, date, statuses, country, region) -> go.Figure:
    dataset = data.bundled_dataset()
    orgs = [org for org in dataset.families if org in (orgs or [])]
    day = state.day_from_control(date)
    events = data.events_between(dataset.events, orgs=orgs)
    selected = selected_states(
        dataset, day, orgs=orgs, statuses=state.known_statuses(statuses), country=country, region=region
    )
    return build_timeline_figure(events, orgs=orgs, as_of=day, selected=selected)
