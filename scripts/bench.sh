#!/usr/bin/env bash
# Benchmarks the ST-kontrakt of N synthetic trainees (default 1000) and prints:
#   - documents per second (wall) of `stdok render` with --jobs 1 and with every core,
#   - the mean size of a document (KiB, from OUT/manifest.json),
#   - peak RSS of those runs (/usr/bin/time -v),
#   - `stdok bench`: the pipeline (fill + layout + PDF writer) against the PDF writer alone on
#     the same laid-out pages, one thread, and the pipeline's cost over the writer in percent;
#     then what reading and planning add per document, and the documents/s one core can make
#     with all of it but the file writes (a bound on any render),
#   - every document of the cohort (no --doc) with every core: documents/s, KiB, peak RSS,
#     and once more with --print-pack (peak RSS),
#   - the ST-kontrakt's mean size without PDF/A and signature fields,
#   - every document of 1,000 and of 10,000 trainees, and the ST-kontrakt of 100,000 (the
#     national scale): documents/s and peak RSS, which should follow the input file, not the
#     number of documents written (BENCH_RSS_COUNTS chooses the counts).
# Every figure is the best of BENCH_RUNS runs (default 3): other work on the machine only ever
# makes a run slower.
#
# Usage: scripts/bench.sh [N]
# Environment: STDOK (binary; default build/stdok, built with scripts/build.sh when missing),
#   BENCH_RUNS (default 3), BENCH_RSS_COUNTS (default "1000 10000 100000"; empty: skip),
#   SOURCE_DATE_EPOCH (default 1795000000, so the PDFs are the same from run to run).
# The cohort comes from scripts/make-cohort.py (seed 1, about 45 % of the names beyond
# Latin-1). Everything is written into a temporary folder that is removed at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=${1:-1000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]" >&2; exit 2; }
RUNS=${BENCH_RUNS:-3}
RSS_COUNTS=${BENCH_RSS_COUNTS-1000 10000 100000}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}
STDOK=${STDOK:-$ROOT/build/stdok}
if [[ ! -x $STDOK ]]; then
  echo "bench: $STDOK missing, building" >&2
  "$ROOT/scripts/build.sh" >&2
  STDOK=$ROOT/build/stdok
fi
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (Debian package time)" >&2; exit 2; }
CORES=$(nproc)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Each render writes into a folder of its own, and every output is removed only at the end
# (about 4 GB with the default counts): on ext4 without a journal, inodes freed in the last
# ~30 s are skipped one by one when new ones are allocated (recently_deleted), so a render
# right after the previous run's output was removed measured that removal, not stdok
# (+15-60 % system time here). A first render into a new folder is what a user does.

cohort() {  # cohort COUNT -> path of the records file
  local file="$TMP/cohort-$1.xml"
  [[ -f $file ]] || "$ROOT/scripts/make-cohort.py" --count "$1" --seed 1 >"$file"
  echo "$file"
}

# render FILE JOBS [FLAGS...] -> "seconds peak_rss_kib documents mean_bytes"
# FLAGS default to --doc st-kontrakt; "all" means every document (then more flags may follow).
render() {
  local flags=("${@:3}")
  ((${#flags[@]})) || flags=(--doc st-kontrakt)
  [[ ${flags[0]} == all ]] && flags=("${flags[@]:1}")
  local out log="$TMP/time.log" rc=0
  out=$(mktemp -d "$TMP/out-XXXXXX")  # render() runs in a subshell: a counter would not count
  /usr/bin/time -v -o "$log" "$STDOK" render "$1" -o "$out" "${flags[@]}" -q --jobs "$2" \
    >/dev/null 2>"$TMP/render.err" || rc=$?
  if ((rc > 1)); then  # 1: some trainee has findings; 2: the run itself failed
    cat "$TMP/render.err" >&2
    exit 1
  fi
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  python3 - "$out/manifest.json" "$wall" "$rss" <<'EOF'
import json, sys
docs = [d for d in json.load(open(sys.argv[1]))["documents"]
        if d["status"] in ("written", "draft") and not d["file"].startswith("utskriftspaket/")]
mean = sum(d["bytes"] for d in docs) / len(docs) if docs else 0
print(sys.argv[2], sys.argv[3], len(docs), round(mean))
EOF
}

# best_render FILE JOBS [FLAGS...]: the fastest of RUNS renders (its RSS is the highest seen).
best_render() {
  local best="" rss_max=0 line
  for ((r = 0; r < RUNS; r++)); do
    line=$(render "$@")
    read -r s rss docs bytes <<<"$line"
    ((rss > rss_max)) && rss_max=$rss
    if [[ -z $best ]] || awk -v a="$s" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then best=$line; fi
  done
  read -r s rss docs bytes <<<"$best"
  echo "$s $rss_max $docs $bytes"
}

FILE=$(cohort "$N")
echo "stdok bench: ST-kontrakt for $N trainees ($(basename "$STDOK"), $CORES cores, best of $RUNS)"
for jobs in 1 "$CORES"; do
  read -r s rss docs bytes <<<"$(best_render "$FILE" "$jobs")"
  awk -v j="$jobs" -v s="$s" -v d="$docs" -v b="$bytes" -v r="$rss" 'BEGIN {
    printf "render --jobs %d: %d documents in %.2f s wall = %.0f documents/s; %.1f KiB/document; peak RSS %.0f MiB\n",
           j, d, s, d / s, b / 1024, r / 1024 }'
  [[ $jobs == "$CORES" ]] && break
done
read -r s rss docs bytes <<<"$(best_render "$FILE" "$CORES" all)"
awk -v j="$CORES" -v s="$s" -v d="$docs" -v b="$bytes" -v r="$rss" 'BEGIN {
  printf "render every document --jobs %d: %d documents in %.2f s wall = %.0f documents/s; %.1f KiB/document; peak RSS %.0f MiB\n",
         j, d, s, d / s, b / 1024, r / 1024 }'
read -r s rss docs bytes <<<"$(render "$FILE" "$CORES" all --print-pack)"
awk -v j="$CORES" -v s="$s" -v d="$docs" -v r="$rss" -v f="$(stat -c %s "$FILE")" 'BEGIN {
  printf "render every document --print-pack --jobs %d: %d documents and their packs in %.2f s wall; peak RSS %.0f MiB (bound 64 + 2 x file = %.0f MiB)\n",
         j, d, s, r / 1024, 64 + 2 * f / 1048576 }'
