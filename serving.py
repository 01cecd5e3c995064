"""What the app's web server adds to a stock Dash server: headers, limits, answers to bad requests, health.

- Every response carries a Content-Security-Policy that allows only the app's own origin:
  scripts from the app, plus the hashes of the few scripts Dash writes into the page;
  `style-src 'unsafe-inline'` because plotly.js sets styles on the elements it draws;
  `frame-ancestors` from configuration (by default the app's own origin), which replaces
  X-Frame-Options. Also X-Content-Type-Options and Referrer-Policy.
- The callback endpoint refuses bodies over a size limit (413; a chunked body too, which
  Werkzeug would otherwise cut at the limit and hand on), malformed JSON, unknown
  callbacks, ill-formed inputs and outputs that do not match the callback (400), and
  answers any other failure Dash finds in a request with 400, never a stack trace. Such a
  refusal logs one short line at most, without the request's content or a traceback; an
  exception raised by a callback's own code is a server error (500, traceback logged).
- Responses are gzip-compressed for clients that accept it; static files (the app's assets
  and Dash's component suites) are compressed once and then served from memory, kept by
  their content (a query string makes no new copy), the 64 most recently used.
  Fingerprinted assets (`?m=`) may be cached for a year.
- `<prefix>healthz` answers 200 with the size of the data, for load balancers.
- Only the app's own paths answer: the page (at the prefix), Dash's `_dash-*` endpoints,
  the assets and `healthz`. Any other path answers 404 rather than the page (Dash's
  catch-all route serves the page for every path), as do Dash's hot-reload endpoint
  (`_reload-hash`; the app never turns hot reload on) and the component suites' source
  maps. Redirects (`/prefix` to `/prefix/`) name a path, never the request's `Host`.
- The page's configuration (`_dash-config`) names no version of Python, Dash or plotly
  (unless Dash's dev tools are on).
- Every response carries a Permissions-Policy that denies the device APIs the app never
  uses (fullscreen stays allowed for the app itself); with `hsts_max_age` (`settings.hsts`), a
  Strict-Transport-Security header. The page and `_dash-layout` are `no-cache`.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

import flask
from dash import Dash, hooks
from werkzeug.exceptions import HTTPException, NotFound

__all__ = [
    "DEFAULT_MAX_BODY",
    "PERMISSIONS_POLICY",
    "callback_raised",
    "harden",
]

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
MAX_COMPRESSED_FILES = 64  # the page loads some 30 static files
COMPRESSED_FILES = "blocs.compressed_files"  # the `CompressedFiles` of a server, in its `extensions`
YEAR = 365 * 24 * 3600
MAX_DEPTH = 12  # how deeply a callback request's JSON may nest
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
LOGGER = logging.getLogger("blocs.serving")
EXTENSION = "blocs.serving"  # marks a hardened app in its server's extensions
LOG_TEXT_LIMIT = 200  # characters of a request's path or error in one line of log
CALLBACK_RAISED = "blocs_callback_raised"  # in `flask.g`: the error a callback's own code raised
# Features the app never uses, denied to it and to anything it frames; fullscreen only for
# the app's own pages (a presenter mode). Only features Chromium knows: it logs an error
# for any other. The clipboard stays allowed: the share dialog copies links.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "camera=()",
        "display-capture=()",
        "geolocation=()",
        "gyroscope=()",
        "hid=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "serial=()",
        "usb=()",
        "fullscreen=(self)",
    ]
)
# What Dash writes in every page's config that only tells a visitor what to attack.
VERSION_KEYS = ("dash_version", "python_version", "plotly_version", "ddk_version", "dash_version_url")
CONFIG_SCRIPT = re.compile(r'(<script id="_dash-config" type="application/json">)(.*?)(</script>)', re.S)


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
    return _outputs_problem(body["output"], body.get("outputs", {}))


def _outputs_problem(output: str, outputs: dict | list) -> str | None:
    """Why `outputs` does not match the callback named `output`, or None if it does.

    Checked before the callback runs: otherwise it runs (up to a second of work) only for
    Dash to refuse its answer.
    """
    count = len(output[2:-2].split("...")) if output.startswith("..") else 1
    if count > 1:
        if not isinstance(outputs, list) or len(outputs) != count:
            return f"'outputs' does not list the callback's {count} outputs"
    elif not isinstance(outputs, dict) and '["ALL' not in output:  # a wildcard's outputs are a list
        return "'outputs' does not match the callback's output"
    return None


def harden(
    app: Dash,
    *,
    frame_ancestors: str = "'self'",
    max_body: int = DEFAULT_MAX_BODY,
    hsts_max_age: int | None = None,
) -> None:
    """Add the headers, limits, error answers and health endpoint described above to `app`'s server."""
    server: flask.Flask = app.server
    server.extensions[EXTENSION] = True
    if not any(hook.func is _page_without_versions for hook in hooks.get_hooks("index")):
        hooks.index()(_page_without_versions)  # Dash's hooks are the process's: once
    server.config["MAX_CONTENT_LENGTH"] = max_body
    prefix = app.config.routes_pathname_prefix
    callback_path = prefix + "_dash-update-component"
    _refuse_long_chunked_bodies(server, max_body)  # first: before anything reads the body
    _serve_only_the_apps_paths(server, prefix)
    _check_callback_requests(server, callback_path, lambda: frozenset(app.callback_map))
    # Flask runs after-request functions last-registered first: compression, registered
    # before the headers, runs after them, on the finished body.
    _compress_responses(server, prefix)
    _add_headers(server, frame_ancestors, hsts_max_age, no_cache_paths={prefix + "_dash-layout"})
    _answer_failures(server, prefix, callback_path)
    _redirect_by_path(server)
    server.add_url_rule(prefix + "healthz", "healthz", _health)


