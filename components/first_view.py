"""The page's still picture: the default view's three figures, drawn before Dash starts.

Dash draws nothing until React, its renderer and every component have started, which
takes longer than drawing the figures themselves. A reader who opens the default view
(no query string, light colours) is shown this picture meanwhile: the page's header and
cards in the page's own classes, whose figures `assets/first-view/draw.js` draws, static,
(and whose texts and key it fills in) from the same layout Dash is about to render (fetched once, early, by the head script,
`components/first_view.js`, and handed to Dash). The picture lies over the page, takes no
clicks, and goes as soon as Dash has drawn the three figures in their places.

React's and Dash's scripts wait for the picture: serving.py writes them inert, and the
head script loads them once the picture's script has drawn it, then starts Dash.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from . import ids, overlap, page, timeline
from . import map as map_view
from .map.layout import BORDERS_NOTE

__all__ = ["SHAPES", "head_script", "skeleton"]

SCRIPT = Path(__file__).with_name("first_view.js")
SHAPES = "topojson/world_110m.json"  # the asset holding the shapes the default map draws

CARD_TITLES = {"map": map_view.CARD_TITLE, "overlap": overlap.CARD_TITLE, "timeline": timeline.CARD_TITLE}
# The header's buttons, as text of the same size (see components/share.py, downloads.py, appearance.py).
HEADER_TOOLS = ("Share / embed", "Download memberships (CSV)")


def _card(
    view: str, graph_id: str, graph_class: str, *, above: str = "", under: str = "", beside: str = ""
) -> str:
    buttons = "".join(
        f'<span class="btn btn-outline-secondary btn-sm py-0">{kind}</span>' for kind in ("PNG", "SVG")
    )
    graph = (
        f'<div class="view">{above}<div class="{graph_class}" data-view="{graph_id}" aria-hidden="true"></div>'
        f"{under}</div>"
    )
    body = (
        f'<div class="row g-2"><div class="col-12 col-lg-9">{graph}</div>{beside}</div>' if beside else graph
    )
    return (
        f'<div class="card view-card view-card--{view} h-100">'
        '<div class="card-header d-flex justify-content-between align-items-center">'
        f'<h2 class="h6 m-0">{escape(CARD_TITLES[view])}</h2><div class="btn-group btn-group-sm">{buttons}</div>'
        f'</div><div class="card-body p-2">{body}</div></div>'
    )


def skeleton() -> str:
    """The picture's HTML, for the page's template: its figures are drawn in the browser."""
    tools = "".join(
        f'<span class="btn btn-outline-secondary btn-sm">{escape(tool)}</span>' for tool in HEADER_TOOLS
    )
    return (
        '<div id="first-view" class="first-view" aria-hidden="true">'
        '<div class="container-fluid page">'
        '<header class="page-header d-flex flex-wrap justify-content-between gap-2">'
        f'<div><h1 class="h4 mb-1">{escape(page.HEADING)}</h1>'
        f'<p class="text-body-secondary mb-0">{escape(page.SUBHEADING)}</p></div>'
        f'<div class="page-tools d-flex flex-wrap gap-2 align-items-center">{tools}'
        '<span class="form-select form-select-sm first-view__select">System colours</span></div>'
        "</header>"
        '<section class="filter-bar first-view__filters"></section>'
        f'<p class="view-summary" data-text="{ids.VIEW_SUMMARY}"></p>'
        '<main><div class="row g-3">'
        '<div class="col-12 mb-3">'
        + _card(
            "map",
            ids.MAP_GRAPH,
            "view-graph view-graph--map",
            under=(
                f'<p class="map-note small text-body-secondary mb-1">{escape(BORDERS_NOTE)}</p>'
                '<details class="table-alternative small"><summary>The map as a table</summary></details>'
            ),
            beside='<div class="col-12 col-lg-3 country-column"></div>',
        )
        + "</div>"
        '<div class="col-12 col-lg-5 mb-3">'
        + _card("overlap", ids.OVERLAP_GRAPH, "view-graph view-graph--overlap")
        + "</div>"
        '<div class="col-12 col-lg-7 mb-3">'
        + _card(
            "timeline",
            ids.TIMELINE_GRAPH,
            "view-graph--timeline",
            above=f'<ul data-component="{ids.TIMELINE_KEY}"></ul>',
        )
        + "</div>"
        "</div></main></div></div>"
    )


def head_script(*, layout_url: str, shapes_url: str) -> str:
    """The script that starts the first view, for the top of the page's head.

    Its text never changes (the page's Content-Security-Policy allows it by hash); the
    addresses it asks for come as attributes.
    """
    return (
        f'<script data-layout="{escape(layout_url)}" data-shapes="{escape(shapes_url)}">'
        f"{SCRIPT.read_text(encoding='utf-8')}</script>"
    )
