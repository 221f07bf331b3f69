#!/usr/bin/env bash
# Serves the production build of both Workers in workerd, as Cloudflare would run them:
# the web Worker on PORT, the server Worker behind its service binding, D1 in STATE_DIR.
# Used by the browser tests and the benchmarks. Usage: serve-built.sh PORT STATE_DIR [wrangler dev flags]
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
port="$1"; state="$2"; shift 2
cd "$repo_root"
[ -f apps/web/dist/server/wrangler.json ] || { echo "serve-built: build the web app first (pnpm build)" >&2; exit 1; }
node scripts/ensure-dev-vars.mjs
(cd apps/server && pnpm exec wrangler d1 migrations apply DB --local --persist-to "$state" >/dev/null)
cd apps/server
exec pnpm exec wrangler dev -c ../web/dist/server/wrangler.json -c wrangler.jsonc \
  --port "$port" --persist-to "$state" --show-interactive-dev-session=false "$@"
