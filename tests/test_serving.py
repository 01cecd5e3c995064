"""The production server (gunicorn, `app:server`) under a URL prefix: every URL the page uses respects it."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
import requests
from callbacks import answer_store, key_of, request_body

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/dash/blocs/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn_url(tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "2",
            "app:server",
        ],
        cwd=ROOT,
        env={**os.environ, "BLOCS_URL_PREFIX": PREFIX, "BLOCS_HSTS": "31536000"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}{PREFIX}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(url, timeout=2).ok:
                break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("gunicorn did not start")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()
    assert f'"GET {PREFIX} HTTP/1.1" 200' in log_path.read_text()  # the access log


def test_every_script_and_stylesheet_is_served_under_the_prefix(gunicorn_url):
    page = requests.get(gunicorn_url, timeout=10).text
    urls = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', page)
    assert urls
    assert all(url.startswith(PREFIX) for url in urls), urls
    for url in urls:
        assert requests.get(gunicorn_url.removesuffix(PREFIX) + url, timeout=10).status_code == 200, url
    config = json.loads(re.search(r'id="_dash-config" type="application/json">(.*?)</script>', page).group(1))
    assert config["requests_pathname_prefix"] == PREFIX
    assert config["ui"] is False  # dev tools are off in production


def map_request(gunicorn_url) -> tuple[dict, str]:
    """A valid request for the map's answer, and the key of its store in the answer."""
    dependencies = requests.get(gunicorn_url + "_dash-dependencies", timeout=10).json()
    store = key_of(answer_store("map"))
    map_callback = next(d for d in dependencies if d["output"] == store + ".data")
    values = {
        "filters-orgs.value": ["CSTO", "SCO"],
        "filters-status.value": ["member"],
        "theme-mode.data": "light",
        "filters-date.value": "2014-04-24",
    }
    return request_body(map_callback, values, ["filters-orgs.value"]), store


def test_map_shapes_and_callbacks_answer_under_the_prefix(gunicorn_url):
    shapes = requests.get(gunicorn_url + "assets/topojson/world_110m.json", timeout=10)
    assert shapes.status_code == 200 and shapes.json()["type"] == "Topology"
    assert requests.get(gunicorn_url.removesuffix(PREFIX) + "/_dash-layout", timeout=10).status_code == 404
    body, store = map_request(gunicorn_url)
    answer = requests.post(gunicorn_url + "_dash-update-component", json=body, timeout=10)
    assert answer.status_code == 200
    figure = answer.json()["response"][store]["data"]["figure"]
    assert figure["layout"]["title"]["text"] == "Member states as of 24 April 2014"


def test_a_broken_data_file_stops_gunicorn_before_it_serves(bundled_copy):
    path = bundled_copy / "events.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",crisis,", ",panic,", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
        cwd=ROOT,
        env={**os.environ, "BLOCS_DATA_DIR": str(bundled_copy), "BLOCS_PORT": str(free_port())},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert (
        "events.csv, row" in result.stderr + result.stdout
        and "'panic' is not one of" in result.stderr + result.stdout
    )


def test_the_page_scripts_are_known_before_the_first_request():
    # Dash registers the scripts a page may load on its first request; in a threaded
    # worker the browser's concurrent requests for the scripts race that registration,
    # and lose with a 404. The app registers them at start-up, before gunicorn forks.
    probe = "import app\nprint(sorted(app.app.registered_paths))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "dash" in result.stdout and "dash_bootstrap_components" in result.stdout, result.stderr[-2000:]


def test_gunicorn_keeps_the_collector_off_while_loading_then_freezes_what_was_loaded():
    import gc
    import runpy

    was_enabled = gc.isenabled()
    try:
        config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        assert not gc.isenabled()  # as gunicorn reads its configuration, before it loads the app
        config["when_ready"](None)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        if not was_enabled:
            gc.disable()
        else:
            gc.enable()


