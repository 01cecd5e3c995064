"""The first view: the default view's figures drawn before Dash starts, then handed over to Dash's own."""

from __future__ import annotations

import pytest
from browsing import key_labels, open_page, wait_for

VIEWS = {"map-graph", "overlap-graph", "timeline-graph"}


def first_view(browser):
    """What the first view's scripts did (None when they did nothing)."""
    return browser.driver.execute_script(
        "const s = window.blocsFirstView;"
        "return s ? {drawn: s.drawn || [], done: Boolean(s.done), overlay: Boolean(document.getElementById('first-view'))}"
        " : {skipped: true, overlay: Boolean(document.getElementById('first-view'))};"
    )


def layout_requests(browser):
    return browser.driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/_dash-layout')).length"
    )


@pytest.mark.parametrize("site", ["served", "served_under_prefix"])
def test_the_default_view_is_drawn_before_dash_then_handed_over(dash_br, site, request):
    app = request.getfixturevalue(site)
    open_page(dash_br, app.page())
    wait_for(dash_br, lambda: first_view(dash_br).get("done"), message="the first view handed over")
    state = first_view(dash_br)
    assert set(state["drawn"]) == VIEWS  # each figure was drawn early
    assert not state["overlay"]  # and the picture is gone now that Dash drew them
    assert not dash_br.driver.find_elements("css selector", "[data-view]")
    for view in VIEWS:
        dash_br.wait_for_element(f"#{view} .main-svg", timeout=10)
    assert layout_requests(dash_br) == 1  # Dash was handed the layout the first view asked for
    assert dash_br.get_logs() == []  # no script refused by the page's policy, no error


def test_dash_s_scripts_are_asked_for_only_once_the_picture_is_out(dash_br, served):
    open_page(dash_br, served.page())
    wait_for(dash_br, lambda: first_view(dash_br).get("done"), message="the first view handed over")
    painted, waiting, asked = dash_br.driver.execute_script(
        "const waiting = [...document.querySelectorAll('script[data-after-first-view]')].map(s => s.src);"
        "return [window.blocsFirstView.painted, waiting, performance.getEntriesByType('resource')"
        "  .filter(e => waiting.includes(e.name)).map(e => [e.name, e.startTime])];"
    )
    assert any("dash_renderer" in src for src in waiting) and any("react-dom" in src for src in waiting)
    assert sorted(name for name, _ in asked) == sorted(waiting)  # each asked for once
    assert painted > 0 and min(start for _, start in asked) >= painted


def test_without_the_picture_s_script_dash_still_starts_and_no_picture_stays(dash_br, served):
    driver = dash_br.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*first-view/draw.js*"]})
    try:
        driver.get(served.page())
        for view in VIEWS:
            dash_br.wait_for_element(f"#{view} .main-svg", timeout=30)
        wait_for(dash_br, lambda: not first_view(dash_br)["overlay"], message="the picture's page gone")
        assert not driver.find_elements("css selector", "[data-view]")
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.disable", {})


# Installed before the page's scripts: Dash's graphs never draw (plotly.js's `react`, which
# Dash's graph component draws with, does nothing for them); the picture's still do.
HOLD_DASH_GRAPHS = """
const hold = setInterval(function () {
    if (!window.Plotly || !window.Plotly.react) { return; }
    clearInterval(hold);
    const react = window.Plotly.react;
    window.Plotly.react = function (gd) {
        return gd.dataset && gd.dataset.view ? react.apply(this, arguments) : new Promise(function () {});
    };
}, 1);
"""


def test_until_dash_draws_them_the_figures_lie_over_their_places_and_take_no_clicks(dash_br, served):
    driver = dash_br.driver
    hook = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOLD_DASH_GRAPHS})
    try:
        driver.get(served.page())
        dash_br.wait_for_element("#filters-orgs", timeout=30)  # React has put the page in
        wait_for(dash_br, lambda: not first_view(dash_br)["overlay"], message="the picture's page gone")
        driver.execute_script("window.scrollTo(0, 300)")
        for view in VIEWS:
            wait_for(
                dash_br,
                lambda view=view: driver.execute_script(
                    "const p = document.querySelector('[data-view=\"' + arguments[0] + '\"]').getBoundingClientRect();"
                    "const h = document.getElementById(arguments[0]).getBoundingClientRect();"
                    "return Math.abs(p.left - h.left) < 1 && Math.abs(p.top - h.top) < 1 && p.width > 200;",
                    view,
                ),
                message=f"{view}'s picture over its place",
            )
        assert not first_view(dash_br).get("done")  # still waiting for Dash
        assert driver.execute_script(
            "return [...document.querySelectorAll('[data-view]')].every(p => getComputedStyle(p).pointerEvents === 'none')"
        )
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", hook)


def test_a_view_asked_for_by_the_url_is_not_pictured_as_the_default(dash_br, served):
    open_page(dash_br, served.page("?orgs=NATO"))
    assert first_view(dash_br) == {"skipped": True, "overlay": False}
    assert layout_requests(dash_br) == 1


def test_dark_colours_are_not_pictured_in_light_ones(dash_br, served):
    dash_br.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    )
    try:
        open_page(dash_br, served.page())
        assert first_view(dash_br) == {"skipped": True, "overlay": False}
        wait_for(dash_br, lambda: dash_br.driver.execute_script(
            "return document.documentElement.getAttribute('data-bs-theme')") == "dark")  # fmt: skip
    finally:
        dash_br.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_picture_shows_the_timeline_s_key_as_the_page_does(dash_br, served):
    driver = dash_br.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*dash_renderer*"]})  # the picture stays
    try:
        driver.get(served.page())
        wait_for(dash_br, lambda: len(first_view(dash_br).get("drawn", [])) == 3, message="the picture drawn")
        pictured = key_labels(dash_br, "#first-view .timeline-key")
    finally:
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        driver.execute_cdp_cmd("Network.disable", {})
    open_page(dash_br, served.page())
    wait_for(dash_br, lambda: first_view(dash_br).get("done"), message="the first view handed over")
    assert pictured[:2] == ["CSTO: signatory", "CSTO: member"]
    assert pictured == key_labels(dash_br)


def test_dark_colours_chosen_on_the_page_are_not_pictured_in_light_ones(dash_br, served):
    # The head script finds the choice where Dash's persistence keeps it (its key comes from Python).
    open_page(dash_br, served.page())
    dash_br.driver.execute_script(
        "window.localStorage.setItem('theme-choice.value', JSON.stringify(['dark']))"
    )
    try:
        open_page(dash_br, served.page())
        assert first_view(dash_br) == {"skipped": True, "overlay": False}
    finally:
        dash_br.driver.execute_script("window.localStorage.clear()")
