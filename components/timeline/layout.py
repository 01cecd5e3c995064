"""The timeline's component tree: its events filter, the graph, the detail of an opened event, and the events table."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from data import country_name, vocabulary

from .. import disclosure, ids, theme
from .figure import key_entries

__all__ = ["CARD_TITLE", "event_detail", "events_filter", "key", "layout"]

CARD_TITLE = "Timeline"  # the title of the view's card on the page

GLYPHS = {category.marker: category.glyph for category in vocabulary.CATEGORIES.values()}


def key(figure: dict) -> list:
    """The key's items for `figure` (as sent): a band's colour or an event's symbol, and its label.

    An event's symbol is the character the category filter shows it as; the markers
    themselves take their organizations' colours.
    """
    items = []
    for entry in key_entries(figure):
        if entry.symbol is None:
            mark = html.Span(className="timeline-key__swatch", style={"backgroundColor": entry.colour})
        else:
            mark = html.Span(
                GLYPHS[entry.symbol], className="timeline-key__symbol", **{"aria-hidden": "true"}
            )
        items.append(html.Li([mark, entry.label], className="timeline-key__item"))
    return items


def event_detail(event: pd.Series | None, organizations: pd.DataFrame) -> list:
    """The detail panel's contents for one event, or nothing."""
    if event is None:
        return []
    names = organizations.set_index("id")["name"]
    return [
        html.P(
            [
                html.Span(event["date_label"], className="fw-semibold"),
                " · ",
                vocabulary.category(event["category"]).label,
            ],
            className="small text-body-secondary mb-1",
        ),
        html.H3(event["title"], className="h6 mb-1"),
        html.P(event["description"], className="small mb-1"),
        html.P(
            [
                html.Span("Organizations: ", className="text-body-secondary"),
                ", ".join(names.get(org, org) for org in event["org_list"]) or "none recorded",
                html.Br(),
                html.Span("States: ", className="text-body-secondary"),
                ", ".join(country_name(code) for code in event["country_list"]) or "none recorded",
            ],
            className="small mb-1",
        ),
        html.A(
            "Read the source",
            href=event["source"],
            target="_blank",
            rel="noopener noreferrer",
            className="small",
        ),
    ]


def events_filter() -> html.Fieldset:
    """Which categories of event the timeline shows (URL `events`): beside the timeline, which alone they filter."""
    return html.Fieldset(
        [
            html.Legend("Events shown", className="filter-label form-label mb-0 me-2"),
            dbc.Checklist(
                id=ids.FILTERS_EVENTS,
                options=[
                    {
                        "label": html.Span(
                            [
                                html.Span(
                                    category.glyph, className="category-glyph", **{"aria-hidden": "true"}
                                ),
                                category.label,
                            ]
                        ),
                        "value": category.id,
                    }
                    for category in vocabulary.CATEGORIES.values()
                ],
                value=list(vocabulary.CATEGORIES),
                inline=True,
                className="small",
            ),
        ],
        className="timeline-events d-flex flex-wrap align-items-center",
    )


def layout(figure: dict | None = None) -> html.Div:
    """The timeline's card body, drawing `figure` until the first update."""
    return html.Div(
        [
            events_filter(),
            html.Ul(
                key(figure or {}),
                id=ids.TIMELINE_KEY,
                className="timeline-key",
                **{"aria-label": "Key to the timeline"},
            ),
            dcc.Graph(
                id=ids.TIMELINE_GRAPH,
                figure=figure or {},
                config=theme.graph_config(),
                className="view-graph--timeline",
            ),
            html.Div(
                [
                    html.Button(
                        "×",
                        id=ids.TIMELINE_DETAIL_CLOSE,
                        type="button",
                        hidden=True,
                        className="btn btn-link p-0 fs-4 lh-1 text-decoration-none float-end",
                        title="Close",
                        **{"aria-label": "Close the event's details"},
                    ),
                    html.Div(id=ids.TIMELINE_DETAIL_BODY, **{"aria-live": "polite"}),
                ],
                id=ids.TIMELINE_DETAIL,
                className="timeline-detail small",
                role="region",
                **{"aria-label": "Event details"},
            ),
            html.Details(
                [
                    disclosure.summary("The events as a table", ids.TIMELINE_TABLE_SUMMARY),
                    dcc.Store(id=ids.TIMELINE_TABLE_QUERY, storage_type="memory"),
                    dbc.Button(
                        "Download these events (CSV)",
                        id=ids.TIMELINE_DOWNLOAD_BUTTON,
                        color="secondary",
                        outline=True,
                        size="sm",
                        className="my-2",
                    ),
                    dcc.Download(id=ids.TIMELINE_DOWNLOAD),
                    dcc.Store(id=ids.TIMELINE_SORT, storage_type="memory"),
                    html.Div(id=ids.TIMELINE_TABLE, className="table-responsive timeline-table"),
                ],
                className="table-alternative small",
            ),
        ],
        className="view",
    )
