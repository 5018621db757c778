#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer) and runs each for a bounded time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# The seed corpus is tests/fuzz/corpus/<target>/; new inputs go to a temporary copy.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTDOK_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_records_reader fuzz_template_parser
for target in records_reader template_parser; do
  corpus=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$target/." "$corpus/"
  echo "fuzz: $target for ${seconds}s" >&2
  "build-fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
  rm -rf "$corpus"
done
