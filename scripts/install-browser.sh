#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's browser tests (test/report/html/browser.test.ts).
# playwright-core drives this browser and never downloads one of its own, so the tests need it on the machine.
# Idempotent: does nothing when the browser and a font are there. It never fails the caller: when it cannot install
# (not root, no apt-get, no package), it says so and the browser tests skip with the same reason.
set -uo pipefail

BROWSER=/usr/bin/chromium

# Without any font, chromium draws no text at all (and the screenshots show none).
has_font() { [ -n "$(find /usr/share/fonts -type f \( -name '*.ttf' -o -name '*.otf' \) -print -quit 2>/dev/null)" ]; }

if [ -x "$BROWSER" ] && has_font; then
  echo "install-browser: $BROWSER is present ($("$BROWSER" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-browser: cannot install chromium: not root (run 'apt-get install chromium' as root); the browser tests will be skipped"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: cannot install chromium: no apt-get on this machine; the browser tests will be skipped"
  exit 0
fi

# fonts-liberation is only recommended by chromium (see has_font).
echo "install-browser: installing Debian's chromium and fonts-liberation (about 110 MB)"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; then
  echo "install-browser: installed $("$BROWSER" --version 2>/dev/null || echo chromium)"
else
  echo "install-browser: cannot install chromium: apt-get failed (see above); the browser tests will be skipped"
fi
exit 0
