import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from app import normalise_prefix

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


def test_debug_mode_serves_the_page_with_dashs_dev_tools():
    # Dash's dev tools register their handlers on the app: they must be on before the
    # page is first rendered at start-up, or Flask refuses them and start-up fails.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--debug", "--port", str(port)],
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
        layout = urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=10)
        assert layout.status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
