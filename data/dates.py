"""Dates known to the year, the month or the day, kept at the precision the source gives.

A source may say "1992", "June 2012" or "19 December 2012". We store exactly that
(`1992`, `2012-06`, `2012-12-19`) and never pad it into a day nobody recorded.

For ordering and for "as of" questions a partial date needs a position on the
calendar. The rule is the same everywhere: a partial date stands at the first
day of the period it names (`2012-06` at 1 June 2012). An *as-of* date given by a
reader ("show me 2012") means the state of affairs at the end of that period,
clamped to today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["PartialDate", "Precision"]

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class Precision(StrEnum):
    """How much of a date the source gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    Instances order by their first day, then by precision (coarser first).
    """

    first_day: dt.date
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

        Raises:
            ValueError: the text is not one of those forms, or names no real date.
        """
        match = _PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        if year == "0000":
            raise ValueError(f"{text!r} has no year 0")
        try:
            first_day = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(f"{text!r} is not a real calendar date") from None
        precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        return cls(first_day, precision)

    @classmethod
    def of_day(cls, day: dt.date) -> PartialDate:
        """The exact date `day`."""
        return cls(day, Precision.DAY)

    @property
    def last_day(self) -> dt.date:
        """The last day of the period this date names."""
        if self.precision is Precision.DAY:
            return self.first_day
        if self.precision is Precision.YEAR:
            return dt.date(self.first_day.year, 12, 31)
        next_month = (self.first_day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)

    def iso(self) -> str:
        """The date in ISO 8601 at its own precision: `2012`, `2012-06` or `2012-06-28`."""
        if self.precision is Precision.YEAR:
            return f"{self.first_day.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.first_day.year:04d}-{self.first_day.month:02d}"
        return self.first_day.isoformat()

    def label(self) -> str:
        """A reader's form at its own precision: `2012`, `June 2012`, `28 June 2012`."""
        month = _MONTHS[self.first_day.month - 1]
        if self.precision is Precision.YEAR:
            return str(self.first_day.year)
        if self.precision is Precision.MONTH:
            return f"{month} {self.first_day.year}"
        return f"{self.first_day.day} {month} {self.first_day.year}"

    def as_of_day(self, today: dt.date | None = None) -> dt.date:
        """The day a reader means by "as of" this date: the end of its period, never after today."""
        today = today or dt.date.today()
        return min(self.last_day, max(today, self.first_day))

    def __str__(self) -> str:
        return self.iso()
