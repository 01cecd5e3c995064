import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data import PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "first", "last", "precision", "label"),
    [
        ("1992", dt.date(1992, 1, 1), dt.date(1992, 12, 31), Precision.YEAR, "1992"),
        ("2012-06", dt.date(2012, 6, 1), dt.date(2012, 6, 30), Precision.MONTH, "June 2012"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH, "February 2024"),
        ("2012-12-19", dt.date(2012, 12, 19), dt.date(2012, 12, 19), Precision.DAY, "19 December 2012"),
    ],
)
def test_parse_keeps_precision(text, first, last, precision, label):
    date = PartialDate.parse(text)
    assert (date.first_day, date.last_day, date.precision) == (first, last, precision)
    assert date.iso() == text
    assert date.label() == label


@pytest.mark.parametrize(
    "text",
    ["", "92", "1992-6", "2014-02-30", "2014-13", "0000", "2014-04-24T00:00", " 2014/04/24", "abcd", None],
)
def test_parse_rejects_malformed(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_as_of_day_is_end_of_period_clamped_to_today():
    today = dt.date(2026, 11, 28)
    assert PartialDate.parse("2014").as_of_day(today) == dt.date(2014, 12, 31)
    assert PartialDate.parse("2026").as_of_day(today) == today
    assert PartialDate.parse("2014-04-24").as_of_day(today) == dt.date(2014, 4, 24)


def test_order_is_by_first_day_then_precision():
    dates = [PartialDate.parse(t) for t in ("2012-06-28", "2012", "2012-06")]
    assert [d.iso() for d in sorted(dates)] == ["2012", "2012-06", "2012-06-28"]


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_round_trip_at_every_precision(day):
    for text in (str(day.year), day.isoformat()[:7], day.isoformat()):
        assert PartialDate.parse(text).iso() == text


@given(st.text(max_size=20))
def test_parse_raises_only_value_error(text):
    try:
        date = PartialDate.parse(text)
    except ValueError:
        return
    assert PartialDate.parse(date.iso()) == date
