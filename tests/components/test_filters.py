import datetime as dt

from dash import no_update

from components import ids
from components.filters import Controls, sync_controls
from components.state import DEFAULT_STATUSES
from data.schema import CATEGORIES

KNOWN = ("CSTO", "SCO", "NATO")
COUNTRIES = frozenset({"ARM", "RUS", "KAZ"})
TODAY = dt.date(2026, 11, 28)
SAME = no_update


EVENTS = {"csto-suspends-nato-contacts-2014": "2014-04-24", "uzbek-note": "2012-06"}


def sync_all(trigger, search, orgs=("CSTO", "SCO"), date="2026-11-28", year=2026, country=None, statuses=DEFAULT_STATUSES, region=None, categories=CATEGORIES, event=None, span=None):  # fmt: skip
    """(search, orgs, date, year, country, statuses, region, categories, event, range) after `trigger` changed."""
    controls = Controls(
        list(orgs), date, year, country, list(statuses), region, list(categories), event, span
    )
    return sync_controls(
        trigger,
        search,
        controls,
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        event_dates=EVENTS,
        today=TODAY,
    )


def sync(*args, **kwargs):
    """The first seven outputs, (search, orgs, date, year, country, statuses, region); the rest unchanged."""
    result = sync_all(*args, **kwargs)
    assert result[7:] == (SAME, SAME, SAME)
    return result[:7]


def test_first_load_sets_controls_from_the_url():
    assert sync(None, "?orgs=CSTO,NATO&date=2014") == (
        SAME,
        ["CSTO", "NATO"],
        "2014-12-31",
        2014,
        SAME,
        SAME,
        SAME,
    )


def test_first_load_rewrites_a_malformed_url_to_the_defaults():
    assert sync(None, "?orgs=XX&date=nope&status=bad") == ("", SAME, SAME, SAME, SAME, SAME, SAME)


def test_ticking_an_organization_updates_the_url_in_canonical_order():
    result = sync(ids.FILTERS_ORGS, "?date=2014", orgs=["NATO", "CSTO"], date="2014-12-31", year=2014)
    assert result == ("?orgs=CSTO,NATO&date=2014", ["CSTO", "NATO"], SAME, SAME, SAME, SAME, SAME)


def test_a_country_in_the_url_selects_it_and_a_picked_one_enters_the_url():
    assert sync(None, "?country=arm") == ("?country=ARM", SAME, SAME, SAME, "ARM", SAME, SAME)
    picked = sync(ids.FILTERS_COUNTRY, "?date=2014", date="2014-12-31", year=2014, country="KAZ")
    assert picked == ("?date=2014&country=KAZ", SAME, SAME, SAME, SAME, SAME, SAME)
    assert sync(ids.FILTERS_COUNTRY, "?country=KAZ", country=None)[0] == ""
    assert sync(None, "?country=USA")[0] == ""


def test_statuses_enter_the_url_in_the_datas_order():
    result = sync(ids.FILTERS_STATUS, "", statuses=["partner", "member", "observer"])
    assert result == (
        "?status=member,observer,partner",
        SAME,
        SAME,
        SAME,
        SAME,
        ["member", "observer", "partner"],
        SAME,
    )
    assert sync(None, "?status=observer,junk")[5] == ["observer"]


def test_a_region_and_a_state_replace_each_other():
    region = sync(ids.FILTERS_REGION, "?country=KAZ", country="KAZ", region=["SCO", "CSTO"])
    assert region == ("?region=CSTO,SCO", SAME, SAME, SAME, None, SAME, ["CSTO", "SCO"])
    state = sync(ids.FILTERS_COUNTRY, "?region=CSTO,SCO", country="ARM", region=["CSTO", "SCO"])
    assert state == ("?country=ARM", SAME, SAME, SAME, SAME, SAME, None)


def test_a_region_goes_when_one_of_its_organizations_is_switched_off():
    result = sync(ids.FILTERS_ORGS, "?region=CSTO,SCO", orgs=["CSTO"], region=["CSTO", "SCO"])
    assert result == ("?orgs=CSTO", SAME, SAME, SAME, SAME, SAME, None)


def test_a_region_of_unselected_organizations_is_refused():
    assert sync(ids.FILTERS_REGION, "", region=["NATO"]) == (SAME,) * 6 + (None,)
    assert sync(None, "?region=NATO,CSTO")[0] == ""


def test_clearing_both_selections_at_once_clears_both():
    result = sync([ids.FILTERS_COUNTRY, ids.FILTERS_REGION], "?region=CSTO,SCO", region=None)
    assert result == ("",) + (SAME,) * 6
    result = sync([ids.FILTERS_REGION, ids.FILTERS_COUNTRY], "?country=KAZ", country=None, region=None)
    assert result[0] == ""


def test_a_url_change_wins_over_the_controls():
    result = sync([ids.URL, ids.FILTERS_ORGS], "?orgs=NATO", orgs=["CSTO"])
    assert result[1] == ["NATO"]


def test_event_categories_enter_the_url():
    result = sync_all(ids.FILTERS_EVENTS, "", categories=["crisis", "cooperation"])
    assert result[0] == "?events=cooperation,crisis"
    assert result[7] == ["cooperation", "crisis"]


def test_opening_an_event_moves_the_date_to_it_at_its_precision():
    result = sync_all(ids.TIMELINE_EVENT, "?date=2020", date="2020-12-31", year=2020, event="uzbek-note")
    assert result[0] == "?date=2012-06&event=uzbek-note"
    assert (result[2], result[3]) == ("2012-06-30", 2012)
    closed = sync_all(
        ids.TIMELINE_EVENT, "?date=2012-06&event=uzbek-note", date="2012-06-30", year=2012, event=None
    )
    assert closed[0] == "?date=2012-06"
    assert sync_all(ids.TIMELINE_EVENT, "", event="<script>")[0] is SAME
    assert sync_all(None, "?event=nope")[0] == ""


def test_the_timeline_range_enters_the_url_and_comes_back_from_it():
    result = sync_all(ids.TIMELINE_RANGE, "", span=["2008-01-01", "2015-06-30"])
    assert result[0] == "?from=2008-01-01&to=2015-06-30"
    assert sync_all(None, "?from=2008&to=2015")[9] == ["2008-01-01", "2015-12-31"]
    assert sync_all(ids.TIMELINE_RANGE, "?from=2008-01-01&to=2015-06-30", span=None)[0] == ""
    assert sync_all(None, "?from=2015&to=2008")[0] == ""  # reversed: dropped
    assert sync_all(ids.TIMELINE_RANGE, "", span=["2015-01-01", "2008-01-01"])[0] is SAME
