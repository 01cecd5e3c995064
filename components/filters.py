"""The filter bar, and the callbacks that keep it and the URL in step.

Who writes what:
- the URL and every control but the date are written by one server callback, the sync
  callback (`sync_controls`): a change of the URL (a link, Back) sets the controls, and a
  change of a control, a click on a view (a state, a region, an event), a zoom of the
  timeline or Reset sets the URL and the controls that follow from it;
- the date (the date box, the year slider, the URL's `date`) is moved in the browser
  by `moveDate` in assets/blocs.js, which puts the URL's date in the address bar with the
  History API: the one thing written outside a callback's outputs, so that no server
  callback holds back the views it redraws (see `components.frames`). A URL written by
  the sync callback (an opened event moves the date) moves the date controls in turn.

Views read the controls, never the URL. The URL holds the date at the precision the
reader chose (`date=2014` means "at the end of 2014"); the date box always ends up holding a day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, ctx, dcc, html

import data
from data import PartialDate, vocabulary

from . import frames, ids, state, theme
from .map import callbacks as map_callbacks
from .overlap import callbacks as overlap_callbacks
from .timeline import callbacks as timeline_callbacks

__all__ = [
    "PLAY_FROM",
    "PLAY_STEP_MS",
    "SYNC_INPUTS",
    "SYNC_OUTPUTS",
    "Known",
    "layout",
    "sync_controls",
]

NO_CHANGE = dash.no_update
PLAY_FROM = 1992  # the Collective Security Treaty: where the story of the two blocs begins
PLAY_STEP_MS = 1500
YEAR_DEBOUNCE_MS = 250  # a dragged year slider moves the date once it rests this long
NO_COUNTRY = (
    "none"  # the state picker's value with no state picked (dbc.Select keeps "" for a hidden placeholder)
)
NO_COUNTRY_LABEL = "None picked"
# On a phone the date and the year stay in sight and the other filters fold away, behind
# a button, so that the map is on the first screen; wider, every filter shows.
FOLDED = "filters-folded"
STATUSES_NAMED = "Statuses: "  # the statuses' summary's name begins so; its text names them
FOLD_LABELS = {False: "More filters: organizations, statuses, state", True: "Fewer filters"}


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
            _fold_button(),
            _organizations_control(organizations),
            _statuses_control(),
            _country_control(countries),
            html.Div(className="w-100 d-none d-lg-block"),
            _date_control(today),
            _year_control(first_year, today),
            _reset_button(),
        ],
        className="filters g-3 align-items-end",
    )


def _fold_button() -> dbc.Col:
    """On a phone, the button that shows the filters folded away (see `FOLDED`)."""
    return dbc.Col(
        html.Button(
            FOLD_LABELS[False],
            id=ids.FILTERS_FOLD,
            type="button",
            className="btn btn-outline-secondary btn-sm",
            **{"aria-expanded": "false", "aria-controls": ids.FILTER_BAR},
        ),
        xs=12,
        className="filters-fold d-sm-none",
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
        className=FOLDED,
    )


def _statuses_control() -> dbc.Col:
    """The statuses counted, with the stores of the state no control shows.

    Checkboxes, folded under a summary that names the ones ticked (`_statuses_chosen`).
    """
    return dbc.Col(
        [
            html.Div("Statuses", className="filter-label form-label", **{"aria-hidden": "true"}),
            html.Details(
                [
                    html.Summary(
                        _statuses_chosen(state.DEFAULT_STATUSES),
                        id=ids.FILTERS_STATUS_SUMMARY,
                        className="form-select form-select-sm status-summary",
                        **{"aria-label": STATUSES_NAMED + _statuses_chosen(state.DEFAULT_STATUSES)},
                    ),
                    html.Fieldset(
                        [
                            html.Legend("Statuses counted", className="visually-hidden"),
                            dbc.Checklist(
                                id=ids.FILTERS_STATUS,
                                options=[
                                    {"label": status.choice, "value": status.id}
                                    for status in vocabulary.STATUSES.values()
                                ],
                                value=list(state.DEFAULT_STATUSES),
                                className="small",
                            ),
                        ],
                        className="status-choices",
                    ),
                ],
                className="status-picker",
            ),
            dcc.Store(id=ids.FILTERS_REGION, storage_type="memory"),
            # the date, moved while a region is selected (whose states change with it)
            dcc.Store(id=ids.FILTERS_REGION_DATE, storage_type="memory"),
            dcc.Store(id=ids.TIMELINE_EVENT, storage_type="memory"),
            dcc.Store(id=ids.TIMELINE_RANGE, storage_type="memory"),
            dcc.Store(id=ids.FILTERS_PLAY_YEAR, storage_type="memory"),
        ],
        xs=12,
        md=6,
        lg=True,
        className=f"statuses-column {FOLDED}",  # may shrink below its summary's width (which then ends in "…")
    )


def _statuses_chosen(statuses: Sequence[str]) -> str:
    """What the folded statuses picker says: "Members, signatories" (after `STATUSES_NAMED`, its name)."""
    chosen = [vocabulary.STATUSES[status].choice for status in vocabulary.STATUSES if status in statuses]
    if not chosen:
        return "None counted"
    return ", ".join([chosen[0], *(choice.lower() for choice in chosen[1:])])


def _country_control(countries: Sequence[tuple[str, str]]) -> dbc.Col:
    """A native select: a screen reader, a keyboard (type the first letters) and a phone all know it."""
    return dbc.Col(
        [
            dbc.Label("State", html_for=ids.FILTERS_COUNTRY, className="filter-label"),
            dbc.Select(
                id=ids.FILTERS_COUNTRY,
                options=[{"label": NO_COUNTRY_LABEL, "value": NO_COUNTRY}]
                + [{"label": name, "value": code} for code, name in countries],
                value=NO_COUNTRY,
                size="sm",
                className="country-picker",
            ),
        ],
        xs=12,
        md=6,
        lg=3,
        className=FOLDED,
    )


def _date_control(today: dt.date) -> dbc.Col:
    """The as-of date, typed as YYYY-MM-DD and taken on Enter or on leaving the box.

    `min` and `max` hold the dates allowed (the browser reads them from there).
    """
    return dbc.Col(
        [
            dbc.Label("As of", html_for=ids.FILTERS_DATE, className="filter-label"),
            dbc.Input(
                id=ids.FILTERS_DATE,
                type="text",
                value=today.isoformat(),
                min=state.EARLIEST_DATE.isoformat(),
                max=today.isoformat(),
                debounce=True,
                placeholder="YYYY-MM-DD",
                pattern=r"\d{4}-\d{2}-\d{2}",
                inputmode="numeric",
                autocomplete="off",
                html_size=10,
                size="sm",
                className="date-box",
            ),
        ],
        xs="auto",
    )


def _year_control(first_year: int, today: dt.date) -> dbc.Col:
    """The play button and the year slider (a native range), marked every ten years and at this one."""
    years = range(first_year, today.year + 1)
    marked = [year for year in years if year % 10 == 0 and today.year - year >= 8] + [today.year]
    span = max(today.year - first_year, 1)
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
                        [
                            dbc.Input(
                                id=ids.FILTERS_YEAR,
                                type="range",
                                min=first_year,
                                max=today.year,
                                step=1,
                                value=today.year,
                                debounce=YEAR_DEBOUNCE_MS,
                                className="form-range year-range",
                            ),
                            html.Div(
                                [
                                    html.Span(
                                        str(year),
                                        className="year-mark",
                                        style={"--at": f"{(year - first_year) / span:.4f}"},
                                    )
                                    for year in marked
                                ],
                                className="year-marks",
                                **{"aria-hidden": "true"},
                            ),
                        ],
                        className="flex-grow-1 year-slider",
                    ),
                ],
                className="d-flex align-items-center gap-2",
            ),
            dcc.Interval(id=ids.FILTERS_PLAY_INTERVAL, interval=PLAY_STEP_MS, disabled=True),
        ],
        xs=True,  # beside the date, on a phone too
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
        className=FOLDED,
    )


# What the sync callback hears, by name: the URL, the controls it owns, and the clicks
# and buttons that change them.
SYNC_INPUTS = {
    "search": Input(ids.URL, "search"),
    "orgs": Input(ids.FILTERS_ORGS, "value"),
    "country": Input(ids.FILTERS_COUNTRY, "value"),
    "statuses": Input(ids.FILTERS_STATUS, "value"),
    "categories": Input(ids.FILTERS_EVENTS, "value"),
    "reset": Input(ids.FILTERS_RESET, "n_clicks"),
    "map_click": Input(ids.MAP_GRAPH, "clickData"),
    "overlap_click": Input(ids.OVERLAP_GRAPH, "clickData"),
    "clear": Input(ids.COUNTRY_CLEAR, "n_clicks"),
    "event_click": Input(ids.TIMELINE_GRAPH, "clickData"),
    "close": Input(ids.TIMELINE_DETAIL_CLOSE, "n_clicks"),
    "zoom": Input(ids.TIMELINE_GRAPH, "relayoutData"),
    # The keyboard's way to what a click on a view does: buttons in the views' tables.
    "open_event": Input({"type": ids.OPEN_EVENT, "event": dash.ALL}, "n_clicks"),
    "pick_region": Input({"type": ids.PICK_REGION, "region": dash.ALL}, "n_clicks"),
}
# The buttons above, by their ids' type: the name of their input and the key of their id
# that holds what they ask for.
BUTTONS = {ids.OPEN_EVENT: ("open_event", "event"), ids.PICK_REGION: ("pick_region", "region")}
# What it writes, by name; it reads their values as they stand, to leave alone what is in step.
SYNC_OUTPUTS = {
    "search": Output(ids.URL, "search"),
    "orgs": Output(ids.FILTERS_ORGS, "value"),
    "country": Output(ids.FILTERS_COUNTRY, "value"),
    "statuses": Output(ids.FILTERS_STATUS, "value"),
    "region": Output(ids.FILTERS_REGION, "data"),
    "categories": Output(ids.FILTERS_EVENTS, "value"),
    "event": Output(ids.TIMELINE_EVENT, "data"),
    "range": Output(ids.TIMELINE_RANGE, "data"),
}
SYNC_STATES = {
    # Read, never written: the date the browser shows, which its URL may not hold yet.
    "date": State(ids.FILTERS_DATE, "value"),
    "region": State(ids.FILTERS_REGION, "data"),
    "event": State(ids.TIMELINE_EVENT, "data"),
    "range": State(ids.TIMELINE_RANGE, "data"),
}


def _prop(dependency: Input) -> str:
    return f"{dependency.component_id}.{dependency.component_property}"


@dataclass(frozen=True)
class Known:
    """What the data hold, against which the controls are checked."""

    orgs: Sequence[str]
    countries: Collection[str]
    event_dates: Mapping[str, str] = field(default_factory=dict)
    event_orgs: Mapping[str, Sequence[str]] = field(default_factory=dict)  # each event's organizations


def _apply(
    trigger: str, current: state.ViewState, values: Mapping, known: Known, today: dt.date
) -> state.ViewState:
    """The view state once the input `trigger` (a name of `SYNC_INPUTS`) has been taken into account."""
    if trigger == "reset":
        return state.ViewState(embed=current.embed)  # an embedded view stays embedded
    if trigger == "clear":
        return replace(current, country=None, region=None)
    if trigger == "close":
        return replace(current, event=None)
    asked = _asked(trigger, values, known, today)
    if asked is None:
        return current
    if "country" in asked:  # one selection at a time: a state, or a region
        asked.setdefault("region", None)
    if asked.get("region"):
        asked["country"] = None
    return replace(current, **asked)


def _asked(trigger: str, values: Mapping, known: Known, today: dt.date) -> dict | None:
    """The fields of the view state the input `trigger` asks to change, or None."""
    value = values.get(trigger)
    if trigger in ("orgs", "statuses", "categories"):
        view = state.from_controls(known_orgs=known.orgs, **{trigger: value if value is not None else []})
        return {trigger: getattr(view, trigger)}
    if trigger == "country":
        return {"country": value if value in known.countries else None}
    if trigger == "map_click":
        code = map_callbacks.clicked_country(value, known.countries)
        return None if code is None else {"country": code}
    if trigger == "overlap_click":
        return _overlap_choice(overlap_callbacks.clicked_selection(value), known)
    if trigger in ("event_click", "open_event"):
        event = (
            timeline_callbacks.clicked_event(value, known.event_dates)
            if trigger == "event_click"
            else value
            if value in known.event_dates
            else None
        )
        return (
            None if event is None else {"event": event, "date": PartialDate.parse(known.event_dates[event])}
        )
    if trigger == "pick_region":
        return _overlap_choice(("region", value), known) if isinstance(value, str) else None
    if trigger == "zoom":
        span = timeline_callbacks.zoomed_range(value)
        if span is False:
            return None
        view = state.from_controls(known_orgs=known.orgs, span=span, today=today)
        return {"start": view.start, "end": view.end}
    return None


def _with_event_orgs(wanted: state.ViewState, search: object, known: Known) -> state.ViewState:
    """`wanted`, with the organizations of its event switched on if its URL names none.

    A link to a NATO event (`?event=...`) shows NATO beside the default organizations.
    """
    if wanted.event is None or not isinstance(search, str) or "orgs" in parse_qs(search.removeprefix("?")):
        return wanted
    orgs = set(wanted.orgs) | set(known.event_orgs.get(wanted.event, ()))
    return replace(wanted, orgs=tuple(org for org in known.orgs if org in orgs))


def _date_shown(wanted: state.ViewState, control: object, today: dt.date) -> state.ViewState:
    """`wanted` at the day the date box shows.

    The browser writes a moved date into the URL a moment later, so the URL can lag it;
    where they agree, the URL's precision ("2014") is kept.
    """
    if not isinstance(control, str):
        return wanted
    day = state.day_from_control(control, today)
    if day == wanted.as_of(today):
        return wanted
    return replace(wanted, date=None if day == today else PartialDate.of_day(day))


def _overlap_choice(clicked: tuple[str, str] | None, known: Known) -> dict | None:
    if clicked is None:
        return None
    kind, value = clicked
    if kind == "state":
        return {"country": value} if value in known.countries else None
    region = tuple(part.strip() for part in value.split(","))
    return {"region": region}


def sync_controls(
    triggers: Sequence[str],
    values: Mapping[str, object],
    *,
    known: Known,
    today: dt.date,
) -> dict[str, object]:
    """What the URL and the controls should become after the inputs `triggers` changed.

    With no trigger (the first call) or the URL as a trigger, the URL wins. A state
    picked clears a selected region and a region picked clears the state: one
    selection at a time, shared by every view. Opening an event moves the as-of date
    to the event's date, at its precision (the browser moves the date controls).

    Args:
        triggers: the names (of `SYNC_INPUTS`) of the inputs that changed.
        values: the value of every input and state, by name.
        known: what the data hold.
        today: the latest date allowed.

    Returns:
        The value of every output (by its name in `SYNC_OUTPUTS`), `dash.no_update` where
        it already holds the right one.
    """
    search = values.get("search")
    wanted = state.parse_query(
        search,
        known_orgs=known.orgs,
        known_countries=known.countries,
        known_events=known.event_dates,
        today=today,
    )
    if not triggers or "search" in triggers:
        wanted = _with_event_orgs(wanted, search, known)
    if triggers and "search" not in triggers:  # on the first call, too, the URL wins
        wanted = _date_shown(wanted, values.get("date"), today)
        for trigger in triggers:
            wanted = _apply(trigger, wanted, values, known, today)
    if wanted.region and not set(wanted.region) <= set(wanted.orgs):
        wanted = replace(wanted, region=None)  # its organization was switched off
    if wanted.region:
        wanted = replace(wanted, region=tuple(org for org in wanted.orgs if org in wanted.region))
    span = (
        [
            wanted.start.first_day.isoformat() if wanted.start else None,
            wanted.end.last_day.isoformat() if wanted.end else None,
        ]
        if wanted.start or wanted.end
        else None
    )
    new = {
        "search": state.to_query(wanted),
        "orgs": list(wanted.orgs),
        "country": wanted.country or NO_COUNTRY,
        "statuses": list(wanted.statuses),
        "region": list(wanted.region) if wanted.region else None,
        "categories": list(wanted.categories),
        "event": wanted.event,
        "range": span,
    }
    old = {
        **values,
        "search": search or "",
        "country": values.get("country") or NO_COUNTRY,
        "region": values.get("region") or None,
    }
    return {name: value if value != old.get(name) else NO_CHANGE for name, value in new.items()}


@dash.callback(output=SYNC_OUTPUTS, inputs=SYNC_INPUTS, state=SYNC_STATES)
def _sync_url_and_controls(**values):
    dataset = data.bundled_dataset()
    triggers, pressed = triggered_inputs(ctx.triggered)
    return sync_controls(
        triggers,
        {**values, **pressed},
        known=Known(
            dataset.families,
            dataset.countries,
            dataset.event_dates,
            dict(zip(dataset.events["id"], dataset.events["families"], strict=True)),
        ),
        today=dt.date.today(),
    )


def triggered_inputs(triggered: object) -> tuple[list[str], dict[str, object]]:
    """The inputs that changed, by name (of `SYNC_INPUTS`), and what each button pressed asks for.

    Args:
        triggered: Dash's `ctx.triggered`. A button that has only appeared is not pressed.
    """
    names = {_prop(dependency): name for name, dependency in SYNC_INPUTS.items()}
    triggers: list[str] = []
    pressed: dict[str, object] = {}
    for item in triggered if isinstance(triggered, list) else []:
        prop, value = str(item.get("prop_id", "")), item.get("value")
        if prop in names:
            triggers.append(names[prop])
            continue
        button = _button_id(prop)
        if button is not None and value and button[0] not in pressed:
            triggers.append(button[0])
            pressed[button[0]] = button[1]
    return triggers, pressed


def _button_id(prop: str) -> tuple[str, str] | None:
    """("open_event", "<event id>") for the prop id of one of `BUTTONS`' n_clicks, else None."""
    ident, _, name = prop.rpartition(".")
    try:
        parsed = json.loads(ident)
    except ValueError:
        return None
    if name != "n_clicks" or not isinstance(parsed, dict) or parsed.get("type") not in BUTTONS:
        return None
    input_name, key = BUTTONS[parsed["type"]]
    asked = parsed.get(key)
    return (input_name, asked) if isinstance(asked, str) else None


