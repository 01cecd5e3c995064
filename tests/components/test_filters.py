import datetime as dt

from dash import no_update

from components.filters import SYNC_INPUTS, SYNC_OUTPUTS, Known, sync_controls, triggered_inputs
from components.state import DEFAULT_STATUSES
from data.schema import CATEGORIES

KNOWN = Known(
    orgs=("CSTO", "SCO", "NATO"),
    countries=frozenset({"ARM", "RUS", "KAZ"}),
    event_dates={"csto-suspends-nato-contacts-2014": "2014-04-24", "uzbek-note": "2012-06"},
)
TODAY = dt.date(2026, 11, 28)
SAME = no_update
CONTROLS = {
    "orgs": ["CSTO", "SCO"],
    "country": "none",
    "statuses": list(DEFAULT_STATUSES),
    "region": None,
    "categories": list(CATEGORIES),
    "event": None,
    "range": None,
}


def sync(triggers, search, **values):
    """Every output, by name, after the inputs `triggers` (names, or one name) changed."""
    triggers = [triggers] if isinstance(triggers, str) else list(triggers or [])
    return sync_controls(triggers, {**CONTROLS, "search": search, **values}, known=KNOWN, today=TODAY)


def changed(result):
    """Only the outputs that change."""
    return {name: value for name, value in result.items() if value is not SAME}


def test_its_inputs_and_outputs_are_named_and_the_date_is_not_among_the_outputs():
    assert set(SYNC_OUTPUTS) == {
        "search",
        "orgs",
        "country",
        "statuses",
        "region",
        "categories",
        "event",
        "range",
    }
    assert {"reset", "map_click", "overlap_click", "clear", "event_click", "close", "zoom"} <= set(
        SYNC_INPUTS
    )
    assert not any(output.component_id.startswith("filters-date") for output in SYNC_OUTPUTS.values())


def test_first_load_sets_controls_from_the_url():
    assert changed(sync(None, "?orgs=CSTO,NATO&date=2014")) == {"orgs": ["CSTO", "NATO"]}


def test_first_load_rewrites_a_malformed_url_to_the_defaults():
    assert changed(sync(None, "?orgs=XX&date=nope&status=bad")) == {"search": ""}


def test_ticking_an_organization_updates_the_url_in_canonical_order():
    result = sync("orgs", "?date=2014", orgs=["NATO", "CSTO"])
    assert changed(result) == {"search": "?orgs=CSTO,NATO&date=2014", "orgs": ["CSTO", "NATO"]}


def test_a_country_in_the_url_selects_it_and_a_picked_one_enters_the_url():
    assert changed(sync(None, "?country=arm")) == {"search": "?country=ARM", "country": "ARM"}
    assert changed(sync("country", "?date=2014", country="KAZ")) == {"search": "?date=2014&country=KAZ"}
    assert sync("country", "?country=KAZ", country=None)["search"] == ""
    assert sync(None, "?country=USA")["search"] == ""


def test_statuses_enter_the_url_in_the_datas_order():
    result = sync("statuses", "", statuses=["partner", "member", "observer"])
    assert changed(result) == {
        "search": "?status=member,observer,partner",
        "statuses": ["member", "observer", "partner"],
    }
    assert sync(None, "?status=observer,junk")["statuses"] == ["observer"]


def test_a_click_on_the_map_selects_the_state_and_clears_a_region():
    click = {"points": [{"location": "KAZ"}]}
    result = sync("map_click", "?region=CSTO,SCO", map_click=click, region=["CSTO", "SCO"])
    assert changed(result) == {"search": "?country=KAZ", "country": "KAZ", "region": None}
    assert changed(sync("map_click", "", map_click={"points": [{"location": "USA"}]})) == {}
    assert changed(sync("map_click", "", map_click="junk")) == {}


def test_a_click_on_a_region_of_the_overlap_selects_it_and_clears_the_state():
    click = {"points": [{"customdata": ["region", "SCO,CSTO"]}]}
    result = sync("overlap_click", "?country=KAZ", overlap_click=click, country="KAZ")
    assert changed(result) == {"search": "?region=CSTO,SCO", "country": "none", "region": ["CSTO", "SCO"]}
    state_click = {"points": [{"customdata": ["state", "ARM"]}]}
    result = sync("overlap_click", "?region=CSTO,SCO", overlap_click=state_click, region=["CSTO", "SCO"])
    assert changed(result) == {"search": "?country=ARM", "country": "ARM", "region": None}


def test_a_region_goes_when_one_of_its_organizations_is_switched_off():
    result = sync("orgs", "?region=CSTO,SCO", orgs=["CSTO"], region=["CSTO", "SCO"])
    assert changed(result) == {"search": "?orgs=CSTO", "region": None}


def test_a_region_of_unselected_organizations_is_refused():
    click = {"points": [{"customdata": ["region", "NATO"]}]}
    assert changed(sync("overlap_click", "", overlap_click=click)) == {}
    assert sync(None, "?region=NATO,CSTO")["search"] == ""


def test_the_clear_button_clears_both_selections():
    assert changed(sync("clear", "?region=CSTO,SCO", region=["CSTO", "SCO"])) == {
        "search": "",
        "region": None,
    }
    assert changed(sync("clear", "?country=KAZ", country="KAZ")) == {"search": "", "country": "none"}


def test_a_url_change_wins_over_the_controls():
    assert sync(["search", "orgs"], "?orgs=NATO", orgs=["CSTO"])["orgs"] == ["NATO"]


def test_reset_returns_to_the_defaults_and_an_embedded_view_stays_embedded():
    result = sync("reset", "?orgs=NATO&date=2014&country=ARM&embed=map", orgs=["NATO"], country="ARM")
    assert changed(result) == {"search": "?embed=map", "orgs": ["CSTO", "SCO"], "country": "none"}


