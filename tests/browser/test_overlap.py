"""The overlap view in the running app: following the date, statuses and selections, and clicks."""

from __future__ import annotations

import pytest
from browsing import (
    find_all,
    open_page,
    open_table,
    plot_data,
    type_date,
    url_query,
    wait_for,
    wait_for_title,
)
from selenium.webdriver.common.action_chains import ActionChains

OVERLAP_READY = "#overlap-graph .scatterlayer .point"


def trace(browser, name):
    return next(t for t in plot_data(browser, "overlap-graph") if t.get("name") == name)


def region_point(browser, key):
    keys = [c[1] for c in trace(browser, "regions")["customdata"]]
    points = find_all(browser, "#overlap-graph .scatterlayer .trace:first-child .point")
    return points[keys.index(key)]


def circle_count(browser):
    return len(find_all(browser, "#overlap-graph .shapelayer path"))


def test_the_diagram_follows_the_date(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"), ready=OVERLAP_READY)
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    regions = dict(
        zip(
            [c[1] for c in trace(dash_br, "regions")["customdata"]],
            trace(dash_br, "regions")["text"],
            strict=True,
        )
    )
    assert regions == {"CSTO": "<b>2</b>", "CSTO,SCO": "<b>4</b>", "SCO": "<b>2</b>"}

    type_date(dash_br, "2024")
    # At the end of 2024 Belarus is in both; India, Iran and Pakistan have joined the SCO.
    wait_for(
        dash_br,
        lambda: "BLR" in trace(dash_br, "states")["text"] and "IRN" in trace(dash_br, "states")["text"],
    )
    open_table(dash_br, "overlap-table")
    table = dash_br.find_element("#overlap-table").get_attribute("textContent")
    assert "CSTO and SCO" in table and "Belarus" in table


def test_statuses_change_what_the_circles_count(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24&status=member,observer"), ready=OVERLAP_READY)
    wait_for(
        dash_br, lambda: "Counting members and observers." in dash_br.find_element("#overlap-graph").text
    )
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    states = trace(dash_br, "states")["text"]
    assert {"IND", "IRN", "PAK", "MNG", "AFG"} <= set(states)
    assert "Counting members and observers." in dash_br.find_element("#overlap-graph").text


def test_clicking_a_region_selects_its_states_everywhere(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"), ready=OVERLAP_READY)
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    ActionChains(dash_br.driver).click(region_point(dash_br, "CSTO,SCO")).perform()
    wait_for(dash_br, lambda: "region=CSTO,SCO" in url_query(dash_br), message="URL")
    wait_for(
        dash_br,
        lambda: plot_data(dash_br, "map-graph")[-1].get("locations") == ["KAZ", "KGZ", "RUS", "TJK"],
        message="map outlines the region",
    )
    panel = dash_br.find_element("#country-panel").text
    assert "CSTO and SCO" in panel and "Kyrgyzstan" in panel
    timeline = [
        c for t in plot_data(dash_br, "timeline-graph") if t.get("customdata") for c in t["customdata"]
    ]
    assert timeline and all(c[3] for c in timeline)
    clear = dash_br.find_element("#country-clear")
    dash_br.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", clear
    )
    clear.click()
    wait_for(dash_br, lambda: "region=" not in url_query(dash_br), message="cleared")


def test_clicking_a_state_code_selects_the_state(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"), ready=OVERLAP_READY)
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    codes = [c[1] for c in trace(dash_br, "states")["customdata"]]
    names = find_all(dash_br, "#overlap-graph .scatterlayer .trace:last-child .textpoint")
    ActionChains(dash_br.driver).click(names[codes.index("ARM")]).perform()
    wait_for(dash_br, lambda: "country=ARM" in url_query(dash_br), message="URL")
    wait_for(dash_br, lambda: dash_br.find_element("#country-panel-body h3").text == "Armenia")


def test_three_organizations_get_three_circles_and_four_an_upset_chart(dash_br, served):
    open_page(dash_br, served.page("?orgs=CSTO,SCO,NATO&date=2020"), ready=OVERLAP_READY)
    wait_for(dash_br, lambda: "NATO" in [c[1] for c in trace(dash_br, "regions")["customdata"]])
    wait_for_title(dash_br, "overlap-graph", "31 December 2020")
    assert circle_count(dash_br) == 3
    regions = [c[1] for c in trace(dash_br, "regions")["customdata"]]
    assert "NATO" in regions and not any("NATO," in r or ",NATO" in r for r in regions)

    dash_br.driver.find_element("css selector", "#filters-orgs input[value='CSTO_PA']").click()
    wait_for(
        dash_br, lambda: any(t["type"] == "bar" for t in plot_data(dash_br, "overlap-graph")), message="UpSet"
    )
    bars = next(t for t in plot_data(dash_br, "overlap-graph") if t["type"] == "bar")
    assert bars["customdata"][0][1] == "NATO"


# Every text the diagram draws (names, counts, organizations, notes), as a box in window
# pixels; answers with those outside the figure, and each pair that overlaps.
CROWDED_TEXT = """
const figure = document.querySelector("#overlap-graph .main-svg").getBoundingClientRect();
const boxes = [...document.querySelectorAll("#overlap-graph g.annotation text, #overlap-graph .scatterlayer text")]
    .filter((text) => text.textContent.trim())
    .map((text) => [text.textContent, text.getBoundingClientRect()]);
const found = boxes
    .filter(([, r]) => r.left < figure.left || r.right > figure.right || r.top < figure.top || r.bottom > figure.bottom)
    .map(([text]) => "outside: " + text);
boxes.forEach(([a, r], i) => boxes.slice(i + 1).forEach(([b, s]) => {
    if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom) { found.push(a + " / " + b); }
}));
return found;
"""


@pytest.mark.parametrize(
    ("width", "query", "orgs"),
    [
        (1024, "?date=2014-04-24", {"CSTO", "SCO"}),
        (1024, "", {"CSTO", "SCO"}),
        (1024, "?orgs=CSTO,SCO,NATO", {"CSTO", "SCO", "NATO"}),
        (1024, "?orgs=SCO,NATO", {"SCO", "NATO"}),
        # In 1999 the CSTO and the SCO go by the names of their stages then.
        (1024, "?orgs=CSTO,SCO,NATO&date=1999", {"Collective Security Treaty", "Shanghai Five", "NATO"}),
        (360, "", {"CSTO", "SCO"}),
        (360, "?orgs=CSTO,SCO,NATO", {"CSTO", "SCO", "NATO"}),
    ],
)
def test_no_text_overlaps_or_is_cut_off_on_a_projector_or_a_phone(dash_br, served, width, query, orgs):
    # At 1024 px the notes ran off the diagram's right edge, two organizations' names ran
    # together, and with NATO beside the CSTO and the SCO their states' codes were drawn
    # over each other; at 360 px, codes in one region touched.
    dash_br.driver.set_window_size(width, 768)
    open_page(dash_br, served.page(query))
    wait_for(dash_br, lambda: circle_names(dash_br) == orgs, message=f"diagram of {orgs}")
    assert dash_br.driver.execute_script(CROWDED_TEXT) == []


def circle_names(browser):
    """The organizations the diagram draws a circle for, by their names above (or below) them."""
    texts = browser.driver.execute_script(
        "return [...document.querySelectorAll('#overlap-graph g.annotation text')].map((t) => t.textContent)"
    )
    return {text.split(" (")[0] for text in texts if " (" in text}
