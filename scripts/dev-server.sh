#!/usr/bin/env bash
# The server Worker in development: secret, migrations, then wrangler dev on :3000.
# Local D1 lives in <repo>/.wrangler/state, shared with everything else started locally.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root/apps/server"
node "$repo_root/scripts/ensure-dev-vars.mjs"
pnpm exec wrangler d1 migrations apply DB --local --persist-to "$repo_root/.wrangler/state"
exec pnpm exec wrangler dev --port 3000 --persist-to "$repo_root/.wrangler/state" --show-interactive-dev-session=false
