"""The filter bar, and the one callback that keeps it and the URL in step.

Views read the controls, never the URL. The URL holds the date at the precision
the reader chose (`date=2014` means "at the end of 2014"); the date picker always
holds a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, ctx, dcc, html

import data
from data import PartialDate, Precision

from . import ids, state, theme

__all__ = ["layout", "sync_controls"]

NO_CHANGE = dash.no_update


def _org_option(org: str, short_name: str, name: str) -> dict:
    swatch = html.Span(className="org-swatch", style={"--org-colour": theme.org_colour(org)})
    return {"label": html.Span([swatch, html.Abbr(short_name, title=name)]), "value": org}


def layout(organizations: Sequence[tuple[str, str, str]], *, first_year: int, today: dt.date) -> dbc.Row:
    """The filter bar.

    Args:
        organizations: (id, short name, full name) of each organization a reader can select.
        first_year: the earliest year the year slider offers.
        today: the latest date offered.
    """
    years = range(first_year, today.year + 1)
    marks = {year: str(year) for year in years if year % 10 == 0}
    marks[today.year] = str(today.year)
    return dbc.Row(
        [
            dbc.Col(
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
                md="auto",
            ),
            dbc.Col(
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
                xs=12,
                md="auto",
            ),
            dbc.Col(
                [
                    dbc.Label("Year", html_for=ids.FILTERS_YEAR, className="filter-label"),
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
                ],
                xs=12,
                md=True,
            ),
        ],
        className="filters g-3 align-items-end",
    )


def sync_controls(
    trigger: str | None,
    search: str | None,
    orgs: list[str] | None,
    date: str | None,
    year: int | None,
    *,
    known_orgs: Sequence[str],
    today: dt.date,
) -> tuple:
    """What the URL and the controls should become after `trigger` changed.

    Returns:
        (search, orgs, date, year), each `dash.no_update` where it already holds
        the right value.
    """
    current = state.parse_query(search, known_orgs=known_orgs, today=today)
    if trigger == ids.FILTERS_ORGS:
        wanted = state.ViewState(
            orgs=tuple(org for org in known_orgs if org in (orgs or [])), date=current.date
        )
    elif trigger == ids.FILTERS_DATE:
        day = state.day_from_control(date, today)
        keep = current.date is not None and current.as_of(today) == day
        wanted = state.ViewState(orgs=current.orgs, date=current.date if keep else PartialDate.of_day(day))
    elif trigger == ids.FILTERS_YEAR and isinstance(year, int):
        keep = (
            current.date is not None
            and current.date.precision is Precision.YEAR
            and current.date.first_day.year == year
        )
        wanted = state.ViewState(
            orgs=current.orgs, date=current.date if keep else PartialDate.parse(f"{year:04d}")
        )
    else:
        wanted = current

    query = state.to_query(wanted)
    day = wanted.as_of(today).isoformat()
    new_year = wanted.as_of(today).year
    return (
        query if query != (search or "") else NO_CHANGE,
        list(wanted.orgs) if list(wanted.orgs) != (orgs or []) else NO_CHANGE,
        day if day != date else NO_CHANGE,
        new_year if new_year != year else NO_CHANGE,
    )


@dash.callback(
    Output(ids.URL, "search"),
    Output(ids.FILTERS_ORGS, "value"),
    Output(ids.FILTERS_DATE, "date"),
    Output(ids.FILTERS_YEAR, "value"),
    Input(ids.URL, "search"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_YEAR, "value"),
)
def _sync_url_and_controls(search, orgs, date, year):
    return sync_controls(
        ctx.triggered_id,
        search,
        orgs,
        date,
        year,
        known_orgs=data.bundled_dataset().families,
        today=dt.date.today(),
    )
