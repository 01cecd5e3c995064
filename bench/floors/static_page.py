"""Floors F0 page and F0 redraw: plotly.js alone drawing the dashboard's own map figure.

`/` is a static page that loads the plotly.js bundle the dashboard uses and draws the
map figure the dashboard sends for its default view with `Plotly.newPlot`: the cost no
Dash app can avoid. `/redraw` draws the same figure, then `window.redraw(i)` recolours
it with `Plotly.react` to the i-th figure of `/figures.json` (the dashboard's map for
the dates the interaction benchmark visits) and resolves once the frame is painted.

`bench/perf.py` writes the figures and names the bundle through environment variables
and serves this module under the dashboard's gunicorn configuration.
"""

import json
import os
from pathlib import Path

import flask

ROOT = Path(__file__).resolve().parents[2]
FIGURES = Path(os.environ.get("BENCH_FIGURES", "/nonexistent/figures.json"))
BUNDLE = Path(os.environ.get("BENCH_PLOTLY", "/nonexistent/plotly.min.js"))

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>F0</title></head>
<body>
<div id="map" style="height: 560px"></div>
<script src="plotly.min.js"></script>
<script>
const figure = FIGURE;
Plotly.newPlot("map", figure.data, figure.layout, figure.config);
MORE
</script>
</body></html>
"""
REDRAW = """
window.redraw = function (i) {
    return fetchFigures.then(function (figures) {
        const next = figures[i % figures.length];
        const started = performance.now();
        return Plotly.react("map", next.data, next.layout, next.config).then(function () {
            return new Promise(function (paint) {
                requestAnimationFrame(function () { paint(performance.now() - started); });
            });
        });
    });
};
const fetchFigures = fetch("figures.json").then(function (answer) { return answer.json(); });
"""

server = flask.Flask(__name__)


def _first_figure() -> str:
    return json.dumps(json.loads(FIGURES.read_text())[0])


@server.route("/")
def page():
    return PAGE.replace("FIGURE", _first_figure()).replace("MORE", "")


@server.route("/redraw")
def redraw_page():
    return PAGE.replace("FIGURE", _first_figure()).replace("MORE", REDRAW)


@server.route("/figures.json")
def figures():
    return flask.send_file(FIGURES, mimetype="application/json")


@server.route("/plotly.min.js")
def bundle():
    return flask.send_file(BUNDLE, mimetype="text/javascript")


@server.route("/topojson/<name>")
def topojson(name):
    return flask.send_from_directory(ROOT / "assets" / "topojson", name)
