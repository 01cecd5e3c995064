"""Speed, bytes and memory against floors measured in the same run: `.venv/bin/python bench/perf.py`.

Serves, each with gunicorn and the production `gunicorn.conf.py` on a loopback port:

- the dashboard (`bench.floors.noop:server`: production `app:server` plus one no-op
  callback, floor **F0 callback**);
- **F1**, the stock Dash app a newcomer would write (`bench/floors/stock_dash.py`);
- **F0 page** and **F0 redraw**, plotly.js alone drawing the dashboard's own map figure
  (`bench/floors/static_page.py`);

and measures them with headless Chromium (cold cache: a fresh profile for every page
load; every host but 127.0.0.1 unresolvable) and plain HTTP clients. Prints one table
of medians over `--runs` runs and the ratios the targets are set on (see issue 9 and
bench/RESULTS.md). Times are never asserted anywhere: the machines are shared.
"""

from __future__ import annotations

import argparse
import base64
import compileall
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench import synthetic  # noqa: E402
from bench.load import free_port  # noqa: E402

VIEWS = ("map-graph", "overlap-graph", "timeline-graph")
# The request for the no-op callback of bench/floors/noop.py (floor F0 callback).
NOOP_REQUEST = {
    "output": "bench-noop.children",
    "outputs": {"id": "bench-noop", "property": "children"},
    "inputs": [{"id": "bench-noop", "property": "n_clicks", "value": 1}],
    "changedPropIds": ["bench-noop.n_clicks"],
}
MAP_ANSWER = '{"type":"frames-answer","view":"map"}'  # the map's stores (components/frames.py)
MAP_UPDATE = MAP_ANSWER + ".data"
MAP_FRAMES = '{"type":"frames-frames","view":"map"}.data'
MAP_DATE_REQUEST = '{"type":"frames-date-request","view":"map"}.data'
MAP_FRAMES_REQUEST = '{"type":"frames-frames-request","view":"map"}.data'
DEFAULT_CONTROLS = {
    "filters-orgs.value": ["CSTO", "SCO"],
    "filters-status.value": ["member", "signatory", "frozen"],
    "filters-events.value": ["cooperation", "suspension", "membership", "crisis", "institution"],
    "theme-mode.data": "light",
}
CHROMIUM = os.environ.get("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
OFFLINE_RULES = "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"

# Installed before any page script: notes, on every animation frame, when each plotly
# graph first shows drawn content (for a map: its country shapes), and every title the
# map has shown. Times are `performance.now()`: milliseconds since navigation start.
WATCHER = """
window.__bench = {drawn: {}, dash: {}, titles: []};
(function () {
    function drawn(gd) {
        if (!gd._fullLayout || !gd.data || !gd.data.length || !gd.querySelector(".main-svg")) {
            return false;
        }
        return !gd._fullLayout.geo || gd.querySelector("path.choroplethlocation") !== null;
    }
    function tick() {
        const now = performance.now();
        document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
            // The page's still picture (components/first_view/) names the view it draws.
            const owner = gd.id ? gd : gd.parentElement.closest("[id]");
            const name = gd.dataset.view || (owner ? owner.id : "?");
            if (!(name in window.__bench.drawn) && drawn(gd)) { window.__bench.drawn[name] = now; }
            // Dash's own graph, which answers the reader (the picture does not)
            if (!gd.dataset.view && !(name in window.__bench.dash) && drawn(gd)) { window.__bench.dash[name] = now; }
            if (name === "map-graph" && gd.layout && gd.layout.title) {
                const titles = window.__bench.titles;
                const text = String(gd.layout.title.text || gd.layout.title);
                if (!titles.length || titles[titles.length - 1][1] !== text) { titles.push([now, text]); }
            }
        });
        requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
})();
"""

# Changes the as-of date as the date picker does, then resolves with the milliseconds
# until the first frame in which all three views draw figures they did not draw before.
CHANGE_DATE = """
const [date, done] = [arguments[0], arguments[arguments.length - 1]];
const graphs = VIEWS.map((id) => document.querySelector("#" + id + " .js-plotly-plot"));
const before = graphs.map((gd) => [gd.data, gd.layout]);
const started = performance.now();
window.dash_clientside.set_props("filters-date", {value: date});
(function check() {
    const now = performance.now();
    if (graphs.every((gd, i) => gd.data !== before[i][0] || gd.layout !== before[i][1])) {
        done(now - started);
    } else if (now - started > 20000) {
        done(VIEWS.filter((id, i) => graphs[i].data === before[i][0] && graphs[i].layout === before[i][1]));
    } else {
        requestAnimationFrame(check);
    }
})();
""".replace("VIEWS", json.dumps(list(VIEWS)))


# ---------------------------------------------------------------------------------------
# Servers


@dataclass
class Server:
    """A gunicorn master serving `module` with gunicorn.conf.py on a loopback port."""

    module: str
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    startup_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, ready_path: str = "") -> Server:
        env = {**os.environ, "BLOCS_PORT": str(self.port), **self.env}
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null", self.module],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.module} did not start:\n{self.process.stderr.read()}")
            try:
                if requests.get(self.url + ready_path, timeout=2).ok:
                    self.startup_seconds = time.perf_counter() - started
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.01)
        self.stop()
        raise SystemExit(f"{self.module} did not answer within two minutes")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def worker_rss_mib(self) -> list[float]:
        """Resident memory of each worker process, in MiB."""
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        sizes = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes


