#!/usr/bin/env bash
# Installs what is missing, builds, and renders every sample into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
status=0
for records in samples/*.xml; do
  name=$(basename "$records" .xml)
  echo "== $records" >&2
  build/stdok render "$records" -o "out/$name" || status=$?
done
echo "PDFs are in out/ (one folder per sample, manifest.json in each)." >&2
exit "$status"
