"""About the data: a dialog, and the footer's line with the date the data were last reviewed.

The dialog says what each table holds, when the data were last reviewed, their licence
and how to cite them.

The review date and the licence come from the data (`data/about.csv`, see
`data.Dataset.about`), never from here.
"""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, html

from data import Dataset, PartialDate, vocabulary

from . import ids

__all__ = ["PROJECT", "citation", "footer_line", "layout", "open_button", "reviewed_label", "table_notes"]

PROJECT = "csto-sco-dashboard"  # how the compilation is credited, in the citation and the saved images
DATA_TITLE = "CSTO, SCO and NATO membership and events"


def reviewed_label(dataset: Dataset) -> str:
    """The review date as a reader reads it: "28 November 2026"."""
    return PartialDate.of_day(dataset.reviewed).label()


def _time(day: dt.date) -> html.Time:
    return html.Time(PartialDate.of_day(day).label(), dateTime=day.isoformat())


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"


def table_notes(dataset: Dataset) -> list[tuple[str, str, str]]:
    """Each table as (file name, its row count in words, what a row holds), in the loaded data's numbers."""
    statuses = vocabulary.joined(s.label.lower() for s in vocabulary.STATUSES.values())
    categories = vocabulary.joined(c.label.lower() for c in vocabulary.CATEGORIES.values())
    stages = int((dataset.organizations["successor"] != "").sum())
    return [
        (
            "organizations.csv",
            _rows(len(dataset.organizations)),
            "One row per organization, or earlier stage of one "
            f"({stages} of them became a later organization), with the day its founding "
            "instrument was signed, when a stage ended and what it became.",
        ),
        (
            "memberships.csv",
            _rows(len(dataset.memberships)),
            "One row per state, organization, status and period: when the state's status "
            f"({statuses}) began, and when it stopped holding.",
        ),
        (
            "events.csv",
            _rows(len(dataset.events)),
            "One row per event on the timeline: its date at the precision the source gives, a "
            f"title and description in our own words, its category ({categories}), and the "
            "organizations and states involved.",
        ),
    ]


def citation(dataset: Dataset) -> str:
    """The suggested citation, up to the page's address, which the browser adds (`about` in assets/blocs.js)."""
    return (
        f"{PROJECT}: {DATA_TITLE}, data last reviewed {reviewed_label(dataset)}. "
        f"Licence: {dataset.about['licence']}."
    )


def open_button() -> dbc.Button:
    """The header's button that opens the dialog."""
    return dbc.Button(
        "About the data",
        id=ids.ABOUT_OPEN,
        color="secondary",
        outline=True,
        size="sm",
        className="about-open",
    )


def _section(title: str, *children) -> html.Section:
    return html.Section([html.H3(title, className="h6 fw-semibold"), *children], className="mb-3")


def layout(dataset: Dataset) -> dbc.Modal:
    """The dialog for `dataset`: its tables, review date, licence, citation and sources."""
    about = dataset.about
    tables = html.Dl(
        [
            part
            for name, rows, holds in table_notes(dataset)
            for part in (html.Dt([html.Code(name), f" ({rows})"]), html.Dd(holds, className="mb-2"))
        ],
        className="mb-0",
    )
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("About the data", id=ids.ABOUT_TITLE)),
            dbc.ModalBody(
                [
                    _section(
                        "Last reviewed",
                        html.P(
                            [
                                "The tables were last checked against their sources on ",
                                _time(dataset.reviewed),
                                ". No date in them is later: for a later day the views show what "
                                "was known then, and the sentence above them speaks as of this date.",
                            ],
                            id=ids.ABOUT_REVIEWED,
                            className="mb-0",
                        ),
                    ),
                    _section("What each table holds", tables),
                    _section(
                        "Sources",
                        html.P(
                            "Every row cites the page its fact was read on, in its source column: the "
                            "hover text, the side panel, the event details, the tables and the CSV "
                            "downloads all give it. Where sources disagree, the row's notes say so.",
                            className="mb-0",
                        ),
                    ),
                    _section(
                        "Licence",
                        html.P(
                            [
                                "The compilation (the tables, their notes and descriptions) is "
                                "licensed under ",
                                html.A(about["licence"], href=about["licence_url"], rel="license noopener"),
                                ": you may share and adapt it with credit. The facts themselves come "
                                "from the sources cited, which keep their own terms.",
                            ],
                            id=ids.ABOUT_LICENCE,
                            className="mb-0",
                        ),
                    ),
                    _section(
                        "How to cite",
                        dbc.Label(
                            "Suggested citation", html_for=ids.ABOUT_CITATION, className="visually-hidden"
                        ),
                        dbc.Textarea(
                            id=ids.ABOUT_CITATION,
                            value=citation(dataset),
                            readonly=True,
                            rows=3,
                            className="small",
                        ),
                    ),
                ]
            ),
        ],
        id=ids.ABOUT_MODAL,
        is_open=False,
        size="lg",
        labelledby=ids.ABOUT_TITLE,
        scrollable=True,
    )


def footer_line(dataset: Dataset) -> html.P:
    """The footer's line: "Data last reviewed 28 November 2026"."""
    return html.P(
        ["Data last reviewed ", _time(dataset.reviewed), "."],
        id=ids.DATA_REVIEWED,
        className="small text-body-secondary",
    )


# Open the dialog, with the citation's address that of the view on screen (`about` in assets/blocs.js).
clientside_callback(
    ClientsideFunction("blocs", "about"),
    Output(ids.ABOUT_MODAL, "is_open"),
    Output(ids.ABOUT_CITATION, "value"),
    Input(ids.ABOUT_OPEN, "n_clicks"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,
)
