"""Linked exploration in the running app: history, sharing, embedding, downloads, reset, colours."""

from __future__ import annotations

import time
from pathlib import Path

from browsing import find_all, map_title, open_page, plot_layout, type_date, url_query, wait_for
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

OVERLAP_READY = "#overlap-graph .scatterlayer .point"


def wait_for_file(folder, name, timeout=20):
    target = Path(folder) / name
    deadline = time.monotonic() + timeout
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.exists(), f"{name} was not downloaded"
    return target


def test_back_and_forward_restore_each_view(dash_br, served):
    open_page(dash_br, served.page("?date=2000"))
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2000")
    type_date(dash_br, "2020")
    wait_for(dash_br, lambda: url_query(dash_br) == "?date=2020")
    dash_br.driver.find_element(By.CSS_SELECTOR, "#filters-orgs input[value='NATO']").click()
    wait_for(dash_br, lambda: url_query(dash_br) == "?orgs=CSTO,SCO,NATO&date=2020")

    dash_br.driver.back()
    wait_for(dash_br, lambda: url_query(dash_br) == "?date=2020", message="back once")
    wait_for(dash_br, lambda: "Member of NATO" not in dash_br.find_element("#map-graph .legend").text)
    dash_br.driver.back()
    wait_for(
        dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2000", message="back twice"
    )
    assert dash_br.find_element("#filters-year").get_property("value") == "2000"
    dash_br.driver.forward()
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2020", message="forward")


def test_the_summary_says_what_the_views_show(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    summary = dash_br.find_element("#view-summary")
    wait_for(dash_br, lambda: summary.text.startswith("On 24 April 2014, 6 states were members of the CSTO"))
    assert summary.get_attribute("aria-live") == "polite"


def test_the_share_dialog_gives_the_link_and_an_iframe_snippet(dash_br, served_under_prefix):
    open_page(dash_br, served_under_prefix.page("?date=2014-04-24&country=ARM"))
    dash_br.find_element("#share-open").click()
    link = dash_br.find_element("#share-link")
    wait_for(
        dash_br, lambda: link.get_attribute("value").endswith("/dash/blocs/?date=2014-04-24&country=ARM")
    )
    dash_br.driver.find_element(By.CSS_SELECTOR, "#share-view input[value='map']").click()
    snippet = dash_br.find_element("#share-embed")
    wait_for(dash_br, lambda: "embed=map" in snippet.get_attribute("value"))
    assert snippet.get_attribute("value").startswith('<iframe id="csto-sco-map" src="http://127.0.0.1:')
    assert "/dash/blocs/?date=2014-04-24&country=ARM&embed=map" in snippet.get_attribute("value")


def test_an_embedded_view_fills_its_iframe_alone(dash_br, served_under_prefix, intranet_page):
    src = served_under_prefix.page("?orgs=CSTO,SCO&date=2014-04-24&embed=map")
    dash_br.driver.get(intranet_page(f"<iframe src='{src}' width='800' height='500'></iframe>"))
    dash_br.driver.switch_to.frame(dash_br.driver.find_element(By.TAG_NAME, "iframe"))
    try:
        dash_br.wait_for_element("#map-graph path.choroplethlocation", timeout=30)
        wait_for(dash_br, lambda: "page--embed-map" in dash_br.find_element("#page").get_attribute("class"))
        for hidden in ("#filters-orgs", "#overlap-graph", "#timeline-graph", "#view-summary", "#share-open"):
            assert not dash_br.find_element(hidden).is_displayed(), hidden
        graph = dash_br.find_element("#map-graph")
        assert graph.size["height"] > 420 and graph.size["width"] > 700
        wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 24 April 2014")
    finally:
        dash_br.driver.switch_to.default_content()


def test_reset_returns_to_the_defaults(dash_br, served):
    open_page(dash_br, served.page("?orgs=NATO&date=2001&status=member&events=crisis"))
    reset = dash_br.find_element("#filters-reset")
    reset.click()
    wait_for(dash_br, lambda: url_query(dash_br) == "", message="URL")
    wait_for(
        dash_br,
        lambda: map_title(dash_br).startswith("Member states as of") and "2001" not in map_title(dash_br),
    )
    checked = dash_br.driver.execute_script(
        "return [...document.querySelectorAll('#filters-orgs input:checked')].map(e => e.value)"
    )
    assert checked == ["CSTO", "SCO"]


def test_download_of_memberships(dash_br, served):
    # The figures' PNG and SVG buttons: tests/browser/test_slides.py.
    open_page(dash_br, served.page("?orgs=SCO&date=2024"))
    dash_br.find_element("#download-memberships-button").click()
    memberships = wait_for_file(dash_br.download_path, "csto-sco-nato-memberships.csv").read_text(
        encoding="utf-8"
    )
    lines = memberships.splitlines()
    assert lines[0] == "org,iso3,country,status,start,end,source,notes"
    assert all(line.startswith(("SCO,", "SHANGHAI5,")) for line in lines[1:])


def test_dark_colours_restyle_the_page_and_the_figures(dash_br, served):
    open_page(dash_br, served.page("?date=2014"))
    choice = dash_br.find_element("#theme-choice")
    choice.send_keys("Dark")
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script("return document.documentElement.dataset.bsTheme") == "dark",
    )
    wait_for(
        dash_br, lambda: plot_layout(dash_br, "map-graph")["geo"]["landcolor"] == "#3A3F44", message="map"
    )
    wait_for(
        dash_br,
        lambda: plot_layout(dash_br, "timeline-graph")["font"]["color"] == "#DEE2E6",
        message="timeline",
    )
    dash_br.driver.refresh()  # the choice is remembered
    dash_br.wait_for_element("#map-graph path.choroplethlocation", timeout=30)
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script("return document.documentElement.dataset.bsTheme") == "dark",
    )
    find_all(dash_br, "#theme-choice")[0].send_keys("Light")
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script("return document.documentElement.dataset.bsTheme") == "light",
    )


