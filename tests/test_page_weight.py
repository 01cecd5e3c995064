"""What the first load costs in bytes: only the scripts and files the page uses, trimmed."""

import json
import re
from urllib.parse import urlsplit

import pytest

import app as dashboard


@pytest.fixture(scope="module")
def client():
    return dashboard.server.test_client()


def test_the_page_leaves_out_the_scripts_it_does_not_use(client):
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert any("dash_renderer" in src for src in scripts)  # the page still loads Dash
    assert not [src for src in scripts if "polyfill@" in src or "dash_table/" in src]
    layout = json.dumps(client.get("/_dash-layout").get_json())
    assert '"namespace": "dash_table"' not in layout  # nothing on the page needs dash_table


def test_the_page_draws_with_the_trimmed_plotly_bundle(client):
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'<script[^>]* src="/assets/plotly/plotly\.min\.js\?m=[\d.]+"', page)
    bundle = client.get("/assets/plotly/plotly.min.js").get_data()
    assert bundle.startswith(
        b"/*! plotly.js v4.1.1, custom bundle with traces scatter, bar, choropleth, scattergeo"
    )
    assert len(bundle) < 1_400_000  # the full bundle is 4.8 MB


def test_the_favicon_is_the_app_s_own_small_one(client):
    page = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="icon" type="image/x-icon" href="([^"]+)"', page).group(1)
    assert href.startswith("/assets/favicon.ico")
    icon = client.get(href)
    assert icon.status_code == 200
    assert len(icon.get_data()) < 4_000  # Dash's own is 15 kB


def test_the_page_asks_early_for_the_files_it_is_sure_to_need(client):
    page = client.get("/").get_data(as_text=True)
    hints = re.findall(r'<link rel="preload" href="([^"]+)" as="(fetch|script)"', page)
    assert ("/assets/topojson/world_110m.json", "fetch") in hints
    assert ("/_dash-component-suites/dash/dcc/async-graph.js", "script") in hints
    for href, _ in hints:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize(
    ("table", "query"), [("map-table", "map-table-query"), ("timeline-table", "timeline-table-query")]
)
def test_a_closed_table_costs_no_request(client, table, query):
    # Only the browser-side gate follows the filters; the table's server callback hears
    # only from the gate, which is silent while the table is closed.
    dependencies = client.get("/_dash-dependencies").get_json()
    server_side = next(d for d in dependencies if d["output"] == f"{table}.children")
    assert [f"{i['id']}.{i['property']}" for i in server_side["inputs"]] == [f"{query}.data"]
    gate = next(d for d in dependencies if d["output"] == f"{query}.data")
    assert gate.get("clientside_function") is not None
    assert {"filters-orgs.value", "filters-date.value"} <= {
        f"{i['id']}.{i['property']}" for i in gate["inputs"]
    }


def test_the_first_view_is_asked_for_before_anything_else_and_drawn_before_dash(client):
    page = client.get("/").get_data(as_text=True)
    head, body = page.split("</head>")
    # the first view's own script runs before the stylesheets could hold it back
    assert head.index("<script data-layout=") < head.index('<link rel="stylesheet"')
    tags = re.findall(r"<script([^>]*) src=\"([^\"]+)\"", body)
    # the only scripts the browser runs as it parses: plotly.js and the picture's
    running = [src for attributes, src in tags if "text/plain" not in attributes]
    assert [urlsplit(src).path for src in running] == [
        "/assets/plotly/plotly.min.js",
        "/assets/first-view/draw.js",
    ]
    # React's and Dash's are written inert, for the first view's script to load once the picture is out
    waiting = [attributes for attributes, src in tags if src not in running]
    assert len(waiting) >= 8 and all("data-after-first-view" in attributes for attributes in waiting)
    assert "window.blocsLoadDash()" in body.split(running[0])[0]  # at once, if there is no picture
    assert "window.blocsStartDash = function" in body  # Dash starts when they have run
    # and they are the first files asked for, ahead of the map's shapes and Dash's parts
    hints = re.findall(r'<link rel="preload" href="([^"]+)" as="(?:script|fetch)"([^>]*)>', head)
    assert [(urlsplit(href).path, "high" in rest) for href, rest in hints[:2]] == [
        ("/assets/plotly/plotly.min.js", True),
        ("/assets/first-view/draw.js", True),
    ]
    assert [href for href, _ in hints[:2]] == running  # the same addresses
    assert "new DashRenderer" in body and 'id="first-view"' in body
