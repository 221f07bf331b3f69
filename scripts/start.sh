#!/usr/bin/env bash
# `npm start`: install everything, then run the app locally with live reload.
#   web (TanStack Start on Vite + workerd)  http://localhost:3001
#   server (Hono Worker on wrangler dev)    http://localhost:3000   (/health)
# Local D1 is kept in .wrangler/state, so data survives restarts.
set -euo pipefail
source "$(dirname "$0")/install.sh"
exec pnpm exec turbo run dev --ui=stream --filter=@checkmark/server --filter=@checkmark/web
