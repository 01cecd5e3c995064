"""What the app's web server adds to a stock Dash server: headers, limits, answers to bad requests, health.

- Every response carries a Content-Security-Policy that allows only the app's own origin:
  scripts from the app, plus the hashes of the few scripts Dash writes into the page;
  `style-src 'unsafe-inline'` because plotly.js sets styles on the elements it draws;
  `frame-ancestors` from configuration (by default the app's own origin), which replaces
  X-Frame-Options. Also X-Content-Type-Options and Referrer-Policy.
- The callback endpoint refuses bodies over a size limit (413), malformed JSON, unknown
  callbacks and ill-formed inputs (400), and answers any failure of a callback on such
  input with 400, never a stack trace.
- Responses are gzip-compressed for clients that accept it; static files (the app's assets
  and Dash's component suites) are compressed once and then served from memory.
  Fingerprinted assets (`?m=`) may be cached for a year.
- `<prefix>healthz` answers 200 with the size of the data, for load balancers.
- The page can carry a still picture of its first view (`FirstView`, drawn by
  `assets/first-view/draw.js`), whose scripts then run before Dash's.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import flask
from dash import Dash
from werkzeug.exceptions import HTTPException, NotFound

__all__ = ["DEFAULT_MAX_BODY", "UNUSED_SCRIPTS", "Dashboard", "FirstView", "harden"]

DEFAULT_MAX_BODY = 64 * 1024  # the largest real callback request is a few kilobytes
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
    }
)
MIN_COMPRESSED_SIZE = 1024
YEAR = 365 * 24 * 3600
MAX_DEPTH = 12  # how deeply a callback request's JSON may nest
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
LOGGER = logging.getLogger("blocs.serving")


def _inline_script_hashes(html: str) -> list[str]:
    """CSP hashes of the executable scripts written into `html` (not JSON data blocks, not IE comments)."""
    visible = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    hashes = []
    for match in INLINE_SCRIPT.finditer(visible):
        attributes, body = match.group("attributes"), match.group("body")
        if "src=" in attributes or "application/json" in attributes or not body.strip():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    """The policy for a page whose inline scripts have `script_hashes`."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def _depth(value: object, limit: int) -> int:
    """How deeply `value` nests, counting no further than `limit` + 1."""
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


