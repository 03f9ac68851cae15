#!/bin/sh
# Makes sure Debian's Chromium (and a CJK font for screenshots) is installed; installs as root.
set -eu
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "chromium missing and not root: cannot install" >&2; exit 1; fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei
