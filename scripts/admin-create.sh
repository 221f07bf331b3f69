#!/usr/bin/env bash
# npm run admin:create -- --email you@example.com --name "Your Name" [--remote --env <environment>] [--password-stdin]
# The logic is packages/auth/cli/admin-create.ts; this only brings the repo's Node.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
exec node "$repo_root/packages/auth/cli/admin-create.ts" "$@"
