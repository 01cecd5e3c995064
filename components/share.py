"""Sharing: a dialog with the link to the current view and a ready iframe snippet; embedded views.

`?embed=map`, `?embed=overlap` or `?embed=timeline` shows that view alone, without the
page's header and filters, filling its frame; every other parameter still applies.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, clientside_callback, dcc, html

from . import ids, state

__all__ = ["EMBEDDABLE", "layout", "open_button"]

EMBEDDABLE = {view: view.capitalize() for view in state.EMBEDDABLE}


def open_button() -> dbc.Button:
    """The header's button that opens the dialog."""
    return dbc.Button("Share / embed", id=ids.SHARE_OPEN, color="primary", outline=True, size="sm")


def layout() -> dbc.Modal:
    """The share dialog."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Share or embed this view")),
            dbc.ModalBody(
                [
                    dbc.Label("Show", html_for=ids.SHARE_VIEW, className="fw-semibold"),
                    dbc.RadioItems(
                        id=ids.SHARE_VIEW,
                        options=[{"label": "The whole dashboard", "value": ""}]
                        + [
                            {"label": f"The {label.lower()} alone", "value": key}
                            for key, label in EMBEDDABLE.items()
                        ],
                        value="",
                        inline=True,
                        className="mb-3",
                    ),
                    dbc.Label("Link", html_for=ids.SHARE_LINK, className="fw-semibold"),
                    html.Div(
                        [
                            dbc.Input(id=ids.SHARE_LINK, readonly=True, type="text"),
                            dcc.Clipboard(
                                target_id=ids.SHARE_LINK, id=ids.SHARE_LINK_COPY, className="copy-button"
                            ),
                        ],
                        className="d-flex gap-2 align-items-center mb-3",
                    ),
                    dbc.Label("Embed code", html_for=ids.SHARE_EMBED, className="fw-semibold"),
                    html.Div(
                        [
                            dbc.Textarea(
                                id=ids.SHARE_EMBED, readonly=True, rows=3, className="font-monospace small"
                            ),
                            dcc.Clipboard(
                                target_id=ids.SHARE_EMBED, id=ids.SHARE_EMBED_COPY, className="copy-button"
                            ),
                        ],
                        className="d-flex gap-2 align-items-start",
                    ),
                    html.P(
                        "The link and the embedded view keep the organizations, date, statuses and "
                        "selection shown now. The dashboard fetches nothing from other sites, so it "
                        "also works on an intranet without internet access.",
                        className="small text-body-secondary mt-3 mb-0",
                    ),
                ]
            ),
        ],
        id=ids.SHARE_MODAL,
        is_open=False,
        size="lg",
    )


# Open the dialog; fill in the link and the snippet from the address bar as it is now,
# so they carry the whole view state and the app's own URL prefix.
clientside_callback(
    """
    function (clicks, view, search) {
        const url = new URL(window.location.href);
        url.search = search || "";
        if (view) { url.searchParams.set("embed", view); } else { url.searchParams.delete("embed"); }
        const link = url.toString().replace(/%2C/g, ",");
        const title = view ? "CSTO, SCO and NATO: " + view : "CSTO, SCO and NATO through time";
        const height = view === "timeline" ? 640 : 520;
        const snippet = '<iframe src="' + link + '" title="' + title + '" width="100%" height="' + height +
            '" style="border:0" loading="lazy"></iframe>';
        const opened = dash_clientside.callback_context.triggered_id === "OPEN_ID";
        return [opened ? true : dash_clientside.no_update, link, snippet];
    }
    """.replace("OPEN_ID", ids.SHARE_OPEN),
    Output(ids.SHARE_MODAL, "is_open"),
    Output(ids.SHARE_LINK, "value"),
    Output(ids.SHARE_EMBED, "value"),
    Input(ids.SHARE_OPEN, "n_clicks"),
    Input(ids.SHARE_VIEW, "value"),
    Input(ids.URL, "search"),
    prevent_initial_call=True,  # filled in when opened
)

# An embedded view: mark the page so that the stylesheet shows that view alone.
clientside_callback(
    """
    function (search) {
        const view = new URLSearchParams(search || "").get("embed");
        const allowed = ALLOWED;
        const base = "container-fluid page";
        return allowed.includes(view) ? base + " page--embed page--embed-" + view : base;
    }
    """.replace("ALLOWED", str(list(EMBEDDABLE))),
    Output(ids.PAGE, "className"),
    Input(ids.URL, "search"),
)
