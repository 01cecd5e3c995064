"""The timeline in the running app: events open and move the date, filters, range, the table."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

from browsing import (
    find_all,
    key_labels,
    map_title,
    open_page,
    open_table,
    plot_data,
    plot_layout,
    url_query,
    wait_for,
)
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput

READY = "#timeline-graph .scatterlayer .point"
EVENT = "csto-suspends-nato-contacts-2014"


def event_point(browser, event_id):
    traces = plot_data(browser, "timeline-graph")
    drawn = [
        t for t in traces if t["type"] == "scatter" and t.get("customdata") and t.get("mode") == "markers"
    ]
    layer = find_all(browser, "#timeline-graph .scatterlayer .trace")
    scatter_traces = [t for t in traces if t["type"] == "scatter"]
    for trace in drawn:
        ids = [c[3] for c in trace["customdata"]]
        if event_id in ids:
            element = layer[scatter_traces.index(trace)]
            return element.find_elements("css selector", ".point")[ids.index(event_id)]
    raise AssertionError(f"{event_id} is not drawn")


def test_clicking_an_event_opens_it_and_moves_the_date_there(dash_br, served):
    open_page(dash_br, served.page("?date=2020"), ready=READY)
    mouse = ActionBuilder(dash_br.driver)

    def hovered():
        # Over the marker again on each try: a redraw (the page's own callbacks settling)
        # takes the hover label away. To its centre in the window's coordinates, as
        # chromedriver's own idea of where an SVG element lies, once the page has
        # scrolled, can be off by hundreds of pixels.
        x, y = dash_br.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
            "const box = arguments[0].getBoundingClientRect();"
            "return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];",
            event_point(dash_br, EVENT),
        )
        mouse.pointer_action.move_to_location(x, y)
        mouse.perform()
        time.sleep(0.2)
        return "CSTO halts efforts" in dash_br.find_element("#timeline-graph .hoverlayer").text

    wait_for(dash_br, hovered, message="the event's hover label")
    hover = dash_br.find_element("#timeline-graph .hoverlayer").text
    assert "24 April 2014" in hover and "Source: eurasianet.org" in hover and "North Atlantic" not in hover

    mouse.pointer_action.click()  # where the mouse is
    mouse.perform()
    wait_for(dash_br, lambda: f"event={EVENT}" in url_query(dash_br), message="URL")
    assert "date=2014-04-24" in url_query(dash_br)
    wait_for(
        dash_br, lambda: map_title(dash_br) == "Member states as of 24 April 2014", message="map follows"
    )
    detail = dash_br.find_element("#timeline-detail").text
    assert "CSTO halts efforts to build contacts with NATO" in detail and "Read the source" in detail
    link = dash_br.find_element("#timeline-detail a")
    assert link.get_attribute("href").startswith("https://eurasianet.org/")

    dash_br.find_element("#timeline-detail-close").click()
    wait_for(dash_br, lambda: "event=" not in url_query(dash_br), message="closed")
    assert "CSTO halts" not in dash_br.find_element("#timeline-detail").text


def test_a_linked_event_opens_with_the_page(dash_br, served):
    open_page(dash_br, served.page(f"?event={EVENT}"), ready=READY)
    wait_for(dash_br, lambda: "CSTO halts efforts" in dash_br.find_element("#timeline-detail").text)
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 24 April 2014")


def test_category_filter_removes_a_lane(dash_br, served):
    open_page(dash_br, served.page(), ready=READY)
    assert "<b>Crisis</b>" in plot_layout(dash_br, "timeline-graph")["yaxis"]["ticktext"]
    dash_br.driver.find_element("css selector", "#filters-events input[value='crisis']").click()
    wait_for(dash_br, lambda: "events=cooperation,suspension,membership,institution" in url_query(dash_br))
    wait_for(
        dash_br, lambda: "<b>Crisis</b>" not in plot_layout(dash_br, "timeline-graph")["yaxis"]["ticktext"]
    )
    assert "Crisis" not in key_labels(dash_br) and "Institution" in key_labels(dash_br)


# Where the figure's labels and range slider lie, against its own box.
EDGES = """
const graph = document.querySelector('#timeline-graph .js-plotly-plot');
const box = graph.querySelector('.main-svg').getBoundingClientRect();
const labels = [...graph.querySelectorAll('.ytick text')].map(t => t.getBoundingClientRect().left);
const slider = graph.querySelector('.rangeslider-container').getBoundingClientRect();
return {labels: Math.min(...labels) - box.left, slider: box.bottom - slider.bottom,
        legend: graph.querySelectorAll('.legend').length};
