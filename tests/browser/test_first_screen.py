"""The first screen on a classroom projector and on a phone: the sentence and at least half of
the map in sight without scrolling; on a phone the filters beyond the date fold away."""

from __future__ import annotations

import pytest
from browsing import open_page, url_query, wait_for, wait_for_title
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

IN_SIGHT = """
const sentence = document.getElementById("view-summary").getBoundingClientRect();
const map = document.getElementById("map-graph").getBoundingClientRect();
return {sentence: sentence.bottom, mapHalf: map.top + map.height / 2, height: window.innerHeight};
"""


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (390, 844)])
def test_the_sentence_and_half_the_map_are_on_the_first_screen(dash_br, served, width, height):
    dash_br.driver.set_window_size(width, height)
    open_page(dash_br, served.page("?date=2014-04-24"))
    wait_for_title(dash_br, "map-graph", "24 April 2014")
    # The window's outer size includes its frame: measure against the page's own height.
    seen = dash_br.driver.execute_script(IN_SIGHT)
    assert seen["sentence"] <= seen["height"], seen
    assert seen["mapHalf"] <= seen["height"], seen


def test_on_a_phone_the_other_filters_unfold_from_a_button(dash_br, served):
    dash_br.driver.set_window_size(390, 844)
    open_page(dash_br, served.page())
    organizations = dash_br.find_element("#filters-orgs")
    assert dash_br.find_element("#filters-date").is_displayed() and not organizations.is_displayed()
    fold = dash_br.find_element("#filters-fold")
    assert fold.get_attribute("aria-expanded") == "false"
    fold.send_keys(Keys.ENTER)
    wait_for(dash_br, organizations.is_displayed, message="unfolded")
    assert fold.get_attribute("aria-expanded") == "true"
    dash_br.driver.find_element("css selector", "#filters-orgs input[value='NATO']").click()
    wait_for(dash_br, lambda: "orgs=CSTO,SCO,NATO" in url_query(dash_br), message="NATO on")
    # Wider, there is nothing to unfold.
    dash_br.driver.set_window_size(1024, 768)
    wait_for(dash_br, lambda: not fold.is_displayed(), message="no fold on a projector")
    assert dash_br.find_element("#filters-status-summary").is_displayed()


def test_a_link_to_an_event_opens_at_its_details_with_its_organizations_on(dash_br, served):
    dash_br.driver.set_window_size(1024, 768)
    dash_br.driver.get(served.page("?event=csto-suspends-nato-contacts-2014"))
    detail = dash_br.find_element("#timeline-detail")
    wait_for(dash_br, lambda: "NATO" in detail.text, message="details written")
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script(
            "const box = arguments[0].getBoundingClientRect();"
            " return box.top >= 0 && box.top < window.innerHeight",
            detail,
        ),
        message="details in sight",
    )
    wait_for(dash_br, lambda: "orgs=CSTO,SCO,NATO" in url_query(dash_br), message="NATO on")


CARDS = """
const overlap = document.querySelector(".view-card--overlap").getBoundingClientRect();
const timeline = document.querySelector(".view-card--timeline").getBoundingClientRect();
return {overlapHeight: overlap.height, overlapTop: overlap.top, timelineHeight: timeline.height,
        height: window.innerHeight};
"""


def test_beside_a_tall_timeline_the_overlap_keeps_its_height_and_stays_in_sight(dash_br, served):
    dash_br.driver.set_window_size(1366, 768)
    open_page(dash_br, served.page("?date=2024-12-31&orgs=CSTO,SCO,NATO"))
    wait_for_title(dash_br, "overlap-graph", "31 December 2024")
    cards = dash_br.driver.execute_script(CARDS)
    assert cards["overlapHeight"] < cards["timelineHeight"] / 2, cards
    dash_br.driver.execute_script(
        "document.querySelector('.view-card--timeline').scrollIntoView({block: 'end'})"
    )
    wait_for(
        dash_br,
        lambda: 0 <= dash_br.driver.execute_script(CARDS)["overlapTop"] < 100,
        message="the overlap follows the scroll",
    )


