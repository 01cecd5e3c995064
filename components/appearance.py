"""Light and dark: the page follows the system's setting unless the reader chooses one."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

from . import ids

__all__ = ["layout"]


def layout() -> html.Div:
    """The colour-mode picker, remembered in the browser, and the mode in force."""
    return html.Div(
        [
            dbc.Label("Colours", html_for=ids.THEME_CHOICE, className="visually-hidden"),
            dbc.Select(
                id=ids.THEME_CHOICE,
                options=[
                    {"label": "System colours", "value": "auto"},
                    {"label": "Light", "value": "light"},
                    {"label": "Dark", "value": "dark"},
                ],
                value="auto",
                size="sm",
                persistence=True,
                persistence_type="local",
                className="theme-choice",
            ),
            dcc.Store(id=ids.THEME_MODE, data="light", storage_type="memory"),
        ],
        className="d-inline-flex",
    )


# The mode in force (`colourMode` in assets/blocs.js).
clientside_callback(
    ClientsideFunction("blocs", "colourMode"),
    Output(ids.THEME_MODE, "data"),
    Input(ids.THEME_CHOICE, "value"),
    State(ids.THEME_MODE, "data"),
)
