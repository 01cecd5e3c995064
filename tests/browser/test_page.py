"""The page end to end: loading, offline map shapes, the date control, the URL, a URL prefix."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsing import MAP_SHAPES, map_title, open_page, open_table, type_date, wait_for, wait_for_title
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_page_loads_with_all_three_views_and_no_console_errors(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 24 April 2014")
    dash_br.wait_for_element("#overlap-graph .shapelayer path", timeout=20)
    dash_br.wait_for_element("#timeline-graph .scatterlayer .point", timeout=20)
    wait_for_title(dash_br, "overlap-graph", "24 April 2014")
    open_table(dash_br, "overlap-table")
    assert dash_br.find_element("#overlap-table").get_attribute("textContent").count("Tajikistan") == 1
    assert dash_br.get_logs() == []


def test_map_draws_country_shapes_from_local_assets_only(dash_br, served):
    # The browser cannot resolve any host but 127.0.0.1: the shapes must come from the app.
    open_page(dash_br, served.page("?orgs=CSTO,SCO,NATO&date=2020"))
    # 30 NATO members, the CSTO and SCO members, observers and partners (the page's first
    # picture, drawn before its data arrive, can show fewer).
    shapes = wait_for(
        dash_br, lambda: (found := dash_br.driver.find_elements(By.CSS_SELECTOR, MAP_SHAPES))[39:] and found
    )
    assert all(shape.get_attribute("d").startswith("M") for shape in shapes[:5])
    base_countries = dash_br.driver.find_elements(
        By.CSS_SELECTOR, "#map-graph .countries path, #map-graph .land path"
    )
    assert base_countries, "the base map (land and borders) was not drawn"
    hosts = dash_br.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any(url.endswith("/assets/topojson/world_110m.json") for url in hosts)
    assert {urlsplit(url).hostname for url in hosts} == {"127.0.0.1"}


def test_changing_the_as_of_date_changes_the_map_and_the_url(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 24 April 2014")
    before = len(dash_br.driver.find_elements(By.CSS_SELECTOR, MAP_SHAPES))

    date_input = dash_br.find_element("#filters-date")
    date_input.send_keys(Keys.CONTROL, "a")
    date_input.send_keys("1995-01-01", Keys.ENTER)

    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 1 January 1995", message="map title")
    wait_for(dash_br, lambda: len(dash_br.driver.find_elements(By.CSS_SELECTOR, MAP_SHAPES)) != before)
    wait_for(dash_br, lambda: "date=1995-01-01" in dash_br.driver.current_url, message="URL")
    # In 1995 the Collective Security Treaty had nine members and there was no SCO yet.
    legend = dash_br.find_element("#map-graph .legend").text
    assert "Member of the Collective Security Treaty" in legend and "SCO" not in legend


def test_year_slider_input_sets_a_year_and_the_url_keeps_its_precision(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    type_date(dash_br, "2000")
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2000", message="title")
    wait_for(dash_br, lambda: dash_br.driver.current_url.endswith("?date=2000"), message="URL")


def test_organizations_come_from_the_url_and_go_back_into_it(dash_br, served):
    open_page(dash_br, served.page("?orgs=NATO&date=2024-03-07"))
    wait_for(dash_br, lambda: "Member of NATO" in dash_br.find_element("#map-graph .legend").text)
    checked = dash_br.driver.execute_script(
        "return [...document.querySelectorAll('#filters-orgs input:checked')].map(e => e.value)"
    )
    assert checked == ["NATO"]
    dash_br.driver.find_element(By.CSS_SELECTOR, "#filters-orgs input[value='SCO']").click()
    wait_for(dash_br, lambda: "orgs=SCO,NATO" in dash_br.driver.current_url, message="URL")
    wait_for(dash_br, lambda: "Member of SCO" in dash_br.find_element("#map-graph .legend").text)


@pytest.mark.parametrize("query", ["?orgs=<b>x</b>&date=99999", "?date=2014-02-30&orgs=,,", "?%zz=%%"])
def test_malformed_url_falls_back_to_defaults(dash_br, served, query):
    open_page(dash_br, served.page(query))
    wait_for(dash_br, lambda: map_title(dash_br).startswith("Member states as of"))
    assert "<b>" not in dash_br.driver.page_source.split("</head>")[1].replace("&lt;b&gt;", "")
    assert dash_br.get_logs() == []


def test_app_works_under_a_url_prefix(dash_br, served_under_prefix):
    open_page(dash_br, served_under_prefix.page("?date=2012"))
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2012")
    resources = dash_br.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    paths = [urlsplit(url).path for url in resources]
    assert paths and all(path.startswith("/dash/blocs/") for path in paths), paths
    assert "/dash/blocs/assets/topojson/world_110m.json" in paths
    assert any(path == "/dash/blocs/_dash-update-component" for path in paths)
