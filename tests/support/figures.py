"""Figures as the builders return them (plain JSON), checked the way plotly.py checks its own."""

import plotly.graph_objects as go


def validated(figure: dict) -> go.Figure:
    """`figure` through plotly.py's validators, as a `go.Figure` for reading by attribute.

    The builders skip the validators for speed; this is where a misspelt property, a
    value of the wrong type or a trace plotly.js does not know raises `ValueError`.
    """
    return go.Figure(figure)
