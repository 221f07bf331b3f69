#!/usr/bin/env bash
# `pnpm run deploy -- --env <environment> [--dry-run]`: see scripts/deploy.mjs.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$repo_root"
exec node scripts/deploy.mjs "$@"
