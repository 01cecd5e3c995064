"""Classroom load on the production server, run by hand: `.venv/bin/python bench/load.py --users 30`.

Starts gunicorn with gunicorn.conf.py on a free loopback port, then runs `--users`
simulated readers for `--seconds`: each changes a filter every couple of seconds, which
in a browser sends the requests of the views that follow that filter (the map, the
overlap, the timeline, the summary and the side panel). Reports throughput, latency
percentiles and errors. Faults on request:

- `--kill-worker-at S`: SIGKILL one worker S seconds in; gunicorn must replace it, and
  no request of the other workers may fail.
- `--slow N`: N extra clients that each keep one request in flight by sending its body
  a byte at a time; everyone else's p95 should not more than double.

Only 127.0.0.1 is ever contacted; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("map-graph.figure", "overlap-graph.figure", "timeline-graph.figure", "view-summary.children", "country-panel-body.children")  # fmt: skip
ORG_CHOICES = (["CSTO", "SCO"], ["CSTO", "SCO", "NATO"], ["SCO"], ["CSTO"], ["NATO", "CSTO"])
STATUS_CHOICES = (["member", "signatory", "frozen"], ["member", "observer", "dialogue_partner", "partner"])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "BLOCS_PORT": str(port), "BLOCS_WORKERS": str(workers)}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "bench.floors.noop:server"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                return process
        except requests.ConnectionError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def request_bodies(base: str) -> dict[str, dict]:
    """A template request for each view callback, from the app's own dependency list."""
    templates = {}
    for dependency in requests.get(base + "_dash-dependencies", timeout=10).json():
        outputs = dependency["output"].strip(".").split("...")
        view = next((v for v in VIEWS if v in outputs), None)
        if view is None or view in templates:
            continue
        templates[view] = {
            "output": dependency["output"],
            "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in outputs],
            "inputs": [dict(i) for i in dependency["inputs"]],
            "state": [dict(s) for s in dependency["state"]],
        }
    return templates


def fill(template: dict, rng: random.Random) -> dict:
    """A template with the values a reader might have chosen."""
    values = {
        "filters-orgs.value": rng.choice(ORG_CHOICES),
        "filters-date.value": f"{rng.randint(1992, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "filters-status.value": rng.choice(STATUS_CHOICES),
        "filters-country.value": rng.choice([None, None, "ARM", "KAZ", "IND", "UZB"]),
        "filters-events.value": ["cooperation", "suspension", "membership", "crisis", "institution"],
        "theme-mode.data": "light",
    }
    body = json.loads(json.dumps(template))
    for item in body["inputs"] + body["state"]:
        item["value"] = values.get(f"{item['id']}.{item['property']}")
    if len(body["outputs"]) == 1:
        body["outputs"] = body["outputs"][0]
    body["changedPropIds"] = ["filters-date.value"]
    return body


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[tuple[str, str | None]] = []  # (error, the worker its connection was on)
        self.killed: str | None = None

    def record(self, seconds: float, error: str | None, worker: str | None) -> None:
        with self.lock:
            if error:
                self.errors.append((error, worker))
            else:
                self.latencies.append(seconds)


def reader(base: str, templates: dict, results: Results, until: float, seed: int) -> None:
    rng = random.Random(seed)
    session = requests.Session()
    worker = None  # the worker holding this reader's keep-alive connection, as last seen
    while time.monotonic() < until:
        for template in templates.values():
            started = time.perf_counter()
            try:
                answer = session.post(base + "_dash-update-component", json=fill(template, rng), timeout=30)
                error = None if answer.status_code in (200, 204) else f"HTTP {answer.status_code}"
                worker = answer.headers.get("X-Worker", worker)
                failed_on = worker
            except requests.RequestException as exception:
                error = type(exception).__name__
                failed_on, worker = worker, None  # the connection is gone; the next one is new
            results.record(time.perf_counter() - started, error, failed_on if error else None)
        time.sleep(rng.uniform(1.5, 2.5))  # the reader looks at the result, then changes a filter


def slow_client(port: int, until: float) -> None:
    """Keep one request in flight by sending its body a byte a second."""
    while time.monotonic() < until:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                body = b'{"output": "view-summary.children", "inputs": []}'
                head = (
                    f"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                )
                connection.sendall(head.encode())
                for byte in body:
                    if time.monotonic() >= until:
                        return
                    connection.sendall(bytes([byte]))
                    time.sleep(1)
                connection.recv(1024)
        except OSError:
            time.sleep(0.5)


def worker_pids(master: int) -> list[int]:
    output = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True
    ).stdout
    return [int(pid) for pid in output.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-worker-at", type=float, default=None)
    parser.add_argument("--slow", type=int, default=0)
    arguments = parser.parse_args()
    if not 1 <= arguments.users <= 500 or not 1 <= arguments.seconds <= 900:
        raise SystemExit("--users 1..500 and --seconds 1..900")

    port = free_port()
    server = start_server(port, arguments.workers)
    base = f"http://127.0.0.1:{port}/"
    try:
        templates = request_bodies(base)
        results = Results()
        until = time.monotonic() + arguments.seconds
        threads = [
            threading.Thread(target=reader, args=(base, templates, results, until, seed), daemon=True)
            for seed in range(arguments.users)
        ]
        threads += [
            threading.Thread(target=slow_client, args=(port, until), daemon=True)
            for _ in range(arguments.slow)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
            time.sleep(2.0 / arguments.users)  # readers arrive over a couple of seconds
        if arguments.kill_worker_at is not None:
            time.sleep(max(0.0, arguments.kill_worker_at - (time.monotonic() - started)))
            victim = worker_pids(server.pid)[0]
            results.killed = str(victim)
            os.kill(victim, signal.SIGKILL)
            print(f"killed worker {victim} at {time.monotonic() - started:.0f} s")
        for thread in threads:
            thread.join(timeout=arguments.seconds + 60)
        elapsed = time.monotonic() - started
        latencies = sorted(results.latencies)
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
        print(
            f"users {arguments.users}, slow clients {arguments.slow}, workers {arguments.workers}, {elapsed:.0f} s"
        )
        print(f"requests {len(latencies) + len(results.errors)}, throughput {len(latencies) / elapsed:.1f}/s")
        print(
            f"latency ms: p50 {quantiles[49] * 1000:.0f}, p95 {quantiles[94] * 1000:.0f}, p99 {quantiles[98] * 1000:.0f}"
        )
        print(f"errors {len(results.errors)}: {sorted({error for error, _ in results.errors})}")
        if results.killed:
            on_killed = sum(worker == results.killed for _, worker in results.errors)
            unknown = sum(worker is None for _, worker in results.errors)
            others = len(results.errors) - on_killed - unknown
            print(
                f"errors on connections to the killed worker: {on_killed}; to other workers: {others}; "
                f"on connections not yet answered: {unknown}"
            )
        print(f"workers now: {len(worker_pids(server.pid))}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
