"""The overlap view: an area-proportional Euler diagram of two organizations on a date."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

import data
from data import PartialDate, country_name

from . import ids, state, theme

__all__ = ["build_overlap_figure", "circle_distance", "layout", "lens_area", "region_name"]

GAP = 0.15  # space between disjoint circles, as a fraction of the smaller radius


def lens_area(r1: float, r2: float, distance: float) -> float:
    """The area shared by two circles of radii `r1` and `r2` whose centres are `distance` apart."""
    if distance >= r1 + r2:
        return 0.0
    if distance <= abs(r1 - r2):
        return math.pi * min(r1, r2) ** 2
    a1 = math.acos((distance**2 + r1**2 - r2**2) / (2 * distance * r1))
    a2 = math.acos((distance**2 + r2**2 - r1**2) / (2 * distance * r2))
    kite = math.sqrt(
        (-distance + r1 + r2) * (distance + r1 - r2) * (distance - r1 + r2) * (distance + r1 + r2)
    )
    return r1**2 * a1 + r2**2 * a2 - kite / 2


def circle_distance(r1: float, r2: float, shared: float, *, tolerance: float = 1e-10) -> float:
    """The distance between centres at which two circles share exactly the area `shared`.

    The shared area falls steadily as the circles move apart, so bisection finds it.
    A shared area of zero returns a distance with a visible gap between the circles;
    one as large as the smaller circle returns the distance at which it sits just
    inside the larger.
    """
    if shared <= 0:
        return r1 + r2 + GAP * min(r1, r2)
    low, high = abs(r1 - r2), r1 + r2
    if shared >= math.pi * min(r1, r2) ** 2:
        return low
    while high - low > tolerance * max(r1, r2):
        middle = (low + high) / 2
        if lens_area(r1, r2, middle) > shared:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def region_name(region: Sequence[str], selected: Sequence[str]) -> str:
    """A region named by its organizations: "CSTO and SCO", "CSTO only"."""
    names = [org for org in selected if org in region]
    return " and ".join(names) if len(names) > 1 else f"{names[0]} only"


def _state_lines(states: Sequence[str], selected: str | None = None, per_line: int = 4) -> str:
    shown = [f"<b>[{code}]</b>" if code == selected else code for code in states]
    return "<br>".join(", ".join(shown[i : i + per_line]) for i in range(0, len(shown), per_line))


def build_overlap_figure(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    as_of: dt.date,
    selected: str | None = None,
) -> go.Figure:
    """Two circles with areas in proportion to their members, overlapping by the states they share.

    Args:
        regions: the states of each region (see `data.overlap_regions`).
        orgs: the organizations to draw; the first two are drawn.
        as_of: the day shown.
        selected: ISO code of a state to mark, if any.
    """
    figure = go.Figure(layout={"template": theme.TEMPLATE})
    figure.update_layout(
        title={
            "text": f"Members in common as of {PartialDate.of_day(as_of).label()}",
            "font": {"size": 14},
            "x": 0.01,
            "xanchor": "left",
        },
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1},
        showlegend=False,
        margin={"l": 8, "r": 8, "t": 32, "b": 8},
        dragmode=False,
    )
    drawn = list(orgs)[:2]
    counts = {org: sum(len(s) for region, s in regions.items() if org in region) for org in drawn}
    if len(drawn) < 2 or not all(counts.values()):
        missing = [org for org in drawn if not counts.get(org)]
        message = (
            "Select two organizations to compare their members."
            if len(drawn) < 2
            else f"{' and '.join(missing)} had no members on this date."
        )
        figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        return figure

    first, second = drawn
    r1, r2 = (math.sqrt(counts[org] / math.pi) for org in drawn)
    shared_states = regions.get(frozenset(drawn), ())
    distance = circle_distance(r1, r2, len(shared_states))
    x1, x2 = 0.0, distance
    for org, x, radius in ((first, x1, r1), (second, x2, r2)):
        colour = theme.org_colour(org)
        figure.add_shape(
            type="circle",
            x0=x - radius,
            x1=x + radius,
            y0=-radius,
            y1=radius,
            line={"color": colour, "width": 2},
            fillcolor=colour,
            opacity=0.25,
            layer="below",
        )
        figure.add_annotation(
            x=x,
            y=radius,
            yshift=12,
            text=f"<b>{org}</b> ({counts[org]})",
            showarrow=False,
            font={"color": colour, "size": 14},
        )

    left_edge_2, right_edge_1 = x2 - r2, x1 + r1
    only_1 = regions.get(frozenset([first]), ())
    only_2 = regions.get(frozenset([second]), ())
    labels = [
        (only_1, (x1 - r1 + min(left_edge_2, right_edge_1)) / 2),
        (shared_states, (max(left_edge_2, x1 - r1) + min(right_edge_1, x2 + r2)) / 2),
        (only_2, (max(right_edge_1, left_edge_2) + x2 + r2) / 2),
    ]
    xs, texts, hovers = [], [], []
    for states, x in labels:
        if not states:
            continue
        xs.append(x)
        texts.append(_state_lines(states, selected))
        hovers.append("<br>".join(country_name(code) for code in states))
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=[0] * len(xs),
            mode="text",
            text=texts,
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            textfont={"size": 12},
        )
    )
    span = max(r1, r2)
    figure.update_xaxes(range=[x1 - r1 - 0.2 * span, x2 + r2 + 0.2 * span])
    figure.update_yaxes(range=[-span * 1.15, span * 1.35])
    return figure


def layout() -> html.Div:
    """The overlap view's card body: the diagram and its table alternative."""
    return html.Div(
        [
            dcc.Graph(
                id=ids.OVERLAP_GRAPH,
                config=theme.graph_config(),
                className="view-graph",
            ),
            html.Div(id=ids.OVERLAP_TABLE, className="visually-hidden-focusable table-alternative"),
        ],
        className="view",
    )


def _region_table(regions: Mapping[frozenset[str], Sequence[str]], orgs: Sequence[str]) -> html.Table:
    order = sorted(regions, key=lambda region: (-len(region), [orgs.index(o) for o in orgs if o in region]))
    return html.Table(
        [
            html.Caption("States in each region of the overlap diagram"),
            html.Thead(html.Tr([html.Th("Region", scope="col"), html.Th("States", scope="col")])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(region_name(region, orgs), scope="row"),
                            html.Td(", ".join(country_name(code) for code in regions[region])),
                        ]
                    )
                    for region in order
                ]
            ),
        ],
        className="table table-sm",
    )


@dash.callback(
    Output(ids.OVERLAP_GRAPH, "figure"),
    Output(ids.OVERLAP_TABLE, "children"),
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_DATE, "date"),
    Input(ids.FILTERS_COUNTRY, "value"),
)
def _update_overlap(
    orgs: list[str] | None, date: str | None, country: str | None
) -> tuple[go.Figure, html.Table]:
    dataset = data.bundled_dataset()
    orgs = [org for org in (orgs or []) if org in dataset.families]
    day = state.day_from_control(date)
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs)
    selected = country if isinstance(country, str) else None
    figure = build_overlap_figure(regions, orgs=orgs, as_of=day, selected=selected)
    return figure, _region_table(regions, orgs)
