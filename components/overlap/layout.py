"""The overlap view's component tree: the diagram and its table alternative."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dash import dcc, html

from data import country_name

from .. import disclosure, ids, theme
from .figure import region_key, region_name
from .placement import NO_NAMES

__all__ = ["CARD_TITLE", "layout", "region_table"]

CARD_TITLE = "Overlap"  # the title of the view's card on the page


def region_table(
    regions: Mapping[frozenset[str], Sequence[str]],
    orgs: Sequence[str],
    names: Mapping[str, str] = NO_NAMES,
) -> html.Table:
    """One row per non-empty region, named by its organizations (`names`, see `org_name`), listing its states."""
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
                            html.Th(
                                html.Button(
                                    region_name(region, orgs, names),
                                    id={"type": ids.PICK_REGION, "region": region_key(region, orgs)},
                                    type="button",
                                    className="btn btn-link btn-sm p-0 text-start align-baseline",
                                    title="Select this region's states in every view",
                                ),
                                scope="row",
                            ),
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


# A diagram of counts: nothing to zoom, pan or select. Without these buttons the
# modebar, shown on hover, also leaves the title of the narrow card uncovered.
NO_ZOOM = ("zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d")


def layout(figure: dict | None = None, stores: Sequence[dcc.Store] = ()) -> html.Div:
    """The overlap view's card body, drawing `figure` until the first update, with its frames' `stores` (see `frames.stores`)."""
    return html.Div(
        [
            dcc.Graph(
                id=ids.OVERLAP_GRAPH,
                figure=figure or {},
                config=theme.graph_config(modeBarButtonsToRemove=list(NO_ZOOM)),
                className="view-graph view-graph--overlap",
            ),
            *stores,
            html.Details(
                [
                    disclosure.summary("The diagram as a table", ids.OVERLAP_TABLE_SUMMARY),
                    dcc.Store(id=ids.OVERLAP_TABLE_QUERY, storage_type="memory"),
                    html.Div(id=ids.OVERLAP_TABLE, className="table-responsive"),
                ],
                className="table-alternative small",
            ),
        ],
        className="view",
    )
