"""The overlap view's component tree: the diagram and its table alternative."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dash import dcc, html

from data import country_name

from .. import ids, theme
from .figure import region_name

__all__ = ["layout", "region_table"]


def region_table(regions: Mapping[frozenset[str], Sequence[str]], orgs: Sequence[str]) -> html.Table:
    """One row per non-empty region, named by its organizations, listing its states."""
    order = sorted(
        (region for region, states in regions.items() if states),
        key=lambda region: (-len(region), [orgs.index(o) for o in orgs if o in region]),
    )
    return html.Table(
        [
            html.Caption("States in each region of the overlap diagram"),
            html.Thead(
                html.Tr(
                    [
                        html.Th("Region", scope="col"),
                        html.Th("States", scope="col"),
                        html.Th("Count", scope="col"),
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(region_name(region, orgs), scope="row"),
                            html.Td(", ".join(country_name(code) for code in regions[region])),
                            html.Td(len(regions[region])),
                        ]
                    )
                    for region in order
                ]
            ),
        ],
        className="table table-sm table-striped",
    )


def layout(figure: dict | None = None, table: html.Table | None = None) -> html.Div:
    """The overlap view's card body, drawing `figure` and `table` until the first update."""
    return html.Div(
        [
            dcc.Graph(
                id=ids.OVERLAP_GRAPH,
                figure=figure or {},
                config=theme.graph_config(),
                className="view-graph view-graph--overlap",
            ),
            html.Details(
                [
                    html.Summary("The diagram as a table"),
                    html.Div(table, id=ids.OVERLAP_TABLE, className="table-responsive"),
                ],
                className="table-alternative small",
            ),
        ],
        className="view",
    )
