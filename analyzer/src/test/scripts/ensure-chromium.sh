#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, installing Debian's 'chromium' package when it
# is missing and this user may install packages. Exits 1 with the reason when none can be had.
# Used by HtmlReportBrowserTest and by .ci/run.
set -uo pipefail
for c in chromium chromium-browser google-chrome; do
  if p="$(command -v "$c")"; then echo "$p"; exit 0; fi
done
if ! command -v apt-get >/dev/null; then
  echo "no chromium on PATH and no apt-get to install it" >&2; exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "no chromium on PATH and not root (apt-get install -y chromium needs root)" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q chromium >/tmp/ensure-chromium.log 2>&1; then
  $sudo apt-get update -q >>/tmp/ensure-chromium.log 2>&1
  if ! $sudo apt-get install -y -q chromium >>/tmp/ensure-chromium.log 2>&1; then
    echo "apt-get install -y chromium failed; see /tmp/ensure-chromium.log" >&2; exit 1
  fi
fi
command -v chromium || { echo "chromium installed but not on PATH" >&2; exit 1; }
