"""Hostile and malformed requests: 4xx answers, never a 500 or a stack trace; headers on every response."""

import json

import pytest
from callbacks import output_specs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app as dashboard
import serving
import settings as app_settings

CALLBACK = "/_dash-update-component"


@pytest.fixture(scope="module")
def client():
    return dashboard.server.test_client()


@pytest.fixture(scope="module")
def dependencies(client):
    return client.get("/_dash-dependencies").get_json()


def body_for(dependency, values):
    """A request for `dependency` with `values` for its inputs and states, in order."""

    def items(specs, start):
        return [
            {"id": spec["id"], "property": spec["property"], "value": values[(start + i) % len(values)]}
            for i, spec in enumerate(specs)
        ]

    outputs = output_specs(dependency["output"])
    return {
        "output": dependency["output"],
        "outputs": outputs if len(outputs) != 1 else outputs[0],
        "inputs": items(dependency["inputs"], 0),
        "state": items(dependency["state"], len(dependency["inputs"])),
        "changedPropIds": [],
    }


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/assets/style.css", "/_dash-layout", "/healthz"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        policy = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in policy
        assert "unsafe-eval" not in policy
        assert "X-Frame-Options" not in response.headers
    page_policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in page_policy and "default-src 'self'" in page_policy


def test_the_health_endpoint_reports_the_data(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "memberships": 115, "events": 76}


HOSTILE = [
    ("not json", "{", 400),
    ("a list", "[]", 400),
    ("unknown callback", json.dumps({"output": "nope.figure", "inputs": []}), 400),
    ("inputs not a list", json.dumps({"output": "view-summary.children", "inputs": "x"}), 400),
    ("inputs not inputs", json.dumps({"output": "view-summary.children", "inputs": [1, 2]}), 400),
    ("deeply nested", "[" * 3000 + "]" * 3000, 400),
    ("nested value", json.dumps({"output": "view-summary.children", "inputs": [{"id": "a", "property": "b", "value": [[[[[[[[[[[[[[1]]]]]]]]]]]]]]}]}), 400),
    ("huge", json.dumps({"output": "view-summary.children", "inputs": [], "x": "a" * 200_000}), 413),
    ("markup", json.dumps({"output": "<script>alert(1)</script>", "inputs": []}), 400),
]  # fmt: skip


