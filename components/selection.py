"""The selection shared by every view: one state, or the states of one region of the overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import data

from . import state

__all__ = ["selected_states"]


def selected_states(
    dataset: data.Dataset,
    day: dt.date,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    country: object,
    region: object,
) -> frozenset[str]:
    """ISO codes of the selected state, or of the states in the selected region on `day`.

    Empty when nothing (or nothing valid) is selected.
    """
    if isinstance(country, str) and country in dataset.countries:
        return frozenset({country})
    chosen = state.region_of(region, orgs)
    if chosen is None:
        return frozenset()
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
    return frozenset(regions.get(chosen, ()))
