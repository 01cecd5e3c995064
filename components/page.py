"""The page: header, filter bar and the three views, laid out with dash-bootstrap-components."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from data import Dataset, country_name

from . import (
    about,
    appearance,
    country,
    downloads,
    filters,
    frames,
    ids,
    overlap,
    share,
    state,
    summary,
    timeline,
)
from . import map as map_view

__all__ = ["HEADING", "SUBHEADING", "layout"]


HEADING = "CSTO, SCO and NATO: membership and ties through time"
SUBHEADING = "Who belonged to which organization when, where they overlap, and when they cooperated or broke off contact."


# Each view's graph: the view's name (as in `?embed=`) and its module, which owns its card's title.
_VIEWS = {
    ids.MAP_GRAPH: ("map", map_view),
    ids.OVERLAP_GRAPH: ("overlap", overlap),
    ids.TIMELINE_GRAPH: ("timeline", timeline),
}


def figures() -> dict[str, tuple[str, str]]:
    """Each view's graph id: the view's name (as in `?embed=`) and its card's title.

    Read from the views when asked (each view owns its card's title), not copied at import.
    """
    return {graph: (view, module.CARD_TITLE) for graph, (view, module) in _VIEWS.items()}


def _card(graph_id: str, body) -> dbc.Card:
    view, title = figures()[graph_id]
    header = dbc.CardHeader(
        [html.H2(title, className="h6 m-0"), downloads.figure_buttons(graph_id, title.lower())],
        className="d-flex justify-content-between align-items-center",
    )
    return dbc.Card(
        [header, dbc.CardBody(body, className="p-2")], className=f"view-card view-card--{view} h-100"
    )


FILTER_BAR_CLASS = "filter-bar"


def client_config(dataset: Dataset) -> dict:
    """What the browser's code needs to know of the page (`page-config`).

    Ids, the URL's parameters in order, sizes, and the day `dataset` was last reviewed
    (`dataReviewed`, ISO 8601), which the sentence and the saved images name.
    """
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
        "embedFooterPx": share.EMBED_FOOTER_PX,
        "page": ids.PAGE,
        "timelineKey": ids.TIMELINE_KEY,
        "title": share.SNIPPET_TITLE,
        "slide": downloads.slide_config(dataset, figures()),
        "filterBar": FILTER_BAR_CLASS,
        "foldLabels": [filters.FOLD_LABELS[False], filters.FOLD_LABELS[True]],
        "dataReviewed": dataset.reviewed.isoformat(),
        "citation": about.citation(dataset),
    }


def _framed(layout, view, figure, controls, today):
    """A framed view's body, drawing `figure` (drawn for `controls` on `today`) until the first update."""
    return layout(figure, frames.stores(view, key=controls.key(), day=today))


def _header() -> html.Header:
    return html.Header(
        [
            html.Div(
                [
                    html.H1(HEADING, className="h4 mb-1"),
                    html.P(SUBHEADING, className="text-body-secondary mb-0"),
                ]
            ),
            html.Div(
                [share.open_button(), about.open_button(), downloads.layout(), appearance.layout()],
                className="page-tools d-flex flex-wrap gap-2 align-items-center",
            ),
        ],
        className="page-header d-flex flex-wrap justify-content-between gap-2",
    )


def _filter_bar(dataset: Dataset, today: dt.date) -> html.Section:
    organizations = dataset.organizations.set_index("id")
    selectable = [
        (org, organizations.loc[org, "short_name"], organizations.loc[org, "name"])
        for org in dataset.families
    ]
    countries = sorted(((code, country_name(code)) for code in dataset.countries), key=lambda pair: pair[1])
    return html.Section(
        filters.layout(selectable, countries, first_year=dataset.first_day.year, today=today),
        id=ids.FILTER_BAR,
        className=FILTER_BAR_CLASS,
        **{"aria-label": "Filters"},
    )


def _views(today: dt.date) -> html.Main:
    map_body = dbc.Row(
        [
            dbc.Col(
                _framed(
                    map_view.layout, map_view.callbacks.VIEW, *map_view.callbacks.default_figure(today), today
                ),
                xs=12,
                lg=9,
            ),
            dbc.Col(country.layout(), xs=12, lg=3, className="country-column"),
        ],
        className="g-2",
    )
    cards = [
        (_card(ids.MAP_GRAPH, map_body), {}),
        (
            _card(
                ids.OVERLAP_GRAPH,
                _framed(
                    overlap.layout, overlap.callbacks.VIEW, *overlap.callbacks.default_view(today), today
                ),
            ),
            {"lg": 5},
        ),
        (
            _card(ids.TIMELINE_GRAPH, timeline.layout(timeline.callbacks.default_figure(today))),
            {"lg": 7},
        ),
    ]
    return html.Main(
        dbc.Row(
            [dbc.Col(card, xs=12, className="mb-3", **widths) for card, widths in cards], className="g-3"
        ),
        id=ids.VIEWS,
        tabIndex="-1",  # the skip link's target takes the focus
    )


def _footer(dataset: Dataset) -> html.Footer:
    return html.Footer(
        [
            html.P(
                [
                    f"{len(dataset.memberships)} membership records and {len(dataset.events)} events, "
                    "each with its source. Dates are shown at the precision the sources give.",
                ],
                id=ids.DATA_NOTE,
                className="small text-body-secondary",
            ),
            about.footer_line(dataset),
            share.embed_footer(),
        ],
        className="page-footer",
    )


def layout(dataset: Dataset, *, today: dt.date) -> html.Div:
    """The whole page for `dataset`, with every control at its default."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.PAGE_CONFIG, data=client_config(dataset), storage_type="memory"),
            # The first stop of Tab: past the header and the filters, to the views.
            html.A(
                "Skip to the views", href=f"#{ids.VIEWS}", className="visually-hidden-focusable skip-link"
            ),
            _header(),
            share.layout(),
            about.layout(dataset),
            _filter_bar(dataset, today),
            summary.layout(
                summary.sentence_for(
                    dataset, list(state.DEFAULT_ORGS), None, list(state.DEFAULT_STATUSES), today
                )
            ),
            _views(today),
            _footer(dataset),
        ],
        id=ids.PAGE,
        className="container-fluid page",
    )