TOOLBAR_SHOWN = """
return [...document.querySelectorAll(`#${arguments[0]} .modebar-group`)]
    .map((group) => getComputedStyle(group).opacity);
"""


def test_where_nothing_hovers_a_toolbar_waits_to_be_asked_for(dash_br, served):
    # Headless Chromium, like a phone, matches (hover: none): plotly.js would show every
    # toolbar all the time, over the figures' titles.
    dash_br.driver.set_window_size(390, 844)
    open_page(dash_br, served.page("?date=2014-04-24"))
    wait_for_title(dash_br, "map-graph", "24 April 2014")
    assert dash_br.driver.execute_script("return matchMedia('(hover: none)').matches")
    for graph in ("map-graph", "overlap-graph", "timeline-graph"):
        opacities = dash_br.driver.execute_script(TOOLBAR_SHOWN, graph)
        assert opacities and set(opacities) == {"0"}, (graph, opacities)
    ActionChains(dash_br.driver).move_to_element(dash_br.find_element("#map-graph")).perform()
    wait_for(
        dash_br,
        lambda: set(dash_br.driver.execute_script(TOOLBAR_SHOWN, "map-graph")) == {"1"},
        message="the touched map's toolbar",
    )


# Everything outside the figures that holds text or takes input, and lies partly outside
# the page's width (WCAG 1.4.10: at 320 CSS px nothing may need a sideways scroll).
OUT_OF_WIDTH = """
const width = document.documentElement.clientWidth;
const out = [];
for (const element of document.querySelectorAll("body *:not(svg):not(svg *)")) {
    const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (!own && !element.matches("input, select, button")) { continue; }
    for (const box of element.getClientRects()) {
        if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
            out.push(element.tagName + "#" + element.id + " " + JSON.stringify(element.textContent.trim().slice(0, 30)));
            break;
        }
    }
}
return {out: out, scroll: document.documentElement.scrollWidth - width};
"""
CONTROLS = (
    "#share-open",
    "#about-open",
    "#download-memberships-button",
    "#theme-choice",
    "#filters-date",
    "#filters-play",
    "#filters-year",
    "#filters-orgs",
    "#filters-status-summary",
    "#filters-country",
    "#filters-reset",
    "#country-panel",
)


@pytest.mark.parametrize("width", [320, 640])
def test_at_320_px_or_200_percent_zoom_nothing_is_lost_or_scrolls_sideways(dash_br, served, width):
    # 640 CSS px is a 1280-px screen at 200 % zoom; 320, the width WCAG 1.4.10 names.
    dash_br.driver.set_window_size(width, 700)
    open_page(dash_br, served.page("?date=2014-04-24&orgs=CSTO,SCO,NATO&country=KAZ"))
    wait_for_title(dash_br, "map-graph", "24 April 2014")
    fold = dash_br.find_element("#filters-fold")
    if fold.is_displayed():
        fold.click()
    for control in CONTROLS:
        wait_for(dash_br, dash_br.find_element(control).is_displayed, timeout=5, message=control)
    seen = dash_br.driver.execute_script(OUT_OF_WIDTH)
    assert seen == {"out": [], "scroll": 0}


MAP_BANDS = """
const graph = document.getElementById("map-graph");
const box = (selector) => graph.querySelector(selector).getBoundingClientRect();
const [title, land, legend] = [box(".gtitle"), box(".geolayer .layer.backplot"), box(".legend")];
return {above: land.top - title.bottom, below: legend.top - land.bottom, land: land.height};
"""


def test_on_a_phone_the_map_has_no_band_of_empty_sea_above_and_below(dash_br, served):
    # As tall as on a desktop, the box left 230 px of it empty above and below the map.
    dash_br.driver.set_window_size(390, 844)
    open_page(dash_br, served.page("?date=2014-04-24"))
    wait_for_title(dash_br, "map-graph", "24 April 2014")
    bands = dash_br.driver.execute_script(MAP_BANDS)
    assert bands["land"] > 80, bands
    assert bands["above"] + bands["below"] < 160, bands
