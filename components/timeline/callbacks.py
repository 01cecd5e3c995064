"""The timeline's callbacks: redraw and list the events in view; open an event; sort and download."""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import ALL, Input, Output, State, clientside_callback, ctx, dcc

import data
from data.schema import CATEGORIES

from .. import disclosure, ids, memo, state, theme
from ..selection import periods_in_view, selected_states
from .figure import build_timeline_figure
from .layout import event_detail, key
from .table import events_csv, events_table

INPUTS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.FILTERS_EVENTS, "value"),
    Input(ids.TIMELINE_RANGE, "data"),
)


def in_view(dataset: data.Dataset, orgs, date, statuses, country, region, categories, span, today: dt.date):
    """The membership periods and events the timeline shows for these control values."""
    orgs = state.chosen(orgs, dataset.families)
    statuses = state.known_statuses(statuses)
    day = state.day_from_control(date, today)
    selected = selected_states(dataset, day, orgs=orgs, statuses=statuses, country=country, region=region)
    start, end = _span(span, today)
    periods = periods_in_view(dataset, orgs=orgs, statuses=statuses, selected=selected)
    events = data.events_between(
        dataset.events, start, end, orgs=orgs, categories=state.known_categories(categories)
    )
    if selected:
        # `.loc` with a boolean mask: an empty mask given to `[]` would select no columns instead.
        events = events.loc[
            events["country_list"].map(lambda codes: not selected.isdisjoint(codes)).astype(bool)
        ]
    return orgs, day, periods, events, start, end


def _span(value: object, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    if isinstance(value, list) and len(value) == 2:
        first, last = (state.day_from_control(v, today) if isinstance(v, str) else None for v in value)
        if first and last and first <= last:
            return first, last
    return None, None


# The date alone moves the as-of line, in the browser (assets/blocs.js); it changes what
# the timeline shows only while a region is selected, whose states change with it.
@dash.callback(
    Output(ids.TIMELINE_GRAPH, "figure"),
    Output(ids.TIMELINE_KEY, "children"),
    INPUTS[0],
    State(ids.FILTERS_DATE, "date"),
    *INPUTS[2:],
    Input(ids.TIMELINE_EVENT, "data"),
    Input(ids.THEME_MODE, "data"),
    Input(ids.FILTERS_REGION_DATE, "data"),
    prevent_initial_call=True,  # the page comes with the default view drawn (`default_figure`)
)
def _update_timeline(orgs, date, statuses, country, region, categories, span, event, mode, _region_date):
    figure = timeline_figure(
        memo.frozen([orgs, date, statuses, country, region, categories, span]),
        event if isinstance(event, str) else None,
        theme.mode_of(mode),
        dt.date.today(),
    )
    return figure, key(figure)


def default_figure(today: dt.date) -> dict:
    """The timeline with every control at its default, as the page is first drawn."""
    controls = [
        list(state.DEFAULT_ORGS),
        today.isoformat(),
        list(state.DEFAULT_STATUSES),
        None,
        None,
        list(CATEGORIES),
        None,
    ]
    return timeline_figure(memo.frozen(controls), None, "light", today)


@functools.lru_cache(maxsize=memo.KEPT)
def timeline_figure(controls: tuple, event: str | None, mode: str, today: dt.date) -> dict:
    """The timeline for the control values `controls` (see `in_view`), as the JSON it is sent as."""
    orgs, day, periods, events, start, end = in_view(data.bundled_dataset(), *memo.thawed(controls), today)
    figure = build_timeline_figure(
        periods,
        events,
        orgs=orgs,
        categories=state.known_categories(memo.thawed(controls)[5]),
        as_of=day,
        today=today,
        start=start,
        end=end,
        selected_event=event,
    )
    return theme.styled(figure, mode)


disclosure.gate(
    ids.TIMELINE_TABLE_SUMMARY, ids.TIMELINE_TABLE_QUERY, [*INPUTS, Input(ids.TIMELINE_SORT, "data")]
)


@dash.callback(
    Output(ids.TIMELINE_TABLE, "children"), Input(ids.TIMELINE_TABLE_QUERY, "data"), prevent_initial_call=True
)
def _update_table(query):
    if not isinstance(query, list) or len(query) != len(INPUTS) + 1:
        return []  # closed
    *controls, sort = query
    *_, events, _start, _end = in_view(data.bundled_dataset(), *controls, dt.date.today())
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


@dash.callback(
    Output(ids.TIMELINE_EVENT, "data", allow_duplicate=True),
    Input(ids.TIMELINE_GRAPH, "clickData"),
    prevent_initial_call=True,
)
def _open_clicked_event(click: object):
    event_id = clicked_event(click, data.bundled_dataset().event_dates)
    return event_id if event_id is not None else dash.no_update


@dash.callback(
    Output(ids.TIMELINE_EVENT, "data", allow_duplicate=True),
    Input(ids.TIMELINE_DETAIL_CLOSE, "n_clicks"),
    prevent_initial_call=True,
)
def _close_event(clicks: int | None):
    return None if clicks else dash.no_update


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
    *[State(i.component_id, i.component_property) for i in INPUTS],
    State(ids.TIMELINE_SORT, "data"),
    prevent_initial_call=True,
)
def _download(clicks, orgs, date, statuses, country, region, categories, span, sort):
    if not clicks:
        return dash.no_update
    dataset = data.bundled_dataset()
    *_, events, _start, _end = in_view(
        dataset, orgs, date, statuses, country, region, categories, span, dt.date.today()
    )
    return dcc.send_string(events_csv(events, sort), "csto-sco-nato-events.csv", type="text/csv")


# The reader's zoom on the time axis, from each relayout event, as [from, to] days;
# None when the axis is reset to its whole span.
clientside_callback(
    """
    function (relayout) {
        if (!relayout) { return dash_clientside.no_update; }
        if (relayout["xaxis.autorange"]) { return null; }
        let range = relayout["xaxis.range"];
        if (!range && "xaxis.range[0]" in relayout) { range = [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]; }
        if (!range || range.length !== 2) { return dash_clientside.no_update; }
        return range.map(value => String(value).slice(0, 10));
    }
    """,
    Output(ids.TIMELINE_RANGE, "data", allow_duplicate=True),
    Input(ids.TIMELINE_GRAPH, "relayoutData"),
    prevent_initial_call=True,
)

__all__ = ["clicked_event", "in_view"]
