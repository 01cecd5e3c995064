"""The side panel for the selection: one state's whole history and events, or a region's states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import dash
import pandas as pd
from dash import Input, Output, State, html

import data
from data import vocabulary

from . import ids, state
from .selection import selected_states, view_in

__all__ = ["build_country_panel", "build_region_panel", "layout"]

EMPTY_HINT = "Click a state on the map, or find one in the State box, to see its whole history here."


def _source_link(url: str) -> html.A:
    return html.A("source", href=url, target="_blank", rel="noopener noreferrer", className="source-link")


def _period(row: pd.Series) -> str:
    if row["end_label"]:
        return f"{row['start_label']} – {row['end_label']}"
    return f"since {row['start_label']}"


def build_country_panel(dataset: data.Dataset, iso3: str | None) -> list:
    """The panel's contents for the state `iso3`, or a hint when none is selected."""
    if not iso3 or iso3 not in dataset.countries:
        return [html.P(EMPTY_HINT, className="text-body-secondary small mb-0")]
    organizations = dataset.organizations.set_index("id")
    history = dataset.memberships[dataset.memberships["iso3"] == iso3].sort_values(["family", "start_day"])
    sections = []
    for family, rows in history.groupby("family", sort=False):
        items = [
            html.Li(
                [
                    html.Span(vocabulary.status(row["status"]).label, className="fw-semibold"),
                    f" of the {organizations.loc[row['org'], 'name']}" if row["org"] != family else "",
                    vocabulary.status(row["status"]).detail,
                    html.Br(),
                    html.Span(_period(row), className="text-body-secondary"),
                    " · ",
                    _source_link(row["source"]),
                ]
            )
            for _, row in rows.iterrows()
        ]
        sections.append(html.H4(organizations.loc[family, "name"], className="h6 mt-2 mb-1"))
        sections.append(html.Ul(items, className="list-unstyled small mb-2 history-list"))
    if not sections:
        sections.append(html.P("No membership of these organizations is recorded.", className="small"))

    events = data.events_between(dataset.events, country=iso3)
    event_items = [
        html.Li(
            [
                html.Span(row["date_label"], className="text-body-secondary"),
                " · ",
                html.Span(vocabulary.category(row["category"]).label, className="badge text-bg-light"),
                html.Br(),
                row["title"],
                " · ",
                _source_link(row["source"]),
            ]
        )
        for _, row in events.iterrows()
    ]
    return [
        html.H3(data.country_name(iso3), className="h5 mb-0 me-4"),
        *sections,
        html.H4(f"Events ({len(event_items)})", className="h6 mt-3 mb-1"),
        html.Ul(event_items, className="list-unstyled small history-list")
        if event_items
        else html.P("No event involving this state is recorded.", className="small"),
    ]


def layout() -> html.Aside:
    """The panel: a clear button, and contents that follow the selected state."""
    return html.Aside(
        [
            html.Button(
                "×",
                id=ids.COUNTRY_CLEAR,
                type="button",
                hidden=True,
                className="country-clear btn btn-link p-0 fs-4 lh-1 text-decoration-none",
                title="Clear the selection",
                **{"aria-label": "Clear the selected state"},
            ),
            html.Div(
                build_country_panel(data.bundled_dataset(), None),
                id=ids.COUNTRY_PANEL_BODY,
                **{"aria-live": "polite"},
            ),
        ],
        id=ids.COUNTRY_PANEL,
        className="country-panel",
        **{"aria-label": "Selected state"},
    )


def build_region_panel(region: Sequence[str], states: Sequence[str], as_of: dt.date) -> list:
    """The panel's contents for a selected region of the overlap diagram."""
    name = " and ".join(region) if len(region) > 1 else f"{region[0]} only"
    return [
        html.H3(name, className="h5 mb-1 me-4"),
        html.P(
            f"{len(states)} states as of {data.PartialDate.of_day(as_of).label()}. "
            "The map outlines them and the timeline shows only their events.",
            className="small text-body-secondary",
        ),
        html.Ul([html.Li(data.country_name(code)) for code in states], className="small"),
    ]


@dash.callback(
    Output(ids.COUNTRY_PANEL_BODY, "children"),
    Output(ids.COUNTRY_CLEAR, "hidden"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.FILTERS_ORGS, "value"),
    State(ids.FILTERS_DATE, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_REGION_DATE, "data"),  # the date, moved while a region is selected
    prevent_initial_call=True,  # the page comes with the panel for no selection
)
def _show_selection(iso3, region, orgs, date, statuses, _region_date) -> tuple[list, bool]:
    dataset = data.bundled_dataset()
    view = view_in(
        dataset,
        orgs=orgs,
        statuses=statuses,
        country=iso3,
        region=region,
    )
    if view.country is not None:
        return build_country_panel(dataset, view.country), False
    if view.region is None:
        return build_country_panel(dataset, None), True
    day = state.day_from_control(date)
    states = selected_states(dataset, day, state.Controls.of(view))
    return build_region_panel(list(view.region), sorted(states), day), False
