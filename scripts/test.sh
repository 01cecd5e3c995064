#!/usr/bin/env bash
# Run the whole suite: lint, format check, unit and browser tests. Installs what it needs.
# Extra arguments go to pytest (e.g. `-m "not browser"` for a quick run).
source "$(dirname "$0")/bootstrap.sh"
bootstrap_venv test
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi
cd "$ROOT"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/python" scripts/audit.py
"$VENV/bin/python" -m pytest "$@"
