#!/usr/bin/env bash
# Rewrites the golden text files (tests/golden/<sample>/<document-id>.txt) from what the current
# templates, forms, layout and samples produce, then runs the golden tests again to confirm.
# Review the result with `git diff tests/golden` before committing it. See docs/testing.md.
#
#   scripts/update-golden.sh [BUILD_DIR]     (default: $STDOK_BUILD_DIR, else build/)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-${STDOK_BUILD_DIR:-build}}"
filter='Samples/GoldenText.*:GoldenCoverage.*'

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target stdok stdok_tests
STDOK_UPDATE_GOLDEN=1 "$build/stdok_tests" --gtest_filter='Samples/GoldenText.*' | grep -E '^updated |FAILED' || true
"$build/stdok_tests" --gtest_filter="$filter" >/dev/null || {
  echo "the golden tests still fail after the update; run: $build/stdok_tests --gtest_filter='$filter'" >&2
  exit 1
}
git status --short -- tests/golden
