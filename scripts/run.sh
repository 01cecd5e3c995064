#!/usr/bin/env bash
# Start the dashboard with its bundled data on http://127.0.0.1:8050 (options: python app.py --help).
source "$(dirname "$0")/bootstrap.sh"
bootstrap_venv
compile_app
cd "$ROOT"
exec "$VENV/bin/python" app.py "$@"
