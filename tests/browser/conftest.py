"""Browser tests: the real app, served by `python app.py` in its own process, driven by headless Chromium.

Chromium is started with every host name but the loopback address made unresolvable,
so every browser test also proves that the page needs nothing from the internet.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
OFFLINE_RULES = "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


def pytest_setup_options() -> Options:
    options = Options()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--window-size=1366,900",
        f"--host-resolver-rules={OFFLINE_RULES}",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    return options


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """A running `python app.py`: its base URL and, once stopped, its output."""

    def __init__(self, process: subprocess.Popen, url: str):
        self.process = process
        self.url = url

    def page(self, query: str = "") -> str:
        return self.url + query


def _serve(log: Path, *arguments: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    port = _free_port()
    output = log.open("w")
    prefix = next((a.split("=", 1)[1] for a in arguments if a.startswith("--url-prefix=")), "/")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--port", str(port), *arguments],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}{prefix}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output.close()
                raise RuntimeError(f"app did not start:\n{log.read_text()}") from None
            time.sleep(0.2)
    try:
        yield Served(process, url)
    finally:
        process.terminate()
        process.wait(timeout=10)
        output.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory) -> Iterator[Served]:
    """The app at the root path."""
    yield from _serve(tmp_path_factory.mktemp("served") / "app.log")


@pytest.fixture(scope="session")
def served_under_prefix(tmp_path_factory) -> Iterator[Served]:
    """The app under the URL prefix /dash/blocs/."""
    yield from _serve(
        tmp_path_factory.mktemp("prefixed") / "app.log",
        "--url-prefix=/dash/blocs/",
        env={"BLOCS_FRAME_ANCESTORS": "'self' http://127.0.0.1:*"},  # the intranet page of the embed test
    )


@pytest.fixture
def intranet_page(tmp_path):
    """Another origin (another port) serving a page around what it is given, e.g. an embedding iframe.

    `intranet_page(body)` writes a page holding `body` and returns its address.
    """
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()

        def page(body: str) -> str:
            (tmp_path / "intranet.html").write_text(
                f"<!doctype html><title>Intranet</title><body style='margin:0'>{body}</body>",
                encoding="utf-8",
            )
            return f"http://127.0.0.1:{server.server_address[1]}/intranet.html"

        yield page
        server.shutdown()
