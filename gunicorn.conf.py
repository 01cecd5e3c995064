"""Production serving: `gunicorn -c gunicorn.conf.py app:server`.

Threaded workers (gthread), so that one slow request does not hold up the others a
worker is serving; access logs on standard output. Every setting comes from the
environment, with the app's own variables (see app.py) for the rest.
"""

import gc
import os

# Loading the app allocates a few hundred thousand long-lived objects (Dash's component
# classes, plotly's validators, the tables, the default view); the cyclic garbage
# collector would walk them again and again while they are made, a sixth of the start-up.
# It stays off until the app is loaded; then those objects are frozen out of every later
# collection, so that no worker's collections touch (and copy) the pages it shares with
# the master. This is the recipe of the `gc.freeze` documentation.
gc.disable()

bind = f"{os.environ.get('BLOCS_HOST', '127.0.0.1')}:{os.environ.get('BLOCS_PORT', '8050')}"
workers = int(os.environ.get("BLOCS_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("BLOCS_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
limit_request_line = 8190
limit_request_fields = 100
# Load the app (and validate its data) before forking: a broken data file stops the
# master at once, and the workers share the loaded tables.
preload_app = True


def when_ready(server):
    """The app is loaded, the workers not yet forked."""
    gc.freeze()
    gc.enable()
