"""Sharing: a dialog with the link to the current view and a ready iframe snippet; embedded views.

`?embed=map`, `?embed=overlap` or `?embed=timeline` shows that view alone, without the
page's header and filters, filling its frame; every other parameter still applies.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, html

from . import ids, state

__all__ = ["EMBEDDABLE", "embed_footer", "layout", "open_button"]

EMBEDDABLE = {view: view.capitalize() for view in state.EMBEDDABLE}
# The height an embedding frame is given in the snippet, for the whole dashboard ("") and each view.
EMBED_HEIGHTS = {"": 520, "map": 520, "overlap": 520, "timeline": 640}
SNIPPET_TITLE = "CSTO, SCO and NATO through time"
EMBED_FOOTER_PX = 28  # an embedded view's last line (.embed-footer in assets/style.css)


def open_button() -> dbc.Button:
    """The header's button that opens the dialog."""
    return dbc.Button("Share / embed", id=ids.SHARE_OPEN, color="primary", outline=True, size="sm")


def _copy_button(button_id: str, what: str) -> dbc.Button:
    """A button that copies the box before it (`copy` in assets/blocs.js): a real button, which Tab reaches."""
    label = f"Copy {what}"
    return dbc.Button(
        label, id=button_id, color="secondary", outline=True, size="sm", title=label, className="copy-button"
    )


def embed_footer() -> html.P:
    """An embedded view's last line (shown only there): the way out to the whole dashboard, and the source."""
    return html.P(
        [
            html.A(
                "Open in the full dashboard",
                id=ids.EMBED_LINK,
                href="./",
                target="_blank",
                rel="noopener",
                title="The whole dashboard at this view, in a new tab",
            ),
            html.Span(", with a source for every fact", className="text-body-secondary"),
        ],
        className="embed-footer small",
    )


def layout() -> dbc.Modal:
    """The share dialog."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle("Share or embed this view", id=ids.SHARE_TITLE)),
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
                            _copy_button(ids.SHARE_LINK_COPY, "link"),
                        ],
                        className="d-flex gap-2 align-items-center mb-3",
                    ),
                    dbc.Label("Embed code", html_for=ids.SHARE_EMBED, className="fw-semibold"),
                    html.Div(
                        [
                            dbc.Textarea(
                                id=ids.SHARE_EMBED, readonly=True, rows=6, className="font-monospace small"
                            ),
                            _copy_button(ids.SHARE_EMBED_COPY, "code"),
                        ],
                        className="d-flex gap-2 align-items-start",
                    ),
                    html.P(
                        "The link and the embedded view keep the organizations, date, statuses and "
                        "selection shown now. The embed code's script lets the frame take the height "
                        "of what it shows; without it the frame keeps the height given. The dashboard "
                        "fetches nothing from other sites, so it also works on an intranet without "
                        "internet access.",
                        className="small text-body-secondary mt-3 mb-0",
                    ),
                ]
            ),
        ],
        id=ids.SHARE_MODAL,
        labelledby=ids.SHARE_TITLE,
        is_open=False,
        size="lg",
    )


# Open the dialog, and fill in the link and the snippet (`share` in assets/blocs.js).
clientside_callback(
    ClientsideFunction("blocs", "share"),
    Output(ids.SHARE_MODAL, "is_open"),
    Output(ids.SHARE_LINK, "value"),
    Output(ids.SHARE_EMBED, "value"),
    Input(ids.SHARE_OPEN, "n_clicks"),
    Input(ids.SHARE_VIEW, "value"),
    Input(ids.URL, "search"),
    State(ids.PAGE_CONFIG, "data"),
    prevent_initial_call=True,  # filled in when opened
)

# Copy the link or the snippet; a new one puts the button's label (its title) back.
for _box, _button in ((ids.SHARE_LINK, ids.SHARE_LINK_COPY), (ids.SHARE_EMBED, ids.SHARE_EMBED_COPY)):
    clientside_callback(
        ClientsideFunction("blocs", "copy"),
        Output(_button, "children"),
        Input(_button, "n_clicks"),
        Input(_box, "value"),
        State(_button, "title"),
        prevent_initial_call=True,
    )

# An embedded view: mark the page so that the stylesheet shows that view alone, and
# point its link at the whole dashboard showing the same view.
clientside_callback(
    ClientsideFunction("blocs", "embedded"),
    Output(ids.PAGE, "className"),
    Output(ids.EMBED_LINK, "href"),
    Input(ids.URL, "search"),
    State(ids.PAGE_CONFIG, "data"),
)
