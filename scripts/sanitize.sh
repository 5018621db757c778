#!/usr/bin/env bash
# Builds stdok with clang, AddressSanitizer and UndefinedBehaviorSanitizer into build-sanitize/
# and runs the unit tests and the fast end-to-end tests (hostile input, I/O failures, exit
# codes) against the sanitized library and binary, one shard per core. Any sanitizer report
# fails the test it happens in. The slow tests that render every sample (golden text, archival,
# certificates, print pack, signing, the cohort) run in scripts/test.sh only; set
# STDOK_SANITIZE_ALL=1 to run them here too.
#
# The build also carries libFuzzer's coverage instrumentation, so scripts/fuzz.sh reuses it
# instead of compiling everything a third time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

build=build-sanitize
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" \
  -DSTDOK_SANITIZE=ON -DSTDOK_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target stdok stdok_tests

filter='-Samples/GoldenText.*:GoldenCoverage.*:Archival.*:Certificates.*:PrintPack.*:PrintLayout.*:Signing.*'
filter+=':ComputedDates.*:EndToEnd.CohortManifestDoesNotDependOnJobs:Truth.*:TwoDates/TruthAsOf.*:RightText.*:FontPrograms.*'
filter+=':ManifestMerge.*:GlyphPixels.*:GlyphPixels/*'
[[ ${STDOK_SANITIZE_ALL:-0} == 1 ]] && filter='*'

symbolizer=$(command -v llvm-symbolizer || ls /usr/lib/llvm-*/bin/llvm-symbolizer 2>/dev/null | tail -n 1 || true)
[[ -n $symbolizer ]] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# gtest shards in parallel: one process per shard (not one per test, as ctest would start).
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
shards=$(nproc)
pids=()
for ((i = 0; i < shards; i++)); do
  GTEST_TOTAL_SHARDS=$shards GTEST_SHARD_INDEX=$i "$build/stdok_tests" --gtest_filter="$filter" \
    >"$logs/shard-$i.log" 2>&1 &
  pids+=($!)
done
status=0
for ((i = 0; i < shards; i++)); do
  if wait "${pids[i]}"; then
    grep -E '^\[  (PASSED|SKIPPED) ' "$logs/shard-$i.log" | sed "s/^/sanitize: shard $i: /" >&2 || true
  else
    status=1
    echo "sanitize: shard $i FAILED:" >&2
    # The failures and any sanitizer report, then the summary.
    grep -E -A40 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$logs/shard-$i.log" >&2 || true
    grep -E -B2 -A25 '^\[ RUN .*\]|Failure$' "$logs/shard-$i.log" | grep -v '^\[       OK' | tail -n 200 >&2 || true
    grep -E '^\[  FAILED  \]' "$logs/shard-$i.log" >&2 || true
  fi
done
exit "$status"
