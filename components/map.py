"""The map: every state coloured by its relation to the selected organizations on a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

import dash
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

import data
from data import PartialDate

from . import ids, state, theme

__all__ = ["build_map_figure", "classify_states", "graph_config", "layout"]

MEMBER_STATUSES = ("member",)
ASSOCIATE_STATUSES = ("observer", "dialogue_partner", "partner", "signatory")
SUSPENDED_STATUSES = ("suspended", "frozen")
STATUS_WORDS = {
    "member": "member",
    "signatory": "signatory",
    "observer": "observer",
    "dialogue_partner": "dialogue partner",
    "partner": "partner",
    "suspended": "suspended",
    "frozen": "participation frozen",
}


def _source_host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def _describe(row: pd.Series) -> str:
    status = STATUS_WORDS.get(row["status"], row["status"])
    return f"{row['family']}: {status} since {row['start_label']} ({_source_host(row['source'])})"


def classify_states(relations: pd.DataFrame, former: pd.DataFrame, *, orgs: Sequence[str]) -> pd.DataFrame:
    """One row per state the map colours, with its legend category, colour and hover text.

    Args:
        relations: rows in force (see `data.relations_as_of`), any status.
        former: former members (see `data.former_members`).
        orgs: the selected organizations, in display order.

    Returns:
        Columns `iso3`, `country`, `category`, `colour`, `rank` (legend order) and `hover`.
    """
    orgs = list(orgs)
    rows = []
    for iso3, group in relations.groupby("iso3", sort=True):
        members = [
            org for org in orgs if ((group["family"] == org) & group["status"].isin(MEMBER_STATUSES)).any()
        ]
        associates = [
            org for org in orgs if ((group["family"] == org) & group["status"].isin(ASSOCIATE_STATUSES)).any()
        ]
        suspended = [
            org for org in orgs if ((group["family"] == org) & group["status"].isin(SUSPENDED_STATUSES)).any()
        ]
        if members:
            category = "Member of " + " and ".join(members)
            colour = theme.overlap_colour(members, orgs)
            rank = len(members) * 10 - min(orgs.index(org) for org in members)
        elif associates:
            category = "Observer or partner of " + " and ".join(associates)
            colour = theme.tint(theme.overlap_colour(associates, orgs))
            rank = -100 - orgs.index(associates[0])
        elif suspended:
            category = "Suspended or frozen"
            colour = theme.SUSPENDED_COLOUR
            rank = -200
        else:
            continue
        hover = "<br>".join(_describe(row) for _, row in group.iterrows())
        rows.append((iso3, group["country"].iloc[0], category, colour, rank, hover))

    shown = {row[0] for row in rows}
    for iso3, group in former.groupby("iso3", sort=True):
        if iso3 in shown:
            continue
        hover = "<br>".join(
            f"{r['family']}: former member, until {r['end_label']}" for _, r in group.iterrows()
        )
        rows.append((iso3, group["country"].iloc[0], "Former member", theme.FORMER_COLOUR, -300, hover))
    return pd.DataFrame(rows, columns=["iso3", "country", "category", "colour", "rank", "hover"])


def build_map_figure(states: pd.DataFrame, *, as_of: dt.date, resolution: int = 110) -> go.Figure:
    """A world map with one legend entry per category in `states` (see `classify_states`).

    Args:
        states: the classified states.
        as_of: the day shown, named in the figure's accessible title.
        resolution: 110 or 50, the scale of the world shapes (1:110m or 1:50m).
    """
    figure = go.Figure(layout={"template": theme.TEMPLATE})
    for (rank, category, colour), group in states.groupby(["rank", "category", "colour"], sort=False):
        del rank
        figure.add_trace(
            go.Choropleth(
                locations=list(group["iso3"]),
                z=[1] * len(group),
                locationmode="ISO-3",
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                name=category,
                showlegend=True,
                marker={"line": {"color": theme.BORDER_COLOUR, "width": 0.5}},
                customdata=list(zip(group["country"], group["hover"], strict=True)),
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            )
        )
    # Legend order: members first (most organizations first), then associates, then the rest.
    order = states.drop_duplicates("category").sort_values("rank", ascending=False)["category"].tolist()
    figure.data = tuple(sorted(figure.data, key=lambda trace: order.index(trace.name)))
    for position, trace in enumerate(figure.data):
        trace.legendrank = position

    figure.update_geos(
        resolution=resolution,
        projection={"type": "natural earth"},
        showcountries=True,
        countrycolor=theme.BORDER_COLOUR,
        showland=True,
        landcolor=theme.LAND_COLOUR,
        showocean=False,
        showlakes=False,
        showframe=False,
        showcoastlines=False,
        lataxis={"range": [-5, 82]},
        lonaxis={"range": [-130, 150]},
        bgcolor="rgba(0,0,0,0)",
    )
    figure.update_layout(
        title={
            "text": f"Member states as of {PartialDate.of_day(as_of).label()}",
            "font": {"size": 14},
            "x": 0.01,
            "xanchor": "left",
        },
        margin={"l": 0, "r": 0, "t": 32, "b": 0},
        legend={"orientation": "h", "yanchor": "top", "y": 0, "x": 0},
        uirevision="map",
    )
    if states.empty:
        figure.add_annotation(
            text="No state belongs to the selected organizations on this date.<br>"
            "Choose another date or organization.",
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
        )
    return figure


def graph_config() -> dict:
    """Graph config that keeps plotly.js from fetching map shapes from the web."""
    return theme.graph_config(topojsonURL=dash.get_asset_url("topojson/"))


def layout() -> html.Div:
    """The map's card body."""
    return html.Div(
        dcc.Graph(id=ids.MAP_GRAPH, config=graph_config(), className="view-graph view-graph--map"),
        className="view",
    )


@dash.callback(
    Output(ids.MAP_GRAPH, "figure"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
)
def _update_map(orgs: list[str] | None, date: str | None) -> go.Figure:
    dataset = data.bundled_dataset()
    orgs = [org for org in (orgs or []) if org in dataset.families]
    day = state.day_from_control(date)
    relations = data.relations_as_of(dataset.memberships, day, orgs=orgs)
    former = data.former_members(dataset.memberships, day, orgs=orgs)
    return build_map_figure(classify_states(relations, former, orgs=orgs), as_of=day)