def validate_callback_request(body: object, known_outputs: frozenset[str]) -> str | None:
    """Why a callback request's JSON body is not one the app can answer, or None if it is."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    if _depth(body, MAX_DEPTH) > MAX_DEPTH:
        return "the body nests too deeply"
    if body.get("output") not in known_outputs:
        return "unknown callback"
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not isinstance(items, list):
            return f"'{key}' is not a list"
        for item in items:
            entries = item if isinstance(item, list) else [item]  # pattern-matching inputs come as lists
            if not all(isinstance(e, dict) and "property" in e and "id" in e for e in entries):
                return f"an item of '{key}' is not an input"
    if not isinstance(body.get("outputs", {}), dict | list):
        return "'outputs' is neither an object nor a list"
    return None


def harden(app: Dash, *, frame_ancestors: str = "'self'", max_body: int = DEFAULT_MAX_BODY) -> None:
    """Add the headers, limits, error answers and health endpoint described above to `app`'s server."""
    server: flask.Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = max_body
    prefix = app.config.routes_pathname_prefix
    callback_path = prefix + "_dash-update-component"
    known_outputs: Callable[[], frozenset[str]] = lambda: frozenset(app.callback_map)  # noqa: E731
    policies: dict[str, str] = {}

    @server.before_request
    def _check_callback_request():
        if flask.request.path != callback_path or flask.request.method != "POST":
            return None
        try:
            body = json.loads(flask.request.get_data(cache=True) or b"null")
        except (ValueError, RecursionError):
            return _refuse(400, "the body is not valid JSON")
        problem = validate_callback_request(body, known_outputs())
        return _refuse(400, problem) if problem else None

    static_prefixes = (prefix + "assets/", prefix + "_dash-component-suites/")
    compressed: dict[tuple[str, str], bytes] = {}
    compressed_lock = threading.Lock()

    # Flask runs after-request functions last-registered first: this one, registered
    # before the headers, runs after them, on the finished body.
    @server.after_request
    def _compress(response: flask.Response) -> flask.Response:
        request = flask.request
        if (
            request.path.startswith(prefix + "assets/")
            and "m" in request.args
            and response.status_code == 200
        ):
            response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        static = request.path.startswith(static_prefixes)
        if static and response.direct_passthrough and response.status_code == 200:
            response.direct_passthrough = False  # read the file, to compress it (once)
        if (
            response.status_code != 200
            or response.direct_passthrough
            or response.mimetype not in COMPRESSIBLE
            or "Content-Encoding" in response.headers
            or "gzip" not in request.headers.get("Accept-Encoding", "")
        ):
            return response
        body = response.get_data()
        if len(body) < MIN_COMPRESSED_SIZE:
            return response
        if static:
            key = (request.full_path, hashlib.sha256(body).hexdigest())
            with compressed_lock:
                if key not in compressed:
                    compressed[key] = gzip.compress(body, compresslevel=6, mtime=0)
                packed = compressed[key]
        else:
            packed = gzip.compress(body, compresslevel=6, mtime=0)
        response.set_data(packed)
        response.headers["Content-Encoding"] = "gzip"
        response.headers.add("Vary", "Accept-Encoding")
        return response

    @server.after_request
    def _add_headers(response: flask.Response) -> flask.Response:
        if response.mimetype == "text/html" and not response.direct_passthrough:
            html = response.get_data(as_text=True)
            key = hashlib.sha256(html.encode("utf-8")).hexdigest()
            if key not in policies:
                policies[key] = content_security_policy(_inline_script_hashes(html), frame_ancestors)
            response.headers["Content-Security-Policy"] = policies[key]
        else:
            response.headers["Content-Security-Policy"] = (
                f"default-src 'none'; frame-ancestors {frame_ancestors}"
            )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @server.errorhandler(Exception)
    def _answer_failures(error: Exception):
        if isinstance(error, HTTPException):
            return error
        path = flask.request.path
        if path == callback_path:
            LOGGER.warning("callback request failed: %r", error, exc_info=error)
            return _refuse(400, "the request could not be answered")
        if path.startswith(prefix + "_dash-component-suites/"):
            LOGGER.warning("component suite request failed: %s", path, exc_info=error)
            return NotFound()
        LOGGER.error("request failed: %s", path, exc_info=error)
        return _refuse(500, "internal error")

    def _health():
        from data import bundled_dataset  # loaded at start-up: this only reads the cache

        dataset = bundled_dataset()
        return flask.jsonify(status="ok", memberships=len(dataset.memberships), events=len(dataset.events))

    server.add_url_rule(prefix + "healthz", "healthz", _health)


