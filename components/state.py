"""The view state that lives in the URL query string.

`parse_query` never raises: each parameter that is missing, unknown or malformed
falls back to its default on its own, so a damaged link still opens the
dashboard as close to what was shared as it can.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from data import PartialDate
from data.schema import CATEGORIES, STATUSES

__all__ = [
    "DEFAULT_ORGS",
    "DEFAULT_STATUSES",
    "MAX_QUERY_LENGTH",
    "PARAMETERS",
    "Controls",
    "ViewState",
    "chosen",
    "day_from_control",
    "from_controls",
    "known_categories",
    "known_statuses",
    "parse_query",
    "region_of",
    "to_query",
]

DEFAULT_ORGS = ("CSTO", "SCO")
EMBEDDABLE = ("map", "overlap", "timeline")
# Membership as the sources count it: full members, signatories awaiting entry into force,
# and members who froze their own participation (Armenia, still a member in law). A state
# suspended by the organization (Uzbekistan) and observers and partners are one choice away.
DEFAULT_STATUSES = ("member", "signatory", "frozen")
EARLIEST_DATE = dt.date(1949, 1, 1)
MAX_QUERY_LENGTH = 2000
# The URL's parameters, in the order a link writes them (`to_query`; the browser's code
# places the date by it too).
PARAMETERS = ("orgs", "date", "status", "country", "region", "events", "event", "from", "to", "embed")
MAX_VALUE_LENGTH = 200


@dataclass(frozen=True)
class ViewState:
    """What the reader is looking at.

    Attributes:
        orgs: selected organizations, in the order they were given.
        date: the as-of date at the precision the reader chose, or None for today.
        statuses: the statuses the views count, in the data's order.
        country: the selected state (ISO 3166-1 alpha-3), or None.
        region: the organizations of a selected region of the overlap diagram
            (the states in exactly those), or None. Never set with `country`.
        categories: the event categories the timeline shows.
        event: the id of the event whose details are open, or None.
        start, end: the range the timeline shows (URL `from` and `to`), or None for all.
        embed: the one view shown alone in an iframe (`map`, `overlap`, `timeline`), or None.
    """

    orgs: tuple[str, ...] = DEFAULT_ORGS
    date: PartialDate | None = field(default=None)
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    country: str | None = None
    region: tuple[str, ...] | None = None
    categories: tuple[str, ...] = CATEGORIES
    event: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    embed: str | None = None

    def as_of(self, today: dt.date | None = None) -> dt.date:
        """The day the views show: the end of the chosen period, never after today."""
        today = today or dt.date.today()
        return self.date.as_of_day(today) if self.date else today


@dataclass(frozen=True)
class Controls:
    """What a view is drawn for, but the date: validated, hashable, the key of every cache.

    Built from a `ViewState` (`Controls.of`), so that the callbacks, the figure builders'
    callers and the caches all speak of the view in one typed shape; a view takes the
    fields it draws from and leaves the others at their defaults, so that its caches do
    not tell apart views it draws alike.

    Attributes:
        orgs, statuses, country, region, categories, event, start, end: as in `ViewState`.
        mode: the colour mode, "light" or "dark".
        zoom: the map's zoom and pan, as sorted (relayout key, number) pairs.
    """

    orgs: tuple[str, ...] = DEFAULT_ORGS
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    country: str | None = None
    region: tuple[str, ...] | None = None
    categories: tuple[str, ...] = CATEGORIES
    event: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    mode: str = "light"
    zoom: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, view: ViewState, *, mode: str = "light", zoom: object = None) -> Controls:
        """The controls of `view`, in the colour `mode`, zoomed as `zoom` (a relayout mapping) says."""
        return cls(
            orgs=view.orgs,
            statuses=view.statuses,
            country=view.country,
            region=view.region,
            categories=view.categories,
            event=view.event,
            start=view.start,
            end=view.end,
            mode="dark" if mode == "dark" else "light",
            zoom=_zoom(zoom),
        )

    def key(self) -> str:
        """A short fingerprint, kept in the browser beside what was drawn for these controls."""
        return hashlib.sha256(repr(self).encode()).hexdigest()[:16]


def _zoom(value: object) -> tuple[tuple[str, float], ...]:
    if not isinstance(value, Mapping):
        return ()
    numbers = (
        (str(key), float(number))
        for key, number in value.items()
        if isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number)
    )
    return tuple(sorted(numbers))


def from_controls(
    *,
    known_orgs: Sequence[str],
    known_countries: Collection[str] = (),
    known_events: Collection[str] = (),
    orgs: object = None,
    statuses: object = None,
    country: object = None,
    region: object = None,
    categories: object = None,
    event: object = None,
    span: object = None,
    today: dt.date | None = None,
) -> ViewState:
    """The view state the page's controls hold (the date aside), anything they should not hold dropped.

    A control left out (None) takes its default. A crafted request may send anything in
    place of a control's value: what no control can hold is dropped or made a default.
    """
    today = today or dt.date.today()
    chosen_orgs = DEFAULT_ORGS if orgs is None else tuple(chosen(orgs, known_orgs))
    start, end = _span_of(span, today)
    return ViewState(
        orgs=chosen_orgs,
        statuses=DEFAULT_STATUSES if statuses is None else tuple(known_statuses(statuses)),
        country=country if isinstance(country, str) and country in known_countries else None,
        region=_region_in(region, chosen_orgs),
        categories=CATEGORIES if categories is None else tuple(known_categories(categories)),
        event=event if isinstance(event, str) and event in known_events else None,
        start=start,
        end=end,
    )


def _region_in(value: object, orgs: tuple[str, ...]) -> tuple[str, ...] | None:
    region = region_of(value, orgs)
    return tuple(org for org in orgs if org in region) if region else None


def _span_of(value: object, today: dt.date) -> tuple[PartialDate | None, PartialDate | None]:
    """The (from, to) days a timeline range holds: two ISO day strings, else no range."""
    if not isinstance(value, list | tuple) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        return None, None
    first, last = (day_from_control(v, today) for v in value)
    if last < first:
        return None, None
    return PartialDate.of_day(first), PartialDate.of_day(last)


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


def _parse_statuses(text: str | None) -> tuple[str, ...]:
    if text is None:
        return DEFAULT_STATUSES
    wanted = {part.strip().lower() for part in text.split(",")}
    statuses = tuple(status for status in STATUSES if status in wanted)
    return statuses if statuses or text.strip() == "" else DEFAULT_STATUSES


def _parse_region(text: str | None, orgs: tuple[str, ...]) -> tuple[str, ...] | None:
    if not text:
        return None
    wanted = {part.strip().upper() for part in text.split(",")}
    region = tuple(org for org in orgs if org in wanted)
    return region if region and len(region) == len(wanted) else None


def _parse_categories(text: str | None) -> tuple[str, ...]:
    if text is None:
        return CATEGORIES
    wanted = {part.strip().lower() for part in text.split(",")}
    categories = tuple(category for category in CATEGORIES if category in wanted)
    return categories if categories or text.strip() == "" else CATEGORIES


def _parse_event(text: str | None, known: Collection[str]) -> str | None:
    return text if text in known else None


def _parse_range(
    start: str | None, end: str | None, today: dt.date
) -> tuple[PartialDate | None, PartialDate | None]:
    first, last = _parse_date(start, today), _parse_date(end, today)
    if first and last and last.last_day < first.first_day:
        return None, None
    return first, last


def _parse_country(text: str | None, known: Collection[str]) -> str | None:
    code = text.strip().upper() if text else None
    return code if code in known else None


def parse_query(
    search: object,
    *,
    known_orgs: Sequence[str],
    known_countries: Collection[str] = (),
    known_events: Collection[str] = (),
    today: dt.date | None = None,
) -> ViewState:
    """The view state a query string describes; defaults for whatever it gets wrong.

    Args:
        search: the query string, with or without its leading `?`; any other
            type is treated as empty.
        known_orgs: the organization ids that may be selected.
        known_countries: the ISO codes of the states that may be selected.
        known_events: the ids of the events that may be opened; given as a mapping
            from id to date, an event linked without a date also sets the date.
        today: the latest as-of date accepted (by default, today).
    """
    today = today or dt.date.today()
    if not isinstance(search, str) or len(search) > MAX_QUERY_LENGTH:
        return ViewState()
    try:
        params = parse_qs(search.removeprefix("?"), keep_blank_values=True)
    except ValueError:
        return ViewState()
    orgs = _parse_orgs(_first_value(params, "orgs"), known_orgs)
    country = _parse_country(_first_value(params, "country"), known_countries)
    start, end = _parse_range(_first_value(params, "from"), _first_value(params, "to"), today)
    event = _parse_event(_first_value(params, "event"), known_events)
    date = _parse_date(_first_value(params, "date"), today)
    if event is not None and date is None and isinstance(known_events, Mapping):
        date = _parse_date(known_events[event], today)  # a link to an event shows the world then
    return ViewState(
        orgs=orgs,
        date=date,
        statuses=_parse_statuses(_first_value(params, "status")),
        country=country,
        region=None if country else _parse_region(_first_value(params, "region"), orgs),
        categories=_parse_categories(_first_value(params, "events")),
        event=event,
        start=start,
        end=end,
        embed=embed if (embed := _first_value(params, "embed")) in EMBEDDABLE else None,
    )


def to_query(state: ViewState) -> str:
    """The shortest query string for `state`: `?` and only what differs from the defaults."""
    params = {}
    if state.orgs != DEFAULT_ORGS:
        params["orgs"] = ",".join(state.orgs)
    if state.date is not None:
        params["date"] = state.date.iso()
    if state.statuses != DEFAULT_STATUSES:
        params["status"] = ",".join(state.statuses)
    if state.country is not None:
        params["country"] = state.country
    if state.region is not None:
        params["region"] = ",".join(state.region)
    if state.categories != CATEGORIES:
        params["events"] = ",".join(state.categories)
    if state.event is not None:
        params["event"] = state.event
    if state.start is not None:
        params["from"] = state.start.iso()
    if state.end is not None:
        params["to"] = state.end.iso()
    if state.embed is not None:
        params["embed"] = state.embed
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


def known_statuses(value: object) -> list[str]:
    """The statuses a status control holds, in the data's order, dropping anything unknown."""
    return chosen(value, STATUSES)


def region_of(value: object, orgs: Sequence[str]) -> frozenset[str] | None:
    """The region a region store holds, if every organization in it is among `orgs`."""
    if not isinstance(value, list) or not value:
        return None
    region = frozenset(org for org in value if isinstance(org, str))
    return region if region <= set(orgs) and len(region) == len(value) else None


def known_categories(value: object) -> list[str]:
    """The event categories a control holds, in the data's order, dropping anything unknown."""
    return chosen(value, CATEGORIES)


def chosen(value: object, allowed: Sequence[str]) -> list[str]:
    """The items of `allowed` that a control's list value holds, in `allowed`'s order.

    Anything but a list (a crafted request may send a number or an object) chooses nothing.
    """
    items = {item for item in value if isinstance(item, str)} if isinstance(value, list) else set()
    return [item for item in allowed if item in items]
