"""The map in the running app: time and play, small states, selection, hover, zoom, its table."""

from __future__ import annotations

import time

import pytest
from browsing import (
    drawn_map_titles,
    find_all,
    map_title,
    open_page,
    open_table,
    plot_data,
    plot_layout,
    record_map_titles,
    type_date,
    url_query,
    wait_for,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from components.map import INITIAL_VIEW

PLAY = "#filters-play"
PANEL_TITLE = "#country-panel-body h3"


def timeline_event_count(browser):
    return sum(len(t["x"]) for t in plot_data(browser, "timeline-graph") if t.get("mode") == "markers")


def year_in_url(browser):
    query = url_query(browser)
    return int(query.split("date=")[1][:4]) if "date=" in query else None


def test_play_steps_through_the_years_without_skipping_or_reloading_and_pauses_from_the_keyboard(
    dash_br, served
):
    open_page(dash_br, served.page("?date=2014-04-24"))
    dash_br.driver.execute_script("window.__not_reloaded = true")
    record_map_titles(dash_br)  # to see each year go by
    button = dash_br.find_element(PLAY)
    assert button.get_attribute("aria-pressed") == "false"
    entries = dash_br.driver.execute_script("return history.length")

    button.click()
    wait_for(dash_br, lambda: (year_in_url(dash_br) or 0) >= 2017, timeout=30, message="three steps")
    assert button.get_attribute("aria-pressed") == "true"
    button.send_keys(Keys.ENTER)  # pause, from the keyboard
    wait_for(dash_br, lambda: button.get_attribute("aria-pressed") == "false", message="paused")
    paused_at = year_in_url(dash_br)
    time.sleep(3.5)  # more than two steps' worth: nothing may move while paused
    assert year_in_url(dash_br) == paused_at
    assert dash_br.driver.execute_script("return window.__not_reloaded") is True
    # Steps of play replace the history's entry: one Back press leaves the page, not one a year.
    assert dash_br.driver.execute_script("return history.length") == entries

    wait_for(dash_br, lambda: map_title(dash_br).endswith(str(paused_at)), message="map shows the last step")
    titles = drawn_map_titles(dash_br)
    years = [int(title[-4:]) for title in titles if title.startswith("Member states as of 31 December")]
    shown = sorted(set(years))
    assert shown == list(range(2015, paused_at + 1)), titles  # every year drawn, none skipped


def test_play_from_today_starts_again_in_1992(dash_br, served):
    open_page(dash_br, served.page())
    record_map_titles(dash_br)
    dash_br.find_element(PLAY).click()
    wait_for(dash_br, lambda: (year_in_url(dash_br) or 0) in range(1992, 2000), message="restart")
    dash_br.find_element(PLAY).click()  # pause
    wait_for(
        dash_br,
        lambda: "Member states as of 31 December 1992" in drawn_map_titles(dash_br),
        message="1992 drawn",
    )


def test_year_slider_answers_arrow_keys(dash_br, served):
    open_page(dash_br, served.page("?date=2010"))
    slider = dash_br.find_element("#filters-year")
    assert slider.get_attribute("type") == "range"  # the browser's own: named by its label
    slider.send_keys(Keys.ARROW_LEFT)
    wait_for(dash_br, lambda: url_query(dash_br) == "?date=2009", message="one year back")
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2009")


def test_small_states_have_markers_that_hover_and_select(dash_br, served):
    open_page(dash_br, served.page("?orgs=SCO&date=2023-06-01&status=member,dialogue_partner"))
    markers = find_all(dash_br, "#map-graph .scattergeo .point")
    traces = plot_data(dash_br, "map-graph")
    codes = next(t for t in traces if t["type"] == "scattergeo")["customdata"]
    bahrain = markers[[row[2] for row in codes].index("BHR")]

    ActionChains(dash_br.driver).move_to_element(bahrain).perform()
    wait_for(
        dash_br, lambda: "Bahrain" in dash_br.find_element("#map-graph .hoverlayer").text, message="hover"
    )
    hover = dash_br.find_element("#map-graph .hoverlayer").text
    # The label's lines, wrapped to fit a phone, read here without the breaks between them.
    assert "SCO: dialogue partner since 16September 2022" in hover

    ActionChains(dash_br.driver).click(bahrain).perform()
    wait_for(dash_br, lambda: dash_br.find_element(PANEL_TITLE).text == "Bahrain", message="panel")
    wait_for(dash_br, lambda: "country=BHR" in url_query(dash_br), message="URL")
    wait_for(
        dash_br, lambda: plot_data(dash_br, "map-graph")[-1].get("locations") == ["BHR"], message="outline"
    )


def test_clicking_a_state_shows_its_history_and_highlights_it_everywhere(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    events_before = timeline_event_count(dash_br)
    kazakhstan = dash_br.driver.execute_script(
        "return [...document.querySelectorAll('#map-graph path.choroplethlocation')]"
        ".find(p => p.__data__ && p.__data__.loc === 'KAZ')"
    )
    ActionChains(dash_br.driver).click(kazakhstan).perform()
    wait_for(dash_br, lambda: dash_br.find_element(PANEL_TITLE).text == "Kazakhstan", message="panel")
    panel = dash_br.find_element("#country-panel").text
    assert (
        "Member of the Collective Security Treaty" in panel and "Shanghai Cooperation Organisation" in panel
    )
    links = find_all(dash_br, "#country-panel a.source-link")
    assert links and all(link.get_attribute("href").startswith("http") for link in links)
    assert all(link.get_attribute("rel") == "noopener noreferrer" for link in links)

    wait_for(
        dash_br,
        lambda: "<b>[KAZ]</b>" in str(plot_data(dash_br, "overlap-graph")[-1]["text"]),
        message="overlap",
    )
    wait_for(dash_br, lambda: timeline_event_count(dash_br) < events_before, message="timeline filtered")
    assert timeline_event_count(dash_br) > 0

    dash_br.find_element("#country-clear").click()
    wait_for(dash_br, lambda: "country=" not in url_query(dash_br), message="cleared")
    wait_for(dash_br, lambda: "Click a state on the map" in dash_br.find_element("#country-panel").text)


def test_the_state_picker_selects_by_typing(dash_br, served):
    # A native select: focused, it picks the state whose name starts with what is typed.
    open_page(dash_br, served.page("?date=2024"))
    picker = dash_br.find_element("#filters-country")
    assert picker.tag_name == "select"
    picker.send_keys("Armen")
    wait_for(dash_br, lambda: dash_br.find_element(PANEL_TITLE).text == "Armenia", message="panel")
    assert "Participation frozen by the state" in dash_br.find_element("#country-panel").text
    assert "country=ARM" in url_query(dash_br)


def test_zoom_and_pan_survive_filter_changes(dash_br, served):
    open_page(dash_br, served.page("?date=2014"))
    initial = INITIAL_VIEW["geo.projection.scale"]
    wait_for(dash_br, lambda: plot_layout(dash_br, "map-graph")["geo"]["projection"]["scale"] == initial)

    def zoom_in():
        # The modebar is redrawn with the figure: find the button afresh for each click.
        ActionChains(dash_br.driver).move_to_element(dash_br.find_element("#map-graph")).perform()
        dash_br.find_element("#map-graph .modebar-btn[data-attr='zoom'][data-val='in']").click()
        return True

    for _ in range(2):
        wait_for(dash_br, zoom_in, message="zoom in")
    # The zoom reaches the server, which redraws with the finer shapes: wait for that.
    wait_for(dash_br, lambda: plot_layout(dash_br, "map-graph")["geo"]["resolution"] == 50, message="redrawn")
    zoomed = plot_layout(dash_br, "map-graph")["geo"]["projection"]["scale"]
    assert zoomed == pytest.approx(initial * 4)

    type_date(dash_br, "2001")
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2001")
    geo = plot_layout(dash_br, "map-graph")["geo"]
    assert geo["projection"]["scale"] == zoomed
    assert geo["resolution"] == 50
    fetched = dash_br.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert any(url.endswith("/assets/topojson/world_50m.json") for url in fetched)


def test_the_map_as_a_table_is_reachable_by_keyboard(dash_br, served):
    open_page(dash_br, served.page("?date=2000-01-01&orgs=CSTO"))
    assert not find_all(dash_br, "#map-table tr")  # rendered only when opened
    open_table(dash_br, "map-table")
    assert dash_br.find_element("#map-table").is_displayed()
    rows = [row.text for row in find_all(dash_br, "#map-table tbody tr")]
    assert "Georgia Collective Security Treaty Former member until 20 April 1999" in rows
    assert "Russia Collective Security Treaty Member 20 April 1994" in rows
    dash_br.find_element("details:has(#map-table) summary").send_keys(Keys.ENTER)  # closed again
    wait_for(dash_br, lambda: not find_all(dash_br, "#map-table tr"), message="closed table emptied")


def test_the_map_frames_eurasia_on_a_classroom_projector(dash_br, served):
    dash_br.driver.set_window_size(1024, 768)
    try:
        open_page(dash_br, served.page("?date=2014-04-24"))
        # Lisbon, Tokyo and Malé, the corners of the story, all fall inside the drawn map.
        inside = dash_br.driver.execute_script(
            "const gd = document.querySelector('#map-graph .js-plotly-plot');"
            "const size = gd._fullLayout._size;"
            "return [[-9.1, 38.7], [139.7, 35.7], [73.5, 4.2]].map(p => gd._fullLayout.geo._subplot.projection(p))"
            ".map(([x, y]) => x > 0 && x < size.w && y > 0 && y < size.h);"
        )
        assert inside == [True, True, True]
    finally:
        dash_br.driver.set_window_size(1366, 900)