read -r s rss docs bytes <<<"$(render "$FILE" "$CORES" --doc st-kontrakt --no-pdfa --no-sign-fields)"
awk -v b="$bytes" 'BEGIN { printf "ST-kontrakt without PDF/A and signature fields: %.1f KiB/document\n", b / 1024 }'

best_pipe=0 best_writer=0 kib=0 best_read=0 best_plan=0 best_floor=0
for ((r = 0; r < RUNS; r++)); do
  out=$("$STDOK" bench "$FILE" --doc st-kontrakt 2>/dev/null)
  field() { awk -v f="$1" '$1 == f {print $2}' <<<"$out"; }
  pipe=$(field pipeline_docs_per_s) writer=$(field writer_only_docs_per_s) kib=$(field mean_kib_per_doc)
  read_us=$(field reading_us_per_doc) plan_us=$(field planning_us_per_doc) floor=$(field render_without_files_docs_per_s)
  awk -v a="$pipe" -v b="$best_pipe" 'BEGIN {exit !(a > b)}' && best_pipe=$pipe
  awk -v a="$writer" -v b="$best_writer" 'BEGIN {exit !(a > b)}' && best_writer=$writer
  awk -v a="$floor" -v b="$best_floor" 'BEGIN {exit !(a > b)}' && best_floor=$floor best_read=$read_us best_plan=$plan_us
done
awk -v p="$best_pipe" -v w="$best_writer" -v k="$kib" 'BEGIN {
  printf "bench (one thread): pipeline %.0f documents/s, PDF writer alone %.0f documents/s; the rest of the pipeline costs %.0f %% of the writer; %.1f KiB/document\n",
         p, w, 100 * (w / p - 1), k }'
# What a render does beyond the pipeline, before any file is written: reading the records
# (and templates, forms, fonts) and planning each trainee. The last figure bounds a render's
# documents/s per core, whatever the file system.
awk -v r="$best_read" -v p="$best_plan" -v f="$best_floor" -v c="$CORES" 'BEGIN {
  printf "bench: reading %.0f us and planning %.0f us per document besides the pipeline: one core makes at most %.0f documents/s before writing files (%d cores: %.0f)\n",
         r, p, f, c, c * f }'

# Memory and national scale: every document of cohorts up to 10,000 trainees (the issue's
# "peak RSS, every document" row), also with --print-pack; the ST-kontrakt alone beyond (a
# 100,000-trainee run of every document is ~840,000 PDFs). The bound beside each is 64 MiB +
# 2 × the records file.
for count in $RSS_COUNTS; do
  file=$(cohort "$count")
  if ((count <= 10000)); then runs=("every document:all" "every document with --print-pack:all --print-pack")
  else runs=("ST-kontrakt:--doc st-kontrakt"); fi
  for run in "${runs[@]}"; do
    what=${run%%:*}
    read -r -a flags <<<"${run#*:}"
    read -r s rss docs bytes <<<"$(render "$file" "$CORES" "${flags[@]}")"
    awk -v c="$count" -v w="$what" -v s="$s" -v d="$docs" -v r="$rss" -v f="$(stat -c %s "$file")" 'BEGIN {
      printf "%d trainees (%.1f MiB records file), %s --jobs '"$CORES"': %d documents in %.1f s = %.0f documents/s; peak RSS %.0f MiB (bound 64 + 2 x file = %.0f MiB)\n",
             c, f / 1048576, w, d, s, d / s, r / 1024, 64 + 2 * f / 1048576 }'
  done
done
