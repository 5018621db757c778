#!/usr/bin/env bash
# Builds the libFuzzer targets (clang; AddressSanitizer and UndefinedBehaviorSanitizer) in
# build-sanitize/, shared with scripts/sanitize.sh, and runs them side by side for a bounded
# time each:
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Seeds: tests/fuzz/corpus/<target>/, plus tests/data/hostile/ and tests/data/ for the records
# reader, templates/ for the template parser, fonts/ for the font readers and forms/ (after a
# flags byte) for the XML layer; dictionary
# tests/fuzz/<target>.dict when there is one. New inputs go to a temporary copy of the corpus.
# A crash, a sanitizer report, a leak or an input slower than 20 s fails the script; the input
# is kept in build-sanitize/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh

build=build-sanitize
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" \
  -DSTDOK_SANITIZE=ON -DSTDOK_FUZZ=ON >/dev/null
targets=(records_reader template_parser font_parser workbook_reader image_reader xml_document)
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

symbolizer=$(command -v llvm-symbolizer || ls /usr/lib/llvm-*/bin/llvm-symbolizer 2>/dev/null | tail -n 1 || true)
[[ -n $symbolizer ]] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pids=()
for target in "${targets[@]}"; do
  corpus=$work/$target
  mkdir -p "$corpus"
  cp -r "tests/fuzz/corpus/$target/." "$corpus/"
  case $target in
    records_reader) cp tests/data/hostile/*.xml tests/data/*.xml "$corpus/" ;;
    template_parser) cp templates/*.xml "$corpus/" ;;
    font_parser) cp fonts/*.ttf "$corpus/" ;;
    image_reader) cp tests/data/images/* templates/logo.png "$corpus/" ;;
    xml_document) for f in forms/*.xml; do { printf '\x01'; cat "$f"; } >"$corpus/$(basename "$f")"; done ;;
  esac
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=20 -print_final_stats=1
           -artifact_prefix="$artifacts/$target-")
  [[ -f tests/fuzz/$target.dict ]] && options+=(-dict="tests/fuzz/$target.dict")
  echo "fuzz: $target for ${seconds}s" >&2
  "$build/fuzz_$target" "${options[@]}" "$corpus" >"$work/$target.log" 2>&1 &
  pids+=($!)
done

status=0
for i in "${!targets[@]}"; do
  target=${targets[i]}
  if wait "${pids[i]}"; then
    echo "fuzz: $target: no crash" >&2
    grep -E '^(#[0-9]+\s+DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' \
      "$work/$target.log" | sed "s/^/fuzz: $target: /" >&2 || true
  else
    status=1
    echo "fuzz: $target FAILED; the input is in $artifacts/:" >&2
    tail -n 80 "$work/$target.log" >&2
  fi
done
exit "$status"
