#!/usr/bin/env bash
# Installs the Debian packages stdok needs to build, test and benchmark. Idempotent and
# non-interactive: does nothing when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhpdf-dev libpugixml-dev libicu-dev libcli11-dev libgtest-dev zlib1g-dev
  libssl-dev nlohmann-json3-dev libzip-dev libxlsxwriter-dev libpng-dev libcpp-httplib-dev libhyphen-dev hyphen-sv libdeflate-dev libjemalloc-dev
  qpdf poppler-utils libnss3-tools libxml2-utils icc-profiles-free
  python3 python3-fonttools python3-openpyxl fonts-dejavu-core fonts-liberation2 libharfbuzz-bin liblcms2-utils time openssl ccache clang libclang-rt-14-dev linux-perf
)
# The browser tests (tests/browser/, scripts/browser-test.sh): Debian's chromium (with its
# translations, so a Swedish browser shows dates as ÅÅÅÅ-MM-DD) and Node.js.
packages+=(chromium chromium-l10n nodejs)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm comes with some Node.js builds; Debian ships it as its own package.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