# Run apart, so that the test process keeps its own allocator settings: is a 300 kB block
# allocated after a 4 MB one was freed in the main heap, or mapped on its own?
LARGE_BLOCK_PROBE = """
import ctypes, runpy, sys
if sys.argv[1] == "configured":
    runpy.run_path("gunicorn.conf.py")
freed = bytearray(4_000_000)
del freed  # glibc's default threshold now rises to 4 MB
block = bytearray(300_000)
address = ctypes.addressof((ctypes.c_char * len(block)).from_buffer(block))
for line in open("/proc/self/maps"):
    if line.rstrip().endswith("[heap]"):
        start, end = (int(part, 16) for part in line.split()[0].split("-"))
        print("heap" if start <= address < end else "own mapping")
        break
else:
    print("own mapping")
"""


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc")
@pytest.mark.parametrize(("config", "expected"), [("default", "heap"), ("configured", "own mapping")])
def test_gunicorn_gives_large_blocks_a_mapping_that_is_returned_when_freed(config, expected):
    probe = subprocess.run(
        [sys.executable, "-c", LARGE_BLOCK_PROBE, config],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == expected


def test_only_the_apps_paths_answer_under_the_prefix(gunicorn_url):
    assert requests.get(gunicorn_url + "?date=2014-13-45&orgs=%ZZ", timeout=10).status_code == 200
    for path in ("nope", "console", "_reload-hash", "_dash-component-suites/dash/dcc/async-graph.js.map"):
        assert requests.get(gunicorn_url + path, timeout=10).status_code == 404, path


def test_a_redirect_names_the_prefix_never_the_host_header(gunicorn_url):
    root = gunicorn_url.removesuffix(PREFIX)
    for path in (PREFIX.rstrip("/"), PREFIX.replace("/blocs", "//blocs")):
        answer = requests.get(
            root + path, headers={"Host": "evil.example"}, allow_redirects=False, timeout=10
        )
        assert answer.status_code in (301, 302, 307, 308), path
        assert answer.headers["Location"] == PREFIX, path


def test_hsts_is_sent_when_configured(gunicorn_url):
    for path in ("", "healthz", "nope"):
        answer = requests.get(gunicorn_url + path, timeout=10)
        assert answer.headers["Strict-Transport-Security"] == "max-age=31536000", path


def test_an_invalid_hsts_setting_stops_start_up():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
        cwd=ROOT,
        env={**os.environ, "BLOCS_HSTS": "a year", "BLOCS_PORT": str(free_port())},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "BLOCS_HSTS='a year' is not a positive whole number of seconds (31536000 is a year)" in output
    assert "Traceback" not in output


def post_chunked(url: str, body: bytes, chunk: int = 4096) -> tuple[int, bytes]:
    """POST `body` to `url` as HTTP/1.1 chunks over a raw socket: the status and the answer's head."""
    address = urllib.parse.urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=20) as connection:
        connection.sendall(
            f"POST {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        try:
            for start in range(0, len(body), chunk):
                piece = body[start : start + chunk]
                connection.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            connection.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before the body's end
        answer = b""
        while b"\r\n\r\n" not in answer:
            piece = connection.recv(65536)
            if not piece:
                break
            answer += piece
    return int(answer.split(b" ", 2)[1]), answer.split(b"\r\n\r\n", 1)[0]


def test_a_chunked_body_over_the_limit_is_refused_not_cut_short(gunicorn_url):
    from serving import DEFAULT_MAX_BODY

    body, _ = map_request(gunicorn_url)
    valid = json.dumps(body).encode()
    # Valid JSON within the limit, then spaces past it: cut at the limit, it would be answered.
    status, _ = post_chunked(gunicorn_url + "_dash-update-component", valid)
    assert status == 200  # a chunked body within the limit is read whole and answered
    padded = valid + b" " * (DEFAULT_MAX_BODY + 10_000 - len(valid))
    status, head = post_chunked(gunicorn_url + "_dash-update-component", padded)
    assert status == 413, head
    assert b"Permissions-Policy" in head  # a refusal like any other, with the headers
    assert requests.get(gunicorn_url + "healthz", timeout=10).status_code == 200
