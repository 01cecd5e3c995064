"""The overlap view's callbacks: redraw on a filter change; select a region or a state on click."""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import Input, Output, html

import data

from .. import ids, memo, state, theme
from .figure import build_overlap_figure
from .layout import region_table


@dash.callback(
    Output(ids.OVERLAP_GRAPH, "figure"),
    Output(ids.OVERLAP_TABLE, "children"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.THEME_MODE, "data"),
    prevent_initial_call=True,  # the page comes with the default view drawn (`default_view`)
)
def _update_overlap(orgs, date, statuses, country, region, mode) -> tuple[dict, html.Table]:
    return overlap_view(
        tuple(state.chosen(orgs, data.bundled_dataset().families)),
        state.day_from_control(date),
        tuple(state.known_statuses(statuses)),
        country if isinstance(country, str) else None,
        memo.frozen(region),
        theme.mode_of(mode),
    )


def default_view(today: dt.date) -> tuple[dict, html.Table]:
    """The diagram and its table with every control at its default, as the page is first drawn."""
    orgs = tuple(state.chosen(list(state.DEFAULT_ORGS), data.bundled_dataset().families))
    return overlap_view(orgs, today, tuple(state.DEFAULT_STATUSES), None, None, "light")


@functools.lru_cache(maxsize=memo.KEPT)
def overlap_view(orgs, day, statuses, country, region, mode) -> tuple[dict, html.Table]:
    """The diagram (as the JSON it is sent as) and its table, for validated control values."""
    regions = data.overlap_regions(data.bundled_dataset().memberships, day, orgs=orgs, statuses=statuses)
    figure = build_overlap_figure(
        regions,
        orgs=orgs,
        statuses=statuses,
        as_of=day,
        selected=country,
        selected_region=state.region_of(memo.thawed(region), orgs),
    )
    return theme.styled(figure, mode).to_plotly_json(), region_table(regions, orgs)


def clicked_selection(click: object) -> tuple[str, str] | None:
    """("region", "CSTO,SCO") or ("state", "KAZ") for a click on the overlap view, else None."""
    try:
        kind, value = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    if kind in ("region", "state") and isinstance(value, str) and len(value) <= 100:
        return kind, value
    return None


@dash.callback(
    Output(ids.FILTERS_REGION, "data", allow_duplicate=True),
    Output(ids.FILTERS_COUNTRY, "value", allow_duplicate=True),
    Input(ids.OVERLAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)
def _select_from_overlap(click: object):
    selection = clicked_selection(click)
    if selection is None:
        return dash.no_update, dash.no_update
    kind, value = selection
    if kind == "region":
        return value.split(","), dash.no_update
    return dash.no_update, value if value in data.bundled_dataset().countries else dash.no_update
