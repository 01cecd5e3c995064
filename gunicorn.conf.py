"""Production serving: `gunicorn -c gunicorn.conf.py app:server`.

Threaded workers (gthread), so that one slow request does not hold up the others a
worker is serving; access logs on standard output. Every setting comes from the
environment, with the app's own variables (see app.py) for the rest.
"""

import os

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
