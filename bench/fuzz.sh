#!/bin/sh
# The long fuzz run: tests/test_fuzz.py under the "long" hypothesis profile (tests/conftest.py), 2,000
# generated corpora read and 2,000 checked through the whole pipeline, each under the tests' time limit
# (a hang fails the run). Prints hypothesis's statistics: examples run, their time, what they read.
#
#     sh bench/fuzz.sh
cd "$(dirname "$0")/.." || exit 2
exec .venv/bin/python -m pytest tests/test_fuzz.py --hypothesis-profile=long --hypothesis-show-statistics \
    -p no:cacheprovider -q "$@"
