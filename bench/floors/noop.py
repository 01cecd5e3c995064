"""The production app as the benchmarks serve it: one no-op callback and a worker header more.

`gunicorn -c gunicorn.conf.py bench.floors.noop:server` serves the dashboard exactly as
production does, plus:

- floor F0 callback: `bench/perf.py` posts its `NOOP_REQUEST` to time the cost no
  callback on this server can avoid (routing, request checks, JSON in and out);
- an `X-Worker` header naming the worker process that answered, so that `bench/load.py`
  can tell the requests of a killed worker from those of the others. (Production does
  not name its processes.)
"""

import os

from dash import Input, Output

from app import app


@app.callback(Output("bench-noop", "children"), Input("bench-noop", "n_clicks"))
def noop(clicks):
    return clicks


server = app.server


def _name_the_worker(wsgi_app):
    # A WSGI wrapper: the app, having rendered its page at start-up, takes no new
    # after-request functions.
    def named(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, ("X-Worker", str(os.getpid()))], exc_info)

        return wsgi_app(environ, start)

    return named


server.wsgi_app = _name_the_worker(server.wsgi_app)
