#!/usr/bin/env bash
# Generated files must match their sources: Worker env types from wrangler config, and a
# migration for every schema change. Regenerate, then fail if anything differs from git.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"
for app in apps/server apps/web; do
  (cd "$app" && pnpm exec wrangler types --strict-vars false >/dev/null)
done
(cd packages/db && pnpm exec drizzle-kit generate >/dev/null)
drift=$(git status --porcelain -- apps/server/worker-configuration.d.ts apps/web/worker-configuration.d.ts packages/db/migrations)
if [ -n "$drift" ]; then
  echo "Generated files are out of date; commit the regenerated versions:" >&2
  echo "$drift" >&2
  exit 1
fi
echo "generated files: up to date"
