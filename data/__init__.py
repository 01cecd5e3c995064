"""The data layer: the CSV tables, their contract, and the questions asked of them.

Nothing here imports Dash or reads a file at import time. `bundled_dataset()`
loads and validates the tables once, on first call; the app calls it at start-up.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .countries import country_name, is_country_code
from .dates import PartialDate, Precision
from .geo import load_country_points
from .load import BUNDLED_DIR, DataError, Dataset, Problem, load_dataset
from .queries import (
    events_between,
    former_members,
    members_as_of,
    names_as_of,
    overlap_regions,
    relations_as_of,
    stages_as_of,
)

__all__ = [
    "BUNDLED_DIR",
    "DataError",
    "Dataset",
    "PartialDate",
    "Precision",
    "Problem",
    "bundled_country_points",
    "bundled_dataset",
    "country_name",
    "events_between",
    "former_members",
    "is_country_code",
    "load_country_points",
    "load_dataset",
    "members_as_of",
    "names_as_of",
    "overlap_regions",
    "relations_as_of",
    "stages_as_of",
]


@cache
def bundled_dataset() -> Dataset:
    """The app's dataset, loaded and validated on first call and shared thereafter.

    The folder is the one named by `BLOCS_DATA_DIR`, else the bundled data.
    """
    return load_dataset()


@cache
def bundled_country_points() -> pd.DataFrame:
    """The map's label points and areas (see `load_country_points`), loaded once."""
    return load_country_points()
