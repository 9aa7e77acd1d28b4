#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite; fails if any test fails.
#   ./test.sh                  the release build (build/release)
#   TANDEM_PRESET=ci ./test.sh the CI build: the same with warnings as errors (build/ci)
set -euo pipefail
cd "$(dirname "$0")"

preset=${TANDEM_PRESET:-release}
scripts/install-deps.sh test
scripts/build.sh "$preset"
jobs=$(nproc 2>/dev/null || echo 2)
ctest --preset "$preset" -j "$jobs" --output-on-failure --progress
