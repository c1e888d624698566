#!/usr/bin/env bash
# Idempotent set-up, run first by `npm run reproduce`, `npm test` and `npm run bench`:
#   1. npm packages (including the pinned Deno binary) when node_modules is missing or stale;
#   2. from Debian, when missing and we are root with apt: Jupyter's headless executor (nbclient) and the
#      DejaVu fonts that every PNG figure is rendered with (without them resvg draws no text);
#   3. the Deno Jupyter kernelspec, pointing at this checkout's Deno (project-local in .jupyter/, and a
#      user-level one when there is none);
#   4. the same for the tslab (Node.js TypeScript) kernel, run through scripts/tslab-kernel.cjs, from a
#      copy of tslab patched with patches/tslab+1.0.22.patch (in .patched/, git-ignored).
# Prints nothing when everything is already in place. `--no-jupyter` skips Jupyter and the kernelspecs
# (for `npm run site`, which only reads the committed notebooks).
set -euo pipefail
# Every step names itself in `step` and what to run if it fails in `fix`; a failing command then
# prints one line saying both instead of ending the script silently.
step="finding the repository"
fix="run it as: bash scripts/setup.sh (from a clone of the repository)"
trap 'echo "setup: failed while ${step} (\`${BASH_COMMAND}\` exited with status $?); ${fix}" >&2' ERR
cd "$(dirname "$0")/.."
with_jupyter=1
with_browser=0
for arg in "$@"; do
  case "$arg" in
    --no-jupyter) with_jupyter=0 ;;
    --with-browser) with_browser=1 ;;
    *) echo "setup: unknown option $arg; valid: --no-jupyter, --with-browser" >&2; exit 2 ;;
  esac
done