# ---------------------------------------------------------------------------------------
# Browser


def new_browser() -> webdriver.Chrome:
    """Headless Chromium with a fresh profile (a cold cache), offline but for 127.0.0.1."""
    options = Options()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--window-size=1366,900",
        f"--host-resolver-rules={OFFLINE_RULES}",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--no-sandbox",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
    driver.set_script_timeout(60)
    return driver


@dataclass
class Network:
    """What the browser's network log says about a page's requests."""

    transferred: int = 0
    requests: int = 0
    other_hosts: list[str] = field(default_factory=list)
    posted: list[dict] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    def read(self, driver: webdriver.Chrome, host: str) -> Network:
        urls: dict[str, str] = {}
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                request = params["request"]
                url = request["url"]
                if not url.startswith(("data:", "blob:")):
                    urls[params["requestId"]] = url
                    self.requests += 1
                    if urlsplit(url).netloc != host:
                        self.other_hosts.append(url)
                if urlsplit(url).path.endswith("_dash-update-component"):
                    self.posted.append(json.loads(_post_data(request)))
            elif message["method"] == "Network.loadingFinished" and params["requestId"] in urls:
                self.transferred += int(params["encodedDataLength"])
                self.sizes[urls[params["requestId"]]] = int(params["encodedDataLength"])
        return self


def _post_data(request: dict) -> str:
    """A logged request's body: newer Chromium logs it in base64 parts, older as text."""
    if "postData" in request:
        return request["postData"]
    return b"".join(base64.b64decode(part.get("bytes", "")) for part in request["postDataEntries"]).decode()


def wait_drawn(
    driver: webdriver.Chrome, names: tuple[str, ...], timeout: float = 60, *, by_dash: bool = False
) -> float:
    """Milliseconds from navigation start until every graph in `names` has drawn.

    With `by_dash`, until Dash itself has drawn them (not the page's first-view picture).
    """
    deadline = time.monotonic() + timeout
    record = "dash" if by_dash else "drawn"
    while time.monotonic() < deadline:
        drawn = driver.execute_script(f"return window.__bench && window.__bench.{record}") or {}
        if all(name in drawn for name in names):
            return max(drawn[name] for name in names)
        time.sleep(0.05)
    logs = [entry["message"][:200] for entry in driver.get_log("browser")][:5]
    raise RuntimeError(f"{names} not drawn within {timeout} s at {driver.current_url}: {drawn}, {logs}")