def _refuse_long_chunked_bodies(server: flask.Flask, max_body: int) -> None:
    @server.before_request
    def _read_chunked_body():
        # A chunked body has no Content-Length for MAX_CONTENT_LENGTH to check: Werkzeug
        # reads such a body only up to the limit and hands on what it read. Read it here,
        # one byte past the limit, and hand on all of it or refuse it.
        environ = flask.request.environ
        if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return None
        stream, body = environ["wsgi.input"], bytearray()
        while len(body) <= max_body:
            piece = stream.read(max_body + 1 - len(body))
            if not piece:
                break
            body += piece
        if len(body) > max_body:
            response = _refuse(413, "the body is too large")
            response.headers["Connection"] = "close"  # rather than read the rest of it
            return response
        environ["wsgi.input"] = io.BytesIO(bytes(body))
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        return None


def _serve_only_the_apps_paths(server: flask.Flask, prefix: str) -> None:
    # Dash's endpoints are named by their rules; these two serve nothing production needs.
    unserved = {prefix + "<path:path>", prefix + "_reload-hash"}
    suites = prefix + "_dash-component-suites/"

    @server.before_request
    def _refuse_unserved_paths():
        path = flask.request.path
        if flask.request.endpoint in unserved or (path.startswith(suites) and path.endswith(".map")):
            raise NotFound()


def _redirect_by_path(server: flask.Flask) -> None:
    @server.after_request
    def _drop_host_from_location(response: flask.Response) -> flask.Response:
        # Werkzeug writes the redirects of its routing (a missing trailing slash) as
        # absolute URLs built from the request's Host header.
        location = urlsplit(response.headers.get("Location", ""))
        if location.scheme or location.netloc:
            path = "/" + location.path.lstrip("/")  # never `//host/...`, another host's
            response.headers["Location"] = urlunsplit(("", "", path, location.query, location.fragment))
        return response


def _check_callback_requests(
    server: flask.Flask, callback_path: str, known_outputs: Callable[[], frozenset[str]]
) -> None:
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


class CompressedFiles:
    """Static files gzipped once, kept by their content's digest, the least recently used dropped past `limit`.

    Keyed by content, not by URL: a query string (`?x=1`, `?x=2`, ...) or a Dash
    fingerprint in the path names the same file, and must not make another copy.
    """

    def __init__(self, limit: int = MAX_COMPRESSED_FILES):
        self.limit = limit
        self._packed: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._packed)

    def packed(self, body: bytes) -> bytes:
        """`body` gzipped, from memory if it was before."""
        key = hashlib.sha256(body).digest()
        with self._lock:
            if key in self._packed:
                self._packed.move_to_end(key)
            else:
                self._packed[key] = gzip.compress(body, compresslevel=6, mtime=0)
                while len(self._packed) > self.limit:
                    self._packed.popitem(last=False)
            return self._packed[key]