"""


def test_the_key_is_the_page_s_and_nothing_of_the_figure_is_cut_off(dash_br, served):
    open_page(dash_br, served.page(), ready=READY)
    assert key_labels(dash_br) == [
        "CSTO: signatory", "CSTO: member", "Suspended or frozen", "SCO: member",
        "Cooperation", "Suspension", "Membership", "Crisis", "Institution",
    ]  # fmt: skip
    for query in ("", "?orgs=NATO,CSTO"):  # NATO: the most states, some with long names
        if query:
            open_page(dash_br, served.page(query), ready=READY)
            wait_for(dash_br, lambda: "NATO: member" in key_labels(dash_br), message=query)
        edges = dash_br.driver.execute_script(EDGES)
        # the widest label and the slider inside the figure, with at most a few pixels to spare
        assert 0 <= edges["labels"] <= 12 and 0 <= edges["slider"] <= 15, (query, edges)
        assert edges["legend"] == 0  # the page's key stands for plotly.js's legend


def test_zooming_the_time_axis_sets_the_range_in_the_url_and_the_table(dash_br, served):
    open_page(dash_br, served.page(), ready=READY)
    open_table(dash_br, "timeline-table")
    dash_br.driver.execute_script(
        "const gd = document.querySelector('#timeline-graph .js-plotly-plot');"
        "Plotly.relayout(gd, {'xaxis.range': ['2011-01-01', '2013-12-31']});"
    )
    wait_for(dash_br, lambda: "from=2011-01-01&to=2013-12-31" in url_query(dash_br), message="URL")
    wait_for(
        dash_br, lambda: len(find_all(dash_br, "#timeline-table tbody tr")) < 20, message="table follows"
    )
    dates = wait_for(
        dash_br,
        lambda: [
            td.get_attribute("textContent")
            for td in find_all(dash_br, "#timeline-table tbody tr td:first-child")
        ],
    )
    assert all(any(year in d for year in ("2011", "2012", "2013")) for d in dates)


def test_the_table_sorts_and_downloads(dash_br, served):
    open_page(dash_br, served.page("?events=suspension"), ready=READY)
    open_table(dash_br, "timeline-table")

    def titles():
        return [td.text for td in find_all(dash_br, "#timeline-table tbody tr td:nth-child(2)")]

    wait_for(dash_br, lambda: titles(), message="table")
    by_date = titles()
    heading = dash_br.find_element("#timeline-table th:nth-child(2) button")
    heading.click()
    wait_for(dash_br, lambda: titles() == sorted(by_date), message="sorted by title")
    assert dash_br.find_element("#timeline-table th:nth-child(2)").get_attribute("aria-sort") == "ascending"
    heading = dash_br.find_element("#timeline-table th:nth-child(2) button")
    heading.click()
    wait_for(dash_br, lambda: titles() == sorted(by_date, reverse=True), message="reversed")

    dash_br.find_element("#timeline-download-button").click()
    target = Path(dash_br.download_path) / "csto-sco-nato-events.csv"
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and {row["category"] for row in rows} == {"suspension"}
    assert [row["title"] for row in rows] == sorted(by_date, reverse=True)


def test_a_selected_state_shows_only_its_periods_and_events(dash_br, served):
    open_page(dash_br, served.page("?country=ARM"), ready=READY)
    wait_for(dash_br, lambda: plot_layout(dash_br, "timeline-graph")["yaxis"]["ticktext"][1] == "Armenia")
    ticks = plot_layout(dash_br, "timeline-graph")["yaxis"]["ticktext"]
    assert [t for t in ticks if not t.startswith("<b>")] == ["Armenia"]


def as_of_line(browser):
    """The day the timeline's as-of line stands on, as plotly.js draws it (YYYY-MM-DD)."""
    return browser.driver.execute_script(
        "const gd = document.querySelector('#timeline-graph .js-plotly-plot');"
        "return gd && gd._fullLayout && gd._fullLayout.shapes[0].x0;"
    )


