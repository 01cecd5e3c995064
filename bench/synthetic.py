"""Synthetic copies of the data, for measuring how the dashboard grows with its tables.

`multiply(source, target, factor)` writes the three CSV files with `factor` times the
membership and event rows. Each copy of an organization (`CSTO~2`, `CSTO~3`, ...) has the
original as its successor, so its rows belong to the same organization family and every
view draws them: the same view, with `factor` times the rows behind it. The copies pass
the data contract, so the dashboard loads them as it loads the real files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd


def multiply(source: Path, target: Path, factor: int) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    read = {name: pd.read_csv(source / name, dtype=str, keep_default_na=False) for name in
            ("organizations.csv", "memberships.csv", "events.csv")}  # fmt: skip
    organizations, memberships, events = read.values()
    copies = [(organizations, memberships, events)]
    for n in range(2, factor + 1):
        renamed = {org: f"{org}~{n}" for org in organizations["id"]}
        orgs = organizations.assign(
            id=organizations["id"].map(renamed),
            successor=organizations["id"],
            parent=organizations["parent"].map(lambda p, renamed=renamed: renamed.get(p, p)),
        )
        rows = memberships.assign(org=memberships["org"].map(renamed))
        happenings = events.assign(
            id=events["id"] + f"~{n}",
            orgs=events["orgs"].map(
                lambda cell, renamed=renamed: ";".join(renamed.get(o.strip(), o) for o in cell.split(";"))
            ),
        )
        copies.append((orgs, rows, happenings))
    multiplied = ("organizations.csv", "memberships.csv", "events.csv")
    for position, name in enumerate(multiplied):
        pd.concat([copy[position] for copy in copies], ignore_index=True).to_csv(target / name, index=False)
    for extra in source.glob("*.csv"):  # the rest as they are: the review date, the map's points
        if extra.name not in multiplied:
            shutil.copy(extra, target / extra.name)
    return target
