#!/usr/bin/env bash
# `npm test` after set-up: the gates first (the formatter's check, line width 120, the linter and the
# type check over src, scripts, tests and bench, configured in deno.json), then the suite; the suite
# replaces this shell (exec), so a signal from the supervisor reaches vitest directly. Arguments go to
# vitest (`npm run test:fast` passes `--config vitest.fast.config.ts`).
set -euo pipefail
cd "$(dirname "$0")/.."
deno fmt --check --quiet
deno lint --quiet
deno check --quiet src scripts tests bench vitest.config.ts vitest.fast.config.ts
exec deno run -A node_modules/vitest/vitest.mjs run "$@"