def _compress_responses(server: flask.Flask, prefix: str) -> None:
    static_prefixes = (prefix + "assets/", prefix + "_dash-component-suites/")
    compressed = server.extensions[COMPRESSED_FILES] = CompressedFiles()

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
        if not _compressible(response, request):
            return response
        body = response.get_data()
        if len(body) < MIN_COMPRESSED_SIZE:
            return response
        packed = compressed.packed(body) if static else gzip.compress(body, compresslevel=6, mtime=0)
        response.set_data(packed)
        response.headers["Content-Encoding"] = "gzip"
        response.headers.add("Vary", "Accept-Encoding")
        return response


def _compressible(response: flask.Response, request: flask.Request) -> bool:
    """Whether `response` is one to gzip for `request` (before looking at its size)."""
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and response.mimetype in COMPRESSIBLE
        and "Content-Encoding" not in response.headers
        and "gzip" in request.headers.get("Accept-Encoding", "")
    )


def without_versions(index: str) -> str:
    """The page `index` with the versions Dash writes in its config (`VERSION_KEYS`) left out.

    Unless Dash's dev tools are on: their menu shows the versions.
    """

    def _rewrite(found: re.Match) -> str:
        config = json.loads(found.group(2))
        if config.get("ui"):  # Dash's dev tools (--debug, on a developer's machine) show them
            return found.group(0)
        config = {k: v for k, v in config.items() if k not in VERSION_KEYS}
        # As Dash writes it: nothing in the JSON can end the script element.
        text = json.dumps(config, separators=(",", ":")).replace("<", "\\u003c").replace("/", "\\u002f")
        return found.group(1) + text + found.group(3)

    return CONFIG_SCRIPT.sub(_rewrite, index, count=1)


def _page_without_versions(index: str) -> str:
    """Dash's index hook: a hardened app's page without versions; any other's as it is."""
    hardened = flask.has_app_context() and flask.current_app.extensions.get(EXTENSION)
    return without_versions(index) if hardened else index


def _add_headers(
    server: flask.Flask, frame_ancestors: str, hsts_max_age: int | None, no_cache_paths: set[str]
) -> None:
    policies: dict[str, str] = {}

    @server.after_request
    def _add_security_headers(response: flask.Response) -> flask.Response:
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
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        if hsts_max_age is not None:
            response.headers["Strict-Transport-Security"] = f"max-age={hsts_max_age}"
        if response.mimetype == "text/html" or flask.request.path in no_cache_paths:
            response.headers["Cache-Control"] = "no-cache"  # asked again each time, by ETag or in full
        return response


def _answer_failures(server: flask.Flask, prefix: str, callback_path: str) -> None:
    # A refused request costs one short line of log, never a traceback or its own content
    # (a malformed callback request once wrote the whole figure in its error); a callback
    # that raised (see `callback_raised`) is a bug of ours, and logs its traceback.
    @server.errorhandler(Exception)
    def _answer_failure(error: Exception):
        if isinstance(error, HTTPException):
            return error
        path = flask.request.path
        if flask.g.get(CALLBACK_RAISED) is error:
            LOGGER.error("callback failed: %s", _one_line(path), exc_info=error)
            return _refuse(500, "internal error")
        if path == callback_path:
            # The error's type only: Dash's messages may quote the request or the answer.
            LOGGER.warning("callback request refused: %s", type(error).__name__)
            return _refuse(400, "the request could not be answered")
        if path.startswith(prefix + "_dash-component-suites/"):
            LOGGER.warning("component suite request refused: %s", _one_line(path))
            return NotFound()
        LOGGER.error("request failed: %s", _one_line(path), exc_info=error)
        return _refuse(500, "internal error")


def callback_raised(error: Exception) -> None:
    """Dash's `on_error`: mark `error` as raised by a callback's own code, then let it propagate.

    Errors Dash raises around a callback (a request whose outputs do not match it, say)
    are the client's; errors from inside a callback are the server's.
    """
    flask.g.setdefault(CALLBACK_RAISED, error)
    raise error


def _one_line(text: str, limit: int = LOG_TEXT_LIMIT) -> str:
    """`text` on one line (control characters escaped) and at most `limit` characters long."""
    flat = text.encode("unicode_escape").decode("ascii")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _health():
    from data import bundled_dataset  # loaded at start-up: this only reads the cache

    dataset = bundled_dataset()
    return flask.jsonify(status="ok", memberships=len(dataset.memberships), events=len(dataset.events))


def _refuse(status: int, reason: str) -> flask.Response:
    response = flask.jsonify(error=reason)
    response.status_code = status
    return response
