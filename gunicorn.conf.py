"""Production serving: `gunicorn -c gunicorn.conf.py app:server`.

Threaded workers (gthread), so that one slow request does not hold up the others a
worker is serving; access logs on standard output. Every setting comes from the
environment, with the app's own variables (see app.py) for the rest.
"""

import contextlib
import ctypes
import gc
import os
import sys

import settings

# Loading the app allocates a few hundred thousand long-lived objects (Dash's component
# classes, plotly's validators, the tables, the default view); the cyclic garbage
# collector would walk them again and again while they are made, a sixth of the start-up.
# It stays off until the app is loaded; then those objects are frozen out of every later
# collection, so that no worker's collections touch (and copy) the pages it shares with
# the master. This is the recipe of the `gc.freeze` documentation.
gc.disable()

# glibc's malloc serves a large block (a response's JSON, its gzip buffers) from the heap
# once one such block has been freed, and the heaps of a worker's threads then keep the
# most that their requests ever held at once. A fixed threshold gives every block over
# 128 kB its own mapping, returned to the system when freed: about 6 MiB less per worker
# after 10,000 callbacks (bench/RESULTS.md), for a few microseconds per large block.
M_MMAP_THRESHOLD = -3  # glibc's malloc.h
with contextlib.suppress(AttributeError):  # not glibc: its allocator, its defaults
    ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, 128 * 1024)

try:  # a bad value stops gunicorn with one line naming it (the others are checked by app.py)
    bind = f"{settings.host(os.environ.get('BLOCS_HOST', '127.0.0.1'))}:{settings.port(os.environ.get('BLOCS_PORT', '8050'))}"
    workers = settings.positive_count(os.environ.get("BLOCS_WORKERS", "2"), "BLOCS_WORKERS")
    threads = settings.positive_count(os.environ.get("BLOCS_THREADS", "4"), "BLOCS_THREADS")
except settings.SettingError as error:
    sys.exit(str(error))  # SystemExit, which gunicorn does not catch and print with a traceback
worker_class = "gthread"
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
