#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, golden, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
/usr/bin/python3 scripts/make-cohort.py --check  # the committed cohort sample is current
ctest --test-dir build --output-on-failure -j"$(nproc)"
