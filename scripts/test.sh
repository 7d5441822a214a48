#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), native tests, the release build, the wasm
# tests in headless Chromium, and the browser end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n\033[1m==== %s ====\033[0m\n' "$*"; }
started=$SECONDS

step "tools"
bash scripts/install-tools.sh

step "format"
cargo fmt --all -- --check

step "lints (native and wasm32, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (formulas, published examples, validation, properties, links, assessment)"
cargo test --workspace

step "release build"
bash scripts/build.sh

step "TypeScript declarations: a usage file type-checks against pkg/*.d.ts"
tsc -p tests/types/tsconfig.json
step "the view's JavaScript (www/view/) type-checks from its JSDoc against the view model's declarations"
tsc -p tests/types/view.tsconfig.json

step "custom-elements.json is the element's JSDoc (npm run manifest writes it)"
custom-elements-manifest analyze --globs www/roi-calculator.js > /dev/null
git diff --exit-code -- custom-elements.json package.json \
  || { echo "custom-elements.json is not what www/roi-calculator.js documents: run npm run manifest and commit it"; exit 1; }

step "wasm tests across the JS boundary, headless Chromium"
wasm-pack test --headless --chrome crate/web

step "browser end-to-end tests, release build in Chromium"
node --test tests/browser/

printf '\n\033[1mAll tests passed in %d s.\033[0m\n' "$((SECONDS - started))"
