#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there (idempotent).
# Nothing is downloaded outside the package registries: Rust tools come from crates.io, wasm-opt and
# Playwright from npm, Chromium and ChromeDriver from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate to the patch version, so read it from Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" = "$bindgen" ]; then
  say "wasm-bindgen-cli $bindgen: present"
else
  say "installing wasm-bindgen-cli $bindgen (several minutes)"
  cargo install wasm-bindgen-cli --version "=$bindgen" --force
fi

wasm_pack=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{ print $2 }')" = "$wasm_pack" ]; then
  say "wasm-pack $wasm_pack: present"
else
  say "installing wasm-pack $wasm_pack (a few minutes)"
  cargo install wasm-pack --version "=$wasm_pack" --force
fi

# npm ci when node_modules is missing or older than the lock file. binaryen supplies wasm-opt
# (version 132: Debian's 108 emits modules Chromium refuses to instantiate).
if [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: present"
else
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  say "chromium and chromedriver: present"
else
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
