# Sourced by test.sh: the browser tests drive Debian's Chromium, never a downloaded one.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Chromium from Debian's packages for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: the browser tests need Chromium at $CHROMIUM_PATH." >&2
    echo "      Install it with 'sudo apt-get install chromium' (Debian/Ubuntu)," >&2
    echo "      or point CHROMIUM_PATH at an existing Chromium or Chrome binary." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH
