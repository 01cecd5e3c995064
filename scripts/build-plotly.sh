#!/usr/bin/env bash
# Build a trimmed plotly.js browser bundle with only the traces this app draws:
# scatter (always in plotly.js core), bar, choropleth and scattergeo.
# Usage: scripts/build-plotly.sh OUTPUT.js
#
# It installs pinned packages from the npm registry into a temporary folder, bundles
# them with esbuild the way plotly.js 4.x builds its own dist files (esbuild-config.js,
# tasks/util/bundle_wrapper.mjs), and writes one minified script that sets window.Plotly.
# Needs node and npm.
set -euo pipefail

PLOTLY_JS_VERSION=4.1.1  # the version that plotly.py 7.1.0 ships
ESBUILD_VERSION=0.28.2
# plotly.js asks for its dependencies with ^ranges. npm resolves them as on this date,
# so that later rebuilds get the same versions and the same output.
NPM_BEFORE=2026-11-28
TRACES=(bar choropleth scattergeo)

out=${1:?usage: $0 OUTPUT.js}
out=$(realpath -m "$out")
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo '{"name": "plotly-bundle", "private": true}' > package.json
# --ignore-scripts: esbuild runs from its @esbuild/<platform> package without its postinstall.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error --before="$NPM_BEFORE" \
    "plotly.js@$PLOTLY_JS_VERSION" "esbuild@$ESBUILD_VERSION"

# The entry point: plotly.js's core (which includes scatter) plus the traces above,
# as plotly.js's own lib/index-*.js partial bundles do.
{
    echo "var Plotly = require('plotly.js/lib/core');"
    echo "Plotly.register(["
    for trace in "${TRACES[@]}"; do echo "    require('plotly.js/lib/$trace'),"; done
    echo "]);"
    echo "module.exports = Plotly;"
} > entry.js

cat > build.mjs <<'JS'
import {build} from 'esbuild';
import {readFile} from 'node:fs/promises';

// plotly.js's dist builds strip the attribute documentation (description, hrName, ...)
// out of its sources (its tasks/compress_attributes.js); these are its regexes.
const strip = [
    /\s*description: '.*',?/g,
    /\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?/g,
    /\s*requiredOpts: \[[\s\S]*?\],?/g,
    /\s*otherOpts: \[[\s\S]*?\],?/g,
    /\s*hrName: '.*',?/g,
];
const compressAttributes = {
    name: 'compress-attributes',
    setup(b) {
        b.onLoad({filter: /[\\/]node_modules[\\/]plotly\.js[\\/]src[\\/].*\.js$/}, async (args) => {
            let contents = await readFile(args.path, 'utf8');
            for (const re of strip) contents = contents.replace(re, '');
            return {contents, loader: 'js'};
        });
    },
};

await build({
    entryPoints: ['entry.js'],
    outfile: 'plotly.min.js',
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Plotly',   // `var Plotly = ...` at the top level, so window.Plotly
    footer: {js: 'window.Plotly=Plotly;'},  // as plotly.js's dist wrapper does
    target: 'es2020',       // modern browsers (plotly.js's own dist targets es2016)
    define: {
        global: 'window',   // has-hover reads `global.matchMedia` at load time
        'define.amd': 'false',  // UMD dependencies must not register with an AMD loader on the page
    },
    // src/registry.js requires maplibre-gl's CSS for the `map` subplot, which is not
    // included here: drop it (plotly.js's geo dist carries these 80 kB unused).
    loader: {'.css': 'empty'},
    plugins: [compressAttributes],
    logLevel: 'warning',
});
JS
node build.mjs

traces=$(IFS=,; echo "scatter,${TRACES[*]}")
{
    echo "/*! plotly.js v$PLOTLY_JS_VERSION, custom bundle with traces ${traces//,/, } | (c) Plotly, Inc. | MIT licence */"
    cat plotly.min.js
} > "$out"
echo "wrote $out: $(wc -c < "$out") bytes, $(gzip -9c "$out" | wc -c) gzipped, sha256 $(sha256sum "$out" | cut -d' ' -f1)"
