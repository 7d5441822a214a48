# The two commands of the README, and their parts. Each installs what it needs first.
.PHONY: serve test build tools bench-engine bench-widget clean

serve: build            ## build the release and serve the page on http://127.0.0.1:8080/
	node scripts/serve.mjs

test:                   ## run every test (what CI runs)
	bash scripts/test.sh

build: tools            ## build the release package into pkg/
	bash scripts/build.sh

tools:                  ## install missing tools (wasm32 target, wasm-pack, wasm-bindgen-cli, npm packages, Chromium)
	bash scripts/install-tools.sh

bench-engine: build     ## time evaluate(): the core natively, then through the wasm boundary in Chromium
	cargo bench --bench native
	node bench/engine.mjs

bench-widget: build     ## time the widget: navigation to first figures, keystroke to updated figures
	node bench/widget.mjs

clean:
	cargo clean
	rm -rf pkg tests/browser/artifacts