def test_the_as_of_line_follows_the_date_and_survives_a_redraw(dash_br, served):
    open_page(dash_br, served.page("?date=2001-06-15"), ready=READY)
    wait_for(dash_br, lambda: as_of_line(dash_br) == "2001-06-15", message="line at the linked date")
    dash_br.driver.execute_script("window.dash_clientside.set_props('filters-date', {value: '2014-04-24'})")
    wait_for(dash_br, lambda: as_of_line(dash_br) == "2014-04-24", message="line moved in the browser")
    # The URL follows once the date has stayed put (300 ms).
    wait_for(dash_br, lambda: "date=2014-04-24" in url_query(dash_br), message="URL")
    # A redraw from the server (here: a category switched off) keeps the line at the date.
    dash_br.driver.execute_script(
        "window.dash_clientside.set_props('filters-events', {value: ['cooperation', 'suspension']})"
    )
    wait_for(dash_br, lambda: "events=" in url_query(dash_br), message="events filtered")
    wait_for(
        dash_br,
        lambda: "<b>Crisis</b>" not in plot_layout(dash_br, "timeline-graph")["yaxis"]["ticktext"],
        message="timeline redrawn",
    )
    assert as_of_line(dash_br) == "2014-04-24"


def centre_of(browser, element):
    """`element`'s centre in the window, scrolled into sight (see the hover test above)."""
    return browser.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
        "const box = arguments[0].getBoundingClientRect();"
        "return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];",
        element,
    )


LABEL_INSIDE = """
const label = document.querySelector(`#${arguments[0]} .hoverlayer .hovertext`);
if (!label) { return null; }
const box = label.getBoundingClientRect();
const graph = document.getElementById(arguments[0]).getBoundingClientRect();
return box.left >= graph.left && box.right <= graph.right;
"""


def test_on_a_phone_hover_labels_fit_and_a_tap_opens_the_event_tapped(dash_br, served):
    dash_br.driver.set_window_size(390, 844)
    open_page(dash_br, served.page("?date=2014-04-24"), ready=READY)
    mouse = ActionBuilder(dash_br.driver)
    events = [
        c[3]
        for trace in plot_data(dash_br, "timeline-graph")
        if trace["type"] == "scatter" and trace.get("hovertemplate")
        for c in trace["customdata"]
    ]
    checked = 0
    for event in events[:: max(1, len(events) // 15)]:

        def labelled(event=event):
            mouse.pointer_action.move_to_location(*centre_of(dash_br, event_point(dash_br, event)))
            mouse.perform()
            time.sleep(0.2)
            return dash_br.driver.execute_script(LABEL_INSIDE, "timeline-graph")

        try:
            inside = wait_for(dash_br, lambda: labelled() is not None, timeout=3) and labelled()
        except TimeoutException:
            continue  # a marker under another's hover area: its neighbour answers
        assert inside, dash_br.find_element("#timeline-graph .hoverlayer").text
        checked += 1
    assert checked >= 10
    # Beside it, 16 June and 6 November 2014: a tap on 24 April opened 6 November.
    finger = ActionBuilder(dash_br.driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    finger.pointer_action.move_to_location(*centre_of(dash_br, event_point(dash_br, EVENT)))
    finger.pointer_action.pointer_down().pointer_up()
    finger.perform()
    wait_for(dash_br, lambda: "event=" in url_query(dash_br), message="an event opened")
    assert f"event={EVENT}" in url_query(dash_br)
