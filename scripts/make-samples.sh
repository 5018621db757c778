#!/usr/bin/env bash
# Regenerates the generated sample: samples/kohort-vasternorrland.xml (60 trainees, fixed seed;
# the arguments are SAMPLE_ARGS in scripts/make-cohort.py, whose --check compares the file).
# The other files in samples/ are written by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 scripts/make-cohort.py --sample > samples/kohort-vasternorrland.xml.tmp
mv samples/kohort-vasternorrland.xml.tmp samples/kohort-vasternorrland.xml
echo "wrote samples/kohort-vasternorrland.xml" >&2
