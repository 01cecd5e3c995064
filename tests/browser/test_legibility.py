"""Every text outside the figures reads at WCAG AA contrast, and every focus shows, in light
colours and in dark."""

from __future__ import annotations

import pytest
from browsing import open_page, wait_for
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

AA_NORMAL_TEXT = 4.5

# The contrast ratio (WCAG 2) of each visible text outside the figures' SVG against what
# lies under it: the element's text colour laid over the backgrounds of it and its
# ancestors, down to the first opaque one. Answers with those under `arguments[0]`.
COLOURS = """
function rgba(text) {
    const parts = text.match(/rgba?\\(([^)]+)\\)/)[1].split(",").map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}
function luminance(rgb) {
    const linear = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}
function ground(element) {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
        const colour = rgba(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) { layers.push(colour); if (colour[3] >= 1) { break; } }
    }
    let seen = [255, 255, 255];
    for (const colour of layers.reverse()) {
        seen = seen.map((value, i) => value * (1 - colour[3]) + colour[i] * colour[3]);
    }
    return seen;
}
function contrast(colour, under) {
    const [a, b] = [luminance(colour.slice(0, 3).map((v, i) => v * colour[3] + under[i] * (1 - colour[3]))), luminance(under)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""
LOW_CONTRAST = (
    COLOURS
    + """
const [least] = arguments;
const low = [];
for (const element of document.querySelectorAll("body *:not(svg):not(svg *)")) {
    const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
        .map((node) => node.textContent.trim()).join(" ") || (element.tagName === "INPUT" ? element.value : "");
    if (!text || element.getClientRects().length === 0) { continue; }
    const ratio = contrast(rgba(getComputedStyle(element).color), ground(element));
    if (ratio < least) { low.push(ratio.toFixed(2) + " " + element.tagName + " " + JSON.stringify(text.slice(0, 40))); }
}
return low;
"""
)


def show_colours(browser, colours):
    browser.find_element("#theme-choice").send_keys(colours.capitalize())
    wait_for(
        browser,
        lambda: browser.driver.execute_script("return document.documentElement.dataset.bsTheme") == colours,
        message=f"{colours} colours",
    )


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_every_text_outside_the_figures_reads_at_aa_contrast(dash_br, served, colours):
    # Dash's own controls kept a white field under Bootstrap's light text in dark mode,
    # and dark year marks on the dark page (1.1:1); Bootstrap's outline buttons fell
    # short in both modes.
    open_page(dash_br, served.page("?country=KAZ"))
    show_colours(dash_br, colours)
    dash_br.find_element("#filters-status-summary").click()  # the statuses, unfolded, too
    dash_br.wait_for_element("#filters-status input")
    assert dash_br.driver.execute_script(LOW_CONTRAST, AA_NORMAL_TEXT) == []


NON_TEXT = 3  # WCAG 1.4.11: a focus indicator against what lies around it
FOCUS_RING_PX = 2

# What shows the focus of the focused element: its outline's style, width and contrast
# against the ground it is drawn on, and whether it and its toolbar (if any) are visible.
FOCUS = (
    COLOURS
    + """
const element = document.activeElement;
if (element === document.body) { return null; }
const style = getComputedStyle(element);
const group = element.closest(".modebar-group");
return {
    name: element.id || element.getAttribute("aria-label") || element.textContent.trim().slice(0, 30),
    outline: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    contrast: contrast(rgba(style.outlineColor), ground(element.parentElement || element)),
    shown: !group || getComputedStyle(group).opacity === "1",
};
"""
)


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_every_stop_of_the_tab_order_shows_its_focus(dash_br, served, colours):
    # Bootstrap's buttons showed none, its fields a pale halo (1.3:1); plotly.js's toolbar
    # buttons took the focus unseen, their toolbar hidden until hovered.
    dash_br.driver.set_window_size(1024, 768)
    open_page(dash_br, served.page("?date=2014-04-24"))
    show_colours(dash_br, colours)
    dash_br.driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    missing, stops = [], set()
    for _ in range(60):
        ActionChains(dash_br.driver).send_keys(Keys.TAB).perform()
        wait_for(
            dash_br,
            lambda: (dash_br.driver.execute_script(FOCUS) or {"shown": True})["shown"],
            timeout=3,
            message="the focused button's toolbar shows",
        )
        focus = dash_br.driver.execute_script(FOCUS)
        if focus is None:  # past the last stop, the focus leaves the page
            continue
        stops.add(focus["name"])
        if not (
            focus["outline"] != "none" and focus["width"] >= FOCUS_RING_PX and focus["contrast"] >= NON_TEXT
        ):
            missing.append(focus)
    assert len(stops) > 30  # the walk went through the filters, the cards and their toolbars
    assert missing == []
