"""Reading and validating the three tables, and what the data say about themselves (`about.csv`).

Validation collects every problem in every file before it stops, so a person
fixing the data sees the whole list at once, each problem named by file, row
(the line number in the file, the header being row 1) and column.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

import pandas as pd

from . import schema
from .countries import country_name, is_country_code
from .dates import PartialDate, Precision

__all__ = ["BUNDLED_DIR", "DataError", "Dataset", "Problem", "load_dataset"]

BUNDLED_DIR = Path(__file__).resolve().parent
DATA_DIR_VARIABLE = "BLOCS_DATA_DIR"
# The columns of each table that hold dates, none of which may be after the review date.
DATED_COLUMNS = MappingProxyType(
    {
        "organizations.csv": ("founded", "ended"),
        "memberships.csv": ("start", "end"),
        "events.csv": ("date",),
    }
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or one row, or one file)."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class DataError(Exception):
    """The data files break the contract; `problems` lists every breach found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        lines = [f"The data files have {len(self.problems)} problem(s):"]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Dataset:
    """The validated tables, with columns derived once at load time.

    `organizations` gains `family` (the selectable organization a stage belongs to,
    itself for one with no successor), `founded_day` and `ended_day` (first days).
    `memberships` gains `family` (the organization a stage belongs to, e.g. CSTO
    for the treaty stage CST), `start_day` and `end_day` (first days, for
    comparisons; `end_day` is NaT while ongoing), `country` (the state's name) and
    `org_name` (the short name of the row's organization or stage: "Collective
    Security Treaty" for a row of `CST`).
    `events` gains `day` (the first day of its date) and list columns
    `org_list` and `country_list`.
    `about` holds `about.csv`'s values by key (see `schema.ABOUT_KEYS`).
    """

    organizations: pd.DataFrame
    memberships: pd.DataFrame
    events: pd.DataFrame
    about: Mapping[str, str]

    @property
    def reviewed(self) -> dt.date:
        """The day the tables were last checked against their sources: no date in them is later."""
        return dt.date.fromisoformat(self.about["reviewed"])

    @cached_property
    def families(self) -> tuple[str, ...]:
        """The organizations a reader can select: every id that is not a stage of another."""
        orgs = self.organizations
        return tuple(orgs.loc[orgs["successor"] == "", "id"])

    @cached_property
    def countries(self) -> frozenset[str]:
        """ISO codes of every state the tables name."""
        in_events = {code for codes in self.events["country_list"] for code in codes}
        return frozenset(self.memberships["iso3"]) | in_events

    @cached_property
    def event_dates(self) -> Mapping[str, str]:
        """Each event's date, at its precision, by id."""
        return MappingProxyType(dict(zip(self.events["id"], self.events["date"], strict=True)))

    @property
    def first_day(self) -> dt.date:
        """The earliest day any table speaks of."""
        return min(self.memberships["start_day"].min(), self.events["day"].min()).date()


def load_dataset(directory: str | os.PathLike[str] | None = None) -> Dataset:
    """Read and validate the tables in `directory`.

    Args:
        directory: where the CSV files are; by default the folder named by the
            environment variable `BLOCS_DATA_DIR`, else the bundled data.

    Raises:
        DataError: any file is missing, unreadable or breaks the contract.
    """
    directory = Path(directory or os.environ.get(DATA_DIR_VARIABLE) or BUNDLED_DIR)
    problems: list[Problem] = []
    raw = {name: _read(directory, name, problems) for name in schema.COLUMNS}
    if problems:
        raise DataError(problems)

    org_ids = set(raw["organizations.csv"]["id"])
    _check_organizations(raw["organizations.csv"], problems)
    _check_memberships(raw["memberships.csv"], org_ids, problems)
    _check_events(raw["events.csv"], org_ids, problems)
    reviewed = _check_about(raw["about.csv"], problems)
    if reviewed is not None:
        _check_not_after(raw, reviewed, problems)
    if problems:
        raise DataError(problems)
    return _derive(raw)


