"""The page's still picture: the default view's three figures, drawn before Dash starts.

Dash draws nothing until React, its renderer and every component have started, which
takes longer than drawing the figures themselves. A reader who opens the default view
(no query string, light colours) is shown this picture meanwhile: the page's header and
cards, written from the very layout the app serves (`picture.skeleton`, through
`markup.to_html`), whose figures `assets/first-view/draw.js` draws, static, (and whose
parts that change with the day it writes again) from the layout Dash is about to render
(fetched once, early, by the head script, `head.js`, and handed to Dash). The picture
lies over the page, takes no clicks, and goes as soon as Dash has drawn the three
figures in their places.

React's and Dash's scripts wait for the picture: the page is rewritten by an index hook
(`index.py`) that writes them inert, and the head script loads them once the picture's
script has drawn it, then starts Dash. `install(app)` sets it all up.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from dash import Dash

from .. import ids
from . import index
from .index import FirstView
from .markup import Amendment, to_html
from .picture import skeleton

__all__ = ["SHAPES", "Amendment", "FirstView", "head_script", "install", "skeleton", "to_html"]

SCRIPT = Path(__file__).with_name("head.js")
SHAPES = "topojson/world_110m.json"  # the asset holding the shapes the default map draws
# Where Dash's persistence keeps the reader's choice of colours (components/appearance.py,
# persistence_type="local"): `<id>.<property>`, holding `[value]` as JSON.
THEME_CHOICE_KEY = f"{ids.THEME_CHOICE}.value"


def head_script(*, layout_url: str, shapes_url: str) -> str:
    """The script that starts the first view, for the top of the page's head.

    Its text never changes (the page's Content-Security-Policy allows it by hash); the
    addresses it asks for, and where the reader's colours are kept, come as attributes.
    """
    return (
        f'<script data-layout="{escape(layout_url)}" data-shapes="{escape(shapes_url)}"'
        f' data-theme-choice-key="{escape(THEME_CHOICE_KEY)}">'
        f"{SCRIPT.read_text(encoding='utf-8')}</script>"
    )


def install(app: Dash) -> None:
    """Give `app`'s page the picture of the layout it serves (set `app.layout` first)."""
    prefix = app.config.requests_pathname_prefix
    shapes = app.get_asset_url(SHAPES)
    index.install(
        app,
        FirstView(
            head=head_script(layout_url=prefix + "_dash-layout", shapes_url=shapes),
            body=skeleton(app.get_layout()),
            early_assets=(shapes,),
            suites=prefix + "_dash-component-suites/dash/dcc/",
        ),
    )
