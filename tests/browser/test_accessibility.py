"""axe-core's WCAG 2.2 A and AA rules (and the others Lighthouse scores), run against the real app: no violation in any view a reader meets.

axe-core is vendored for these tests only (tests/vendor/axe-core, its licence beside it)
and injected into the page; the app never serves it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browsing import open_page, wait_for

AXE = (Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Rules outside those tags that Lighthouse's accessibility score counts (bench/lighthouse).
ALSO = [
    "aria-dialog-name",
    "aria-text",
    "empty-table-header",
    "heading-order",
    "landmark-one-main",
    "skip-link",
    "tabindex",
]
RUN = """
const done = arguments[arguments.length - 1];
const rules = Object.fromEntries(ALSO.map((rule) => [rule, {enabled: true}]));
axe.run(document, {runOnly: {type: "tag", values: TAGS}, rules: rules, resultTypes: ["violations"]})
    .then((results) => done(results.violations.map((v) => ({
        id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }))))
    .catch((error) => done([{id: "axe failed", help: String(error), nodes: []}]));
""".replace("TAGS", json.dumps(TAGS)).replace("ALSO", json.dumps(ALSO))


def violations(browser):
    browser.driver.execute_script(AXE)
    browser.driver.set_script_timeout(60)
    return browser.driver.execute_async_script(RUN)


def settled(browser):
    """Wait until every view is drawn by Dash and no callback is on its way."""
    wait_for(
        browser,
        lambda: browser.driver.execute_script(
            "return !document.querySelector('[data-dash-is-loading]')"
            " && document.querySelectorAll('.js-plotly-plot .main-svg').length > 0"
        ),
        timeout=30,
        message="page settled",
    )


@pytest.mark.parametrize(
    "query",
    ["", "?embed=map", "?embed=overlap", "?embed=timeline", "?country=KAZ&date=2014-04-24"],
    ids=["default", "embed-map", "embed-overlap", "embed-timeline", "side-panel"],
)
def test_no_wcag_violation(dash_br, served, query):
    open_page(dash_br, served.page(query), ready=".js-plotly-plot .main-svg")
    settled(dash_br)
    found = violations(dash_br)
    assert found == [], json.dumps(found, indent=1)


def test_no_wcag_violation_in_dark_colours(dash_br, served):
    dash_br.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    )
    try:
        open_page(dash_br, served.page(), ready=".js-plotly-plot .main-svg")
        wait_for(
            dash_br,
            lambda: (
                dash_br.driver.execute_script("return document.documentElement.getAttribute('data-bs-theme')")
                == "dark"
            ),
        )
        settled(dash_br)
        found = violations(dash_br)
        assert found == [], json.dumps(found, indent=1)
    finally:
        dash_br.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize(
    ("button", "inside"),
    [("#share-open", "#share-link"), ("#about-open", "#about-citation")],
    ids=["share", "about"],
)
def test_no_wcag_violation_with_a_dialog_open(dash_br, served, button, inside):
    open_page(dash_br, served.page(), ready=".js-plotly-plot .main-svg")
    settled(dash_br)
    dash_br.find_element(button).click()
    wait_for(dash_br, lambda: dash_br.find_element(inside).is_displayed(), message="dialog")
    found = violations(dash_br)
    assert found == [], json.dumps(found, indent=1)