@pytest.mark.parametrize(("name", "body", "status"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_callback_requests_get_a_clear_4xx(client, name, body, status):
    response = client.post(CALLBACK, data=body, content_type="application/json")
    assert response.status_code == status, name
    assert b"Traceback" not in response.data
    assert client.get("/healthz").status_code == 200  # and the server keeps serving


def test_out_of_domain_values_are_answered(client, dependencies):
    # The overlap diagram's answer, which carries the sentence above the views.
    overlap = next(d for d in dependencies if d["output"] == '{"type":"frames-answer","view":"overlap"}.data')
    body = body_for(overlap, [["NOPE"], ["member"], None, None, "light", None, "9999-01-01", None])
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 200
    assert "No organization is selected" in response.get_data(as_text=True)


def test_unknown_asset_paths_answer_404(client):
    assert client.get("/assets/nope.css").status_code == 404
    assert client.get("/assets/../app.py").status_code == 404
    assert client.get("/_dash-component-suites/nope/x.js").status_code == 404
    assert client.get("/_dash-component-suites/dash/nope.v1m1.js").status_code == 404


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_callback_answers_arbitrary_values_without_failing(client, dependencies, data):
    dependency = data.draw(st.sampled_from([d for d in dependencies if not d.get("clientside_function")]))
    count = len(dependency["inputs"]) + len(dependency["state"])
    values = data.draw(st.lists(JSON, min_size=max(count, 1), max_size=max(count, 1)))
    response = client.post(CALLBACK, json=body_for(dependency, values))
    # 200 or 204 (nothing to update): the callbacks themselves cope with any value.
    assert response.status_code in (200, 204), (
        dependency["output"],
        values,
        response.get_data(as_text=True)[:300],
    )


def test_static_files_are_compressed_once_and_fingerprinted_ones_cached_long(client, monkeypatch):
    import gzip

    calls = []
    real = serving.gzip.compress
    monkeypatch.setattr(
        serving.gzip, "compress", lambda data, **kw: calls.append(len(data)) or real(data, **kw)
    )
    path = "/assets/topojson/world_50m.json?compression-test"
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    second = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip" and first.data == second.data
    assert len(calls) == 1  # the second answer came from memory
    plain = client.get(path)
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(first.data) == plain.data
    assert len(first.data) < len(plain.data) / 2

    fingerprinted = client.get("/assets/style.css?m=123", headers={"Accept-Encoding": "gzip"})
    assert fingerprinted.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Accept-Encoding" in fingerprinted.headers["Vary"]


def test_the_apps_own_paths_answer_and_any_other_answers_404(client):
    # Dash's catch-all route would answer every path with the page (a "soft 404").
    for path in ("/", "/_dash-layout", "/_dash-dependencies", "/assets/style.css", "/healthz"):
        assert client.get(path).status_code == 200, path
    # A malformed link still opens the default view: the query string is the view, not the path.
    assert client.get("/?date=not-a-date&orgs=%ZZ,<b>&embed=nope&country=").status_code == 200
    for path in ("/nope", "/console", "/index.html", "/dash/blocs/", "/map", "/assets/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert b"react-entry-point" not in response.data, path


def test_the_hot_reload_endpoint_is_not_served(client):
    assert client.get("/_reload-hash").status_code == 404


def test_source_maps_are_not_served(client):
    suites = "/_dash-component-suites/dash/"
    for script in (
        "dcc/dash_core_components.js",
        "dcc/async-graph.js",
        "dash-renderer/build/dash_renderer.min.js",
    ):
        assert client.get(suites + script).status_code == 200, script  # the script itself is served
        assert client.get(suites + script + ".map").status_code == 404, script


def test_the_page_config_names_no_version(client):
    import platform
    import re

    import dash
    import plotly

    page = client.get("/").get_data(as_text=True)
    text = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S).group(1)
    config = json.loads(text)
    assert config["requests_pathname_prefix"] == "/"  # the rest of the config is intact
    assert [key for key in config if "version" in key] == ["disable_version_check"]  # a flag, not a version
    for version in (dash.__version__, plotly.__version__, platform.python_version()):
        assert version not in json.dumps(config), version


def permissions(response):
    return dict(item.strip().split("=", 1) for item in response.headers["Permissions-Policy"].split(","))


def test_every_response_carries_the_permissions_policy(client):
    answers = [client.get(path) for path in ("/", "/assets/style.css", "/_dash-layout", "/healthz", "/nope")]
    answers.append(client.post(CALLBACK, data="{", content_type="application/json"))
    for response in answers:
        policy = permissions(response)
        assert all(policy[feature] == "()" for feature in ("camera", "microphone", "geolocation", "usb"))
        assert policy["fullscreen"] == "(self)"  # the presenter mode's Fullscreen API
        assert "clipboard-write" not in policy  # the share dialog copies links


def test_the_page_and_the_layout_are_revalidated_and_fingerprinted_assets_cached_long(client):
    assert client.get("/").headers["Cache-Control"] == "no-cache"
    assert client.get("/?date=2014").headers["Cache-Control"] == "no-cache"
    assert client.get("/_dash-layout").headers["Cache-Control"] == "no-cache"
    asset = client.get("/assets/style.css?m=123").headers["Cache-Control"]
    assert asset == "public, max-age=31536000, immutable"


def test_strict_transport_security_is_off_unless_asked_for(client):
    # BLOCS_HSTS is unset here; tests/test_serving.py sets it for gunicorn.
    assert "Strict-Transport-Security" not in client.get("/").headers


@pytest.mark.parametrize(
    ("value", "seconds"), [(None, None), ("", None), ("31536000", 31536000), (" 60 ", 60)]
)
def test_hsts_accepts_positive_seconds(value, seconds):
    assert app_settings.hsts(value) == seconds


@pytest.mark.parametrize("value", ["0", "-1", "1y", "31536000; includeSubDomains", "1e9", "٣"])
def test_hsts_refuses_anything_else(value):
    with pytest.raises(app_settings.SettingError, match="is not a positive whole number of seconds"):
        app_settings.hsts(value)


def test_distinct_query_strings_do_not_grow_the_compression_cache(client):

    cache = dashboard.server.extensions[serving.COMPRESSED_FILES]
    gzip_accepted = {"Accept-Encoding": "gzip"}
    client.get("/assets/plotly/plotly.min.js", headers=gzip_accepted)
    client.get("/_dash-component-suites/dash/dcc/async-graph.js", headers=gzip_accepted)
    before = len(cache)
    for n in range(600):
        response = client.get(f"/assets/plotly/plotly.min.js?x={n}", headers=gzip_accepted)
        assert response.headers["Content-Encoding"] == "gzip"
    for n in range(100):
        response = client.get(f"/_dash-component-suites/dash/dcc/async-graph.js?x={n}", headers=gzip_accepted)
        assert response.headers["Content-Encoding"] == "gzip"
    assert len(cache) == before


def test_the_compression_cache_keeps_its_most_recent_files_up_to_its_limit(monkeypatch):

    cache = serving.CompressedFiles(limit=3)
    bodies = [f"file {n} ".encode() * 200 for n in range(10)]
    for body in bodies:
        cache.packed(body)
    assert len(cache) == 3
    calls = []
    real = serving.gzip.compress
    monkeypatch.setattr(
        serving.gzip, "compress", lambda data, **kw: calls.append(len(data)) or real(data, **kw)
    )
    cache.packed(bodies[7])  # the oldest kept, now the most recently used: no new compression
    assert calls == []
    cache.packed(bodies[0])  # dropped long ago: compressed again, dropping the least recently used (8)
    cache.packed(bodies[7])
    assert len(calls) == 1 and len(cache) == 3
