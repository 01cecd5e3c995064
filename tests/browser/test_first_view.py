"""The first view: the default view's figures drawn before Dash starts, then handed over to Dash's own."""

from __future__ import annotations

import pytest
from browsing import MAP_SHAPES, open_page, wait_for

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
    for view in VIEWS:
        dash_br.wait_for_element(f"#{view} .main-svg", timeout=10)
    assert layout_requests(dash_br) == 1  # Dash was handed the layout the first view asked for
    assert dash_br.get_logs() == []  # no script refused by the page's policy, no error


def test_the_picture_takes_no_clicks(dash_br, served):
    open_page(dash_br, served.page(), ready="#first-view, " + MAP_SHAPES)
    # Whenever it is still there, clicks go through it to the page.
    assert dash_br.driver.execute_script(
        "const o = document.getElementById('first-view'); return !o || getComputedStyle(o).pointerEvents === 'none'"
    )


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