def first_view(url: str, names: tuple[str, ...]) -> tuple[float, Network, float]:
    """Until `names` are drawn (by anything), the traffic, and until Dash has drawn them."""
    driver = new_browser()
    try:
        driver.get(url)
        milliseconds = wait_drawn(driver, names)
        by_dash = wait_drawn(driver, names, by_dash=True)
        time.sleep(0.5)  # let late requests (there should be none) reach the log
        return milliseconds, Network().read(driver, urlsplit(url).netloc), by_dash
    finally:
        driver.quit()


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def interaction_dates(count: int, seed: int) -> list[str]:
    """`count` distinct as-of dates between 1992 and last year, in a random order."""
    rng = random.Random(seed)
    dates: set[str] = set()
    last = time.localtime().tm_year - 1
    while len(dates) < count:
        dates.add(f"{rng.randint(1992, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return sorted(dates, key=lambda _: rng.random())


def app_interaction(url: str, dates: list[str]) -> tuple[list[float], Network]:
    """Milliseconds until all three views redraw, for each date change; and the traffic."""
    driver = new_browser()
    try:
        driver.get(url)
        wait_drawn(driver, VIEWS, by_dash=True)
        time.sleep(1.0)  # the first view's own callbacks settle
        times = []
        for date in dates:
            milliseconds = driver.execute_async_script(CHANGE_DATE, date)
            if isinstance(milliseconds, list):
                raise RuntimeError(f"{', '.join(milliseconds)} did not redraw for {date} within 20 s")
            times.append(milliseconds)
        return times, Network().read(driver, urlsplit(url).netloc)
    finally:
        driver.quit()


def floor_redraws(url: str, count: int) -> list[float]:
    driver = new_browser()
    try:
        driver.get(url + "redraw")
        wait_drawn(driver, ("map",))
        driver.execute_async_script("window.redraw(0).then(arguments[0])")  # figures fetched
        return [
            driver.execute_async_script(f"window.redraw({i}).then(arguments[0])") for i in range(1, count + 1)
        ]
    finally:
        driver.quit()


def play_through(url: str, step_ms: int, first_year: int) -> dict:
    """Press play and note when the map shows each year; report skipped and late steps."""
    driver = new_browser()
    last = time.localtime().tm_year
    try:
        driver.get(url)
        wait_drawn(driver, VIEWS, by_dash=True)
        time.sleep(1.0)
        driver.execute_script("window.__bench.titles = [];")
        driver.find_element("id", "filters-play").click()
        deadline = time.monotonic() + (last - first_year + 5) * step_ms / 1000 * 2
        shown: list[tuple[float, int]] = []
        while time.monotonic() < deadline:
            titles = driver.execute_script("return window.__bench.titles")
            shown = [(t, int(text.split()[-1])) for t, text in titles if text.split()[-1].isdigit()]
            years = [year for _, year in shown]
            if first_year in years and years[-1] == last:
                break
            time.sleep(0.5)
        shown = shown[next((i for i, (_, year) in enumerate(shown) if year == first_year), len(shown)) :]
        years = [year for _, year in shown]
        gaps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(shown)]
        return {
            "years": years,
            "skipped": sorted(set(range(first_year, last + 1)) - set(years)),
            "late": sum(gap > 1.5 * step_ms for gap in gaps),
            "max_gap_ms": max(gaps, default=0.0),
        }
    finally:
        driver.quit()


# ---------------------------------------------------------------------------------------
# HTTP clients


