"""The overlap view's callbacks: drawn with the sentence above the views, and its table.

A new date is drawn in the browser, from the view's frames.

A click on a region or a state selects it through the filters' sync callback (`clicked_selection`).
"""

from __future__ import annotations

import datetime as dt
import functools

import dash
from dash import Input, Output

import data

from .. import disclosure, frames, ids, memo, state, summary, theme
from ..selection import view_in
from .figure import TITLE, build_overlap_figure
from .layout import region_table

__all__ = [
    "INPUTS",
    "VIEW",
    "clicked_selection",
    "controls_of",
    "default_view",
    "draw_overlap",
    "overlap_figure",
    "overlap_frames",
]

INPUTS = (
    Input(ids.FILTERS_ORGS, "value"),
    Input(ids.FILTERS_STATUS, "value"),
    Input(ids.FILTERS_COUNTRY, "value"),
    Input(ids.FILTERS_REGION, "data"),
    Input(ids.THEME_MODE, "data"),
)


def controls_of(orgs, statuses, country, region, mode) -> state.Controls:
    """The diagram's controls from the values of `INPUTS`, validated."""
    dataset = data.bundled_dataset()
    view = view_in(
        dataset,
        orgs=orgs,
        statuses=statuses,
        country=country,
        region=region,
    )
    return state.Controls.of(view, mode=mode)


def default_view(today: dt.date) -> tuple[dict, state.Controls]:
    """The diagram with every control at its default, as the page is first drawn, and its controls."""
    controls = controls_of(list(state.DEFAULT_ORGS), list(state.DEFAULT_STATUSES), None, None, "light")
    return overlap_figure(controls, today), controls


@functools.lru_cache(maxsize=memo.KEPT)
def overlap_figure(controls: state.Controls, day: dt.date) -> dict:
    """The diagram for `controls` on `day`, as the JSON it is sent as (kept in memory)."""
    return draw_overlap(controls, day)


def draw_overlap(controls: state.Controls, day: dt.date) -> dict:
    """The diagram for `controls` on `day`, built anew."""
    orgs = controls.orgs
    regions = data.overlap_regions(
        data.bundled_dataset().memberships, day, orgs=orgs, statuses=controls.statuses
    )
    figure = build_overlap_figure(
        regions,
        orgs=orgs,
        statuses=controls.statuses,
        as_of=day,
        selected=controls.country,
        selected_region=frozenset(controls.region) if controls.region else None,
        names=summary.labels(data.bundled_dataset(), day),
    )
    return theme.styled(figure, controls.mode)


def overlap_frame(controls: state.Controls, day: dt.date) -> dict:
    """The diagram on `day`: its layout changes with the day too."""
    figure = draw_overlap(controls, day)  # a figure for every period: not kept one by one
    return {"data": figure["data"], "layout": figure["layout"]}


def overlap_words(controls: state.Controls, day: dt.date) -> dict:
    """The sentence above the views for `controls` on `day` (see `summary.words_on`)."""
    return summary.words_on(data.bundled_dataset(), day, orgs=controls.orgs, statuses=controls.statuses)


VIEW = frames.FramedView(
    name="overlap",
    graph_id=ids.OVERLAP_GRAPH,
    title=TITLE,
    inputs=INPUTS,
    controls=controls_of,
    draw=overlap_figure,
    frame=overlap_frame,
    words_id=ids.VIEW_SUMMARY,
    words=overlap_words,
)
overlap_frames = frames.register(VIEW, memberships=lambda: data.bundled_dataset().memberships)


disclosure.gate(
    ids.OVERLAP_TABLE_SUMMARY,
    ids.OVERLAP_TABLE_QUERY,
    [Input(ids.FILTERS_ORGS, "value"), Input(ids.FILTERS_DATE, "value"), Input(ids.FILTERS_STATUS, "value")],
)


@dash.callback(
    Output(ids.OVERLAP_TABLE, "children"), Input(ids.OVERLAP_TABLE_QUERY, "data"), prevent_initial_call=True
)
def _update_overlap_table(query):
    if not isinstance(query, list) or len(query) != 3:
        return []  # closed
    orgs, date, statuses = query
    dataset = data.bundled_dataset()
    orgs = state.chosen(orgs, dataset.families)
    day = state.day_from_control(date)
    regions = data.overlap_regions(
        dataset.memberships, day, orgs=orgs, statuses=state.known_statuses(statuses)
    )
    return region_table(regions, orgs, summary.labels(dataset, day))


def clicked_selection(click: object) -> tuple[str, str] | None:
    """("region", "CSTO,SCO") or ("state", "KAZ") for a click on the overlap view, else None."""
    try:
        kind, value = click["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    if kind in ("region", "state") and isinstance(value, str) and len(value) <= 100:
        return kind, value
    return None
