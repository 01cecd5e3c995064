"""The page as Dash writes it, rewritten for the first view: an index hook (`dash.hooks.index`).

- Leaves out the scripts in `UNUSED_SCRIPTS` and asks early for the files the page is
  sure to need (`preload` hints).
- Writes the picture's head script at the top of the head and the picture after Dash's
  entry point; plotly.js and the picture's script (`FIRST_SCRIPTS`) are asked for first
  and run first.
- Writes React's and Dash's scripts inert (a type the browser neither fetches nor runs,
  marked `LATER`): the head script (`head.js`) loads them, in order, once the picture is
  drawn, then starts Dash (`window.blocsStartDash`, Dash's own start). Without a picture
  to draw, the script after them loads them at once.

Dash's hooks are the process's, not an app's: the hook rewrites only the pages of an app
that `install` gave a `FirstView`, kept with its Flask server's extensions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import flask
from dash import Dash, hooks

__all__ = ["EXTENSION", "UNUSED_SCRIPTS", "FirstView", "install"]

EXTENSION = "blocs.first_view"  # the key of an app's FirstView in its server's extensions

# Scripts Dash puts on every page that this page does without: @babel/polyfill (35 kB
# compressed) fills in ES2015 features for browsers that React 18, which Dash 4 needs,
# does not run on anyway; dash_table's loader (9 kB) serves only DataTables, and the
# app has none (tests/test_page_weight.py checks both).
UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/bundle)[^"]*"></script>\s*')

# Files the page is sure to need but would ask for late: the map shapes (fetched by
# plotly.js only once the map starts drawing) and the part of Dash's components that
# loads on first use (the graph: every other control is the browser's own). Asked for
# with the page's own scripts, they arrive in parallel.
EARLY_CHUNKS = ("async-graph.js",)

EXTERNAL_SCRIPT = re.compile(r'<script src="[^"]*"></script>\s*')
LATER = "data-after-first-view"  # marks the script tags that wait for the first view
LOAD_UNLESS_PICTURED = "if (!window.blocsFirstView) { window.blocsLoadDash(); }"

FIRST_SCRIPTS = (  # the page's scripts that run before all others, in this order
    re.compile(r'<script src="[^"]*/assets/plotly/plotly\.min\.js[^"]*"></script>\s*'),
    re.compile(r'<script src="[^"]*/assets/first-view/draw\.js[^"]*"></script>\s*'),
)

# Where Dash writes its parts in the page (its default index string).
FAVICON = re.compile(r'<link rel="icon"[^>]*>\s*')
ENTRY = re.compile(r'<div id="react-entry-point">.*?</div>\s*</div>\n?', re.S)
CONFIG = re.compile(r'<script id="_dash-config" type="application/json">.*?</script>', re.S)
RENDERER = re.compile(
    r'(?P<open><script id="_dash-renderer" type="application/javascript">)(?P<body>.*?)</script>', re.S
)


@dataclass(frozen=True)
class FirstView:
    """An app's still picture and the addresses its page asks for early.

    `head` goes in the page's head, before the stylesheets; `body` after Dash's entry
    point. `head` must define `window.blocsLoadDash()`, which loads the tags marked
    `LATER` in order and then calls `window.blocsStartDash()` once the page is parsed;
    `window.blocsFirstView` is set when there is a picture to draw.
    """

    head: str
    body: str
    early_assets: tuple[str, ...]  # addresses of files fetched early (as `fetch`)
    suites: str  # the address of dash's dcc component suite, ending in /

    def rewrite(self, index: str) -> str:
        """`index`, the page as Dash wrote it, with the first view and without the unused scripts."""
        start, end = CONFIG.search(index).end(), RENDERER.search(index).start()
        scripts, first = self._scripts(UNUSED_SCRIPTS.sub("", index[start:end]))
        index = index[:start] + scripts + index[end:]
        index = RENDERER.sub(
            lambda found: (
                f"{found['open']}window.blocsStartDash = function () {{ {found['body']} }};</script>"
            ),
            index,
            count=1,
        )
        entry = ENTRY.search(index)
        index = index[: entry.end()] + self.body + index[entry.end() :]
        favicon = FAVICON.search(index)
        return index[: favicon.end()] + "\n".join(self._hints(first)) + "\n" + index[favicon.end() :]

    def _scripts(self, scripts: str) -> tuple[str, list[str]]:
        """The page's scripts, Dash's written inert, and the first view's tags, which run before them."""
        lead = scripts[: len(scripts) - len(scripts.lstrip())]
        first: list[str] = []
        for pattern in FIRST_SCRIPTS:
            found = pattern.search(scripts)
            if found is None:
                raise RuntimeError(f"the page lacks a script of the first view: {pattern.pattern}")
            first.append(found.group(0).replace("<script src=", '<script fetchpriority="high" src='))
            scripts = scripts.replace(found.group(0), "")
        external = EXTERNAL_SCRIPT.findall(scripts)
        inline = EXTERNAL_SCRIPT.sub("", scripts.lstrip())  # Dash's own inline ones, which run as parsed
        inert = "".join(
            tag.replace("<script src=", f'<script type="text/plain" {LATER} src=') for tag in external
        )
        return lead + inert + f"<script>{LOAD_UNLESS_PICTURED}</script>" + "".join(first) + inline, first

    def _hints(self, first: list[str]) -> list[str]:
        """The head's first tags: preload hints, the first view's scripts first, then its head script.

        The page's first request after itself goes out on the connection that brought the
        page, while the others wait for new ones, and plotly.js is what the first view
        waits for longest. The head script goes before the stylesheets, which would hold
        it back until loaded.
        """
        hints = [
            f'<link rel="preload" href="{_source(tag)}" as="script" fetchpriority="high">' for tag in first
        ]
        hints += [
            f'<link rel="preload" href="{href}" as="fetch" crossorigin="anonymous">'
            for href in self.early_assets
        ]
        hints += [
            f'<link rel="preload" href="{self.suites}{chunk}" as="script" fetchpriority="low">'
            for chunk in EARLY_CHUNKS
        ]
        return [*hints, self.head]


def _source(tag: str) -> str:
    """The `src` of a script tag, as written (so already escaped for an attribute)."""
    return re.search(r'src="([^"]*)"', tag).group(1)


def _rewrite_page(index: str) -> str:
    """Dash's index hook: the page of an app with a first view, rewritten; any other, as it is."""
    view = flask.current_app.extensions.get(EXTENSION) if flask.has_app_context() else None
    return view.rewrite(index) if view else index


def install(app: Dash, view: FirstView) -> None:
    """Give `app`'s page the first view `view`; another call replaces it.

    The index hook is registered once per process, however many apps are made.
    """
    app.server.extensions[EXTENSION] = view
    if not any(hook.func is _rewrite_page for hook in hooks.get_hooks("index")):
        hooks.index()(_rewrite_page)
