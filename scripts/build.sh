#!/usr/bin/env bash
# Builds the release WebAssembly package into pkg/ and prints what a browser downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

printf '\033[1m==> building the release package (wasm-pack, wasm-opt %s)\033[0m\n' "$(wasm-opt --version | awk '{ print $3 }')"
# Two modules into one pkg/: the page's (engine API and widget) and the import worker's. Each links the
# pure core and keeps only what its exports reach, so the page never downloads the CSV import.
wasm-pack build crate/web --release --target web --no-pack --out-dir ../../pkg --out-name roi_calculator
wasm-pack build crate/import-web --release --target web --no-pack --out-dir ../../pkg --out-name roi_import
# A share link's first figures: the headline computation alone, fetched before the page's module.
wasm-pack build crate/first-web --release --target web --no-pack --out-dir ../../pkg --out-name roi_first
# The view's renderer, Preact with htm's templates (docs/decisions.md, "The view"), beside the glue.
cp node_modules/preact/dist/preact.mjs pkg/preact.mjs
cp node_modules/htm/dist/htm.module.js pkg/htm.mjs
# Their types, for tsc's check of the view (tests/types/view.tsconfig.json): the packages' own.
echo "export * from 'preact';" > pkg/preact.d.mts
echo "export { default } from 'htm';" > pkg/htm.d.mts

size() { printf '  %-28s %8d bytes  %7d gzipped\n' "$1" "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)"; }
echo "Transfer sizes:"
size pkg/roi_calculator_bg.wasm
size pkg/roi_calculator.js
size pkg/roi_import_bg.wasm
size pkg/roi_import.js
size pkg/roi_first_bg.wasm
size pkg/roi_first.js
size www/roi-calculator.js
size www/roi-calculator.css
total=$(cat pkg/roi_calculator_bg.wasm pkg/roi_calculator.js www/roi-calculator.js www/roi-calculator.css | wc -c)
gz=0; for f in pkg/roi_calculator_bg.wasm pkg/roi_calculator.js www/roi-calculator.js www/roi-calculator.css; do gz=$((gz + $(gzip -9 -c "$f" | wc -c))); done
printf '  %-28s %8d bytes  %7d gzipped\n' "widget, all four files" "$total" "$gz"
