"""Floor F0 callback: the production app with one more callback that does nothing.

`gunicorn -c gunicorn.conf.py bench.floors.noop:server` serves the dashboard exactly as
production does; `bench/perf.py` posts `NOOP_REQUEST` to it to time the cost no
callback on this server can avoid (routing, request checks, JSON in and out).
"""

from dash import Input, Output

from app import app

NOOP_REQUEST = {
    "output": "bench-noop.children",
    "outputs": {"id": "bench-noop", "property": "children"},
    "inputs": [{"id": "bench-noop", "property": "n_clicks", "value": 1}],
    "changedPropIds": ["bench-noop.n_clicks"],
}


@app.callback(Output("bench-noop", "children"), Input("bench-noop", "n_clicks"))
def noop(clicks):
    return clicks


server = app.server