def _read(directory: Path, name: str, problems: list[Problem]) -> pd.DataFrame:
    """One CSV file as strings, with its file line numbers in the column `_row`."""
    expected = schema.COLUMNS[name]
    empty = pd.DataFrame(columns=[*expected, "_row"])
    text = _text(directory, name, problems)
    if text is None:
        return empty
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader, None)  # a first line cannot hold an unclosed quote and be a header
    if header is None:
        problems.append(Problem(name, None, None, "the file is empty"))
        return empty
    missing = [column for column in expected if column not in header]
    for column in missing:
        problems.append(Problem(name, 1, column, "the header lacks this column"))
    rows = _rows(name, reader, header, problems)
    if missing or rows is None:
        return empty
    if not rows:
        problems.append(Problem(name, None, None, "has no rows, only its header"))
        return empty
    frame = pd.DataFrame(rows, columns=[*header, "_row"])
    text_columns = list(expected)
    frame[text_columns] = frame[text_columns].apply(lambda column: column.str.strip())
    _check_required(name, frame, problems)
    return frame[[*expected, "_row"]]


def _text(directory: Path, name: str, problems: list[Problem]) -> str | None:
    """The file's text, read as UTF-8 (a byte order mark at its start is allowed), or None."""
    try:
        raw = (directory / name).read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, None, f"the file is missing from {directory}"))
        return None
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        row = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8")) + 1
        problems.append(
            Problem(
                name,
                row,
                None,
                f"character {column} (byte 0x{raw[error.start]:02X}) is not UTF-8: save the file as UTF-8",
            )
        )
        return None


def _rows(
    name: str, reader: Iterator[list[str]], header: list[str], problems: list[Problem]
) -> list[dict] | None:
    """The records after the header, each with its line number as `_row`; None if the CSV is broken."""
    rows = []
    while True:
        first_line = reader.line_num + 1  # where the next record starts
        try:
            record = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            problems.append(
                Problem(
                    name,
                    first_line,
                    None,
                    f"cannot be read as CSV from this row on ({error}): an unclosed quote?",
                )
            )
            return None
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(name, line, None, f"has {len(record)} fields where the header has {len(header)}")
            )
            continue
        rows.append({**dict(zip(header, record, strict=True)), "_row": line})


def _records(frame: pd.DataFrame) -> Iterator[dict[str, str]]:
    return iter(frame.to_dict("records"))


def _check_required(name: str, frame: pd.DataFrame, problems: list[Problem]) -> None:
    required = [c for c in schema.COLUMNS[name] if c not in schema.OPTIONAL[name]]
    for record in _records(frame):
        for column in required:
            if record[column] == "":
                problems.append(Problem(name, record["_row"], column, "is empty but required"))


def _check_date(name: str, record: dict, column: str, problems: list[Problem]) -> PartialDate | None:
    text = record[column]
    if text == "":
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as error:
        problems.append(Problem(name, record["_row"], column, str(error)))
        return None


def _check_source(name: str, record: dict, problems: list[Problem], column: str = "source") -> None:
    source = record[column]
    if source == "":
        return  # already reported as required
    parts = urlsplit(source)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in source:
        problems.append(Problem(name, record["_row"], column, f"{source!r} is not an http(s) URL"))


def _check_unique(name: str, frame: pd.DataFrame, column: str, problems: list[Problem]) -> None:
    duplicated = frame[frame[column].duplicated(keep="first") & (frame[column] != "")]
    for record in _records(duplicated):
        problems.append(
            Problem(name, record["_row"], column, f"{record[column]!r} is used by an earlier row")
        )


def _check_order(
    name: str,
    record: dict,
    start: PartialDate | None,
    end: PartialDate | None,
    columns: tuple[str, str],
    problems: list[Problem],
) -> None:
    if start is not None and end is not None and end.first_day <= start.first_day:
        problems.append(Problem(name, record["_row"], columns[1], f"{end} is not after {columns[0]} {start}"))


