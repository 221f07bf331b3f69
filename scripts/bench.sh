#!/usr/bin/env bash
# `pnpm bench` / `npm run bench`: production build of both Workers, then bench/run.ts measures
# them and two bare baseline Workers in local workerd. `--profile` records a CPU profile of the
# server Worker instead (bench/profile.ts). See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/install.sh"
node scripts/ensure-dev-vars.mjs
# Turbo restores a cached build over what is there and never deletes: a chunk left from an older
# build would be measured (and uploaded by a dry run) with this one. Each build starts empty.
rm -rf "$repo_root/apps/server/dist" "$repo_root/apps/web/dist"
pnpm exec turbo run build --ui=stream --output-logs=errors-only
if [ "${1:-}" = "--profile" ]; then shift; exec node bench/profile.ts "$@"; fi
exec node bench/run.ts "$@"
