#!/usr/bin/env bash
# Regenerates the generated sample: samples/kohort-vasternorrland.xml (60 trainees, fixed seed).
# The other files in samples/ are written by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 scripts/make-cohort.py --count 60 --seed 20261122 --region vasternorrland \
  --as-of 2026-11-22 > samples/kohort-vasternorrland.xml.tmp
mv samples/kohort-vasternorrland.xml.tmp samples/kohort-vasternorrland.xml
echo "wrote samples/kohort-vasternorrland.xml" >&2
