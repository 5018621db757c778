"""The cohort generator behind scripts/make-cohort.py: fictional trainees as a records file."""
