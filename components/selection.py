"""The selection shared by every view: one state, or the states of one region of the overlap."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import data

from . import state

__all__ = ["periods_in_view", "selected_states", "view_in"]


def view_in(dataset: data.Dataset, **values: object) -> state.ViewState:
    """The view state the page's controls hold (`values`, as `state.from_controls` takes them), checked against `dataset`."""
    return state.from_controls(
        known_orgs=dataset.families,
        known_countries=dataset.countries,
        known_events=dataset.event_dates,
        **values,
    )


def selected_states(dataset: data.Dataset, day: dt.date, controls: state.Controls) -> frozenset[str]:
    """ISO codes of the selected state, or of the states in the selected region on `day`.

    Empty when nothing is selected.
    """
    if controls.country is not None:
        return frozenset({controls.country})
    if controls.region is None:
        return frozenset()
    orgs, statuses = controls.orgs, controls.statuses
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
    return frozenset(regions.get(frozenset(controls.region), ()))


def periods_in_view(
    dataset: data.Dataset, controls: state.Controls, selected: frozenset[str]
) -> pd.DataFrame:
    """Every membership period of the controls' organizations and statuses, of the `selected` states if any."""
    rows = dataset.memberships
    keep = rows["family"].isin(list(controls.orgs)) & rows["status"].isin(list(controls.statuses))
    if selected:
        keep &= rows["iso3"].isin(list(selected))
    return rows[keep]