def hammer(url: str, bodies: list[dict], clients: int, seconds: float) -> dict[str, list[float]]:
    """`clients` threads, each posting the next of `bodies` as soon as its last answer came.

    Returns the latencies (ms) by output; raises on any answer but 200 or 204.
    """
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    lock = threading.Lock()
    until = time.monotonic() + seconds

    def client(seed: int) -> None:
        session = requests.Session()
        rng = random.Random(seed)
        while time.monotonic() < until:
            body = rng.choice(bodies)
            started = time.perf_counter()
            answer = session.post(url + "_dash-update-component", json=body, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if answer.status_code in (200, 204):
                    latencies[body["output"]].append(elapsed)
                else:
                    failures.append(f"{answer.status_code} for {body['output']}")

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{len(failures)} failed requests, e.g. {failures[:3]}")
    return latencies


def replayed_requests(url: str, recorded: list[dict], dates: list[str]) -> list[dict]:
    """Every request the browsers sent (loading and changing the date), and the whole map
    for each date (what a browser without the map's frames asks for)."""
    return recorded + [map_request(url, date) for date in dates]


def sent_bytes(url: str, body: dict) -> int:
    """Bytes of the answer to `body` as sent (gzip)."""
    answer = requests.post(
        url + "_dash-update-component",
        json=body,
        headers={"Accept-Encoding": "gzip"},
        stream=True,
        timeout=60,
    )
    answer.raise_for_status()
    return len(answer.raw.read(decode_content=False))


def drawn_states(orgs: list[str], statuses: list[str], day) -> dict:
    """What the map draws for a day: `{"KAZ": [category, hover text], ...}`."""
    import data
    from components.map.figure import classify_states

    memberships = data.bundled_dataset().memberships
    states = classify_states(
        data.relations_as_of(memberships, day, orgs=orgs, statuses=statuses),
        data.former_members(memberships, day, orgs=orgs),
        orgs=orgs,
    )
    return {row.iso3: [row.category, row.hover] for row in states.itertuples()}


def compact(value: object) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def update_sizes(url: str, date: str) -> dict[str, tuple[int, int]]:
    """Bytes as sent, and of the raw JSON of the states and values drawn, of two map updates.

    `patch`: the answer to a new date when the browser has no frames (a `dash.Patch`);
    `frames`: the map's frames, which draw every date for the default controls.
    """
    import datetime as dt

    import data
    from components import frames

    orgs, statuses = DEFAULT_CONTROLS["filters-orgs.value"], DEFAULT_CONTROLS["filters-status.value"]
    drawn = answer_of(url, map_request(url, None))[MAP_ANSWER]["data"]
    asked = {**DEFAULT_CONTROLS, "filters-date.value": date, MAP_UPDATE: drawn}
    patch = callback_request(url, MAP_UPDATE, asked, [MAP_DATE_REQUEST])
    sizes = {
        "patch": (sent_bytes(url, patch), compact(drawn_states(orgs, statuses, dt.date.fromisoformat(date))))
    }

    starts = frames.period_starts(data.bundled_dataset().memberships, orgs=orgs, today=dt.date.today())
    periods = []
    for day in starts:  # each distinct drawing once, as the frames send it
        drawn = drawn_states(orgs, statuses, day)
        if drawn not in periods:
            periods.append(drawn)
    request = callback_request(url, MAP_FRAMES, DEFAULT_CONTROLS, [MAP_FRAMES_REQUEST])
    sizes["frames"] = (sent_bytes(url, request), compact(periods))
    return sizes


def send_many(url: str, bodies: list[dict], count: int, clients: int = 8) -> None:
    per_client = count // clients

    def client(seed: int) -> None:
        session = requests.Session()
        rng = random.Random(seed)
        for _ in range(per_client):
            answer = session.post(url + "_dash-update-component", json=rng.choice(bodies), timeout=60)
            answer.raise_for_status()

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def stock_requests(count: int) -> list[dict]:
    years = range(1992, time.localtime().tm_year + 1)
    return [
        {
            "output": "map.figure",
            "outputs": {"id": "map", "property": "figure"},
            "inputs": [{"id": "year", "property": "value", "value": year}],
            "changedPropIds": ["year.value"],
        }
        for year in list(years)[:count]
    ]


# ---------------------------------------------------------------------------------------
# The run


def compile_modules() -> None:
    """Write the bytecode of the dashboard and the floors, as a deployment has it (scripts/bootstrap.sh).

    Where PYTHONDONTWRITEBYTECODE is set, each start would otherwise compile them again.
    """
    for path in ("app.py", "serving.py", "components", "data", "bench"):
        target = ROOT / path
        done = (
            compileall.compile_dir(target, quiet=1)
            if target.is_dir()
            else compileall.compile_file(target, quiet=1)
        )
        if not done:
            raise SystemExit(f"cannot compile {target}")


def startup_seconds(module: str, ready: str = "") -> float:
    """Seconds from a fresh process start until `module` first answers."""
    server = Server(module).start(ready)
    server.stop()
    return server.startup_seconds


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def section(title: str) -> None:
    print(f"\n## {title}", flush=True)


@dataclass
class Bench:
    """What the sections of a run share: its options, scratch folder, servers and table rows."""

    arguments: argparse.Namespace
    work: Path
    servers: list[Server] = field(default_factory=list)
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def serve(self, module: str, ready: str = "", **env: str) -> Server:
        server = Server(module, env).start(ready)
        self.servers.append(server)
        return server

    def row(self, measure: str, ours: str, floor: str, ratio: str) -> None:
        self.rows.append((measure, ours, floor, ratio))
        print(f"{measure:<34} {ours:>18} {floor:>22} {ratio:>12}", flush=True)


@dataclass
class Servers:
    """The servers every section measures: the dashboard, F1 and the F0 page."""

    ours: Server
    stock: Server
    floor_page: Server


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each browser measure")
    parser.add_argument("--changes", type=int, default=50, help="date changes per interaction run")
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=20, help="per server load phase")
    parser.add_argument("--callbacks", type=int, default=10_000, help="for the memory measure")
    parser.add_argument("--skip", nargs="*", default=[], choices=["play", "memory", "growth"])
    return parser.parse_args()


