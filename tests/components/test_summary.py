"""The sentence above the views names its day: today, a past day, or the day the data were last reviewed."""

import datetime as dt

import pytest

from components import state, summary
from data import PartialDate

REVIEWED = dt.date(2026, 11, 28)
WORDS = {"present": "6 states are members of the CSTO.", "past": "6 states were members of the CSTO."}
REGIONS = {frozenset({"CSTO"}): ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]}
GROUPS = {"CSTO": {"member": 6}}


@pytest.mark.parametrize(
    ("day", "today", "said"),
    [
        # today, on or before the review: "Today"
        (REVIEWED, REVIEWED, "Today, 6 states are members of the CSTO."),
        (dt.date(2026, 6, 1), dt.date(2026, 6, 1), "Today, 6 states are members of the CSTO."),
        # a day before today, on or before the review: that day, in the past tense
        (dt.date(2014, 4, 24), REVIEWED, "On 24 April 2014, 6 states were members of the CSTO."),
        (REVIEWED, dt.date(2027, 3, 1), "On 28 November 2026, 6 states were members of the CSTO."),
        # after the review, today or before it: as of the review, in the present tense
        (
            dt.date(2026, 11, 29),
            dt.date(2026, 11, 29),
            "As of 28 November 2026, 6 states are members of the CSTO.",
        ),
        (
            dt.date(2027, 1, 1),
            dt.date(2027, 3, 1),
            "As of 28 November 2026, 6 states are members of the CSTO.",
        ),
    ],
)
def test_the_sentence_names_today_a_past_day_or_the_review_date(day, today, said):
    assert summary.compose(WORDS, day, today=today, reviewed=REVIEWED) == said


def test_without_a_review_date_today_is_today():
    later = dt.date(2030, 1, 1)
    assert (
        summary.compose(WORDS, later, today=later, reviewed=None)
        == "Today, 6 states are members of the CSTO."
    )


def test_a_sentence_that_names_no_day_stays_as_it_is():
    words = {"always": "No organization is selected: switch one on above to see its members."}
    assert (
        summary.compose(words, dt.date(2030, 1, 1), today=dt.date(2030, 1, 1), reviewed=REVIEWED)
        == (words["always"])
    )


def test_describe_speaks_as_of_the_review_after_it():
    kwargs = {"orgs": ["CSTO"], "statuses": ["member"], "groups": GROUPS, "labels": {"CSTO": "CSTO"}}
    later = dt.date(2026, 12, 4)
    assert summary.describe(REGIONS, as_of=later, today=later, reviewed=REVIEWED, **kwargs) == (
        "As of 28 November 2026, 6 states are members of the CSTO."
    )
    assert summary.describe(REGIONS, as_of=later, today=later, **kwargs) == (
        "Today, 6 states are members of the CSTO."
    )


def test_the_page_sentence_takes_the_review_date_from_the_data(bundled):
    reviewed = bundled.reviewed
    after = reviewed + dt.timedelta(days=6)
    default = list(state.DEFAULT_STATUSES)
    on_review = summary.sentence_for(bundled, ["CSTO", "SCO"], None, default, reviewed)
    later = summary.sentence_for(bundled, ["CSTO", "SCO"], None, default, after)
    assert on_review.startswith("Today, ")
    label = PartialDate.of_day(reviewed).label()
    assert later == f"As of {label}, " + on_review.removeprefix("Today, ")
    # a date typed between the review and today speaks as of the review too
    typed = summary.sentence_for(
        bundled, ["CSTO"], (reviewed + dt.timedelta(days=1)).isoformat(), default, after
    )
    assert typed.startswith(f"As of {label}, ")
