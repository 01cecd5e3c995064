"""The filter bar, and the callbacks that keep it and the URL in step.

The server's sync callback does it for every control but the date picker and the year
slider, which change most often and are kept in step in the browser (`dateMoved` in
assets/blocs.js, registered here) with the same rules. Views read the controls, never
the URL. The URL holds the date at the precision
the reader chose (`date=2014` means "at the end of 2014"); the date picker always
holds a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, ctx, dcc, html

import data
from data import PartialDate
from data.schema import CATEGORY_LABELS

from . import ids, state, theme

__all__ = ["PLAY_FROM", "PLAY_STEP_MS", "Controls", "layout", "sync_controls"]

NO_CHANGE = dash.no_update
STATUS_CHOICES = {
    "member": "Members",
    "signatory": "Signatories",
    "observer": "Observers",
    "dialogue_partner": "Dialogue partners",
    "partner": "Partners",
    "suspended": "Suspended",
    "frozen": "Frozen participation",
}
PLAY_FROM = 1992  # the Collective Security Treaty: where the story of the two blocs begins
PLAY_STEP_MS = 1500


@dataclass(frozen=True)
class Controls:
    """The values the filter controls hold."""

    orgs: list[str] | None
    date: str | None
    year: int | None
    country: str | None
    statuses: list[str] | None = None
    region: list[str] | None = None
    categories: list[str] | None = None
    event: str | None = None
    range: list[str] | None = None


# The timeline's marker for each category, as a character for the filter's labels.
CATEGORY_GLYPHS = {
    "cooperation": "●",
    "suspension": "✖",
    "membership": "◆",
    "crisis": "▲",
    "institution": "■",
}


def _symbol(category: str) -> html.Span:
    return html.Span(CATEGORY_GLYPHS[category], className="category-glyph", **{"aria-hidden": "true"})


def _org_option(org: str, short_name: str, name: str) -> dict:
    swatch = html.Span(className="org-swatch", style={"--org-colour": theme.org_colour(org)})
    return {"label": html.Span([swatch, html.Abbr(short_name, title=name)]), "value": org}


def layout(
    organizations: Sequence[tuple[str, str, str]],
    countries: Sequence[tuple[str, str]],
    *,
    first_year: int,
    today: dt.date,
) -> dbc.Row:
    """The filter bar.

    Args:
        organizations: (id, short name, full name) of each organization a reader can select.
        countries: (ISO code, name) of each state a reader can select, in display order.
        first_year: the earliest year the year slider offers.
        today: the latest date offered.
    """
    return dbc.Row(
        [
            _organizations_control(organizations),
            _statuses_control(),
            _country_control(countries),
            html.Div(className="w-100 d-none d-lg-block"),
            _date_control(today),
            _year_control(first_year, today),
            _events_control(),
            _reset_button(),
        ],
        className="filters g-3 align-items-end",
    )


def _organizations_control(organizations: Sequence[tuple[str, str, str]]) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label("Organizations", html_for=ids.FILTERS_ORGS, className="filter-label"),
            dbc.Checklist(
                id=ids.FILTERS_ORGS,
                options=[_org_option(*organization) for organization in organizations],
                value=list(state.DEFAULT_ORGS),
                inline=True,
                switch=True,
            ),
        ],
        xs=12,
        lg="auto",
    )


def _statuses_control() -> dbc.Col:
    """The statuses picker, with the stores of the state no control shows."""
    return dbc.Col(
        [
            dbc.Label("Statuses", html_for=ids.FILTERS_STATUS, className="filter-label"),
            dcc.Dropdown(
                id=ids.FILTERS_STATUS,
                options=[{"label": label, "value": status} for status, label in STATUS_CHOICES.items()],
                value=list(state.DEFAULT_STATUSES),
                multi=True,
                searchable=False,
                clearable=False,
                placeholder="No status counted",
                className="status-picker",
            ),
            dcc.Store(id=ids.FILTERS_REGION, storage_type="memory"),
            # the date, moved while a region is selected (whose states change with it)
            dcc.Store(id=ids.FILTERS_REGION_DATE, storage_type="memory"),
            dcc.Store(id=ids.TIMELINE_EVENT, storage_type="memory"),
            dcc.Store(id=ids.TIMELINE_RANGE, storage_type="memory"),
        ],
        xs=12,
        md=6,
        lg=True,
    )


def _country_control(countries: Sequence[tuple[str, str]]) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label("State", html_for=ids.FILTERS_COUNTRY, className="filter-label"),
            dcc.Dropdown(
                id=ids.FILTERS_COUNTRY,
                options=[{"label": name, "value": code} for code, name in countries],
                value=None,
                placeholder="Find a state…",
                searchable=True,
                clearable=True,
                className="country-picker",
            ),
        ],
        xs=12,
        md=6,
        lg=3,
    )


def _date_control(today: dt.date) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label("As of", html_for=ids.FILTERS_DATE, className="filter-label"),
            dcc.DatePickerSingle(
                id=ids.FILTERS_DATE,
                date=today.isoformat(),
                min_date_allowed=state.EARLIEST_DATE.isoformat(),
                max_date_allowed=today.isoformat(),
                display_format="YYYY-MM-DD",
                first_day_of_week=1,
            ),
        ],
        xs="auto",
    )


def _year_control(first_year: int, today: dt.date) -> dbc.Col:
    """The play button and the year slider, marked every ten years and at this one."""
    years = range(first_year, today.year + 1)
    marks = {year: str(year) for year in years if year % 10 == 0 and today.year - year >= 8}
    marks[today.year] = str(today.year)
    return dbc.Col(
        [
            dbc.Label("Year", html_for=ids.FILTERS_YEAR, className="filter-label"),
            html.Div(
                [
                    html.Button(
                        "▶",
                        id=ids.FILTERS_PLAY,
                        type="button",
                        className="play-button btn btn-outline-primary btn-sm",
                        title=f"Play: step through the years from {PLAY_FROM} to {today.year}",
                        **{"aria-label": "Play through the years", "aria-pressed": "false"},
                    ),
                    html.Div(
                        dcc.Slider(
                            id=ids.FILTERS_YEAR,
                            min=first_year,
                            max=today.year,
                            step=1,
                            value=today.year,
                            marks=marks,
                            tooltip={"placement": "bottom", "always_visible": False},
                            updatemode="mouseup",
                        ),
                        className="flex-grow-1",
                    ),
                ],
                className="d-flex align-items-center gap-2",
            ),
            dcc.Interval(id=ids.FILTERS_PLAY_INTERVAL, interval=PLAY_STEP_MS, disabled=True),
        ],
        xs=12,
        sm=True,
    )


def _events_control() -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label("Events", html_for=ids.FILTERS_EVENTS, className="filter-label"),
            dbc.Checklist(
                id=ids.FILTERS_EVENTS,
                options=[
                    {"label": html.Span([_symbol(category), label]), "value": category}
                    for category, label in CATEGORY_LABELS.items()
                ],
                value=list(CATEGORY_LABELS),
                inline=True,
                className="small",
            ),
        ],
        xs=12,
        xl="auto",
    )


def _reset_button() -> dbc.Col:
    return dbc.Col(
        dbc.Button(
            "Reset",
            id=ids.FILTERS_RESET,
            color="secondary",
            outline=True,
            size="sm",
            title="Back to the default view",
        ),
        xs="auto",
    )


def _range(value: object, today: dt.date) -> tuple[PartialDate | None, PartialDate | None]:
    """The (from, to) days a timeline range store holds: two ISO day strings, else no range."""
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        return None, None
    first, last = (state.day_from_control(v, today) for v in value)
    if last < first:
        return None, None
    return PartialDate.of_day(first), PartialDate.of_day(last)


def _apply(
    trigger: str,
    current: state.ViewState,
    controls: Controls,
    known_orgs: Sequence[str],
    known_countries: Collection[str],
    event_dates: Mapping[str, str],
    today: dt.date,
) -> state.ViewState:
    """The view state once the control `trigger` has been taken into account."""
    if trigger == ids.FILTERS_ORGS:
        return replace(current, orgs=tuple(state.chosen(controls.orgs, known_orgs)))
    if trigger == ids.FILTERS_COUNTRY:
        country = controls.country if controls.country in known_countries else None
        return replace(current, country=country, region=None if country else current.region)
    if trigger == ids.FILTERS_STATUS:
        return replace(current, statuses=tuple(state.known_statuses(controls.statuses)))
    if trigger == ids.FILTERS_REGION:
        asked = controls.region if isinstance(controls.region, list) else []
        region = tuple(state.chosen(asked, current.orgs))
        valid = bool(region) and len(region) == len(set(map(str, asked)))
        return replace(current, region=region if valid else None, country=None if valid else current.country)
    if trigger == ids.FILTERS_EVENTS:
        return replace(current, categories=tuple(state.known_categories(controls.categories)))
    if trigger == ids.TIMELINE_EVENT:
        if controls.event in event_dates:
            return replace(current, event=controls.event, date=PartialDate.parse(event_dates[controls.event]))
        return replace(current, event=None)
    if trigger == ids.TIMELINE_RANGE:
        start, end = _range(controls.range, today)
        return replace(current, start=start, end=end)
    return current


def sync_controls(
    triggers: Sequence[str] | str | None,
    search: str | None,
    controls: Controls,
    *,
    known_orgs: Sequence[str],
    known_countries: Collection[str],
    event_dates: Mapping[str, str] = MappingProxyType({}),
    today: dt.date,
) -> tuple:
    """What the URL and the controls should become after the controls `triggers` changed.

    With no trigger (the first call) or the URL as a trigger, the URL wins. A state
    picked clears a selected region and a region picked clears the state: one
    selection at a time, shared by every view.

    Opening an event moves the as-of date to the event's date, at its precision.

    Returns:
        (search, orgs, date, year, country, statuses, region, categories, event, range),
        each `dash.no_update` where it already holds the right value.
    """
    if isinstance(triggers, str) or triggers is None:
        triggers = [triggers] if triggers else []
    wanted = state.parse_query(
        search, known_orgs=known_orgs, known_countries=known_countries, known_events=event_dates, today=today
    )
    if ids.URL not in triggers:
        for trigger in triggers:
            wanted = _apply(trigger, wanted, controls, known_orgs, known_countries, event_dates, today)
    if wanted.region and not set(wanted.region) <= set(wanted.orgs):
        wanted = replace(wanted, region=None)  # its organization was switched off

    query = state.to_query(wanted)
    day = wanted.as_of(today)

    def changed(new, old):
        return new if new != old else NO_CHANGE

    return (
        changed(query, search or ""),
        changed(list(wanted.orgs), controls.orgs or []),
        changed(day.isoformat(), controls.date),
        changed(day.year, controls.year),
        changed(wanted.country, controls.country),
        changed(list(wanted.statuses), controls.statuses or []),
        changed(list(wanted.region) if wanted.region else None, controls.region or None),
        changed(list(wanted.categories), controls.categories),
        changed(wanted.event, controls.event),
        changed(
            [
                wanted.start.first_day.isoformat() if wanted.start else None,
                wanted.end.last_day.isoformat() if wanted.end else None,
            ]
            if wanted.start or wanted.end
            else None,
            controls.range,
        ),
    )


@dash.callback(
    Output(ids.URL, "search"),
    Output(ids.FILTERS_ORGS, "value"),
    Output(ids.FILTERS_DATE, "date"),
    Output(ids.FILTERS_YEAR, "value"),
    Output(ids.FILTERS_COUNTRY, "value"),
    Output(ids.FILTERS_STATUS, "value"),
    Output(ids.FILTERS_REGION, "data"),
    Output(ids.FILTERS_EVENTS, "value"),
    Output(ids.TIMELINE_EVENT, "data"),
    Output(ids.TIMELINE_RANGE, "data"),
    Input(ids.URL, "search"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.FILTERS_EVENTS, "value"),
    Input(ids.TIMELINE_EVENT, "data"),
    Input(ids.TIMELINE_RANGE, "data"),
    State(ids.FILTERS_DATE, "date"),
    State(ids.FILTERS_YEAR, "value"),
)
def _sync_url_and_controls(search, orgs, country, statuses, region, categories, event, span, date, year):
    dataset = data.bundled_dataset()
    return sync_controls(
        [prop.split(".")[0] for prop in ctx.triggered_prop_ids],
        search,
        Controls(orgs, date, year, country, statuses, region, categories, event, span),
        known_orgs=dataset.families,
        known_countries=dataset.countries,
        event_dates=dataset.event_dates,
        today=dt.date.today(),
    )


# The date picker and the year slider, which change most often, are handled in the
# browser (assets/blocs.js): the URL's date and the other control follow with the rules
# of `_apply` for the other controls, the map and the overlap diagram are redrawn from
# their frames (components/frames.py) and the timeline's as-of line moves, all before
# Dash schedules the callbacks the date sets off. Dash runs a callback only once no
# pending callback may still change its inputs; the URL brings the server's sync
# callback, which may change the date, so a view drawn by a callback of its own would
# wait for that round trip. The sync callback then finds every control in step.
# Besides its outputs, it sets (once the views are painted) the URL, the year slider,
# `map-day`, `overlap-day` and the summary sentence.
clientside_callback(
    ClientsideFunction("blocs", "dateMoved"),
    Output(ids.FILTERS_DATE, "date", allow_duplicate=True),
    Output(ids.MAP_GRAPH, "figure", allow_duplicate=True),
    Output(ids.MAP_DATE_REQUEST, "data", allow_duplicate=True),
    Output(ids.MAP_FRAMES_REQUEST, "data", allow_duplicate=True),
    Output(ids.OVERLAP_GRAPH, "figure", allow_duplicate=True),
    Output(ids.OVERLAP_DATE_REQUEST, "data", allow_duplicate=True),
    Output(ids.OVERLAP_FRAMES_REQUEST, "data", allow_duplicate=True),
    Output(ids.FILTERS_REGION_DATE, "data"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_YEAR, "value"),
    State(ids.URL, "search"),
    State(ids.FILTERS_DATE, "max_date_allowed"),
    State(ids.FILTERS_DATE, "min_date_allowed"),
    State(ids.MAP_FRAMES, "data"),
    State(ids.MAP_DRAWN, "data"),
    State(ids.MAP_GRAPH, "figure"),
    State(ids.MAP_DAY, "data"),
    State(ids.OVERLAP_FRAMES, "data"),
    State(ids.OVERLAP_DRAWN, "data"),
    State(ids.OVERLAP_GRAPH, "figure"),
    State(ids.OVERLAP_DAY, "data"),
    State(ids.FILTERS_REGION, "data"),
    prevent_initial_call=True,
)


# Play: each tick of the interval moves the year slider one year on; the slider's own
# callbacks then update the URL and the views. Runs in the browser: no round trip.
clientside_callback(
    """
    function (clicks, ticks, year, stopped, last, shown) {
        const trigger = dash_clientside.callback_context.triggered_id;
        const none = dash_clientside.no_update;
        const stop = [true, "▶", "false", "Play through the years", none];
        const play = (to) => [false, "❚❚", "true", "Pause", to === year ? none : to];
        if (trigger === "PLAY_ID") {
            return stopped ? play(year >= last ? FIRST_YEAR : Math.max(year, FIRST_YEAR)) : stop;
        }
        if (stopped || year >= last) { return stop; }
        // No year is skipped: wait, tick after tick, until the map shows the current one.
        if (typeof shown !== "string" || !shown.startsWith(String(year))) { return none; }
        return play(year + 1);
    }
    """.replace("PLAY_ID", ids.FILTERS_PLAY).replace("FIRST_YEAR", str(PLAY_FROM)),
    Output(ids.FILTERS_PLAY_INTERVAL, "disabled"),
    Output(ids.FILTERS_PLAY, "children"),
    Output(ids.FILTERS_PLAY, "aria-pressed"),
    Output(ids.FILTERS_PLAY, "aria-label"),
    Output(ids.FILTERS_YEAR, "value", allow_duplicate=True),
    Input(ids.FILTERS_PLAY, "n_clicks"),
    Input(ids.FILTERS_PLAY_INTERVAL, "n_intervals"),
    State(ids.FILTERS_YEAR, "value"),
    State(ids.FILTERS_PLAY_INTERVAL, "disabled"),
    State(ids.FILTERS_YEAR, "max"),
    State(ids.MAP_DAY, "data"),
    prevent_initial_call=True,
)


# Reset: an empty query string is the default view; the sync callback does the rest.
# An embedded view stays embedded.
clientside_callback(
    """
    function (clicks) {
        if (!clicks) { return dash_clientside.no_update; }
        const embed = new URLSearchParams(window.location.search).get("embed");
        return embed ? "?embed=" + encodeURIComponent(embed) : "";
    }
    """,
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.FILTERS_RESET, "n_clicks"),
    prevent_initial_call=True,
)
