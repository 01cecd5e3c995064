import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app import debug_exposure_warning, normalise_prefix

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", "/"),
        ("/", "/"),
        ("dash/blocs", "/dash/blocs/"),
        ("/dash/blocs/", "/dash/blocs/"),
        ("//a//b", "/a/b/"),
    ],
)
def test_normalise_prefix(given, expected):
    assert normalise_prefix(given) == expected


def test_broken_data_stops_start_up_naming_file_row_and_column(bundled_copy):
    path = bundled_copy / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(",RUS,", ",RUX,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--data-dir", str(bundled_copy), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "memberships.csv, row 5, column 'iso3': 'RUX' is not an ISO 3166-1 alpha-3 code" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("host", "warned"),
    [
        ("127.0.0.1", False),
        ("127.0.0.2", False),
        ("localhost", False),
        ("::1", False),
        ("[::1]", False),
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.20", True),
        ("dashboard.intranet.example", True),
    ],
)
def test_debug_mode_warns_unless_bound_to_this_machine_alone(host, warned):
    warning = debug_exposure_warning(host)
    assert (warning is not None) == warned
    assert warning is None or host in warning


def test_debug_mode_serves_the_page_with_dashs_dev_tools():
    # Dash's dev tools register their handlers on the app: they must be on before the
    # page is first rendered at start-up, or Flask refuses them and start-up fails.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        # Every address, to see the warning; the debugger console is what must not be there.
        [sys.executable, str(ROOT / "app.py"), "--debug", "--host", "0.0.0.0", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        page = None
        while page is None and process.poll() is None and time.monotonic() < deadline:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
            except OSError:
                time.sleep(0.2)
        assert page is not None, process.stderr.read() if process.poll() is not None else "no answer"
        assert "dash_renderer" in page and ".dev.js" in page  # the unminified scripts of debug mode
        assert '"dash_version"' in page  # the dev tools' menu shows it (production pages do not carry it)
        layout = urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=10)
        assert layout.status == 200
        # Werkzeug's debugger would serve its console, and its files at any path.
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/console", timeout=10)
        assert refused.value.code == 404
        resource = f"http://127.0.0.1:{port}/?__debugger__=yes&cmd=resource&f=debugger.js"
        answer = urllib.request.urlopen(resource, timeout=10)
        assert answer.headers.get_content_type() == "text/html"  # the page, not the debugger's script
        assert "react-entry-point" in answer.read().decode()
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert "warning: debug mode is listening on 0.0.0.0, reachable from other machines" in errors