def test_event_categories_enter_the_url():
    result = sync("categories", "", categories=["crisis", "cooperation"])
    assert changed(result) == {
        "search": "?events=cooperation,crisis",
        "categories": ["cooperation", "crisis"],
    }


def test_opening_an_event_moves_the_urls_date_to_it_at_its_precision():
    click = {"points": [{"customdata": ["June 2012", "title", "CSTO", "uzbek-note"]}]}
    result = sync("event_click", "?date=2020", event_click=click)
    assert changed(result) == {"search": "?date=2012-06&event=uzbek-note", "event": "uzbek-note"}
    closed = sync("close", "?date=2012-06&event=uzbek-note", event="uzbek-note")
    assert changed(closed) == {"search": "?date=2012-06", "event": None}
    forged = {"points": [{"customdata": ["", "", "", "<script>"]}]}
    assert changed(sync("event_click", "", event_click=forged)) == {}
    assert sync(None, "?event=nope")["search"] == ""


def test_a_zoom_of_the_timeline_enters_the_url_and_comes_back_from_it():
    zoom = {"xaxis.range[0]": "2008-01-01 00:00", "xaxis.range[1]": "2015-06-30 12:00"}
    result = sync("zoom", "", zoom=zoom)
    assert changed(result) == {
        "search": "?from=2008-01-01&to=2015-06-30",
        "range": ["2008-01-01", "2015-06-30"],
    }
    assert sync(None, "?from=2008&to=2015")["range"] == ["2008-01-01", "2015-12-31"]
    reset = sync(
        "zoom",
        "?from=2008-01-01&to=2015-06-30",
        zoom={"xaxis.autorange": True},
        range=["2008-01-01", "2015-06-30"],
    )
    assert changed(reset) == {"search": "", "range": None}
    assert sync(None, "?from=2015&to=2008")["search"] == ""  # reversed: dropped
    assert changed(sync("zoom", "", zoom={"xaxis.range": ["2015-01-01", "2008-01-01"]})) == {}
    assert changed(sync("zoom", "", zoom={"autosize": True})) == {}  # not a zoom


def test_a_date_the_url_does_not_hold_yet_is_kept_when_another_control_writes_the_url():
    # The browser writes a moved date into the URL a moment after the move; a state picked
    # in that moment must not put the old date back.
    result = sync("country", "?date=2014", country="KAZ", date="2001-06-15")
    assert changed(result) == {"search": "?date=2001-06-15&country=KAZ"}
    # Where the picker shows the URL's date, the URL's precision stays.
    assert changed(sync("country", "?date=2014", country="KAZ", date="2014-12-31")) == {
        "search": "?date=2014&country=KAZ"
    }
    assert changed(sync("country", "?date=2014", country="KAZ", date=TODAY.isoformat())) == {
        "search": "?country=KAZ"
    }
    # A link, Back or Reset still wins over the picker; an opened event moves the date.
    assert changed(sync("search", "?date=2014", date="2001-06-15")) == {}
    assert changed(sync("reset", "?date=2014", date="2001-06-15")) == {"search": ""}


def test_on_first_load_the_urls_date_wins_over_the_pickers_default():
    assert changed(sync(None, "?date=2020", date=TODAY.isoformat())) == {}


def test_the_tables_buttons_open_an_event_and_select_a_region_from_the_keyboard():
    # Dash reports a pattern-matching input by its id as JSON; a button that has only
    # appeared (n_clicks None) is not pressed.
    pressed = [
        {"prop_id": '{"event":"uzbek-note","type":"open-event"}.n_clicks', "value": 1},
        {
            "prop_id": '{"event":"csto-suspends-nato-contacts-2014","type":"open-event"}.n_clicks',
            "value": None,
        },
    ]
    triggers, values = triggered_inputs(pressed)
    assert (triggers, values) == (["open_event"], {"open_event": "uzbek-note"})
    result = sync(triggers, "?date=2020", **values)
    assert changed(result) == {"search": "?date=2012-06&event=uzbek-note", "event": "uzbek-note"}

    triggers, values = triggered_inputs(
        [{"prop_id": '{"region":"CSTO,SCO","type":"pick-region"}.n_clicks', "value": 2}]
    )
    result = sync(triggers, "?country=KAZ", country="KAZ", **values)
    assert changed(result) == {"search": "?region=CSTO,SCO", "country": "none", "region": ["CSTO", "SCO"]}
    # Forged ids and unknown events change nothing.
    assert triggered_inputs([{"prop_id": '{"type":"open-event"}.n_clicks', "value": 1}]) == ([], {})
    assert triggered_inputs([{"prop_id": "not json.n_clicks", "value": 1}]) == ([], {})
    assert changed(sync(["open_event"], "", open_event="<script>")) == {}
    assert triggered_inputs([{"prop_id": "filters-orgs.value", "value": ["CSTO"]}]) == (["orgs"], {})


def test_a_link_to_an_event_switches_its_organizations_on_unless_it_names_them():
    known = Known(
        orgs=("CSTO", "SCO", "NATO"),
        countries=frozenset({"ARM"}),
        event_dates={"nato-answer": "2004-06"},
        event_orgs={"nato-answer": ("CSTO", "NATO")},
    )
    result = sync_controls([], {**CONTROLS, "search": "?event=nato-answer"}, known=known, today=TODAY)
    assert result["orgs"] == ["CSTO", "SCO", "NATO"]
    assert result["search"] == "?orgs=CSTO,SCO,NATO&date=2004-06&event=nato-answer"
    # A link that names its organizations keeps them.
    kept = sync_controls([], {**CONTROLS, "search": "?orgs=CSTO&event=nato-answer"}, known=known, today=TODAY)
    assert kept["orgs"] == ["CSTO"]
