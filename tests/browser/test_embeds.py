"""Embeds as an intranet editor makes them: the share dialog's snippet pasted into a page on another origin."""

from __future__ import annotations

import re

import pytest
from browsing import open_page, wait_for
from selenium.webdriver.common.by import By

FRAME_WIDTH = 800  # the column of the intranet page the snippet is pasted into
SCRIPT = re.compile(r"<script>.*</script>", re.DOTALL)


def snippet_for(browser, served, view, query="?date=2014-04-24"):
    """The embed code the share dialog gives for `view` ("" for the whole dashboard) of `query`."""
    open_page(browser, served.page(query))
    browser.find_element("#share-open").click()
    browser.driver.find_element(By.CSS_SELECTOR, f"#share-view input[value='{view}']").click()
    box = browser.find_element("#share-embed")
    wait_for(browser, lambda: f'id="csto-sco-{view or "dashboard"}"' in box.get_attribute("value"))
    return box.get_attribute("value")


def in_column(snippet):
    return f"<div style='width:{FRAME_WIDTH}px'>{snippet}</div>"


def inside_frame(browser, script, *args):
    """Run `script` in the page inside the (first) frame."""
    browser.driver.switch_to.frame(browser.driver.find_element(By.TAG_NAME, "iframe"))
    try:
        return browser.driver.execute_script(script, *args)
    finally:
        browser.driver.switch_to.default_content()


FIT = """
const root = document.documentElement;
const drawn = document.querySelector(arguments[0] + ' .main-svg');
const marked = document.querySelector('#page.page--embed');
if (!drawn || (!marked && arguments[1])) { return {ready: false}; }
const page = document.getElementById('page').getBoundingClientRect();
const graph = document.querySelector(arguments[0]).getBoundingClientRect();
return {
    ready: true,
    overflowX: root.scrollWidth - root.clientWidth,
    overflowY: root.scrollHeight - root.clientHeight,
    frame: [root.clientWidth, root.clientHeight],
    graph: [graph.left, graph.top, graph.right, graph.bottom],
    page: page.bottom,
};
"""


@pytest.mark.parametrize("view", ["map", "overlap", "timeline"])
def test_each_embedded_view_fits_the_frame_its_snippet_sets(
    dash_br, served_under_prefix, intranet_page, view
):
    # Without the snippet's script, as where an intranet's editor strips scripts.
    snippet = SCRIPT.sub("", snippet_for(dash_br, served_under_prefix, view))
    dash_br.driver.get(intranet_page(in_column(snippet)))
    graph = f"#{view}-graph"
    wait_for(
        dash_br, lambda: inside_frame(dash_br, FIT, graph, view != "")["ready"], timeout=30, message="drawn"
    )
    fit = inside_frame(dash_br, FIT, graph, True)
    assert fit["overflowX"] <= 0 and fit["overflowY"] <= 0, fit  # no scroll bar inside the frame
    width, height = fit["frame"]
    assert width == FRAME_WIDTH, fit
    left, top, right, _ = fit["graph"]
    assert left == 0 and top >= 0 and right == width, fit  # nothing cut, nothing wasted at the sides
    if view == "timeline":
        assert height - 40 <= fit["page"] <= height, fit  # as tall as it needs, a wrapped key's line to spare
    else:
        assert abs(fit["page"] - height) <= 1, fit  # the map and the overlap fill the frame's height


@pytest.mark.parametrize("view", ["timeline", ""])
def test_the_frame_takes_the_height_the_page_posts(dash_br, served_under_prefix, intranet_page, view):
    snippet = snippet_for(dash_br, served_under_prefix, view)
    dash_br.driver.get(intranet_page(in_column(snippet)))
    frame = dash_br.driver.find_element(By.TAG_NAME, "iframe")
    graph = "#timeline-graph"
    wait_for(
        dash_br, lambda: inside_frame(dash_br, FIT, graph, view != "")["ready"], timeout=30, message="drawn"
    )

    def fitted():
        fit = inside_frame(dash_br, FIT, graph, view != "")
        return fit["overflowY"] <= 0 and abs(fit["page"] - frame.size["height"]) <= 1

    wait_for(dash_br, fitted, message="the frame as tall as the page in it")
    if view == "":
        assert frame.size["height"] > 2000  # the whole dashboard, not the snippet's first guess


def test_the_snippet_heeds_only_its_own_frame_from_the_dashboards_origin(
    dash_br, served_under_prefix, intranet_page
):
    snippet = snippet_for(dash_br, served_under_prefix, "timeline")
    origin = re.search(r'event.origin !== "([^"]+)"', snippet).group(1)
    assert served_under_prefix.url.startswith(origin + "/")
    # The same snippet expecting another origin; beside it, a listener that hears every message.
    elsewhere = snippet.replace(f'"{origin}"', '"http://intranet.example"')
    heard = (
        "<script>window.heard = []; addEventListener('message', (e) => heard.push(e.data.height));</script>"
    )
    dash_br.driver.get(intranet_page(in_column(elsewhere) + heard))
    frame = dash_br.driver.find_element(By.TAG_NAME, "iframe")
    initial = frame.size["height"]
    wait_for(dash_br, lambda: dash_br.driver.execute_script("return heard.length") > 0, timeout=30)
    posted = dash_br.driver.execute_script("return heard[heard.length - 1]")
    assert posted != initial  # the page did ask for another height...
    # ... and a message of the right form from the intranet page itself, not from the frame.
    dash_br.driver.execute_script(
        "window.postMessage({source: 'csto-sco-dashboard', type: 'height', height: 77}, '*')"
    )
    wait_for(dash_br, lambda: dash_br.driver.execute_script("return heard.includes(77)"))
    assert frame.size["height"] == initial


def test_an_embedded_view_leads_back_to_the_whole_dashboard_at_the_same_view(dash_br, served_under_prefix):
    open_page(dash_br, served_under_prefix.page("?orgs=CSTO,NATO&date=2014-04-24&embed=map"))
    link = dash_br.find_element("#embed-link")
    wait_for(dash_br, link.is_displayed, message="the embed's last line shown")
    wait_for(
        dash_br, lambda: link.get_attribute("href").endswith("/dash/blocs/?orgs=CSTO,NATO&date=2014-04-24")
    )
    assert link.get_attribute("target") == "_blank"
    # Outside an embed, the line is not shown.
    open_page(dash_br, served_under_prefix.page("?date=2014-04-24"))
    assert not dash_br.find_element("#embed-link").is_displayed()
