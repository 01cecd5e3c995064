"""The browser's code gets component ids from Python, and every callback it serves is a named function."""

import re
from pathlib import Path

import app as dashboard
from components import ids
from components.page import client_config

ROOT = Path(__file__).resolve().parents[2]
OWN_SCRIPTS = [ROOT / "assets" / "blocs.js", ROOT / "assets" / "modebar.js"]


def test_no_component_id_is_spelt_out_in_the_browsers_code():
    known = {value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)}
    for script in OWN_SCRIPTS:
        text = script.read_text(encoding="utf-8")
        spelt = sorted(value for value in known if re.search(rf"""["']{re.escape(value)}["']""", text))
        assert spelt == [], script.name


def test_every_browser_callback_is_a_named_function_in_the_assets():
    dependencies = dashboard.server.test_client().get("/_dash-dependencies").get_json()
    clientside = [d["clientside_function"] for d in dependencies if d["clientside_function"]]
    assert clientside and all(f["namespace"] == "blocs" for f in clientside)
    script = (ROOT / "assets" / "blocs.js").read_text(encoding="utf-8")
    for function in {f["function_name"] for f in clientside}:
        assert re.search(rf"\b{function}: function", script), function


def test_the_page_tells_the_browser_the_ids_the_urls_order_and_the_review_date(small_dataset):
    config = client_config(small_dataset)
    assert config["url"] == ids.URL and config["parameters"][:2] == ["orgs", "date"]
    assert config["dataReviewed"] == "2026-11-28"
    layout = dashboard.server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert ids.PAGE_CONFIG in layout
