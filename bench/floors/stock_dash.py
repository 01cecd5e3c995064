"""Floor F1: the obvious Dash app a newcomer would write for the same map, default settings.

One `dcc.Graph` with a plotly express world choropleth of the member states, one year
slider, one callback rebuilding the figure from the CSV on every change. Served by
`bench/perf.py` under the same gunicorn configuration as the dashboard.

The one departure from a newcomer's defaults: plotly.js fetches its map shapes from a
CDN unless told otherwise, and the benchmark has no internet, so the figure's config
points plotly.js at the dashboard's own copy of the 1:110m shapes, served by a route
below. Without it the map would never draw here. And one more: the module renders its
page once when loaded, as the dashboard does, because Dash registers the page's scripts
on its first request and, under threaded workers, the browser's concurrent requests for
them race that registration and fail (500 or 404) at random.
"""

import datetime as dt
from pathlib import Path

import flask
import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, dcc, html

ROOT = Path(__file__).resolve().parents[2]
memberships = pd.read_csv(ROOT / "data" / "memberships.csv")
THIS_YEAR = dt.date.today().year

app = Dash(__name__)
server = app.server
app.layout = html.Div(
    [
        html.H1("CSTO, SCO and NATO member states"),
        dcc.Graph(id="map", config={"topojsonURL": "/topojson/"}),
        dcc.Slider(1992, THIS_YEAR, 1, value=THIS_YEAR, id="year", marks=None),
    ]
)


@server.route("/topojson/<name>")
def topojson(name):
    return flask.send_from_directory(ROOT / "assets" / "topojson", name)


server.test_client().get("/")


@app.callback(Output("map", "figure"), Input("year", "value"))
def update_map(year):
    day = dt.date.today().isoformat() if year == THIS_YEAR else f"{year}-12-31"
    in_force = memberships[
        (memberships["start"] <= day)
        & (memberships["end"].isna() | (memberships["end"] > day))
        & memberships["status"].isin(["member", "signatory", "frozen"])
    ]
    return px.choropleth(in_force, locations="iso3", color="org", title=f"Member states in {year}")
