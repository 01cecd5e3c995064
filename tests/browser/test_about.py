"""The "About the data" dialog, from the keyboard: opened from the header, it names the review
date, the licence and the citation with the link to the view; Escape closes it."""

from __future__ import annotations

from browsing import open_page, wait_for
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import data
from data import PartialDate


def focused_id(browser):
    return browser.driver.switch_to.active_element.get_attribute("id")


def press(browser, *keys):
    ActionChains(browser.driver).send_keys(*keys).perform()


def test_the_about_dialog_opens_from_the_header_by_keyboard(dash_br, served):
    reviewed = PartialDate.of_day(data.bundled_dataset().reviewed).label()
    url = served.page("?date=2014-04-24")
    open_page(dash_br, url)
    for _ in range(20):
        if focused_id(dash_br) == "about-open":
            break
        press(dash_br, Keys.TAB)
    assert focused_id(dash_br) == "about-open"
    press(dash_br, Keys.ENTER)
    wait_for(dash_br, lambda: dash_br.find_element("#about-modal").is_displayed(), message="dialog open")
    # a modal dialog, named by its title
    dialog = dash_br.find_element("[role='dialog'][aria-modal='true'][aria-labelledby='about-title']")
    assert dash_br.find_element("#about-title").text == "About the data"
    # the focus moved into the dialog
    wait_for(
        dash_br,
        lambda: dash_br.driver.execute_script(
            "return document.querySelector('[role=dialog]').contains(document.activeElement)"
        ),
        message="focus in the dialog",
    )
    assert reviewed in dash_br.find_element("#about-reviewed").text
    assert "CC BY 4.0" in dash_br.find_element("#about-licence").text
    citation = dash_br.find_element("#about-citation").get_attribute("value")
    assert f"data last reviewed {reviewed}" in citation and citation.endswith(" " + url), citation
    assert f"{len(data.bundled_dataset().events)} rows" in dialog.text
    # Escape closes it and gives the focus back to the button
    press(dash_br, Keys.ESCAPE)
    wait_for(dash_br, lambda: not dash_br.find_elements("#about-modal .modal-body"), message="dialog closed")
    wait_for(dash_br, lambda: focused_id(dash_br) == "about-open", message="focus back on the button")
    assert dash_br.find_element("#data-reviewed").text == f"Data last reviewed {reviewed}."
