#!/usr/bin/env bash
# `npm test`: install everything, then run every check: generated-file drift, the deploy
# config of every environment, the CI workflow (actionlint), the deploy scripts' own tests,
# types, lint, the workerd tests against real local D1, the browser journeys on the
# production build, both Workers built and dry-run deployed for every environment, the
# size budgets of the production build (bench/check-size.ts) and the server Worker's startup
# CPU budget under wrangler's startup profiler (bench/check-startup.ts, about 20 s).
set -euo pipefail
source "$(dirname "$0")/install.sh"
source "$repo_root/scripts/ensure-chromium.sh"
bash "$repo_root/scripts/check-generated.sh"
node "$repo_root/scripts/check-deploy-config.mjs"
node "$repo_root/scripts/check-workflows.mjs"
node --test "$repo_root/scripts/test/*.test.mjs"
# Turbo restores a cached build over what is there and never deletes: a chunk left from an older
# build would be measured (and uploaded by a dry run) with this one. Each build starts empty.
rm -rf "$repo_root/apps/server/dist" "$repo_root/apps/web/dist"
pnpm exec turbo run check-types lint test test:e2e --ui=stream --output-logs=new-only
# After the browser tests, not beside them (2 cores); replayed from Turbo's cache while the
# builds' inputs stay the same.
pnpm exec turbo run check:deploy-build --ui=stream --output-logs=new-only
node bench/check-size.ts
# Starts a local workerd under the profiler: after the browser tests, like the size check.
node bench/check-startup.ts
