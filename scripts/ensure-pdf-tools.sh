#!/bin/sh
# Makes sure poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) is installed for the PDF tests;
# installs it from Debian as root.
set -eu
if command -v pdftotext >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "pdftotext missing and not root: install poppler-utils (apt-get install poppler-utils)" >&2
  exit 1
fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils
