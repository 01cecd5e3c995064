"""The map's callbacks: redraw on a filter change (a new date, in the browser); select the state a reader clicks."""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import ClientsideFunction, Input, Output, State, clientside_callback, ctx, html

import data

from .. import disclosure, frames, ids, memo, state, theme
from ..selection import selected_states, view_controls
from .figure import (
    TITLE,
    VIEW_BOUNDS,
    apply_view,
    build_map_figure,
    classify_states,
    map_notes,
    map_traces,
    table_rows,
)


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


CONTROLS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.MAP_VIEW, "data"),
    Input(ids.THEME_MODE, "data"),
)


@dash.callback(
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.MAP_DRAWN, "data"),
    Output(ids.MAP_DAY, "data"),
    *CONTROLS,
    Input(ids.MAP_DATE_REQUEST, "data"),
    State(ids.FILTERS_DATE, "date"),
    State(ids.MAP_DRAWN, "data"),
    prevent_initial_call=True,  # the page comes with the default view drawn (`default_figure`)
)
def _update_map(orgs, statuses, country, region, view, mode, _asked, date, drawn):
    """The map for the controls; for a new date alone, when the browser has no frames for it, a patch."""
    key = memo.drawn_key(orgs, statuses, country, region, view, mode)
    day = state.day_from_control(date)
    figure = map_figure(*view_controls(orgs, statuses, country, region, mode), day, memo.frozen(view))
    if ctx.triggered_prop_ids.keys() == {f"{ids.MAP_DATE_REQUEST}.data"} and drawn == key:
        # The date changes the states drawn and the title; the layout (zoom, colours) stays.
        patch = dash.Patch()
        patch["data"] = figure["data"]
        patch["layout"]["title"]["text"] = figure["layout"]["title"]["text"]
        patch["layout"]["annotations"] = figure["layout"].get("annotations", [])
        return patch, dash.no_update, day.isoformat()
    return figure, key, day.isoformat()


@dash.callback(
    Output(ids.MAP_FRAMES, "data"),
    Input(ids.MAP_FRAMES_REQUEST, "data"),
    *(State(control.component_id, control.component_property) for control in CONTROLS),
)  # also once at load, for the figure the page comes with
def _send_map_frames(_asked, orgs, statuses, country, region, view, mode):
    """The frames for the controls: at load, and when the browser moves the date with a figure it has none for."""
    key = memo.drawn_key(orgs, statuses, country, region, view, mode)
    return {"key": key, **map_frames(*view_controls(orgs, statuses, country, region, mode), dt.date.today())}


# A new date moves the map in the browser, from its frames (`dateMoved` in
# assets/blocs.js). When a figure or frames arrive after the date moved, `settle` redraws
# the map for the date now shown, or asks the server for it.
clientside_callback(
    ClientsideFunction("blocs", "settle"),
    Output(ids.MAP_GRAPH, "figure", allow_duplicate=True),
    Output(ids.MAP_DAY, "data", allow_duplicate=True),
    Output(ids.MAP_DATE_REQUEST, "data", allow_duplicate=True),
    Output(ids.MAP_FRAMES_REQUEST, "data", allow_duplicate=True),
    Input(ids.MAP_DRAWN, "data"),
    Input(ids.MAP_FRAMES, "data"),
    State(ids.FILTERS_DATE, "date"),
    State(ids.MAP_GRAPH, "figure"),
    State(ids.MAP_DAY, "data"),
    State(ids.FILTERS_DATE, "max_date_allowed"),
    State(ids.FILTERS_DATE, "min_date_allowed"),
    prevent_initial_call=True,
)


def default_figure(today: dt.date) -> tuple[dict, str, str]:
    """The map with every control at its default, as the page is first drawn; its key; its day.

    The key is `memo.drawn_key` of the controls' values as the page sets them.
    """
    defaults = (list(state.DEFAULT_ORGS), list(state.DEFAULT_STATUSES), None, None, None, "light")
    figure = map_figure(*view_controls(*defaults[:4], defaults[5]), today, None)
    return figure, memo.drawn_key(*defaults), today.isoformat()


@functools.lru_cache(maxsize=memo.KEPT)
def map_figure(orgs, statuses, country, region, mode, day, view) -> dict:
    """The map for validated control values (see `selection.view_controls`), as the JSON it is sent as."""
    return draw_map(orgs, statuses, country, region, mode, day, view)


MAP_FRAMES = memo.Shelf(memo.FRAMES_KEPT)


def map_frames(orgs, statuses, country, region, mode, today) -> dict:
    """The map's frames (see `components.frames`) for validated control values, without their key."""
    return MAP_FRAMES.get(
        (orgs, statuses, country, region, mode, today),
        lambda: _build_map_frames(orgs, statuses, country, region, mode, today),
    )


def _build_map_frames(orgs, statuses, country, region, mode, today) -> dict:
    starts = frames.period_starts(data.bundled_dataset().memberships, orgs=orgs, today=today)

    def draw(day):  # the traces and notes alone: building the rest of the figure costs twice as much
        states, selected = _classified(orgs, statuses, country, region, day)
        drawn = {
            "data": map_traces(states, data.bundled_country_points(), selected=selected),
            "layout": {"annotations": map_notes(states)},
        }
        figure = theme.styled(drawn, mode)
        return {"data": figure["data"], "annotations": figure["layout"]["annotations"]}

    return frames.bundle(starts, draw, title=TITLE)


def draw_map(orgs, statuses, country, region, mode, day, view) -> dict:
    """The map for validated control values, built anew."""
    states, selected = _classified(orgs, statuses, country, region, day)
    figure = build_map_figure(states, data.bundled_country_points(), as_of=day, selected=selected)
    return theme.styled(apply_view(figure, memo.thawed(view)), mode)


def _classified(orgs, statuses, country, region, day) -> tuple:
    """The states the map colours on `day` (see `classify_states`), and those it outlines."""
    dataset = data.bundled_dataset()
    relations = data.relations_as_of(dataset.memberships, day, orgs=orgs, statuses=statuses)
    former = data.former_members(dataset.memberships, day, orgs=orgs)
    selected = selected_states(
        dataset, day, orgs=orgs, statuses=statuses, country=country, region=memo.thawed(region)
    )
    names = data.names_as_of(dataset.organizations, day)
    return classify_states(relations, former, orgs=orgs, names=names), selected


disclosure.gate(
    ids.MAP_TABLE_SUMMARY,
    ids.MAP_TABLE_QUERY,
    [Input(ids.FILTERS_ORGS, "value"), Input(ids.FILTERS_DATE, "date"), Input(ids.FILTERS_STATUS, "value")],
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
# for the next redraw to start from; a new view also redraws the map, which switches
# to finer shapes when zoomed in.
clientside_callback(
    """
    function (relayout, view) {
        if (!relayout) { return dash_clientside.no_update; }
        const kept = KEYS;
        const next = Object.assign({}, view || {});
        let changed = false;
        for (const key of kept) {
            if (key in relayout) { next[key] = relayout[key]; changed = true; }
        }
        return changed ? next : dash_clientside.no_update;
    }
    """.replace("KEYS", str(list(VIEW_BOUNDS))),
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


@dash.callback(
    Output(ids.FILTERS_COUNTRY, "value", allow_duplicate=True),
    Input(ids.MAP_GRAPH, "clickData"),
    prevent_initial_call=True,
)
def _select_clicked_country(click: object) -> str:
    code = clicked_country(click, data.bundled_dataset().countries)
    return code if code is not None else dash.no_update
