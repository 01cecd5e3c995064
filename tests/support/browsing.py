"""Small helpers for the browser tests: waiting on conditions, reading the page and the plots."""

from __future__ import annotations

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

MAP_SHAPES = "#map-graph path.choroplethlocation"
MAP_TITLE = "#map-graph .gtitle"


def wait_for(browser, condition, timeout=20, message=""):
    """Wait until `condition()` is truthy, polling; fail with `message` after `timeout` seconds."""
    wait = WebDriverWait(
        browser.driver, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)
    )
    return wait.until(lambda _: condition(), message=message)


def open_page(browser, url, ready=MAP_SHAPES):
    browser.driver.get(url)
    browser.wait_for_element(ready, timeout=30)


def map_title(browser):
    return browser.find_element(MAP_TITLE).text


def wait_for_title(browser, graph_id, ending):
    """Wait until the graph `graph_id` is drawn with a title ending in `ending` (the day it shows)."""
    wait_for(
        browser,
        lambda: browser.find_element(f"#{graph_id} .gtitle").text.endswith(ending),
        message=f"{graph_id} drawn for {ending}",
    )


def plot_data(browser, graph_id):
    """The traces plotly.js is drawing in the graph `graph_id`."""
    return browser.driver.execute_script(
        "return document.querySelector(arguments[0] + ' .js-plotly-plot').data", f"#{graph_id}"
    )


def plot_layout(browser, graph_id):
    """The full layout plotly.js is drawing in the graph `graph_id`, as far as JSON carries it."""
    return browser.driver.execute_script(
        "const gd = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return JSON.parse(JSON.stringify(gd._fullLayout, (k, v) => k.startsWith('_') ? undefined : v));",
        f"#{graph_id}",
    )


def find_all(browser, selector):
    return browser.driver.find_elements(By.CSS_SELECTOR, selector)


def url_query(browser):
    return browser.driver.execute_script("return window.location.search")


def record_map_titles(browser):
    """From now on, note the title of every figure the map draws (see `drawn_map_titles`)."""
    browser.driver.execute_script(
        "window.__titles = [];"
        "const gd = document.querySelector('#map-graph .js-plotly-plot');"
        "gd.on('plotly_afterplot', () => window.__titles.push(gd.layout.title.text));"
    )


def drawn_map_titles(browser):
    return browser.driver.execute_script("return window.__titles")


def open_table(browser, table_id):
    """Open, from the keyboard, the disclosure (`<details>`) that holds the table `table_id`."""
    summary = browser.find_element(f"details:has(#{table_id}) summary")
    browser.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", summary
    )
    summary.send_keys(Keys.ENTER)  # a summary opens its details from the keyboard
    wait_for(browser, lambda: find_all(browser, f"#{table_id} tbody tr"), message=f"{table_id} filled")


def key_labels(browser, key="#timeline-key"):
    """The labels of the timeline's key (without their symbols), or of the one at `key`."""
    return browser.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' li')].map(item => item.lastChild.textContent)",
        key,
    )


def type_date(browser, text):
    """Type `text` (a year, a month or a day) into the as-of box and press Enter, as a reader would."""
    box = browser.find_element("#filters-date")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text, Keys.ENTER)
