"""Every text outside the figures reads at WCAG AA contrast, in light colours and in dark."""

from __future__ import annotations

import pytest
from browsing import open_page, wait_for

AA_NORMAL_TEXT = 4.5

# The contrast ratio (WCAG 2) of each visible text outside the figures' SVG against what
# lies under it: the element's text colour laid over the backgrounds of it and its
# ancestors, down to the first opaque one. Answers with those under `arguments[0]`.
LOW_CONTRAST = """
const [least] = arguments;
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
const low = [];
for (const element of document.querySelectorAll("body *:not(svg):not(svg *)")) {
    const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
        .map((node) => node.textContent.trim()).join(" ") || (element.tagName === "INPUT" ? element.value : "");
    if (!text || element.getClientRects().length === 0) { continue; }
    const colour = rgba(getComputedStyle(element).color);
    const under = ground(element);
    const [a, b] = [luminance(colour.slice(0, 3).map((v, i) => v * colour[3] + under[i] * (1 - colour[3]))), luminance(under)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < least) { low.push(ratio.toFixed(2) + " " + element.tagName + " " + JSON.stringify(text.slice(0, 40))); }
}
return low;
"""


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_every_text_outside_the_figures_reads_at_aa_contrast(dash_br, served, colours):
    # Dash's own controls kept a white field under Bootstrap's light text in dark mode,
    # and dark year marks on the dark page (1.1:1); Bootstrap's outline buttons fell
    # short in both modes.
    open_page(dash_br, served.page("?country=KAZ"))
    dash_br.find_element("#theme-choice").send_keys(colours.capitalize())
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script("return document.documentElement.dataset.bsTheme") == colours,
        message=f"{colours} colours",
    )
    dash_br.find_element("#filters-status-summary").click()  # the statuses, unfolded, too
    dash_br.wait_for_element("#filters-status input")
    assert dash_br.driver.execute_script(LOW_CONTRAST, AA_NORMAL_TEXT) == []
