import datetime as dt

from dash import no_update

from components import ids
from components.filters import Controls, sync_controls

KNOWN = ("CSTO", "SCO", "NATO")
COUNTRIES = frozenset({"ARM", "RUS", "KAZ"})
TODAY = dt.date(2026, 11, 28)


def sync(trigger, search, orgs, date, year, country=None):
    result = sync_controls(
        trigger,
        search,
        Controls(orgs, date, year, country),
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        today=TODAY,
    )
    assert result[4] is no_update or trigger in (None, ids.FILTERS_COUNTRY)
    return result[:4]


def test_first_load_sets_controls_from_the_url():
    assert sync(None, "?orgs=CSTO,NATO&date=2014", ["CSTO", "SCO"], "2026-11-28", 2026) == (
        no_update,
        ["CSTO", "NATO"],
        "2014-12-31",
        2014,
    )


def test_first_load_rewrites_a_malformed_url_to_the_defaults():
    assert sync(None, "?orgs=XX&date=nope", ["CSTO", "SCO"], "2026-11-28", 2026) == (
        "",
        no_update,
        no_update,
        no_update,
    )


def test_ticking_an_organization_updates_the_url_in_canonical_order():
    search, orgs, date, year = sync(ids.FILTERS_ORGS, "?date=2014", ["NATO", "CSTO"], "2014-12-31", 2014)
    assert search == "?orgs=CSTO,NATO&date=2014"
    assert orgs == ["CSTO", "NATO"]
    assert (date, year) == (no_update, no_update)


def test_picking_a_day_records_it_and_moves_the_year():
    assert sync(ids.FILTERS_DATE, "", ["CSTO", "SCO"], "2012-12-19", 2026) == (
        "?date=2012-12-19",
        no_update,
        no_update,
        2012,
    )


def test_a_day_equal_to_the_urls_period_end_keeps_the_coarser_date():
    assert sync(ids.FILTERS_DATE, "?date=2014", ["CSTO", "SCO"], "2014-12-31", 2014) == (
        no_update,
        no_update,
        no_update,
        no_update,
    )


def test_moving_the_year_slider_sets_a_year_precision_date():
    assert sync(ids.FILTERS_YEAR, "?date=2014-04-24", ["CSTO", "SCO"], "2014-04-24", 1999) == (
        "?date=1999",
        no_update,
        "1999-12-31",
        no_update,
    )


def test_the_current_year_means_today():
    search, _, date, _ = sync(ids.FILTERS_YEAR, "?date=2014", ["CSTO", "SCO"], "2014-12-31", 2026)
    assert (search, date) == ("?date=2026", "2026-11-28")


def test_a_country_in_the_url_selects_it_and_a_picked_one_enters_the_url():
    full = sync_controls(
        None,
        "?country=arm",
        Controls(["CSTO", "SCO"], "2026-11-28", 2026, None),
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        today=TODAY,
    )
    assert full == ("?country=ARM", no_update, no_update, no_update, "ARM")
    picked = sync_controls(
        ids.FILTERS_COUNTRY,
        "?date=2014",
        Controls(["CSTO", "SCO"], "2014-12-31", 2014, "KAZ"),
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        today=TODAY,
    )
    assert picked == ("?date=2014&country=KAZ", no_update, no_update, no_update, no_update)
    cleared = sync_controls(
        ids.FILTERS_COUNTRY,
        "?country=KAZ",
        Controls(["CSTO", "SCO"], "2026-11-28", 2026, None),
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        today=TODAY,
    )
    assert cleared == ("", no_update, no_update, no_update, no_update)
    unknown = sync_controls(
        None,
        "?country=USA",
        Controls(["CSTO", "SCO"], "2026-11-28", 2026, None),
        known_orgs=KNOWN,
        known_countries=COUNTRIES,
        today=TODAY,
    )
    assert unknown[0] == "" and unknown[4] is no_update