def start_servers(bench: Bench, dates: list[str]) -> Servers:
    """The dashboard and F1, then the F0 page with the dashboard's own map figures for `dates`."""
    section("Starting servers")
    ours = bench.serve("bench.floors.noop:server", "healthz")
    stock = bench.serve("bench.floors.stock_dash:server")
    print(f"dashboard {ours.url} (started in {ours.startup_seconds:.2f} s), F1 {stock.url}")

    # F0 page needs the dashboard's own map figures: its first view and the dates visited.
    bundle = plotly_bundle_path()
    figures = [map_figure(ours.url, None)] + [map_figure(ours.url, d) for d in dates]
    (bench.work / "figures.json").write_text(json.dumps(figures))
    floor_page = bench.serve(
        "bench.floors.static_page:server",
        BENCH_FIGURES=str(bench.work / "figures.json"),
        BENCH_PLOTLY=str(bundle),
    )
    print(f"F0 page {floor_page.url}, plotly.js bundle {bundle.relative_to(ROOT)}")
    return Servers(ours, stock, floor_page)


def measure_first_view(bench: Bench, servers: Servers) -> list[str]:
    """The first view's times and bytes against F1 and F0; the other hosts it asked."""
    section("First view (cold cache), ms from navigation start")
    ours_first, ours_ready, stock_first, floor_first = [], [], [], []
    other_hosts: list[str] = []
    ours_bytes = stock_bytes = 0
    for _ in range(bench.arguments.runs):
        milliseconds, network, ready = first_view(servers.ours.url, VIEWS)
        ours_first.append(milliseconds)
        ours_ready.append(ready)
        ours_bytes, ours_network = network.transferred, network
        other_hosts += network.other_hosts
        milliseconds, network, _ = first_view(servers.stock.url, ("map",))
        stock_first.append(milliseconds)
        stock_bytes = network.transferred
        floor_first.append(first_view(servers.floor_page.url, ("map",))[0])
    print(
        "runs:",
        [round(t) for t in ours_first],
        [round(t) for t in stock_first],
        [round(t) for t in floor_first],
        "Dash's own:",
        [round(t) for t in ours_ready],
    )
    row = bench.row
    row("first view: all three views", f"{median_of(ours_first):.0f} ms", f"F1 {median_of(stock_first):.0f} ms",
        f"{median_of(ours_first) / median_of(stock_first):.2f}× F1")  # fmt: skip
    row(
        "",
        "",
        f"F0 {median_of(floor_first):.0f} ms",
        f"{median_of(ours_first) / median_of(floor_first):.2f}× F0",
    )
    # F0's loads vary by half from one to the next on a shared machine; each of ours
    # against the F0 load of the same round is steadier against drift in the load.
    paired = statistics.median(a / b for a, b in zip(ours_first, floor_first, strict=True))
    row("  paired by run (median of ratios)", "", "", f"{paired:.2f}× F0")
    row("  the same, drawn by Dash (answers)", f"{median_of(ours_ready):.0f} ms", f"F1 {median_of(stock_first):.0f} ms",
        f"{median_of(ours_ready) / median_of(stock_first):.2f}× F1")  # fmt: skip
    row(
        "bytes on first load",
        f"{ours_bytes / 1e6:.3f} MB",
        f"F1 {stock_bytes / 1e6:.3f} MB",
        "target ≤ 1.0 MB",
    )
    for url, size in sorted(ours_network.sizes.items(), key=lambda item: -item[1])[:8]:
        print(f"    {size / 1000:8.1f} kB  {urlsplit(url).path[:90]}")
    return other_hosts