def test_the_modebar_saves_svg_as_well_as_png(dash_br, served):
    dash_br.driver.set_window_size(
        1024, 768
    )  # a projector: the overlap's card at its narrowest beside the timeline
    try:
        open_page(dash_br, served.page("?date=2014-04-24"))
        graph = dash_br.find_element("#overlap-graph")
        dash_br.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", graph)
        ActionChains(dash_br.driver).move_to_element(graph).perform()
        button = dash_br.find_element("#overlap-graph .modebar-btn[data-title^='Download as SVG']")
        assert dash_br.find_element("#overlap-graph .modebar-btn[data-title*='png' i]")
        # A diagram of counts has nothing to zoom, and its modebar leaves the title uncovered.
        assert not dash_br.driver.find_elements(
            "css selector", "#overlap-graph .modebar-btn[data-attr='dragmode']"
        )
        apart = dash_br.driver.execute_script(
            "const bar = document.querySelector('#overlap-graph .modebar').getBoundingClientRect();"
            "const title = document.querySelector('#overlap-graph .gtitle').getBoundingClientRect();"
            "return title.right <= bar.left || title.bottom <= bar.top || bar.bottom <= title.top;"
        )
        assert apart
        button.click()
    finally:
        dash_br.driver.set_window_size(1366, 900)
    svg = wait_for_file(dash_br.download_path, "csto-sco-nato-overlap-graph.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "States in common as of 24 April 2014" in svg


def test_the_page_fits_a_phone(dash_br, served):
    dash_br.driver.set_window_size(390, 844)
    try:
        open_page(dash_br, served.page("?date=2014-04-24"))
        overflow = dash_br.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
        for control in ("#filters-date", "#filters-play", "#filters-fold"):
            assert dash_br.find_element(control).is_displayed(), control
        dash_br.find_element("#filters-fold").click()
        for control in ("#filters-orgs", "#filters-country"):
            wait_for(dash_br, dash_br.find_element(control).is_displayed, message=control)
        overflow = dash_br.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
        assert dash_br.find_element("#map-graph").size["width"] <= 390
    finally:
        dash_br.driver.set_window_size(1366, 900)
