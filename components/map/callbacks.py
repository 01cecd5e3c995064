"""The map's callbacks: drawn for the controls (a new date, in the browser, from its frames); its table; its zoom.

A click on a state selects it through the filters' sync callback (`clicked_country`).
"""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import ClientsideFunction, Input, Output, State, clientside_callback, html

import data

from .. import disclosure, frames, ids, memo, state, theme
from ..selection import selected_states, view_in
from .figure import (
    TITLE,
    apply_view,
    build_map_figure,
    classify_states,
    initial_view,
    map_notes,
    map_traces,
    table_rows,
)

__all__ = ["INPUTS", "VIEW", "clicked_country", "controls_of", "default_figure", "map_figure", "map_frames"]


def _table(rows) -> html.Table:
    columns = list(rows.columns)
    return html.Table(
        [
            html.Caption("States shown on the map, with their status on the date shown"),
            html.Thead(html.Tr([html.Th(column, scope="col") for column in columns])),
            html.Tbody(
                [html.Tr([html.Td(value) for value in record]) for record in rows.itertuples(index=False)]
            ),
        ],
        className="table table-sm table-striped",
    )


INPUTS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.MAP_VIEW, "data"),
    Input(ids.THEME_MODE, "data"),
)


def controls_of(orgs, statuses, country, region, zoom, mode) -> state.Controls:
    """The map's controls from the values of `INPUTS`, validated."""
    dataset = data.bundled_dataset()
    view = view_in(
        dataset,
        orgs=orgs,
        statuses=statuses,
        country=country,
        region=region,
    )
    return state.Controls.of(view, mode=mode, zoom=zoom)


def default_figure(today: dt.date) -> tuple[dict, state.Controls]:
    """The map with every control at its default, as the page is first drawn, and its controls."""
    controls = controls_of(list(state.DEFAULT_ORGS), list(state.DEFAULT_STATUSES), None, None, None, "light")
    return map_figure(controls, today), controls


@functools.lru_cache(maxsize=16)
def _opening_view(orgs: tuple[str, ...]) -> dict[str, float]:
    """Where the map opens for `orgs`: wide enough for every state that was ever in one of them."""
    memberships = data.bundled_dataset().memberships
    points = data.bundled_country_points()
    members = set(memberships.loc[memberships["family"].isin(orgs), "iso3"]) & set(points.index)
    return initial_view(points.loc[sorted(members), "lon"])


@functools.lru_cache(maxsize=memo.KEPT)
def map_figure(controls: state.Controls, day: dt.date) -> dict:
    """The map for `controls` on `day`, as the JSON it is sent as."""
    states, selected = _classified(controls, day)
    view = _opening_view(tuple(controls.orgs))
    figure = build_map_figure(states, data.bundled_country_points(), as_of=day, selected=selected, view=view)
    return theme.styled(apply_view(figure, dict(controls.zoom)), controls.mode)


def map_frame(controls: state.Controls, day: dt.date) -> dict:
    """The parts of the map that change with the day: its traces and notes."""
    # Building the rest of the figure would cost as much again.
    states, selected = _classified(controls, day)
    drawn = {
        "data": map_traces(states, data.bundled_country_points(), selected=selected),
        "layout": {"annotations": map_notes(states)},
    }
    figure = theme.styled(drawn, controls.mode)
    return {"data": figure["data"], "annotations": figure["layout"]["annotations"]}


def _classified(controls: state.Controls, day: dt.date) -> tuple:
    """The states the map colours on `day` (see `classify_states`), and those it outlines."""
    dataset = data.bundled_dataset()
    orgs, statuses = controls.orgs, controls.statuses
    relations = data.relations_as_of(dataset.memberships, day, orgs=orgs, statuses=statuses)
    former = data.former_members(dataset.memberships, day, orgs=orgs)
    selected = selected_states(dataset, day, controls)
    names = data.names_as_of(dataset.organizations, day)
    return classify_states(relations, former, orgs=orgs, names=names), selected


VIEW = frames.FramedView(
    name="map",
    graph_id=ids.MAP_GRAPH,
    title=TITLE,
    inputs=INPUTS,
    controls=controls_of,
    draw=map_figure,
    frame=map_frame,
)
map_frames = frames.register(VIEW, memberships=lambda: data.bundled_dataset().memberships)


disclosure.gate(
    ids.MAP_TABLE_SUMMARY,
    ids.MAP_TABLE_QUERY,
    [Input(ids.FILTERS_ORGS, "value"), Input(ids.FILTERS_DATE, "value"), Input(ids.FILTERS_STATUS, "value")],
)


@dash.callback(
    Output(ids.MAP_TABLE, "children"), Input(ids.MAP_TABLE_QUERY, "data"), prevent_initial_call=True
)
def _update_map_table(query):
    if not isinstance(query, list) or len(query) != 3:
        return []  # closed
    orgs, date, statuses = query
    dataset = data.bundled_dataset()
    orgs = state.chosen(orgs, dataset.families)
    day = state.day_from_control(date)
    relations = data.relations_as_of(
        dataset.memberships, day, orgs=orgs, statuses=state.known_statuses(statuses)
    )
    former = data.former_members(dataset.memberships, day, orgs=orgs)
    return _table(table_rows(relations, former, names=data.names_as_of(dataset.organizations, day)))


# Keep the reader's zoom and pan (the geo keys of each relayout event) in the browser,
# for the next redraw to start from (`apply_view` keeps what it knows, within bounds); a
# new view also redraws the map, which switches to finer shapes when zoomed in.
clientside_callback(
    ClientsideFunction("blocs", "keepZoom"),
    Output(ids.MAP_VIEW, "data"),
    Input(ids.MAP_GRAPH, "relayoutData"),
    State(ids.MAP_VIEW, "data"),
    prevent_initial_call=True,
)


def clicked_country(click: object, known: frozenset[str]) -> str | None:
    """The ISO code of the state a map click landed on, if it is one the data know."""
    try:
        point = click["points"][0]
        code = point.get("location") or point["customdata"][2]
    except (TypeError, KeyError, IndexError, AttributeError):
        return None
    return code if code in known else None
