"""The overlap view's callbacks: redraw on a filter change (a new date, in the browser); select a region or a state on click."""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import ClientsideFunction, Input, Output, State, clientside_callback

import data

from .. import disclosure, frames, ids, memo, state, summary, theme
from ..selection import view_controls
from .figure import TITLE, build_overlap_figure
from .layout import region_table

CONTROLS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.THEME_MODE, "data"),
)


@dash.callback(
    Output(ids.OVERLAP_GRAPH, "figure"),
    Output(ids.OVERLAP_DRAWN, "data"),
    Output(ids.OVERLAP_DAY, "data"),
    *CONTROLS,
    Input(ids.OVERLAP_DATE_REQUEST, "data"),
    State(ids.FILTERS_DATE, "date"),
    prevent_initial_call=True,  # the page comes with the default view drawn (`default_view`)
)
def _update_overlap(orgs, statuses, country, region, mode, _asked, date) -> tuple[dict, str, str]:
    """The diagram for the controls; asked for a new date alone when the browser has no frames for it."""
    day = state.day_from_control(date)
    figure = overlap_figure(*view_controls(orgs, statuses, country, region, mode), day)
    return figure, memo.drawn_key(orgs, statuses, country, region, mode), day.isoformat()


@dash.callback(
    Output(ids.OVERLAP_FRAMES, "data"),
    Input(ids.OVERLAP_FRAMES_REQUEST, "data"),
    *(State(control.component_id, control.component_property) for control in CONTROLS),
)  # also once at load, for the figure the page comes with
def _send_overlap_frames(_asked, orgs, statuses, country, region, mode):
    """The frames for the controls: at load, and when the browser moves the date with a figure it has none for."""
    key = memo.drawn_key(orgs, statuses, country, region, mode)
    return {
        "key": key,
        **overlap_frames(*view_controls(orgs, statuses, country, region, mode), dt.date.today()),
    }


# A new date moves the diagram in the browser, from its frames (`dateMoved` in
# assets/blocs.js). When a figure or frames arrive after the date moved, `settle` redraws
# the diagram for the date now shown, or asks the server for it.
clientside_callback(
    ClientsideFunction("blocs", "settleWithSummary"),
    Output(ids.OVERLAP_GRAPH, "figure", allow_duplicate=True),
    Output(ids.OVERLAP_DAY, "data", allow_duplicate=True),
    Output(ids.OVERLAP_DATE_REQUEST, "data", allow_duplicate=True),
    Output(ids.OVERLAP_FRAMES_REQUEST, "data", allow_duplicate=True),
    Output(ids.VIEW_SUMMARY, "children", allow_duplicate=True),
    Input(ids.OVERLAP_DRAWN, "data"),
    Input(ids.OVERLAP_FRAMES, "data"),
    State(ids.FILTERS_DATE, "date"),
    State(ids.OVERLAP_GRAPH, "figure"),
    State(ids.OVERLAP_DAY, "data"),
    State(ids.FILTERS_DATE, "max_date_allowed"),
    State(ids.FILTERS_DATE, "min_date_allowed"),
    prevent_initial_call=True,
)


disclosure.gate(
    ids.OVERLAP_TABLE_SUMMARY,
    ids.OVERLAP_TABLE_QUERY,
    [Input(ids.FILTERS_ORGS, "value"), Input(ids.FILTERS_DATE, "date"), Input(ids.FILTERS_STATUS, "value")],
)


@dash.callback(
    Output(ids.OVERLAP_TABLE, "children"), Input(ids.OVERLAP_TABLE_QUERY, "data"), prevent_initial_call=True
)
def _update_overlap_table(query):
    if not isinstance(query, list) or len(query) != 3:
        return []  # closed
    orgs, date, statuses = query
    orgs = state.chosen(orgs, data.bundled_dataset().families)
    regions = data.overlap_regions(
        data.bundled_dataset().memberships,
        state.day_from_control(date),
        orgs=orgs,
        statuses=state.known_statuses(statuses),
    )
    return region_table(regions, orgs)


def default_view(today: dt.date) -> tuple[dict, str, str]:
    """The diagram with every control at its default, as the page is first drawn; its key; its day."""
    defaults = (list(state.DEFAULT_ORGS), list(state.DEFAULT_STATUSES), None, None, "light")
    return overlap_figure(*view_controls(*defaults), today), memo.drawn_key(*defaults), today.isoformat()


@functools.lru_cache(maxsize=memo.KEPT)
def overlap_figure(orgs, statuses, country, region, mode, day) -> dict:
    """The diagram (as the JSON it is sent as) for validated control values (see `selection.view_controls`)."""
    return draw_overlap(orgs, statuses, country, region, mode, day)


OVERLAP_FRAMES = memo.Shelf(memo.FRAMES_KEPT)


def overlap_frames(orgs, statuses, country, region, mode, today) -> dict:
    """The diagram's frames (see `components.frames`) for validated control values, without their key."""
    return OVERLAP_FRAMES.get(
        (orgs, statuses, country, region, mode, today),
        lambda: _build_overlap_frames(orgs, statuses, country, region, mode, today),
    )


def _build_overlap_frames(orgs, statuses, country, region, mode, today) -> dict:
    starts = frames.period_starts(data.bundled_dataset().memberships, orgs=orgs, today=today)

    dataset = data.bundled_dataset()

    def draw(day):
        figure = draw_overlap(orgs, statuses, country, region, mode, day)
        regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
        words = summary.sentences(regions, orgs=orgs, statuses=statuses, labels=summary.labels(dataset))
        return {"data": figure["data"], "layout": figure["layout"], "summary": words}

    return frames.bundle(starts, draw, title=TITLE)


def draw_overlap(orgs, statuses, country, region, mode, day) -> dict:
    """The diagram for validated control values, built anew."""
    regions = data.overlap_regions(data.bundled_dataset().memberships, day, orgs=orgs, statuses=statuses)
    figure = build_overlap_figure(
        regions,
        orgs=orgs,
        statuses=statuses,
        as_of=day,
        selected=country,
        selected_region=state.region_of(memo.thawed(region), orgs),
        names=summary.labels(data.bundled_dataset()),
    )
    return theme.styled(figure, mode)


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
