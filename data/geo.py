"""Where each state sits on the map, and how big it is: derived from the map shapes the app ships.

`country_points.csv` is written by `scripts/country_points.py` from plotly.js's world
shapes. Areas are rough (planar about each shape's mean latitude): good enough to
tell which states are too small to see at world scale, not for anything else.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .load import BUNDLED_DIR, DataError, Problem

__all__ = ["load_country_points"]

FILE = "country_points.csv"
COLUMNS = ("iso3", "lon", "lat", "area_km2", "in_110m", "source")
SHAPE_ID = re.compile(r"[A-Z]{3}")


def load_country_points(directory: str | os.PathLike[str] = BUNDLED_DIR) -> pd.DataFrame:
    """The label point, area and 1:110m presence of every shape, indexed by its id.

    Shape ids are ISO 3166-1 alpha-3 codes, except for a few disputed areas the UN map
    draws apart (e.g. `XJK`, Jammu and Kashmir).

    Raises:
        DataError: the file is missing or malformed.
    """
    path = Path(directory) / FILE
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise DataError([Problem(FILE, None, None, f"cannot be read ({error})")]) from None
    problems = [
        Problem(FILE, 1, column, "the header lacks this column") for column in COLUMNS if column not in frame
    ]
    if problems:
        raise DataError(problems)
    numbers = frame[["lon", "lat", "area_km2"]].apply(pd.to_numeric, errors="coerce")
    # Checked a column at a time; only the rows that break a rule are looked at one by one.
    repeated = frame["iso3"].duplicated()
    bad = pd.DataFrame(
        {
            "iso3": ~frame["iso3"].str.fullmatch(SHAPE_ID.pattern) | repeated,
            **{column: numbers[column].isna() for column in ("lon", "lat", "area_km2")},
            "in_110m": ~frame["in_110m"].isin(["yes", "no"]),
        }
    )
    for index in bad.index[bad.any(axis=1)]:
        record, row = frame.loc[index], index + 2
        if not SHAPE_ID.fullmatch(record["iso3"]):
            problems.append(Problem(FILE, row, "iso3", f"{record['iso3']!r} is not a three-letter shape id"))
        for column in ("lon", "lat", "area_km2"):
            if bad.loc[index, column]:
                problems.append(Problem(FILE, row, column, f"{record[column]!r} is not a number"))
        if repeated.loc[index]:
            problems.append(Problem(FILE, row, "iso3", f"{record['iso3']!r} is used by an earlier row"))
        if bad.loc[index, "in_110m"]:
            problems.append(Problem(FILE, row, "in_110m", f"{record['in_110m']!r} is not yes or no"))
    if problems:
        raise DataError(problems)
    return pd.DataFrame(
        {
            "lon": numbers["lon"].to_numpy(),
            "lat": numbers["lat"].to_numpy(),
            "area_km2": numbers["area_km2"].to_numpy(),
            "in_110m": (frame["in_110m"] == "yes").to_numpy(),
        },
        index=pd.Index(frame["iso3"], name="iso3"),
    )
