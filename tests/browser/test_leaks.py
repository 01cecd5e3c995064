"""What a reader meets first and should not: an offer to upload a chart, a map that takes the
mouse wheel, two download buttons that look the same."""

from __future__ import annotations

from browsing import find_all, open_page, plot_layout, wait_for
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin

GRAPHS = ("map-graph", "overlap-graph", "timeline-graph")


def modebar_titles(browser, graph_id):
    ActionChains(browser.driver).move_to_element(browser.find_element(f"#{graph_id}")).perform()
    return [button.get_attribute("data-title") for button in find_all(browser, f"#{graph_id} .modebar-btn")]


def test_no_toolbar_button_offers_to_send_a_chart_elsewhere(dash_br, served):
    open_page(dash_br, served.page())
    for graph_id in GRAPHS:
        titles = wait_for(dash_br, lambda graph_id=graph_id: modebar_titles(dash_br, graph_id))
        assert "Download as PNG" in titles, graph_id
        assert not [
            t for t in titles if "share" in t.lower() or "cloud" in t.lower() or "studio" in t.lower()
        ]


def test_png_and_svg_buttons_look_different(dash_br, served):
    open_page(dash_br, served.page())
    modebar_titles(dash_br, "map-graph")
    icons = dash_br.driver.execute_script(
        "return ['Download as PNG', 'Download as SVG (for slides and print)'].map((title) =>"
        " document.querySelector(`#map-graph .modebar-btn[data-title='${title}'] path`).getAttribute('d'))"
    )
    assert icons[0] != icons[1]


def test_the_mouse_wheel_over_the_map_scrolls_the_page(dash_br, served):
    dash_br.driver.set_window_size(1024, 768)
    open_page(dash_br, served.page())
    scale = plot_layout(dash_br, "map-graph")["geo"].get("projection", {}).get("scale")
    dash_br.driver.execute_script(
        "document.querySelector('#map-graph').scrollIntoView({block: 'start', behavior: 'instant'})"
    )
    before = dash_br.driver.execute_script("return window.scrollY")
    origin = ScrollOrigin.from_element(dash_br.find_element("#map-graph .geolayer"))
    ActionChains(dash_br.driver).scroll_from_origin(origin, 0, 300).perform()
    wait_for(
        dash_br, lambda: dash_br.driver.execute_script("return window.scrollY") > before, message="scrolled"
    )
    assert plot_layout(dash_br, "map-graph")["geo"].get("projection", {}).get("scale") == scale
