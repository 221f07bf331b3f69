# Sourced by start.sh and test.sh: the toolchain, then the workspace's dependencies.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$repo_root"
pnpm install --frozen-lockfile --prefer-offline