def measure_interaction(
    bench: Bench, servers: Servers, dates: list[str], other_hosts: list[str]
) -> tuple[list[dict], list[float]]:
    """Redraws after a date change against F0 redraw, and every host asked so far besides ours.

    Returns the callback requests the browser posted and each run's median redraw time.
    """
    section("Interaction: as-of date changed in the browser, ms until all three views redrew")
    recorded: list[dict] = []
    ours_p95, floor_p95, ours_medians = [], [], []
    for run in range(bench.arguments.runs):
        times, network = app_interaction(servers.ours.url, dates)
        recorded += network.posted
        other_hosts += network.other_hosts
        ours_p95.append(quantile(times, 0.95))
        ours_medians.append(statistics.median(times))
        floor_p95.append(quantile(floor_redraws(servers.floor_page.url, bench.arguments.changes), 0.95))
        print(f"run {run + 1}: ours p50 {ours_medians[-1]:.0f}, p95 {ours_p95[-1]:.0f}; F0 redraw p95 {floor_p95[-1]:.0f}")  # fmt: skip
    bench.row("interaction p95", f"{median_of(ours_p95):.0f} ms", f"F0 redraw {median_of(floor_p95):.0f} ms",
              f"{median_of(ours_p95) / median_of(floor_p95):.2f}×")  # fmt: skip
    bench.row("requests to other hosts", str(len(other_hosts)), "", "target 0")
    for url in sorted(set(other_hosts))[:5]:
        print("   ", url)
    return recorded, ours_medians


def measure_play(bench: Bench, servers: Servers) -> None:
    from components.filters import PLAY_FROM, PLAY_STEP_MS

    section(f"Play: every year from {PLAY_FROM}, a step each {PLAY_STEP_MS} ms")
    play = play_through(servers.ours.url, PLAY_STEP_MS, PLAY_FROM)
    print("years shown:", play["years"])
    bench.row("play: skipped / late steps", f"{len(play['skipped'])} / {play['late']}",
              f"longest step {play['max_gap_ms']:.0f} ms", "target 0 / 0")  # fmt: skip


