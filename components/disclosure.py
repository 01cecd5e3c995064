"""Long tables behind a disclosure (`<details>`), rendered only while it is open.

Dash's renderer does work for every component on the page at each update, and a table
of a hundred rows is five hundred components: kept on the page, the map's and the
timeline's tables made every change of date several times slower, open or not. So a
closed table holds nothing; it is rendered when the reader opens it, and follows the
filters while it stays open.
"""

from __future__ import annotations

import dash
from dash import ctx, html

__all__ = ["closed_answer", "is_open", "summary"]


def summary(text: str, summary_id: str) -> html.Summary:
    """The clickable line of a disclosure; its clicks tell whether the details are open."""
    return html.Summary(text, id=summary_id)


def is_open(clicks: object) -> bool:
    """Whether a disclosure is open, from its summary's clicks (it starts closed).

    A summary toggles its details on every activation, by mouse or keyboard, and each
    activation is a click.
    """
    return isinstance(clicks, int) and not isinstance(clicks, bool) and clicks % 2 == 1


def closed_answer(summary_id: str) -> object:
    """What a closed table's callback answers: empty if the reader just closed it, else no change."""
    return [] if ctx.triggered_id == summary_id else dash.no_update
