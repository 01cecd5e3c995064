"""The as-of date in the browser (assets/blocs.js): the URL's date and the year slider follow
it, and the map and the overlap diagram redraw from their frames without asking the server."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from urllib.parse import urlsplit

import pytest
from browsing import open_page, plot_data, plot_layout, url_query, wait_for, wait_for_title
from plotly.utils import PlotlyJSONEncoder

import data
from components import frames, state, summary
from components.map import callbacks as map_callbacks
from components.overlap import callbacks as overlap_callbacks
from data import PartialDate

TODAY = "2026-11-28"
EARLIEST = state.EARLIEST_DATE.isoformat()
SAME = "SAME"
ORDER = list(state.PARAMETERS)

# Calls `dash_clientside.blocs[name]` with the given arguments; no_update comes back as "SAME".
CALL = """
const [name, args] = [arguments[0], arguments[1]];
const result = window.dash_clientside.blocs[name](...args);
const same = (value) => value === window.dash_clientside.no_update ? "SAME" : value;
return Array.isArray(result) ? result.map(same) : same(result);
"""

# A component's prop as the page's Dash store holds it (its id a string or a dict).
PROP = """
const [id, name] = arguments;
const state = window.store.getState();
let path;
if (typeof id === "string") {
    path = state.paths.strs[id];
} else {
    const keys = Object.keys(id).sort();
    const found = (state.paths.objs[keys.join(",")] || []).find(
        (entry) => keys.every((key, i) => entry.values[i] === id[key])
    );
    path = found && found.path;
}
let node = state.layout;
for (const key of path) { node = node[key]; }
return node.props[name];
"""

# From now on, note the outputs of every request the page sends to the server's callbacks.
RECORD_REQUESTS = """
window.__asked = [];
const fetched = window.fetch;
window.fetch = function (url, options) {
    if (String(url).includes("_dash-update-component") && options && options.body) {
        window.__asked.push(JSON.parse(options.body).output);
    }
    return fetched.apply(this, arguments);
};
"""


def wait_for_frames(browser):
    """Wait until the map and the overlap diagram hold frames for the figures they show."""
    for view in ("map", "overlap"):
        wait_for(
            browser,
            lambda view=view: (
                (prop(browser, frames.store_id(view, "frames"), "data") or {}).get("key")
                == prop(browser, frames.store_id(view, "answer"), "data")["key"]
            ),
            message=f"{view} frames",
        )


def call(browser, name, *args):
    return browser.driver.execute_script(CALL, name, list(args))


def prop(browser, component_id, name):
    return browser.driver.execute_script(PROP, component_id, name)


@pytest.fixture
def page(dash_br, served):
    """A browser on the default page, for the tests that call the functions in it."""
    open_page(dash_br, served.page())
    return dash_br


# (date picked, URL, year slider, [URL, year slider] after)
DAYS_PICKED = [
    # a day picked enters the URL, and the year follows
    ("2012-12-19", "", 2026, ["?date=2012-12-19", 2012]),
    # in canonical order: after the organizations, before everything else
    ("2012-12-19", "?orgs=CSTO&country=ARM", 2026, ["?orgs=CSTO&date=2012-12-19&country=ARM", 2012]),
    ("2012-12-19", "?country=ARM&embed=map", 2026, ["?date=2012-12-19&country=ARM&embed=map", 2012]),
    (
        "2001-01-01",
        "?orgs=SCO&date=2014&status=member",
        2014,
        ["?orgs=SCO&date=2001-01-01&status=member", 2001],
    ),
    # the day a coarser date in the URL stands for keeps that date
    ("2014-12-31", "?date=2014", 2014, [SAME, SAME]),
    ("2012-06-30", "?date=2012-06", 2012, [SAME, SAME]),
    (TODAY, "?date=2026", 2026, [SAME, SAME]),
    # a year or a month typed enters the URL as typed, and stands for its last day
    ("2001", "?date=2014", 2014, ["?date=2001", 2001]),
    ("2012-06", "", 2026, ["?date=2012-06", 2012]),
    # a date out of range or malformed changes nothing (the box goes back to the URL's date)
    ("1900-01-01", "?date=2014", 2014, [SAME, SAME]),
    ("2014-02-30", "?date=2014", 2014, [SAME, SAME]),
    ("nonsense", "", 2026, [SAME, SAME]),
    # a URL without a date stands for today: controls set to today are in step with it
    (TODAY, "", 2026, [SAME, SAME]),
    (TODAY, "?orgs=SCO", 2026, [SAME, SAME]),
]
# (year, URL, date picker, [URL, date picker] after)
YEARS_MOVED = [
    # a year on the slider is a year-precision date, shown as its last day
    (1999, "?date=2014-04-24", "2014-04-24", ["?date=1999", "1999-12-31"]),
    (1999, "?orgs=NATO", TODAY, ["?orgs=NATO&date=1999", "1999-12-31"]),
    # this year means today
    (2026, "?date=2014", "2014-12-31", ["?date=2026", TODAY]),
    (2026, "", TODAY, [SAME, SAME]),
    # a year the URL's date lies in keeps that date (a link setting both controls)
    (2014, "?date=2014-04-24", "2014-04-24", [SAME, SAME]),
    (2014, "?date=2014", "2014-12-31", [SAME, SAME]),
    # nothing but a year moves anything
    (None, "?date=2014", "2014-12-31", [SAME, SAME]),
    (2014.5, "?date=2014", "2014-12-31", [SAME, SAME]),
]


def test_the_date_controls_and_the_url_follow_each_other_as_the_server_would_have_them(page):
    for date, search, year, expected in DAYS_PICKED:
        moved = call(page, "dateControls", False, date, year, search, TODAY, EARLIEST, ORDER)
        assert moved == expected, (date, search)
    for year, search, date, expected in YEARS_MOVED:
        moved = call(page, "dateControls", True, date, year, search, TODAY, EARLIEST, ORDER)
        assert moved == expected, (year, search)
    rng = random.Random(4)
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(10_000)) for _ in range(20)]
    for day in days:  # and titles name a day as the server does
        assert call(page, "label", day.isoformat()) == PartialDate.of_day(day).label()


def test_the_sentence_names_its_day_as_the_server_does(page):
    words = {"present": "6 states are members of the CSTO.", "past": "6 states were members of the CSTO."}
    reviewed = dt.date(2026, 11, 28)
    cases = [  # (day, today): today, a past day, and days after the review
        (reviewed, reviewed),
        (dt.date(2014, 4, 24), reviewed),
        (reviewed, dt.date(2027, 3, 1)),
        (dt.date(2026, 11, 29), dt.date(2026, 11, 29)),
        (dt.date(2027, 1, 1), dt.date(2027, 3, 1)),
    ]
    for day, today in cases:
        said = call(page, "sentenceOn", words, day.isoformat(), today.isoformat(), reviewed.isoformat())
        assert said == summary.compose(words, day, today=today, reviewed=reviewed), (day, today)
    always = {"always": "No status is selected: choose at least one in Statuses."}
    assert call(page, "sentenceOn", always, "2027-01-01", "2027-01-01", "2026-11-28") == always["always"]


FRAMES = {
    "key": "k1",
    "title": "As of ",
    "days": ["1949-01-01", "2000-01-01"],
    "frames": [0, 1],
    "unique": [{"data": [{"z": [1]}], "annotations": []}, {"data": [{"z": [2]}], "annotations": []}],
}
FIGURE = {"data": [{"z": [0]}], "layout": {"title": {"text": "As of 1 May 1990", "x": 0.01}, "height": 300}}


# `show` and `ask` as Dash calls them for a view that is not on the page, with `trigger`.
FRAMED = """
const [name, trigger, args] = arguments;
window.dash_clientside.callback_context = {
    outputs_list: name === "show"
        ? [{id: "nowhere-graph", property: "figure"}, {id: {type: "frames-shown", view: "nowhere"}, property: "data"}]
        : [{id: {type: "frames-date-request", view: "nowhere"}, property: "data"}],
    triggered: [{prop_id: trigger, value: null}],
    inputs_list: [{id: "filters-date", property: "value"}],
};
const result = window.dash_clientside.blocs[name](...args);
return result.map((value) => value === window.dash_clientside.no_update ? "SAME" : value);
"""
DATE = "filters-date.value"
ANSWER = '{"type":"frames-answer","view":"nowhere"}.data'


def show(browser, trigger, answer, frames, date, figure, shown):
    return browser.driver.execute_script(
        FRAMED, "show", trigger, [answer, frames, date, figure, shown, TODAY, EARLIEST]
    )


def ask(browser, trigger, date, frames, answer, shown):
    return browser.driver.execute_script(
        FRAMED, "ask", trigger, [date, "control", frames, answer, shown, TODAY, EARLIEST]
    )


def test_a_view_is_redrawn_from_frames_made_for_the_figure_it_shows_else_the_server_is_asked(page):
    answer = {"key": "k1", "day": "1990-05-01", "figure": FIGURE}
    # the frames hold the figure for each period: a new date is drawn from them
    figure, shown = show(page, DATE, answer, FRAMES, "2014-04-24", FIGURE, "1990-05-01")
    assert figure == {
        "data": [{"z": [2]}],
        "layout": {"title": {"text": "As of 24 April 2014", "x": 0.01}, "height": 300, "annotations": []},
    }
    assert shown == "2014-04-24"
    assert ask(page, DATE, "2014-04-24", FRAMES, answer, "1990-05-01") == [SAME, SAME]
    assert show(page, DATE, answer, FRAMES, "1990-05-01", FIGURE, "1990-05-01") == [SAME, SAME]
    # the frames have not arrived, or were made for other controls than the figure shown's:
    # nothing is drawn, the server draws the day, and is asked for frames once per figure
    for frames_held in (None, {**FRAMES, "key": "k2"}):
        assert show(page, DATE, answer, frames_held, "2014-04-24", FIGURE, "1990-05-01") == [SAME, SAME]
    asked, frames_asked = ask(page, DATE, "2014-04-24", None, answer, "1990-05-01")
    assert asked["day"] == "2014-04-24" and isinstance(asked["at"], int | float)
    assert isinstance(frames_asked["at"], int | float)
    asked, frames_asked = ask(page, DATE, "2015-01-01", None, answer, "1990-05-01")
    assert asked["day"] == "2015-01-01" and frames_asked == SAME
    # the server's answer for the day is drawn as it comes, and after a change of the
    # controls the next day is asked for even though frames are held (they are the old ones')
    answer = {"key": "k3", "day": "2015-01-01", "figure": FIGURE}
    assert show(page, ANSWER, answer, None, "2015-01-01", None, "1990-05-01") == [FIGURE, "2015-01-01"]
    assert ask(page, "filters-orgs.value", "2015-01-01", FRAMES, answer, "2015-01-01") == [SAME, SAME]
    asked, frames_asked = ask(page, DATE, "2016-01-01", {**FRAMES, "key": "k3"}, answer, "2015-01-01")
    assert asked["day"] == "2016-01-01" and isinstance(frames_asked["at"], int | float)


def test_a_new_date_redraws_the_map_and_the_diagram_without_the_server(dash_br, served):
    open_page(dash_br, served.page())
    wait_for_frames(dash_br)  # fetched at load, for the figures the page comes with
    dash_br.driver.execute_script(RECORD_REQUESTS)
    dash_br.driver.execute_script("window.dash_clientside.set_props('filters-date', {value: '2014-04-24'})")
    wait_for_title(dash_br, "map-graph", "24 April 2014")
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    wait_for(dash_br, lambda: "date=2014-04-24" in dash_br.driver.execute_script("return location.search"))

    day = dt.date(2014, 4, 24)
    dataset = data.bundled_dataset()
    said = summary.sentence_for(
        dataset, ["CSTO", "SCO"], day.isoformat(), list(state.DEFAULT_STATUSES), dt.date.today()
    )
    wait_for(dash_br, lambda: dash_br.find_element("#view-summary").text == said, message="summary")
    # The only request is the URL's sync callback, which finds the controls in step.
    asked = dash_br.driver.execute_script("return window.__asked")
    assert all(output.startswith("..url.search.") for output in asked), asked

    expected_map = json.loads(
        json.dumps(map_callbacks.map_figure(state.Controls(), day), cls=PlotlyJSONEncoder)
    )
    drawn_map = plot_data(dash_br, "map-graph")
    assert [(t.get("name"), t.get("locations"), t.get("customdata")) for t in drawn_map] == [
        (t.get("name"), t.get("locations"), t.get("customdata")) for t in expected_map["data"]
    ]
    expected_overlap = overlap_callbacks.overlap_figure(state.Controls(), day)
    drawn_overlap = plot_data(dash_br, "overlap-graph")
    # (regions come in the order of a set, which differs from one process to the next)
    assert [
        sorted(map(str, zip(t.get("customdata") or [], t.get("text") or [], strict=True)))
        for t in drawn_overlap
    ] == [
        sorted(map(str, zip(t.get("customdata") or [], t.get("text") or [], strict=True)))
        for t in json.loads(json.dumps(expected_overlap["data"], cls=PlotlyJSONEncoder))
    ]
    assert len(plot_layout(dash_br, "overlap-graph")["shapes"]) == len(expected_overlap["layout"]["shapes"])


def test_with_a_region_selected_the_panel_and_the_timeline_follow_the_date(dash_br, served):
    # Which states are in "CSTO and SCO" changes with the date: Uzbekistan left the CSTO in 2012.
    open_page(dash_br, served.page("?date=2008-01-01&region=CSTO,SCO"))

    def timeline_states():
        return {
            point[0]
            for trace in plot_data(dash_br, "timeline-graph")
            for point in trace.get("customdata") or []
        }

    wait_for(
        dash_br, lambda: "Uzbekistan" in dash_br.find_element("#country-panel").text, message="2008 panel"
    )
    wait_for(dash_br, lambda: "Uzbekistan" in timeline_states(), message="2008 timeline")
    dash_br.driver.execute_script("window.dash_clientside.set_props('filters-date', {value: '2016-01-01'})")
    wait_for(
        dash_br, lambda: "Uzbekistan" not in dash_br.find_element("#country-panel").text, message="panel"
    )
    assert "Kazakhstan" in dash_br.find_element("#country-panel").text
    wait_for(dash_br, lambda: "Uzbekistan" not in timeline_states(), message="timeline")


# Moves the date to arguments[0] and, as soon as the map shows it, to arguments[1], with
# what the page writes once it has painted (the URL, the year slider) held back until both
# moves are made: the order in which a quick reader's second move can come. Notes every URL
# put in the browser's history (window.__pushed). Answers with the URL as the second move
# found it.
MOVE_TWICE = """
const [first, second, done] = arguments;
const gd = document.querySelector("#map-graph .js-plotly-plot");
window.__pushed = [];
for (const name of ["pushState", "replaceState"]) {
    const original = history[name].bind(history);
    history[name] = (data, title, url) => { window.__pushed.push(String(url)); return original(data, title, url); };
}
const held = [];
const frame = window.requestAnimationFrame;
window.requestAnimationFrame = (callback) => { held.push(callback); return 0; };
function release() {
    window.requestAnimationFrame = frame;
    held.forEach((callback) => frame(callback));
}
function redrawn(then) {
    const before = gd.layout;
    (function wait(tries) {
        if (gd.layout !== before) { then(); }
        else if (tries > 0) { setTimeout(wait, 0, tries - 1); }
        else { release(); done(null); }
    })(2000);
}
window.dash_clientside.set_props("filters-date", {value: first});
redrawn(() => {
    const search = window.location.search;
    window.dash_clientside.set_props("filters-date", {value: second});
    redrawn(() => { release(); done(search); });
});
"""


def test_a_second_move_before_the_first_is_written_down_ends_on_the_second(dash_br, served):
    # The URL, the year slider and the summary are written once the views are painted. A
    # second move made before that (the URL still the old one) must end with everything on
    # the second date; it is to the year the slider showed before the first move.
    open_page(dash_br, served.page())
    wait_for_frames(dash_br)
    this_year = dt.date.today().year
    second = f"{this_year}-01-15"
    found = dash_br.driver.execute_async_script(MOVE_TWICE, "2001-05-05", second)
    assert found == "", "the second move came after the first was written down"
    wait_for(dash_br, lambda: url_query(dash_br) == f"?date={second}", message="URL")
    wait_for_title(dash_br, "map-graph", f"15 January {this_year}")
    wait_for_title(dash_br, "overlap-graph", f"15 January {this_year}")
    wait_for(
        dash_br, lambda: dash_br.find_element("#view-summary").text.startswith(f"On 15 January {this_year}")
    )
    slider = dash_br.find_element("#filters-year")
    wait_for(dash_br, lambda: slider.get_property("value") == str(this_year), message="year")
    time.sleep(0.5)  # nothing written late may undo it
    assert slider.get_property("value") == str(this_year) and url_query(dash_br) == f"?date={second}"
    # The first date, replaced before it was written down, never reached the URL: it is
    # not in the history (a reader going back would land on it), and it did not set off
    # the sync callback. Written and overwritten within a frame, it also left the year
    # slider's handle on its year now and then.
    pushed = dash_br.driver.execute_script("return window.__pushed")
    assert [urlsplit(url).query for url in pushed] == [f"date={second}"]


def test_a_state_picked_just_after_a_date_move_keeps_both(dash_br, served):
    # The URL's date is written a moment after the move. A state picked in that moment is
    # written into the URL by the sync callback, from a URL without the new date: neither
    # the old date nor the URL before the pick may win.
    open_page(dash_br, served.page("?date=2014"))
    wait_for_frames(dash_br)
    dash_br.driver.execute_script(
        "window.dash_clientside.set_props('filters-date', {value: '2001-06-15'});"
        "window.dash_clientside.set_props('filters-country', {value: 'KAZ'});"
    )
    wait_for(dash_br, lambda: url_query(dash_br) == "?date=2001-06-15&country=KAZ", message="URL")
    wait_for_title(dash_br, "map-graph", "15 June 2001")
    time.sleep(1.0)  # nothing written late may undo it
    assert url_query(dash_br) == "?date=2001-06-15&country=KAZ"
    assert prop(dash_br, "filters-date", "value") == "2001-06-15"