@dash.callback(
    Output(ids.FILTERS_STATUS_SUMMARY, "children"),
    Output(ids.FILTERS_STATUS_SUMMARY, "aria-label"),
    Input(ids.FILTERS_STATUS, "value"),
    prevent_initial_call=True,
)
def _name_statuses(statuses):
    chosen = _statuses_chosen(state.known_statuses(statuses))
    return chosen, STATUSES_NAMED + chosen


# A phone's fold of the filters (`fold` in assets/blocs.js): the bar's class, the button's state.
clientside_callback(
    ClientsideFunction("blocs", "fold"),
    Output(ids.FILTER_BAR, "className"),
    Output(ids.FILTERS_FOLD, "aria-expanded"),
    Output(ids.FILTERS_FOLD, "children"),
    Input(ids.FILTERS_FOLD, "n_clicks"),
    State(ids.FILTERS_FOLD, "aria-expanded"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,
)


# The one owner of the date (see the module's docstring): the date box, the year
# slider, a step of play or the URL moved. Runs at load, for a URL with a date.
clientside_callback(
    ClientsideFunction("blocs", "moveDate"),
    Output(ids.FILTERS_DATE, "value"),
    Output(ids.FILTERS_YEAR, "value"),
    Output(ids.FILTERS_REGION_DATE, "data"),
    Input(ids.FILTERS_DATE, "value"),
    Input(ids.FILTERS_YEAR, "value"),
    Input(ids.FILTERS_PLAY_YEAR, "data"),
    Input(ids.URL, "search"),
    State(ids.FILTERS_DATE, "max"),
    State(ids.FILTERS_DATE, "min"),
    State(ids.FILTERS_REGION, "data"),
    State(ids.PAGE_CONFIG, "data"),
)


# Play: each tick of the interval asks for the next year, once the map shows the current
# one; `moveDate` moves the date there. Runs in the browser: no round trip.
clientside_callback(
    ClientsideFunction("blocs", "play"),
    Output(ids.FILTERS_PLAY_INTERVAL, "disabled"),
    Output(ids.FILTERS_PLAY, "children"),
    Output(ids.FILTERS_PLAY, "aria-pressed"),
    Output(ids.FILTERS_PLAY, "aria-label"),
    Output(ids.FILTERS_PLAY_YEAR, "data"),
    Input(ids.FILTERS_PLAY, "n_clicks"),
    Input(ids.FILTERS_PLAY_INTERVAL, "n_intervals"),
    State(ids.FILTERS_YEAR, "value"),
    State(ids.FILTERS_PLAY_INTERVAL, "disabled"),
    State(ids.FILTERS_YEAR, "max"),
    State(frames.store_id("map", "shown"), "data"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,
)
