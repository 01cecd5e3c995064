"""Everything a mouse does, done from the keyboard alone: the skip link, the filters, the
share dialog, opening an event and selecting a region of the overlap."""

from __future__ import annotations

from browsing import map_title, open_page, open_table, url_query, wait_for
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


def focused(browser):
    return browser.driver.switch_to.active_element


def press(browser, *keys):
    ActionChains(browser.driver).send_keys(*keys).perform()


def select_all(browser):
    ActionChains(browser.driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()


def tab_to(browser, element_id, limit=60):
    """Press Tab until the element `element_id` has the focus; fail after `limit` presses."""
    for _ in range(limit):
        if focused(browser).get_attribute("id") == element_id:
            return
        press(browser, Keys.TAB)
    raise AssertionError(f"Tab never reached #{element_id}")


def test_the_first_tab_stop_skips_to_the_views(dash_br, served):
    open_page(dash_br, served.page())
    press(dash_br, Keys.TAB)
    link = focused(dash_br)
    assert link.text == "Skip to the views" and link.is_displayed()  # shown once focused
    press(dash_br, Keys.ENTER)
    wait_for(dash_br, lambda: focused(dash_br).get_attribute("id") == "views", message="views focused")


def test_the_filters_answer_the_keyboard(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    tab_to(dash_br, "filters-date")
    select_all(dash_br)
    press(dash_br, "2001", Keys.ENTER)
    wait_for(dash_br, lambda: url_query(dash_br) == "?date=2001", message="a year typed")
    wait_for(dash_br, lambda: map_title(dash_br) == "Member states as of 31 December 2001")
    assert dash_br.find_element("#filters-date").get_property("value") == "2001-12-31"
    # Nonsense typed puts the box back to the date shown.
    select_all(dash_br)
    press(dash_br, "2001-02-30", Keys.ENTER)
    wait_for(dash_br, lambda: dash_br.find_element("#filters-date").get_property("value") == "2001-12-31")
    assert url_query(dash_br) == "?date=2001"

    tab_to(dash_br, "filters-status-summary")
    press(dash_br, Keys.ENTER)  # unfolds the statuses
    tab_to(dash_br, "_dbcprivate_checklist_filters-status_input_observer")
    press(dash_br, Keys.SPACE)
    wait_for(
        dash_br, lambda: "status=member,signatory,observer,frozen" in url_query(dash_br), message="status"
    )
    wait_for(dash_br, lambda: "observers" in dash_br.find_element("#filters-status-summary").text)
    press(dash_br, Keys.ESCAPE)  # folds the statuses again, as a menu closes
    wait_for(dash_br, lambda: not dash_br.find_element("#filters-status").is_displayed(), message="folded")
    assert focused(dash_br).get_attribute("id") == "filters-status-summary"


def test_the_share_dialogs_copy_buttons_are_reached_with_tab(dash_br, served):
    open_page(dash_br, served.page("?date=2014"))
    tab_to(dash_br, "share-open")
    press(dash_br, Keys.ENTER)
    wait_for(dash_br, lambda: dash_br.find_element("#share-link").is_displayed(), message="dialog")
    tab_to(dash_br, "share-link-copy", limit=12)
    press(dash_br, Keys.ENTER)
    wait_for(dash_br, lambda: dash_br.find_element("#share-link-copy").text == "Copied", message="copied")
    tab_to(dash_br, "share-embed-copy", limit=12)
    press(dash_br, Keys.ENTER)
    wait_for(dash_br, lambda: dash_br.find_element("#share-embed-copy").text == "Copied", message="copied")
    # Another view chosen: the buttons offer to copy again.
    dash_br.find_element("#share-view input[value='map']").click()
    wait_for(dash_br, lambda: dash_br.find_element("#share-embed-copy").text == "Copy code")


def test_an_event_opens_from_the_timelines_table(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    open_table(dash_br, "timeline-table")
    button = dash_br.find_element("#timeline-table button[id*='csto-suspends-nato-contacts-2014']")
    button.send_keys(Keys.ENTER)
    wait_for(
        dash_br,
        lambda: "event=csto-suspends-nato-contacts-2014" in url_query(dash_br),
        message="event opened",
    )
    wait_for(dash_br, lambda: "NATO" in dash_br.find_element("#timeline-detail").text, message="detail")


def test_a_region_is_selected_from_the_overlaps_table(dash_br, served):
    open_page(dash_br, served.page("?date=2014-04-24"))
    open_table(dash_br, "overlap-table")
    button = dash_br.find_element("#overlap-table button[id*='CSTO,SCO']")
    button.send_keys(Keys.ENTER)
    wait_for(dash_br, lambda: "region=CSTO,SCO" in url_query(dash_br), message="region selected")
    wait_for(dash_br, lambda: "Kyrgyzstan" in dash_br.find_element("#country-panel").text)