# Scripts Dash puts on every page that this page does without: @babel/polyfill (35 kB
# compressed) fills in ES2015 features for browsers that React 18, which Dash 4 needs,
# does not run on anyway; dash_table's loader (9 kB) serves only DataTables, and the
# app has none (tests/test_page_weight.py checks both).
UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/bundle)[^"]*"></script>\s*')


# Files the page is sure to need but would ask for late: the map shapes (fetched by
# plotly.js only once the map starts drawing) and the parts of Dash's components that
# load on first use. Asked for with the page's own scripts, they arrive in parallel.
EARLY_ASSETS = ("topojson/world_110m.json",)
EARLY_CHUNKS = ("async-graph.js", "async-dropdown.js", "async-datepicker.js", "async-slider.js")


EXTERNAL_SCRIPT = re.compile(r'<script src="[^"]*"></script>\s*')
LATER = "data-after-first-view"  # marks the script tags that wait for the first view
LOAD_UNLESS_PICTURED = "if (!window.blocsFirstView) { window.blocsLoadDash(); }"

FIRST_SCRIPTS = (  # the page's scripts that run before all others, in this order
    re.compile(r'<script src="[^"]*/assets/plotly/plotly\.min\.js[^"]*"></script>\s*'),
    re.compile(r'<script src="[^"]*/assets/first-view/draw\.js[^"]*"></script>\s*'),
)


@dataclass(frozen=True)
class FirstView:
    """A still picture of the page, shown until Dash has drawn it (see components/first_view.py).

    `head` goes in the page's head, before the stylesheets; `body` after Dash's entry
    point. The scripts in `FIRST_SCRIPTS` are asked for first and run first. Dash's own
    wait for the picture to be drawn: `head` must define `window.blocsLoadDash()`, which
    loads the tags marked `LATER` in order and then calls `window.blocsStartDash()`
    (Dash's start) once the page is parsed; `window.blocsFirstView` is set when there is
    a picture to draw, and otherwise they are loaded at once.
    """

    head: str
    body: str


class Dashboard(Dash):
    """A Dash app whose page leaves out the scripts in `UNUSED_SCRIPTS` and preloads the early ones.

    Its page may also carry a still picture of the first view (`first_view`).
    """

    first_view: FirstView | None = None

    def interpolate_index(self, **kwargs: str) -> str:
        """The page, as Dash writes it, without the unused scripts, with preload hints and the first view."""
        scripts = UNUSED_SCRIPTS.sub("", kwargs["scripts"])
        first: list[str] = []  # the first view's script tags, which run before the others
        if self.first_view:
            for pattern in FIRST_SCRIPTS:
                found = pattern.search(scripts)
                if found is None:
                    raise RuntimeError(f"the page lacks a script of the first view: {pattern.pattern}")
                first.append(found.group(0))
                scripts = scripts.replace(found.group(0), "")
            # Dash's own scripts wait until the picture is drawn, so that the browser spends
            # nothing on them before: they are written inert (a type the browser neither
            # fetches nor runs) and loaded, in order, by the first view's script
            # (components/first_view.js), which then starts Dash. Without a picture to
            # draw, the script after them loads them at once.
            first = [tag.replace("<script src=", '<script fetchpriority="high" src=') for tag in first]
            external = EXTERNAL_SCRIPT.findall(scripts)
            inline = EXTERNAL_SCRIPT.sub("", scripts)  # Dash's own inline ones, which run as parsed
            scripts = (
                "".join(
                    tag.replace("<script src=", f'<script type="text/plain" {LATER} src=') for tag in external
                )
                + f"<script>{LOAD_UNLESS_PICTURED}</script>"
                + "".join(first)
                + inline
            )
            # Dash's start, as the app sets it (`Dash.renderer`), once its scripts have run.
            kwargs["renderer"] = (
                '<script id="_dash-renderer" type="application/javascript">'
                f"window.blocsStartDash = function () {{ {self.renderer} }};</script>"
            )
            kwargs["app_entry"] = kwargs["app_entry"] + self.first_view.body
        kwargs["scripts"] = scripts
        suites = self.config.requests_pathname_prefix + "_dash-component-suites/dash/dcc/"
        # The first view's scripts are asked for before anything else: the page's first
        # request after itself goes out on the connection that brought the page, while the
        # others wait for new ones, and plotly.js is what the first view waits for longest.
        hints = [
            f'<link rel="preload" href="{_source(tag)}" as="script" fetchpriority="high">' for tag in first
        ]
        hints += [
            f'<link rel="preload" href="{self.get_asset_url(path)}" as="fetch" crossorigin="anonymous">'
            for path in EARLY_ASSETS
        ]
        low = ' fetchpriority="low"' if self.first_view else ""  # after what the first view needs
        hints += [f'<link rel="preload" href="{suites}{chunk}" as="script"{low}>' for chunk in EARLY_CHUNKS]
        # Before the stylesheets, which would hold back the first view's script until loaded.
        if self.first_view:
            hints.append(self.first_view.head)
        kwargs["css"] = "\n".join(hints) + "\n" + kwargs["css"]
        return super().interpolate_index(**kwargs)


def _source(tag: str) -> str:
    """The `src` of a script tag, as written (so already escaped for an attribute)."""
    return re.search(r'src="([^"]*)"', tag).group(1)


def _refuse(status: int, reason: str) -> flask.Response:
    response = flask.jsonify(error=reason)
    response.status_code = status
    return response
