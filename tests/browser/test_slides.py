"""The cards' PNG and SVG buttons save each figure ready for a slide: 1920×1080, titled, sourced."""

from __future__ import annotations

import struct
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from browsing import open_page, wait_for, wait_for_title
from selenium.webdriver.common.by import By

SVG = "{http://www.w3.org/2000/svg}"
QUERY = "?date=2014-04-24"
SOURCE = "Data: csto-sco-dashboard (reviewed 28 November 2026), sources in the table"
# Each card's graph, the view's name in the file's name, and the card's title.
CARDS = [
    ("map-graph", "map", "Map of member states"),
    ("overlap-graph", "overlap", "Overlap"),
    ("timeline-graph", "timeline", "Timeline"),
]


def wait_for_file(folder, name, timeout=30):
    """The downloaded file `name` in `folder`, once it is there and no longer growing."""
    target = Path(folder) / name
    deadline = time.monotonic() + timeout
    size = -1
    while time.monotonic() < deadline:
        if target.exists() and target.stat().st_size == size > 0:
            return target
        size = target.stat().st_size if target.exists() else -1
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded; the folder holds {sorted(Path(folder).iterdir())}")


def png_size(path):
    """The width and height a PNG's header gives."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", path.name
    return struct.unpack(">II", header[16:24])


def texts(svg):
    """Each <text> of an SVG, as it reads (its lines run together), by its class."""
    return [("".join(text.itertext()), text.get("class", "")) for text in svg.iter(f"{SVG}text")]


def background(svg):
    """The style of an SVG's first rectangle: plotly.js's paper, behind everything."""
    return next(svg.iter(f"{SVG}rect")).get("style").replace(" ", "")


def save(browser, graph, kind, name):
    browser.driver.find_element(
        By.CSS_SELECTOR, f'[id*=\'"graph":"{graph}"\'][id*=\'"format":"{kind}"\']'
    ).click()
    return wait_for_file(browser.download_path, name)


def open_views(browser, url):
    open_page(browser, url)
    wait_for_title(browser, "map-graph", "24 April 2014")
    wait_for_title(browser, "overlap-graph", "24 April 2014")
    # On screen the timeline has its range slider: the saved one must not.
    browser.wait_for_element("#timeline-graph .rangeslider-container", timeout=30)


def test_each_cards_buttons_save_a_slide_titled_and_sourced(dash_br, served):
    link = served.page(QUERY)
    open_views(dash_br, link)
    for graph, view, title in CARDS:
        png = save(dash_br, graph, "png", f"csto-sco-nato-{view}-2014-04-24.png")
        assert png_size(png) == (1920, 1080), png.name

        svg = ET.fromstring(save(dash_br, graph, "svg", f"csto-sco-nato-{view}-2014-04-24.svg").read_bytes())
        width, height = (float(svg.get(side)) for side in ("width", "height"))
        assert abs(width / height - 16 / 9) < 0.01, (view, width, height)
        lines = texts(svg)
        assert (f"{title}, as of 24 April 2014", "gtitle") in lines, view
        assert SOURCE + link in [text for text, _ in lines], view  # the foot's two lines
        assert background(svg).startswith("fill:rgb(255,255,255);fill-opacity:1"), view
        if view == "timeline":
            assert not svg.findall(f".//{SVG}g[@class='rangeslider-container']")
            assert svg.findall(f".//{SVG}g[@class='legend']"), "the timeline's key, as a legend"
            assert "Cooperation" in [text for text, _ in lines]


def test_a_slide_in_dark_colours_under_a_url_prefix(dash_br, served_under_prefix):
    link = served_under_prefix.page(QUERY)
    assert "/dash/blocs/" in link
    open_views(dash_br, link)
    dash_br.find_element("#theme-choice").send_keys("Dark")
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script("return document.documentElement.dataset.bsTheme") == "dark",
    )
    wait_for(
        dash_br,
        lambda: (
            dash_br.driver.execute_script(
                "return document.querySelector('#map-graph .js-plotly-plot')._fullLayout.font.color"
            )
            == "#DEE2E6"
        ),
        message="the map in dark colours",
    )
    try:
        for graph, view, _ in CARDS:
            png = save(dash_br, graph, "png", f"csto-sco-nato-{view}-2014-04-24.png")
            assert png_size(png) == (1920, 1080), view
            svg = ET.fromstring(
                save(dash_br, graph, "svg", f"csto-sco-nato-{view}-2014-04-24.svg").read_bytes()
            )
            # Light text on the card's own dark grey, opaque: legible on a slide of any colour.
            assert background(svg).startswith("fill:rgb(33,37,41);fill-opacity:1"), view
            assert SOURCE + link in [text for text, _ in texts(svg)], view
    finally:
        dash_br.find_element("#theme-choice").send_keys("Light")  # the choice is remembered