def measure_server(bench: Bench, servers: Servers, recorded: list[dict], dates: list[str]) -> list[dict]:
    """Callback latencies under load against F0 callback, and update sizes; the requests replayed."""
    arguments = bench.arguments
    section(f"Server: {arguments.clients} clients replaying recorded requests, ms")
    views = replayed_requests(servers.ours.url, recorded, dates)
    loaded = hammer(servers.ours.url, views, arguments.clients, arguments.seconds)
    noop = hammer(servers.ours.url, [NOOP_REQUEST], arguments.clients, arguments.seconds)
    noop_p95 = quantile(noop[NOOP_REQUEST["output"]], 0.95)
    for output, latencies in sorted(loaded.items()):
        print(f"    {output[:60]:<60} n {len(latencies):5d}  p50 {statistics.median(latencies):6.0f}  p95 {quantile(latencies, 0.95):6.0f}")  # fmt: skip
    heaviest, latencies = max(loaded.items(), key=lambda item: quantile(item[1], 0.95))
    heavy_p95 = quantile(latencies, 0.95)
    bench.row("server p95, heaviest callback", f"{heavy_p95:.0f} ms", f"F0 callback {noop_p95:.0f} ms",
              f"{heavy_p95 / noop_p95:.2f}×")  # fmt: skip
    print(f"    heaviest: {heaviest}")

    sizes = update_sizes(servers.ours.url, dates[0])
    for name, label in (("frames", "map frames (every date)"), ("patch", "map patch (one date)")):
        sent, raw = sizes[name]
        bench.row(
            f"update size: {label}",
            f"{sent / 1000:.1f} kB",
            f"raw JSON {raw / 1000:.1f} kB",
            f"{sent / raw:.2f}×",
        )
    return views


def measure_memory(bench: Bench, views: list[dict]) -> None:
    """Memory per worker and its growth over many callbacks, and start-up, against F1."""
    arguments = bench.arguments
    section(f"Memory after {arguments.callbacks:,} callbacks, and start-up")
    fresh = bench.serve("app:server", "healthz")
    fresh_stock = bench.serve("bench.floors.stock_dash:server")
    send_many(fresh.url, views, 50)
    before = statistics.mean(fresh.worker_rss_mib())
    send_many(fresh.url, views, 950)
    warm = statistics.mean(fresh.worker_rss_mib())  # every thread has served, every cache filled
    send_many(fresh.url, views, arguments.callbacks - 1000)
    after = statistics.mean(fresh.worker_rss_mib())
    send_many(fresh_stock.url, stock_requests(40), arguments.callbacks)
    stock_after = statistics.mean(fresh_stock.worker_rss_mib())
    bench.row(
        "memory per worker",
        f"{after:.0f} MiB",
        f"F1 {stock_after:.0f} MiB",
        f"{after / stock_after:.2f}× F1",
    )
    bench.row(
        "memory growth",
        f"{(after / before - 1) * 100:+.1f}%",
        f"from {before:.0f} MiB",
        "target ≤ 10%",
    )
    bench.row(
        "  of which after the first 1,000",
        f"{(after / warm - 1) * 100:+.1f}%",
        f"from {warm:.0f} MiB",
        "",
    )
    fresh.stop()
    fresh_stock.stop()
    measure_startup(bench)


def measure_startup(bench: Bench) -> None:
    starts, stock_starts = [], []
    for _ in range(bench.arguments.runs):  # alternated, so that both see the same machine
        starts.append(startup_seconds("app:server", "healthz"))
        stock_starts.append(startup_seconds("bench.floors.stock_dash:server"))
    print(f"starts: {[round(s, 2) for s in starts]} F1: {[round(s, 2) for s in stock_starts]}")
    ours_start, stock_start = statistics.median(starts), statistics.median(stock_starts)
    bench.row(
        "start-up to first answer",
        f"{ours_start:.2f} s",
        f"F1 {stock_start:.2f} s",
        f"{ours_start / stock_start:.2f}× F1",
    )
    # As for the first view: each start against F1's start of the same round.
    paired = statistics.median(a / b for a, b in zip(starts, stock_starts, strict=True))
    bench.row("  paired by run (median of ratios)", "", "", f"{paired:.2f}× F1")


