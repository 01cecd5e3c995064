"""Long tables behind a disclosure (`<details>`), rendered only while it is open.

Dash's renderer does work for every component on the page at each update, and a table
of a hundred rows is five hundred components: kept on the page, the map's and the
timeline's tables made every change of date several times slower, open or not. So a
closed table holds nothing; it is rendered when the reader opens it, and follows the
filters while it stays open.

Whether it is open is known in the browser, from the summary's clicks (a summary toggles
its details on every activation, by mouse or keyboard, and each one is a click). A
browser-side gate (`gate`) passes the filters on to the table's server callback only
while the table is open, so a closed table costs no request at all.
"""

from __future__ import annotations

import dash
from dash import Input, Output, html

__all__ = ["gate", "summary"]


def summary(text: str, summary_id: str) -> html.Summary:
    """The clickable line of a disclosure; its clicks tell whether the details are open."""
    return html.Summary(text, id=summary_id)


def gate(summary_id: str, store_id: str, inputs: list[Input]) -> None:
    """Register the gate: the values of `inputs`, as a list, into `store_id` while open.

    On closing, the store is emptied (None), and the table's callback clears the table;
    while closed, nothing is sent.
    """
    dash.clientside_callback(
        dash.ClientsideFunction("blocs", "gate"),
        Output(store_id, "data"),
        Input(summary_id, "n_clicks"),
        *inputs,
        prevent_initial_call=True,
    )
