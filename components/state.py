"""The view state that lives in the URL query string.

`parse_query` never raises: each parameter that is missing, unknown or malformed
falls back to its default on its own, so a damaged link still opens the
dashboard as close to what was shared as it can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from data import PartialDate

__all__ = [
    "DEFAULT_ORGS",
    "MAX_QUERY_LENGTH",
    "ViewState",
    "day_from_control",
    "parse_query",
    "to_query",
]

DEFAULT_ORGS = ("CSTO", "SCO")
EARLIEST_DATE = dt.date(1949, 1, 1)
MAX_QUERY_LENGTH = 2000
MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class ViewState:
    """What the reader is looking at.

    Attributes:
        orgs: selected organizations, in the order they were given.
        date: the as-of date at the precision the reader chose, or None for today.
        country: the selected state (ISO 3166-1 alpha-3), or None.
    """

    orgs: tuple[str, ...] = DEFAULT_ORGS
    date: PartialDate | None = field(default=None)
    country: str | None = None

    def as_of(self, today: dt.date | None = None) -> dt.date:
        """The day the views show: the end of the chosen period, never after today."""
        today = today or dt.date.today()
        return self.date.as_of_day(today) if self.date else today


def _first_value(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values or len(values[0]) > MAX_VALUE_LENGTH:
        return None
    return values[0]


def _parse_orgs(text: str | None, known: Sequence[str]) -> tuple[str, ...]:
    if text is None:
        return DEFAULT_ORGS
    wanted = [part.strip().upper() for part in text.split(",")]
    orgs = tuple(dict.fromkeys(org for org in wanted if org in known))
    if orgs:
        return orgs
    # `orgs=` asks for none at all, which is a real (if empty) view; garbage gives defaults.
    return () if text.strip() == "" else DEFAULT_ORGS


def _parse_date(text: str | None, today: dt.date) -> PartialDate | None:
    if text is None:
        return None
    try:
        date = PartialDate.parse(text)
    except ValueError:
        return None
    return date if EARLIEST_DATE <= date.first_day <= today else None


def _parse_country(text: str | None, known: Collection[str]) -> str | None:
    code = text.strip().upper() if text else None
    return code if code in known else None


def parse_query(
    search: object,
    *,
    known_orgs: Sequence[str],
    known_countries: Collection[str] = (),
    today: dt.date | None = None,
) -> ViewState:
    """The view state a query string describes; defaults for whatever it gets wrong.

    Args:
        search: the query string, with or without its leading `?`; any other
            type is treated as empty.
        known_orgs: the organization ids that may be selected.
        known_countries: the ISO codes of the states that may be selected.
        today: the latest as-of date accepted (by default, today).
    """
    today = today or dt.date.today()
    if not isinstance(search, str) or len(search) > MAX_QUERY_LENGTH:
        return ViewState()
    try:
        params = parse_qs(search.removeprefix("?"), keep_blank_values=True)
    except ValueError:
        return ViewState()
    return ViewState(
        orgs=_parse_orgs(_first_value(params, "orgs"), known_orgs),
        date=_parse_date(_first_value(params, "date"), today),
        country=_parse_country(_first_value(params, "country"), known_countries),
    )


def to_query(state: ViewState) -> str:
    """The shortest query string for `state`: `?` and only what differs from the defaults."""
    params = {}
    if state.orgs != DEFAULT_ORGS:
        params["orgs"] = ",".join(state.orgs)
    if state.date is not None:
        params["date"] = state.date.iso()
    if state.country is not None:
        params["country"] = state.country
    return "?" + urlencode(params, safe=",") if params else ""


def day_from_control(value: object, today: dt.date | None = None) -> dt.date:
    """The day a date control holds (`YYYY-MM-DD`), or today when it holds none."""
    today = today or dt.date.today()
    if not isinstance(value, str):
        return today
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return today
    return day if EARLIEST_DATE <= day <= today else today