def _check_organizations(frame: pd.DataFrame, problems: list[Problem]) -> None:
    name = "organizations.csv"
    ids = set(frame["id"])
    _check_unique(name, frame, "id", problems)
    for record in _records(frame):
        if record["kind"] and record["kind"] not in schema.ORG_KINDS:
            allowed = ", ".join(sorted(schema.ORG_KINDS))
            problems.append(
                Problem(name, record["_row"], "kind", f"{record['kind']!r} is not one of {allowed}")
            )
        for column in ("successor", "parent"):
            if record[column] and record[column] not in ids:
                problems.append(
                    Problem(
                        name, record["_row"], column, f"{record[column]!r} is not a known organization id"
                    )
                )
        if record["successor"] == record["id"] and record["id"]:
            problems.append(
                Problem(name, record["_row"], "successor", "an organization cannot succeed itself")
            )
        founded = _check_date(name, record, "founded", problems)
        ended = _check_date(name, record, "ended", problems)
        _check_order(name, record, founded, ended, ("founded", "ended"), problems)
        _check_source(name, record, problems)


def _check_memberships(frame: pd.DataFrame, org_ids: set[str], problems: list[Problem]) -> None:
    name = "memberships.csv"
    periods: dict[tuple[str, str, str], list[tuple[dt.date, dt.date | None, int]]] = {}
    for record in _records(frame):
        row = record["_row"]
        if record["org"] and record["org"] not in org_ids:
            problems.append(Problem(name, row, "org", f"{record['org']!r} is not a known organization id"))
        if record["iso3"] and not is_country_code(record["iso3"]):
            problems.append(
                Problem(name, row, "iso3", f"{record['iso3']!r} is not an ISO 3166-1 alpha-3 code")
            )
        if record["status"] and record["status"] not in schema.STATUSES:
            allowed = ", ".join(schema.STATUSES)
            problems.append(Problem(name, row, "status", f"{record['status']!r} is not one of {allowed}"))
        start = _check_date(name, record, "start", problems)
        end = _check_date(name, record, "end", problems)
        _check_order(name, record, start, end, ("start", "end"), problems)
        _check_source(name, record, problems)
        if start is not None:
            key = (record["org"], record["iso3"], record["status"])
            periods.setdefault(key, []).append((start.first_day, end and end.first_day, row))

    for (org, iso3, status), spans in periods.items():
        spans.sort(key=lambda span: span[0])
        for (_, earlier_end, earlier_row), (later_start, _, later_row) in itertools.pairwise(spans):
            if earlier_end is None or later_start < earlier_end:
                problems.append(
                    Problem(
                        name,
                        later_row,
                        "start",
                        f"the period overlaps row {earlier_row} ({org}, {iso3}, {status})",
                    )
                )


def _check_events(frame: pd.DataFrame, org_ids: set[str], problems: list[Problem]) -> None:
    name = "events.csv"
    _check_unique(name, frame, "id", problems)
    for record in _records(frame):
        row = record["_row"]
        _check_date(name, record, "date", problems)
        if record["category"] and record["category"] not in schema.CATEGORIES:
            allowed = ", ".join(schema.CATEGORIES)
            problems.append(Problem(name, row, "category", f"{record['category']!r} is not one of {allowed}"))
        for org in _split(record["orgs"]):
            if org not in org_ids:
                problems.append(Problem(name, row, "orgs", f"{org!r} is not a known organization id"))
        for code in _split(record["countries"]):
            if not is_country_code(code):
                problems.append(
                    Problem(name, row, "countries", f"{code!r} is not an ISO 3166-1 alpha-3 code")
                )
        _check_source(name, record, problems)


