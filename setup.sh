#!/usr/bin/env bash
# Set up a development machine and build the sample books into hasil/.
# Creates .venv with sopdocs and its test tools; installs LibreOffice, poppler and the
# Liberation fonts (metric-compatible with Arial) and Chromium with apt-get when they are missing and we may.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation fonts-liberation2)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # the web page's browser test
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Catatan: pasang ${missing[*]} agar PDF, pratinjau, dan tes peramban bisa dijalankan." >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]" -e plugins/sopdocs-blora -e plugins/sopdocs-flat-reader
.venv/bin/sopdocs check samples
.venv/bin/sopdocs build samples -o hasil