# node_modules is current when it was installed from this exact package-lock.json (content hash, not
# file times, which a fresh clone or a checkout resets).
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
step="installing npm packages"
fix="check your network and Node.js >= 20, then run: npm ci"
command -v node >/dev/null 2>&1 || { echo "setup: Node.js is not on PATH; install Node.js >= 20 (with npm), then run: npm run setup" >&2; exit 1; }
if [ ! -e node_modules/.bin/deno ] || [ "$(cat node_modules/.smallness-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$lock_hash" >node_modules/.smallness-lock-hash
fi

step="checking system packages"
fix="run: sudo apt-get install -y fonts-dejavu-core jupyter-nbconvert python3-nbclient jupyter-client"
missing=()
# The font file itself, not just its folder: resvg draws no text without DejaVu Sans.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "$with_jupyter" = 1 ] && ! bash scripts/python.sh >/dev/null 2>&1; then
  missing+=(jupyter-nbconvert python3-nbclient jupyter-client)
fi
# `--with-browser` (npm test): Debian's Chromium for the browser tests, and a colour-emoji font so that
# ✅/❌ render in their screenshots. Installed here, once, rather than by the test files themselves (two
# of them run at once and would contend for apt's lock); without root the browser tests skip with a
# message instead.
if [ "$with_browser" = 1 ]; then
  browser=()
  [ -x /usr/bin/chromium ] || browser+=(chromium)
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || browser+=(fonts-noto-color-emoji)
  if [ ${#browser[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      missing+=("${browser[@]}")
    else
      echo "setup: the browser tests will be skipped; to run them: sudo apt-get install -y ${browser[*]}" >&2
    fi
  fi
fi
# For tests only: packages to install as if they were missing (exercises the apt path below).
if [ -n "${SMALLNESS_SETUP_FORCE_APT:-}" ]; then
  # shellcheck disable=SC2206
  missing+=(${SMALLNESS_SETUP_FORCE_APT})
fi
# apt-get, waiting (bounded: SMALLNESS_APT_WAIT seconds, default 600) while another process holds apt's
# or dpkg's lock, as on a fresh machine whose unattended upgrades are running; says so once.
apt_wait=${SMALLNESS_APT_WAIT:-600}
apt_locked() {
  local deadline=$((SECONDS + apt_wait)) said=0 err
  err=$(mktemp)
  while true; do
    if apt-get -o DPkg::Lock::Timeout=0 "$@" 2>"$err"; then rm -f "$err"; return 0; fi
    if ! grep -q "Could not get lock\|Unable to acquire the dpkg frontend lock\|Unable to lock" "$err" || [ $SECONDS -ge $deadline ]; then
      if grep -q "Could not get lock\|Unable to lock" "$err"; then
        echo "setup: apt's lock is still held after ${apt_wait} s ($(grep -m1 -o 'held by process [0-9]* ([^)]*)' "$err" || echo 'by another process')); wait for it to finish, then rerun" >&2
      else
        cat "$err" >&2
      fi
      rm -f "$err"
      return 1
    fi
    if [ $said = 0 ]; then
      echo "setup: waiting for apt's lock ($(grep -m1 -o 'held by process [0-9]* ([^)]*)' "$err" || echo 'held by another process')), up to ${apt_wait} s" >&2
      said=1
    fi
    sleep 1
  done
}
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step="installing from Debian: ${missing[*]}"
    fix="run: apt-get update && apt-get install -y ${missing[*]}"
    echo "setup: installing from Debian: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt_locked update -qq >&2
    apt_locked install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
[ "$with_jupyter" = 1 ] || exit 0

# Kernelspecs record the absolute path of Deno. The project's own copy lives in .jupyter/ (git-ignored;
# scripts/nb puts it first on JUPYTER_PATH), so executing notebooks never depends on, or changes, what
# another checkout installed. The user-level one (for JupyterLab or VS Code) is installed when missing
# or broken, and otherwise left alone.
step="writing the project's Deno kernelspec (.jupyter/kernels/deno)"
fix="make the checkout writable, then run: npm run setup"
deno_bin="$PWD/node_modules/.bin/deno"
local_spec=".jupyter/kernels/deno"
if ! grep -qF "\"$deno_bin\"" "$local_spec/kernel.json" 2>/dev/null; then
  mkdir -p "$local_spec"
  cat >"$local_spec/kernel.json" <<JSON
{
  "argv": ["$deno_bin", "jupyter", "--kernel", "--conn", "{connection_file}"],
  "display_name": "Deno",
  "language": "typescript",
  "env": {"NO_COLOR": "1"}
}
JSON
fi
user_spec="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/deno/kernel.json"
user_deno=""
[ -r "$user_spec" ] && user_deno=$(sed -n 's/^ *"\(\/[^"]*deno\)",$/\1/p' "$user_spec" | head -n 1 || true)
if [ -z "$user_deno" ] || [ ! -x "$user_deno" ]; then
  # Only for interactive use (JupyterLab, VS Code): the project's own commands use .jupyter/, so a
  # failure here is reported and set-up goes on.
  echo "setup: installing the Deno Jupyter kernelspec for interactive use" >&2
  NO_COLOR=1 "$deno_bin" jupyter --install --force >/dev/null 2>&1 ||
    NO_COLOR=1 "$deno_bin" jupyter --install >/dev/null 2>&1 ||
    echo "setup: could not install the user-level Deno kernelspec (not needed by npm run reproduce/test); for JupyterLab run: node_modules/.bin/deno jupyter --install" >&2
fi

# tslab runs patched: a copy of node_modules/tslab in .patched/ (git-ignored) with patches/tslab+<version>.patch
# applied (each fix described there, for upstream). The shared node_modules is only read. Redone when the
# installed tslab or the patch changes (a stamp of both), into a temporary folder renamed at the end, so a
# failed or interrupted run leaves no half-patched copy.
if [ -e node_modules/tslab/package.json ]; then
  tslab_version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' node_modules/tslab/package.json | head -n 1)
  tslab_patch="patches/tslab+${tslab_version}.patch"
  step="patching tslab ${tslab_version} into .patched/ (${tslab_patch})"
  fix="tslab must be the version pinned in package.json (1.0.22) with a patch in patches/; run: npm ci, then npm run setup"
  [ -e "$tslab_patch" ] || { echo "setup: no patch for tslab ${tslab_version} (${tslab_patch}); ${fix}" >&2; exit 1; }
  tslab_stamp=$(cat node_modules/tslab/package.json "$tslab_patch" | sha256sum | cut -d' ' -f1)
  tslab_copy=.patched/node_modules/tslab
  if [ "$(cat "$tslab_copy/.smallness-patched" 2>/dev/null)" != "$tslab_stamp" ]; then
    rm -rf "$tslab_copy.tmp"
    mkdir -p .patched/node_modules
    cp -R node_modules/tslab/. "$tslab_copy.tmp"
    patch --quiet --forward -p1 -d "$tslab_copy.tmp" <"$tslab_patch" >&2
    echo "$tslab_stamp" >"$tslab_copy.tmp/.smallness-patched"
    rm -rf "$tslab_copy"
    mv "$tslab_copy.tmp" "$tslab_copy"
  fi
fi

# tslab: its own `tslab install` needs IPython, so write the kernelspec here, in the same two places.
# It runs the patched tslab through scripts/tslab-kernel.cjs, which lets notebooks import ../src (see there).
step="writing the project's tslab kernelspec (.jupyter/kernels/tslab)"
fix="make the checkout writable, then run: npm run setup"
tslab_launcher="$PWD/scripts/tslab-kernel.cjs"
node_bin="$(command -v node)"
tslab_spec=$(printf '{"argv": ["%s", "%s", "kernel", "--config-path", "{connection_file}"], "display_name": "TypeScript (tslab)", "language": "typescript"}' "$node_bin" "$tslab_launcher")
if [ -e node_modules/tslab/package.json ]; then
  if [ "$(cat .jupyter/kernels/tslab/kernel.json 2>/dev/null)" != "$tslab_spec" ]; then
    mkdir -p .jupyter/kernels/tslab
    printf '%s\n' "$tslab_spec" >.jupyter/kernels/tslab/kernel.json
  fi
  user_tslab="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/tslab/kernel.json"
  user_launcher=""
  [ -r "$user_tslab" ] && user_launcher=$(sed -n 's/.*"\(\/[^"]*tslab-kernel\.cjs\)".*/\1/p' "$user_tslab" | head -n 1 || true)
  if [ -z "$user_launcher" ] || [ ! -e "$user_launcher" ]; then
    echo "setup: installing the tslab Jupyter kernelspec for interactive use" >&2
    { mkdir -p "$(dirname "$user_tslab")" && printf '%s\n' "$tslab_spec" >"$user_tslab"; } 2>/dev/null ||
      echo "setup: could not write $user_tslab (not needed by npm run reproduce/test); for JupyterLab copy .jupyter/kernels/tslab there" >&2
  fi
fi