def _check_about(frame: pd.DataFrame, problems: list[Problem]) -> dt.date | None:
    """Check `about.csv`: each known key once, the review date a day, the licence's URL a URL.

    Returns:
        The review date, if it is valid.
    """
    name = "about.csv"
    _check_unique(name, frame, "key", problems)
    rows: dict[str, dict] = {}
    for record in _records(frame):
        key = record["key"]
        if key and key not in schema.ABOUT_KEYS:
            allowed = ", ".join(schema.ABOUT_KEYS)
            problems.append(Problem(name, record["_row"], "key", f"{key!r} is not one of {allowed}"))
        rows.setdefault(key, record)
    for key in schema.ABOUT_KEYS:
        if key not in rows:
            problems.append(Problem(name, None, "key", f"no row gives {key!r}"))
    if "licence_url" in rows:
        _check_source(name, rows["licence_url"], problems, column="value")
    if "reviewed" not in rows:
        return None
    record = rows["reviewed"]
    reviewed = _check_date(name, record, "value", problems)
    if reviewed is not None and reviewed.precision is not Precision.DAY:
        problems.append(
            Problem(name, record["_row"], "value", f"the review date {reviewed} must be a day (YYYY-MM-DD)")
        )
        return None
    return reviewed and reviewed.first_day


def _check_not_after(raw: Mapping[str, pd.DataFrame], reviewed: dt.date, problems: list[Problem]) -> None:
    """No table speaks of a day after the data were last reviewed."""
    for name, columns in DATED_COLUMNS.items():
        for record in _records(raw[name]):
            for column in columns:
                try:
                    date = PartialDate.parse(record[column])
                except ValueError:
                    continue  # empty, or already reported
                if date.first_day > reviewed:
                    problems.append(
                        Problem(
                            name,
                            record["_row"],
                            column,
                            f"{date} is after the review date in about.csv ({reviewed.isoformat()})",
                        )
                    )


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(schema.LIST_SEPARATOR) if part.strip()]


def _first_day(text: str) -> pd.Timestamp:
    return pd.Timestamp(PartialDate.parse(text).first_day) if text else pd.NaT


def _label(text: str) -> str:
    return PartialDate.parse(text).label() if text else ""


def _derive(raw: dict[str, pd.DataFrame]) -> Dataset:
    organizations = raw["organizations.csv"].drop(columns="_row").reset_index(drop=True)
    successor = dict(zip(organizations["id"], organizations["successor"], strict=True))

    def family(org: str) -> str:
        seen = {org}
        while successor.get(org):
            org = successor[org]
            if org in seen:  # a cycle: stop rather than loop
                break
            seen.add(org)
        return org

    organizations["family"] = organizations["id"].map(family)
    organizations["founded_day"] = pd.to_datetime(organizations["founded"].map(_first_day))
    organizations["ended_day"] = pd.to_datetime(organizations["ended"].map(_first_day))

    memberships = raw["memberships.csv"].drop(columns="_row").reset_index(drop=True)
    memberships["family"] = memberships["org"].map(family)
    short_name = dict(zip(organizations["id"], organizations["short_name"], strict=True))
    memberships["org_name"] = memberships["org"].map(short_name)
    memberships["start_day"] = pd.to_datetime(memberships["start"].map(_first_day))
    memberships["end_day"] = pd.to_datetime(memberships["end"].map(_first_day))
    memberships["start_label"] = memberships["start"].map(_label)
    memberships["end_label"] = memberships["end"].map(_label)
    memberships["country"] = memberships["iso3"].map(country_name)

    events = raw["events.csv"].drop(columns="_row").reset_index(drop=True)
    events["day"] = pd.to_datetime(events["date"].map(_first_day))
    events["date_label"] = events["date"].map(_label)
    events["org_list"] = events["orgs"].map(lambda cell: tuple(_split(cell)))
    events["country_list"] = events["countries"].map(lambda cell: tuple(_split(cell)))
    events["families"] = events["org_list"].map(lambda orgs: tuple(dict.fromkeys(map(family, orgs))))
    events = events.sort_values(["day", "id"], kind="stable").reset_index(drop=True)
    about = raw["about.csv"]
    about = MappingProxyType(dict(zip(about["key"], about["value"], strict=True)))
    return Dataset(organizations, memberships, events, about)
