#!/usr/bin/env bash
# Re-extract the world map shapes from the plotly.js npm package into assets/topojson/.
# Usage: scripts/extract-topojson.sh [PLOTLY_JS_VERSION]
# The version defaults to the one bundled by the installed plotly Python package.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
version=${1:-$("$python" -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "plotly.js@$version" >/dev/null && tar xzf plotly.js-*.tgz package/dist/plotly-geo-assets.js package/LICENSE)
node - "$work/package/dist/plotly-geo-assets.js" "$here/assets/topojson" <<'JS'
const [bundle, out] = process.argv.slice(2);
globalThis.window = {};
const { topojson } = require(bundle);
const fs = require("fs");
for (const name of ["world_110m", "world_50m"]) {
  fs.writeFileSync(`${out}/${name}.json`, JSON.stringify(topojson[name]));
  console.log(`${name}.json: ${topojson[name].objects.countries.geometries.length} countries`);
}
JS
cp "$work/package/LICENSE" "$here/assets/topojson/LICENSE-plotly.js.txt"
echo "extracted from plotly.js $version; update the version in assets/NOTICE.md"
