import datetime as dt

from dash import no_update

from components import ids
from components.filters import sync_controls

KNOWN = ("CSTO", "SCO", "NATO")
TODAY = dt.date(2026, 11, 28)


def sync(trigger, search, orgs, date, year):
    return sync_controls(trigger, search, orgs, date, year, known_orgs=KNOWN, today=TODAY)


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
