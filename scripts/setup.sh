#!/usr/bin/env bash
# Idempotent set-up, run first by `npm run reproduce`, `npm test` and `npm run bench`:
#   1. npm packages (including the pinned Deno binary) when node_modules is missing or stale;
#   2. Jupyter's headless executor (nbclient) from Debian when it is missing and we are root with apt;
#   3. the Deno Jupyter kernelspec, pointing at this checkout's Deno;
#   4. the tslab (Node.js TypeScript) kernelspec, pointing at this checkout's launcher and the current node.
# Prints nothing when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -e node_modules/.bin/deno ] || [ ! -e node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

if ! python=$(bash scripts/python.sh 2>/dev/null); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Jupyter from Debian (jupyter-nbconvert python3-nbclient jupyter-client)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq jupyter-nbconvert python3-nbclient jupyter-client >/dev/null
    python=$(bash scripts/python.sh)
  else
    echo "setup: Jupyter is missing; install it with: sudo apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client" >&2
    exit 1
  fi
fi

# The kernelspec records the absolute path of Deno: (re)install it when it points elsewhere.
deno_bin="$PWD/node_modules/.bin/deno"
spec_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/deno"
# (Deno writes its resolved path, node_modules/deno/deno, so accept either spelling.)
if ! grep -qF -e "\"$deno_bin\"" -e "\"$PWD/node_modules/deno/deno\"" "$spec_dir/kernel.json" 2>/dev/null; then
  echo "setup: installing the Deno Jupyter kernelspec" >&2
  NO_COLOR=1 "$deno_bin" jupyter --install --force >/dev/null 2>&1 ||
    NO_COLOR=1 "$deno_bin" jupyter --install >/dev/null 2>&1
fi

# tslab's own `tslab install` needs IPython; the kernelspec is one small JSON file, so write it here.
# It runs tslab through scripts/tslab-kernel.cjs (which lets notebooks import ../src, see there) and
# records absolute paths (node, this checkout): rewrite it when they change.
tslab_js="$PWD/scripts/tslab-kernel.cjs"
node_bin="$(command -v node)"
tslab_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/tslab"
tslab_spec=$(printf '{"argv": ["%s", "%s", "kernel", "--config-path", "{connection_file}"], "display_name": "TypeScript (tslab)", "language": "typescript"}\n' "$node_bin" "$tslab_js")
if [ -e node_modules/tslab/package.json ] && [ "$(cat "$tslab_dir/kernel.json" 2>/dev/null)" != "$tslab_spec" ]; then
  echo "setup: installing the tslab Jupyter kernelspec" >&2
  mkdir -p "$tslab_dir"
  printf '%s\n' "$tslab_spec" >"$tslab_dir/kernel.json"
fi
