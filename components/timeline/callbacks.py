"""The timeline's callbacks: redraw and list the events in view; show the opened event; sort and download.

A click on an event opens it, and a zoom of the time axis sets the range, through the
filters' sync callback (`clicked_event`, `zoomed_range`).
"""

from __future__ import annotations

import datetime as dt
import functools

import dash
import pandas as pd
from dash import ALL, Input, Output, State, ctx, dcc

import data

from .. import disclosure, ids, memo, state, theme
from ..selection import periods_in_view, selected_states, view_in
from .figure import build_timeline_figure
from .layout import event_detail, key
from .table import events_csv, events_table

# The controls the timeline is drawn for; the date is read beside them (`DATE`).
INPUTS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.FILTERS_EVENTS, "value"),
    Input(ids.TIMELINE_RANGE, "data"),
)
DATE = Input(ids.FILTERS_DATE, "value")


def controls_of(orgs, statuses, country, region, categories, span, event=None, mode=None) -> state.Controls:
    """The timeline's controls from the values of `INPUTS` (and the open event and colours), validated."""
    dataset = data.bundled_dataset()
    view = view_in(
        dataset,
        orgs=orgs,
        statuses=statuses,
        country=country,
        region=region,
        categories=categories,
        event=event,
        span=span,
    )
    return state.Controls.of(view, mode=mode)


def in_view(
    dataset: data.Dataset, controls: state.Controls, day: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The membership periods and the events the timeline shows for `controls` on `day`."""
    selected = selected_states(dataset, day, controls)
    periods = periods_in_view(dataset, controls, selected)
    start = controls.start.first_day if controls.start else None
    end = controls.end.last_day if controls.end else None
    events = data.events_between(
        dataset.events, start, end, orgs=controls.orgs, categories=controls.categories
    )
    if selected:
        # `.loc` with a boolean mask: an empty mask given to `[]` would select no columns instead.
        events = events.loc[
            events["country_list"].map(lambda codes: not selected.isdisjoint(codes)).astype(bool)
        ]
    return periods, events


# The date alone moves the as-of line, in the browser (assets/blocs.js); it changes what
# the timeline shows only while a region is selected, whose states change with it.
@dash.callback(
    Output(ids.TIMELINE_GRAPH, "figure"),
    Output(ids.TIMELINE_KEY, "children"),
    *INPUTS,
    Input(ids.TIMELINE_EVENT, "data"),
    Input(ids.THEME_MODE, "data"),
    Input(ids.FILTERS_REGION_DATE, "data"),
    State(ids.FILTERS_DATE, "value"),
    prevent_initial_call=True,  # the page comes with the default view drawn (`default_figure`)
)
def _update_timeline(orgs, statuses, country, region, categories, span, event, mode, _region_date, date):
    controls = controls_of(orgs, statuses, country, region, categories, span, event, mode)
    today = dt.date.today()
    figure = timeline_figure(controls, state.day_from_control(date, today), today)
    return figure, key(figure)


def default_figure(today: dt.date) -> dict:
    """The timeline with every control at its default, as the page is first drawn."""
    return timeline_figure(state.Controls(), today, today)


@functools.lru_cache(maxsize=memo.KEPT)
def timeline_figure(controls: state.Controls, day: dt.date, today: dt.date) -> dict:
    """The timeline for `controls`, its as-of line on `day`, as the JSON it is sent as."""
    dataset = data.bundled_dataset()
    periods, events = in_view(dataset, controls, day)
    figure = build_timeline_figure(
        periods,
        events,
        orgs=controls.orgs,
        categories=controls.categories,
        as_of=day,
        today=today,
        start=controls.start.first_day if controls.start else None,
        end=controls.end.last_day if controls.end else None,
        selected_event=controls.event,
        names=dict(zip(dataset.organizations["id"], dataset.organizations["short_name"], strict=True)),
    )
    return theme.styled(figure, controls.mode)


disclosure.gate(
    ids.TIMELINE_TABLE_SUMMARY, ids.TIMELINE_TABLE_QUERY, [*INPUTS, DATE, Input(ids.TIMELINE_SORT, "data")]
)


@dash.callback(
    Output(ids.TIMELINE_TABLE, "children"), Input(ids.TIMELINE_TABLE_QUERY, "data"), prevent_initial_call=True
)
def _update_table(query):
    if not isinstance(query, list) or len(query) != len(INPUTS) + 2:
        return []  # closed
    *values, date, sort = query
    _, events = in_view(data.bundled_dataset(), controls_of(*values), state.day_from_control(date))
    return events_table(events, sort)


@dash.callback(
    Output(ids.TIMELINE_DETAIL_BODY, "children"),
    Output(ids.TIMELINE_DETAIL_CLOSE, "hidden"),
    Input(ids.TIMELINE_EVENT, "data"),
    prevent_initial_call=True,  # the page comes with no event open
)
def _show_event(event_id: object) -> tuple[list, bool]:
    dataset = data.bundled_dataset()
    events = dataset.events.set_index("id", drop=False)
    event = events.loc[event_id] if isinstance(event_id, str) and event_id in events.index else None
    return event_detail(event, dataset.organizations), event is None


def clicked_event(click: object, known: object) -> str | None:
    """The id of the event a click on the timeline landed on, if any."""
    try:
        event_id = click["points"][0]["customdata"][3]
    except (TypeError, KeyError, IndexError):
        return None
    return event_id if isinstance(event_id, str) and event_id in known else None


def zoomed_range(relayout: object) -> list[str] | bool | None:
    """The days a zoom of the time axis shows, [from, to]; None for the whole span; False if it is no zoom."""
    if not isinstance(relayout, dict):
        return False
    if relayout.get("xaxis.autorange"):
        return None
    span = relayout.get("xaxis.range")
    if span is None and "xaxis.range[0]" in relayout:
        span = [relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")]
    if not isinstance(span, list) or len(span) != 2:
        return False
    return [str(value)[:10] for value in span]


@dash.callback(
    Output(ids.TIMELINE_SORT, "data"),
    Input({"type": ids.TIMELINE_SORT, "column": ALL}, "n_clicks"),
    State(ids.TIMELINE_SORT, "data"),
    prevent_initial_call=True,
)
def _sort(clicks: list, current: object):
    column = ctx.triggered_id["column"] if isinstance(ctx.triggered_id, dict) else None
    if column is None or not any(clicks):
        return dash.no_update
    same = isinstance(current, dict) and current.get("column") == column
    ascending = not current.get("ascending", True) if same else True
    return {"column": column, "ascending": ascending}


@dash.callback(
    Output(ids.TIMELINE_DOWNLOAD, "data"),
    Input(ids.TIMELINE_DOWNLOAD_BUTTON, "n_clicks"),
    *(State(i.component_id, i.component_property) for i in (*INPUTS, DATE)),
    State(ids.TIMELINE_SORT, "data"),
    prevent_initial_call=True,
)
def _download(clicks, *values):
    if not clicks:
        return dash.no_update
    *controls, date, sort = values
    _, events = in_view(data.bundled_dataset(), controls_of(*controls), state.day_from_control(date))
    return dcc.send_string(events_csv(events, sort), "csto-sco-nato-events.csv", type="text/csv")


__all__ = [
    "INPUTS",
    "clicked_event",
    "controls_of",
    "default_figure",
    "in_view",
    "timeline_figure",
    "zoomed_range",
]
