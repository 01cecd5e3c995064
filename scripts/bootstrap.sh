# Sourced by run.sh and test.sh: make .venv hold the packages pyproject.toml asks for.
# Usage: bootstrap_venv [EXTRA]   (EXTRA names an optional-dependencies group, e.g. test)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${BLOCS_VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root" >&2; return 1
  fi
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "$@"
}

bootstrap_venv() {
  local extra=${1:-}
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
      # Debian ships venv's pip bootstrap in a package of its own.
      rm -rf "$VENV"
      apt_install python3-venv
      "$PYTHON" -m venv "$VENV"
    fi
  fi
  local wanted stamp="$VENV/.installed-${extra:-runtime}"
  wanted=$("$VENV/bin/python" - "$ROOT/pyproject.toml" "$extra" <<'PY'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
extra = sys.argv[2]
print("\n".join(project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])))
PY
)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # shellcheck disable=SC2086
    echo "$wanted" | "$VENV/bin/python" -m pip install --quiet -r /dev/stdin
    echo "$wanted" > "$stamp"
  fi
}

# Write the app's bytecode now, even where PYTHONDONTWRITEBYTECODE is set: otherwise every
# start compiles some thirty modules again (about a tenth of the start-up). Quick when up to date.
compile_app() {
  "$VENV/bin/python" -m compileall -q "$ROOT/app.py" "$ROOT/serving.py" "$ROOT/components" "$ROOT/data" >/dev/null
}
