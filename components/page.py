"""The page: header, filter bar and the three views, laid out with dash-bootstrap-components."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from data import Dataset, country_name

from . import (
    appearance,
    country,
    downloads,
    filters,
    first_view,
    frames,
    ids,
    overlap,
    share,
    state,
    summary,
    timeline,
)
from . import map as map_view

__all__ = ["layout"]


def _card(title: str, body, *, graph_id: str, view: str) -> dbc.Card:
    header = dbc.CardHeader(
        [html.H2(title, className="h6 m-0"), downloads.figure_buttons(graph_id, title.lower())],
        className="d-flex justify-content-between align-items-center",
    )
    return dbc.Card(
        [header, dbc.CardBody(body, className="p-2")], className=f"view-card view-card--{view} h-100"
    )


def client_config() -> dict:
    """What the browser's code needs to know of the page (`page-config`): ids, the URL's order, sizes."""
    return {
        "url": ids.URL,
        "year": ids.FILTERS_YEAR,
        "play": ids.FILTERS_PLAY,
        "playYear": ids.FILTERS_PLAY_YEAR,
        "playFrom": filters.PLAY_FROM,
        "timeline": ids.TIMELINE_GRAPH,
        "asOfLine": timeline.figure.AS_OF_LINE,
        "parameters": list(state.PARAMETERS),
        "embeddable": list(share.EMBEDDABLE),
        "embedHeights": share.EMBED_HEIGHTS,
        "title": share.SNIPPET_TITLE,
        "slideWidth": downloads.SLIDE_WIDTH_PX,
    }


def _framed(layout, view, figure, controls, today):
    """A framed view's body, drawing `figure` (drawn for `controls` on `today`) until the first update."""
    return layout(figure, frames.stores(view, key=controls.key(), day=today))


def layout(dataset: Dataset, *, today: dt.date) -> html.Div:
    """The whole page for `dataset`, with every control at its default."""
    organizations = dataset.organizations.set_index("id")
    selectable = [
        (org, organizations.loc[org, "short_name"], organizations.loc[org, "name"])
        for org in dataset.families
    ]
    countries = sorted(((code, country_name(code)) for code in dataset.countries), key=lambda pair: pair[1])
    first_year = dataset.first_day.year
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.PAGE_CONFIG, data=client_config(), storage_type="memory"),
            html.Header(
                [
                    html.Div(
                        [
                            html.H1(first_view.HEADING, className="h4 mb-1"),
                            html.P(first_view.SUBHEADING, className="text-body-secondary mb-0"),
                        ]
                    ),
                    html.Div(
                        [share.open_button(), downloads.layout(), appearance.layout()],
                        className="page-tools d-flex flex-wrap gap-2 align-items-center",
                    ),
                ],
                className="page-header d-flex flex-wrap justify-content-between gap-2",
            ),
            share.layout(),
            html.Section(
                filters.layout(selectable, countries, first_year=first_year, today=today),
                className="filter-bar",
                **{"aria-label": "Filters"},
            ),
            summary.layout(
                summary.sentence_for(
                    dataset, list(state.DEFAULT_ORGS), None, list(state.DEFAULT_STATUSES), today
                )
            ),
            html.Main(
                dbc.Row(
                    [
                        dbc.Col(
                            _card(
                                first_view.VIEW_TITLES["map"],
                                dbc.Row(
                                    [
                                        dbc.Col(
                                            _framed(
                                                map_view.layout,
                                                map_view.callbacks.VIEW,
                                                *map_view.callbacks.default_figure(today),
                                                today,
                                            ),
                                            xs=12,
                                            lg=9,
                                        ),
                                        dbc.Col(country.layout(), xs=12, lg=3, className="country-column"),
                                    ],
                                    className="g-2",
                                ),
                                graph_id=ids.MAP_GRAPH,
                                view="map",
                            ),
                            xs=12,
                            className="mb-3",
                        ),
                        dbc.Col(
                            _card(
                                first_view.VIEW_TITLES["overlap"],
                                _framed(
                                    overlap.layout,
                                    overlap.callbacks.VIEW,
                                    *overlap.callbacks.default_view(today),
                                    today,
                                ),
                                graph_id=ids.OVERLAP_GRAPH,
                                view="overlap",
                            ),
                            xs=12,
                            lg=5,
                            className="mb-3",
                        ),
                        dbc.Col(
                            _card(
                                first_view.VIEW_TITLES["timeline"],
                                timeline.layout(timeline.callbacks.default_figure(today)),
                                graph_id=ids.TIMELINE_GRAPH,
                                view="timeline",
                            ),
                            xs=12,
                            lg=7,
                            className="mb-3",
                        ),
                    ],
                    className="g-3",
                ),
            ),
            html.Footer(
                html.P(
                    [
                        f"{len(dataset.memberships)} membership records and {len(dataset.events)} events, "
                        "each with its source. Dates are shown at the precision the sources give.",
                    ],
                    id=ids.DATA_NOTE,
                    className="small text-body-secondary",
                ),
                className="page-footer",
            ),
        ],
        id=ids.PAGE,
        className="container-fluid page",
    )
