"""What refused requests and failing callbacks write to the log: one short line, or a traceback for our own bugs."""

import json
import logging

import pytest
from callbacks import request_body

import app as dashboard
import serving

CALLBACK = "/_dash-update-component"
MARKER = "ECHO-MARKER"  # a value in the request that must never reach the log
LINE_LIMIT = 1024


@pytest.fixture(scope="module")
def client():
    return dashboard.server.test_client()


@pytest.fixture(scope="module")
def overlap(client):
    """The overlap diagram's server callback, whose answer carries a whole figure."""
    dependencies = client.get("/_dash-dependencies").get_json()
    return next(d for d in dependencies if d["output"] == '{"type":"frames-answer","view":"overlap"}.data')


def reproduction(overlap) -> dict:
    """The issue's request: a valid overlap request with `"outputs": []` (it once logged 77 kB)."""
    body = request_body(overlap, {}, [])
    body["inputs"][0]["value"] = [MARKER]
    return {**body, "outputs": []}


def log_text(records: list[logging.LogRecord]) -> str:
    formatter = logging.Formatter()
    return "\n".join(formatter.format(record) for record in records)


def assert_one_short_line(records: list[logging.LogRecord]) -> None:
    assert len(records) <= 1, [r.getMessage()[:200] for r in records]
    for record in records:
        assert record.exc_info is None and record.exc_text is None, record.getMessage()[:200]
        line = logging.Formatter().format(record)
        assert "\n" not in line and len(line.encode("utf-8")) <= LINE_LIMIT, line[:300]
        assert MARKER not in line and "Traceback" not in line and "figure" not in line, line[:300]


def test_the_issue_s_reproduction_is_refused_before_the_callback_runs(client, overlap):
    # Refused by the validator, not by Dash after the callback has drawn its figure.
    response = client.post(CALLBACK, json=reproduction(overlap))
    assert response.status_code == 400
    assert response.get_json() == {"error": "'outputs' does not match the callback's output"}


@pytest.mark.parametrize("outputs", [[], [{"id": "a", "property": "b"}], {"id": "a", "property": "b"}])
def test_outputs_must_list_each_output_of_a_multi_output_callback(client, outputs):
    dependencies = client.get("/_dash-dependencies").get_json()
    multi = next(d for d in dependencies if d["output"].startswith("..") and not d.get("clientside_function"))
    body = {**request_body(multi, {}, []), "outputs": outputs}
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 400
    assert "does not list the callback's" in response.get_json()["error"]


REFUSED = {  # name: status
    "malformed JSON": 400,
    "the issue's reproduction": 400,
    "bad changedPropIds": 400,
    "oversized": 413,
    "suite probe": 404,
    "unknown suite": 404,
    "long suite probe": 404,
}


def refused_request(name: str, overlap: dict) -> dict:
    """The request named `name`, as arguments of the test client's `open`."""
    bad_changed = {**request_body(overlap, {}, []), "changedPropIds": 5}
    bad_changed["inputs"][0]["value"] = [MARKER]
    return {
        "malformed JSON": {"method": "POST", "path": CALLBACK, "data": "{" + MARKER},
        "the issue's reproduction": {"method": "POST", "path": CALLBACK, "json": reproduction(overlap)},
        "bad changedPropIds": {"method": "POST", "path": CALLBACK, "json": bad_changed},
        "oversized": {"method": "POST", "path": CALLBACK, "data": MARKER * 20_000},
        "suite probe": {"method": "GET", "path": "/_dash-component-suites/dash/nope.v1m1.js"},
        "unknown suite": {"method": "GET", "path": "/_dash-component-suites/nope/x.js"},
        "long suite probe": {"method": "GET", "path": "/_dash-component-suites/dash/" + "a" * 3000 + ".js"},
    }[name]


@pytest.mark.parametrize(("name", "status"), REFUSED.items(), ids=list(REFUSED))
@pytest.mark.parametrize("validator", ["validated", "let through"])
def test_a_refused_request_logs_at_most_one_short_line(
    client, overlap, caplog, monkeypatch, name, status, validator
):
    # "let through": a request the validator does not foresee reaches Dash, which refuses it.
    if validator == "let through":
        monkeypatch.setattr(serving, "validate_callback_request", lambda body, known: None)
    caplog.set_level(logging.DEBUG)
    response = client.open(content_type="application/json", **refused_request(name, overlap))
    assert response.status_code == status
    assert MARKER not in response.get_data(as_text=True)
    assert_one_short_line(caplog.records)


def test_the_issue_s_reproduction_let_through_logs_the_error_s_type_only(
    client, overlap, caplog, monkeypatch
):
    monkeypatch.setattr(serving, "validate_callback_request", lambda body, known: None)
    caplog.set_level(logging.DEBUG)
    assert client.post(CALLBACK, json=reproduction(overlap)).status_code == 400
    assert [r.getMessage() for r in caplog.records] == [
        "callback request refused: InvalidCallbackReturnValue"
    ]


def test_an_exception_in_a_callback_logs_its_traceback(client, caplog, monkeypatch):
    def broken(rows):
        raise RuntimeError("a bug in a callback")

    monkeypatch.setattr("components.downloads.memberships_csv", broken)
    dependencies = client.get("/_dash-dependencies").get_json()
    download = next(d for d in dependencies if d["output"] == "download-memberships.data")
    body = request_body(download, {"download-memberships-button.n_clicks": 1}, [])
    caplog.set_level(logging.DEBUG)
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error"}
    assert "Traceback" not in response.get_data(as_text=True)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    text = log_text(errors)
    assert "Traceback" in text and "RuntimeError: a bug in a callback" in text and "downloads.py" in text
    assert json.dumps(body)[:50] not in text
