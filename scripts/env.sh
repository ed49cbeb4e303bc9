# Sourced by the scripts: puts the project's pinned tools first on PATH and points the
# wasm-bindgen test runner at Debian's chromedriver (it would otherwise pick any geckodriver).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
