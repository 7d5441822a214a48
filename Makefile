# The two commands of the README, and their parts. Each installs what it needs first.
.PHONY: serve test build tools prerender manifest dist bench bench-engine bench-widget bench-import sample-data clean

serve: build            ## build the release and serve the page on http://127.0.0.1:8080/
	node scripts/serve.mjs

test:                   ## run every test (what CI runs)
	bash scripts/test.sh

build: tools            ## build the release package into pkg/
	bash scripts/build.sh

tools:                  ## install missing tools (wasm32 target, wasm-pack, wasm-bindgen-cli, npm packages, Chromium)
	bash scripts/install-tools.sh

prerender: build       ## write the default scenario's first figures, as the widget renders them, into www/index.html
	node scripts/prerender.mjs

manifest: tools         ## write custom-elements.json (the element's attributes, properties, events, parts) from its JSDoc
	npm run -s manifest

dist: build             ## one self-contained offline file, dist/roi-calculator.html (opens from file://, no network)
	node scripts/single-file.mjs

bench: build            ## every figure against its budget and peers, in one run: prints the table, writes target/bench/report.json and docs/performance.md
	[ -d node_modules/chart.js ] && [ -d node_modules/react-dom ] && [ -d node_modules/@duckdb/duckdb-wasm ] || npm ci --no-audit --no-fund
	node bench/run.mjs

bench-engine: build     ## time evaluate(): the core natively, then through the wasm boundary in Chromium
	cargo bench --bench native
	node bench/engine.mjs

bench-widget: build     ## time the widget: navigation to first figures, keystroke to updated figures
	node bench/widget.mjs

bench-import: build     ## time the CSV import (the widget's worker) against DuckDB-wasm in Chromium, ~100k and ~1M rows
	[ -d node_modules/@duckdb/duckdb-wasm ] || npm ci --no-audit --no-fund
	node bench/import.mjs

sample-data:            ## write a generated roster, activity and survey CSV set into target/sample-data/
	cargo run --release --example sample-data -- --people 10000 --days 120 --seed 1 --out target/sample-data

clean:
	cargo clean
	rm -rf pkg dist tests/browser/artifacts
