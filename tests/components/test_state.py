import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.state import (
    DEFAULT_ORGS,
    PARAMETERS,
    ViewState,
    day_from_control,
    from_controls,
    parse_query,
    to_query,
)
from data import PartialDate

KNOWN = ("CSTO", "SCO", "NATO")
TODAY = dt.date(2026, 11, 28)


COUNTRIES = frozenset({"ARM", "RUS"})


def parse(search):
    return parse_query(search, known_orgs=KNOWN, known_countries=COUNTRIES, today=TODAY)


def test_reads_orgs_and_date_at_their_precision():
    state = parse("?orgs=CSTO,NATO&date=2014-04")
    assert state.orgs == ("CSTO", "NATO")
    assert state.date == PartialDate.parse("2014-04")
    assert state.as_of(TODAY) == dt.date(2014, 4, 30)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", ViewState()),
        ("?orgs=FOO,BAR", ViewState()),
        ("?orgs=sco,FOO", ViewState(orgs=("SCO",))),
        ("?orgs=SCO,SCO,CSTO", ViewState(orgs=("SCO", "CSTO"))),
        ("?orgs=", ViewState(orgs=())),
        ("?date=2014-02-30", ViewState()),
        ("?date=9999", ViewState()),
        ("?date=1800", ViewState()),
        ("?date=<script>alert(1)</script>", ViewState()),
        ("?orgs=" + "CSTO," * 500, ViewState()),
        ("?date=2014&date=2015", ViewState(date=PartialDate.parse("2014"))),
        ("%%%&&&==", ViewState()),
        ("?country=arm", ViewState(country="ARM")),
        ("?country=XXX", ViewState()),
        ("?country=" + "A" * 1000, ViewState()),
    ],
)
def test_malformed_values_fall_back_one_by_one(search, expected):
    assert parse(search) == expected


def test_non_string_input_gives_defaults():
    assert parse(None) == ViewState()
    assert parse(["?orgs=NATO"]) == ViewState()


def test_to_query_omits_defaults_and_round_trips():
    assert to_query(ViewState()) == ""
    state = ViewState(orgs=("NATO", "CSTO"), date=PartialDate.parse("2012-12-19"), country="ARM")
    assert to_query(state) == "?orgs=NATO,CSTO&date=2012-12-19&country=ARM"
    assert parse(to_query(state)) == state


@given(st.text(max_size=300))
def test_parse_never_raises_and_yields_known_values(search):
    state = parse(search)
    assert set(state.orgs) <= set(KNOWN)
    assert state.date is None or state.date.first_day <= TODAY
    assert state.country is None or state.country in COUNTRIES


@given(
    st.lists(st.sampled_from(KNOWN), unique=True),
    st.one_of(st.none(), st.dates(min_value=dt.date(1949, 1, 1), max_value=TODAY)),
)
def test_round_trip_for_any_valid_state(orgs, day):
    state = ViewState(orgs=tuple(orgs), date=day and PartialDate.of_day(day))
    assert parse(to_query(state)) == state


def test_day_from_control():
    assert day_from_control("2014-04-24", TODAY) == dt.date(2014, 4, 24)
    assert day_from_control("2014-04-24T00:00:00", TODAY) == dt.date(2014, 4, 24)
    assert day_from_control(None, TODAY) == TODAY
    assert day_from_control("garbage", TODAY) == TODAY
    assert day_from_control("3000-01-01", TODAY) == TODAY
    assert DEFAULT_ORGS == ("CSTO", "SCO")


def test_timeline_parameters_round_trip():
    events = {"csto-suspends-nato-contacts-2014"}
    state = parse_query(
        "?events=crisis,cooperation&event=csto-suspends-nato-contacts-2014&from=2008&to=2015-06",
        known_orgs=KNOWN, known_events=events, today=TODAY,
    )  # fmt: skip
    assert state.categories == ("cooperation", "crisis")
    assert state.event == "csto-suspends-nato-contacts-2014"
    assert (state.start.iso(), state.end.iso()) == ("2008", "2015-06")
    assert (
        to_query(state)
        == "?events=cooperation,crisis&event=csto-suspends-nato-contacts-2014&from=2008&to=2015-06"
    )


@pytest.mark.parametrize(
    "search",
    ["?events=gossip", "?event=<img src=x>", "?from=2015&to=2008", "?from=9999", "?to=tomorrow"],
)
def test_malformed_timeline_parameters_are_dropped(search):
    state = parse_query(search, known_orgs=KNOWN, known_events={"a"}, today=TODAY)
    assert (state.event, state.start, state.end) == (None, None, None)
    assert state.categories == ViewState().categories


def test_a_link_to_an_event_without_a_date_shows_the_world_on_its_date():
    events = {"uzbek-note": "2012-06"}
    state = parse_query("?event=uzbek-note", known_orgs=KNOWN, known_events=events, today=TODAY)
    assert state.date.iso() == "2012-06"
    dated = parse_query("?event=uzbek-note&date=2020", known_orgs=KNOWN, known_events=events, today=TODAY)
    assert dated.date.iso() == "2020"


def test_a_link_writes_its_parameters_in_the_order_the_browser_places_the_date_by():
    everything = ViewState(
        orgs=("NATO",),
        date=PartialDate.parse("2014"),
        statuses=("member",),
        country="ARM",
        categories=("crisis",),
        event="e",
        start=PartialDate.parse("2008"),
        end=PartialDate.parse("2015"),
        embed="map",
    )
    names = [part.split("=")[0] for part in to_query(everything).removeprefix("?").split("&")]
    assert names == [name for name in PARAMETERS if name in names]
    assert set(PARAMETERS) - set(names) == {"region"}  # never with a country


def test_controls_read_from_the_page_drop_what_no_control_can_hold():
    view = from_controls(
        known_orgs=("CSTO", "SCO"),
        known_countries={"ARM"},
        orgs=["SCO", "XX", 3],
        statuses={"member": 1},
        country="USA",
        region=["SCO", "CSTO"],
        categories=None,
        span=["2015-01-01", "2008-01-01"],
    )
    assert view.orgs == ("SCO",) and view.statuses == () and view.country is None
    assert view.region is None  # the CSTO is not selected
    assert view.categories == ViewState().categories and (view.start, view.end) == (None, None)
    assert from_controls(known_orgs=("CSTO", "SCO"), region=["SCO", "CSTO"]).region == ("CSTO", "SCO")
