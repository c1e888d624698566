#!/usr/bin/env bash
# The entry of every npm script: `bash scripts/run.sh [SET-UP OPTIONS] -- COMMAND [ARGS...]` runs
# scripts/setup.sh with the options, then becomes scripts/supervise.ts running the command, which ends
# every process the command started when it is interrupted (SIGINT, SIGTERM, SIGHUP) or when it ends.
# npm signals only its own child: `exec` (here and in package.json) makes that child this process and
# then the supervisor, so no shell is left in between to die and orphan the rest.
# While set-up runs it is a job of its own (its own process group); a signal ends it (and apt-get or
# npm ci under it) and this script, with 128 + the signal's number.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
setup_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do setup_args+=("$1"); shift; done
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || { echo "run.sh: usage: bash scripts/run.sh [SET-UP OPTIONS] -- COMMAND [ARGS...]" >&2; exit 2; }
set -m # the set-up job gets a process group of its own, which the traps below end as a whole
bash "$here/setup.sh" ${setup_args[@]+"${setup_args[@]}"} &
setup_pid=$!
stop() {
  kill -s "$1" -- "-$setup_pid" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    kill -0 -- "-$setup_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -s KILL -- "-$setup_pid" 2>/dev/null
  exit "$2"
}
trap 'stop INT 130' INT
trap 'stop TERM 143' TERM
trap 'stop HUP 129' HUP
wait "$setup_pid"
status=$?
[ "$status" = 0 ] || exit "$status"
trap - INT TERM HUP
set +m
exec "$here/../node_modules/.bin/deno" run -A --quiet "$here/supervise.ts" "$@"