def measure_growth(bench: Bench, ours_medians: list[float], dates: list[str]) -> None:
    section("Growth: the same interaction with the tables multiplied")
    base = statistics.median(ours_medians)
    bench.row("interaction p50, tables × 1", f"{base:.0f} ms", "", "")
    for factor in (10, 100):
        directory = synthetic.multiply(ROOT / "data", bench.work / f"x{factor}", factor)
        grown = bench.serve("app:server", "healthz", BLOCS_DATA_DIR=str(directory))
        times, _ = app_interaction(grown.url, dates[:20])
        grown.stop()
        bench.row(f"interaction p50, tables × {factor}", f"{statistics.median(times):.0f} ms", "",
                  f"{statistics.median(times) / base:.2f}× (rows {factor}×)")  # fmt: skip


def print_summary(bench: Bench, views: list[dict]) -> None:
    section("Summary (markdown)")
    print("| measure | this app | floor | ratio |\n| --- | --- | --- | --- |")
    for measure, mine, floor, ratio in bench.rows:
        print(f"| {measure} | {mine} | {floor} | {ratio} |")
    print(
        f"\nrecorded requests replayed: {len(views)}; runs: {bench.arguments.runs}; changes: {bench.arguments.changes}"
    )


def main() -> None:
    arguments = parse_arguments()
    bench = Bench(arguments, Path(tempfile.mkdtemp(prefix="blocs-bench-")))
    try:
        compile_modules()
        dates = interaction_dates(arguments.changes, seed=9)
        servers = start_servers(bench, dates)
        other_hosts = measure_first_view(bench, servers)
        recorded, ours_medians = measure_interaction(bench, servers, dates, other_hosts)
        if "play" not in arguments.skip:
            measure_play(bench, servers)
        views = measure_server(bench, servers, recorded, dates)
        if "memory" not in arguments.skip:
            measure_memory(bench, views)
        if "growth" not in arguments.skip:
            measure_growth(bench, ours_medians, dates)
        print_summary(bench, views)
    finally:
        for server in bench.servers:
            server.stop()
        shutil.rmtree(bench.work, ignore_errors=True)


def plotly_bundle_path() -> Path:
    """The plotly.js file the dashboard's pages load: its own bundle, else Dash's full one."""
    own = sorted((ROOT / "assets").glob("**/plotly*.js"))
    if own:
        return own[0]
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def callback_request(url: str, output: str, values: dict, changed: list[str]) -> dict:
    """The request a browser sends to the server callback writing `output`.

    `values` maps `id.property` to the value of each input and state (None if missing).
    """
    dependencies = requests.get(url + "_dash-dependencies", timeout=30).json()
    dependency = next(d for d in dependencies if output in d["output"] and not d["clientside_function"])
    parts = (
        dependency["output"][2:-2].split("...")
        if dependency["output"].startswith("..")
        else [dependency["output"]]
    )
    outputs = []
    for part in parts:
        target, _, prop = part.rpartition(".")
        outputs.append({"id": json.loads(target) if target.startswith("{") else target, "property": prop})

    def named(spec: dict) -> str:
        target = spec["id"]
        if isinstance(target, dict):
            target = json.dumps(target, separators=(",", ":"), sort_keys=True)
        return f"{target}.{spec['property']}"

    return {
        "output": dependency["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [dict(s, value=values.get(named(s))) for s in dependency["inputs"]],
        "state": [dict(s, value=values.get(named(s))) for s in dependency["state"]],
        "changedPropIds": changed,
    }


def answer_of(url: str, body: dict) -> dict:
    return requests.post(url + "_dash-update-component", json=body, timeout=60).json()["response"]


def map_request(url: str, date: str | None, **more) -> dict:
    """What the browser sends for the whole map with the default controls, as of `date`."""
    values = {**DEFAULT_CONTROLS, "filters-date.value": date, **more}
    return callback_request(url, MAP_UPDATE, values, ["filters-orgs.value"])


def map_figure(url: str, date: str | None) -> dict:
    """The map figure the dashboard sends for its default controls, as of `date` (today if None)."""
    figure = answer_of(url, map_request(url, date))[MAP_ANSWER]["data"]["figure"]
    figure["config"] = {"topojsonURL": "topojson/", "displaylogo": False, "displayModeBar": "hover"}
    return figure


if __name__ == "__main__":
    main()
