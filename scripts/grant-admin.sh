#!/usr/bin/env bash
# Makes an existing, confirmed account an admin (it can then call admin.* procedures).
#   npm run grant-admin -- you@example.com            local D1 of `npm start`
#                                                     (or of CHECKMARK_STATE_DIR, as tests use)
#   npm run grant-admin -- you@example.com --remote --env production
#                                                     a deployed environment's D1 (needs
#                                                     wrangler login or CLOUDFLARE_API_TOKEN)
# Roles are never set through the app itself: sign-up and profile updates cannot touch them.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
email="${1:-}"; target="${2:---local}"
# Strict on purpose: the address goes into SQL, so only plain address characters pass.
if ! [[ "$email" =~ ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ ]]; then
  echo "grant-admin: give the account's email address, e.g. npm run grant-admin -- ada@example.com" >&2
  exit 2
fi
case "$target" in
  --local) where=(--local --persist-to "${CHECKMARK_STATE_DIR:-$repo_root/.wrangler/state}") ;;
  --remote)
    env="${4:-}"
    if [ "${3:-}" != "--env" ] || [ -z "$env" ]; then
      echo "grant-admin: name the environment: npm run grant-admin -- $email --remote --env production" >&2
      exit 2
    fi
    # Only an environment both Workers define; wrangler would fall back to the top level.
    envs=$(cd "$repo_root" && node --input-type=module -e 'import { deployEnvironments, readWorkers } from "./scripts/lib/deploy-config.mjs"; console.log(deployEnvironments(readWorkers()).join(" "))')
    case " $envs " in
      *" $env "*) where=(--remote --env "$env") ;;
      *) echo "grant-admin: unknown environment $env; the Workers define: $envs" >&2; exit 2 ;;
    esac
    ;;
  *) echo "grant-admin: the second argument is --local (default) or --remote --env <environment>" >&2; exit 2 ;;
esac
cd "$repo_root/apps/server"
sql="UPDATE user SET role = 'admin', updated_at = unixepoch() * 1000 WHERE lower(email) = lower('$email') AND email_verified = 1 RETURNING id"
out=$(pnpm exec wrangler d1 execute DB "${where[@]}" --json --command "$sql")
changes=$(printf '%s' "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s)[0].results.length)))') || {
  echo "grant-admin: wrangler answered something unexpected:" >&2; printf '%s\n' "$out" >&2; exit 1; }
if [ "$changes" = "1" ]; then
  echo "grant-admin: $email is now an admin (takes effect within 5 minutes, when the session cookie cache refreshes)."
else
  echo "grant-admin: no confirmed account with the email $email; sign up and confirm it first." >&2
  exit 1
fi
