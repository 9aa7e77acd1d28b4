#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite; fails if any test fails.
#   ./test.sh                     the release build (build/release), then the same suite under
#                                 AddressSanitizer + UndefinedBehaviorSanitizer (build/asan: any
#                                 report fails the run), then every fuzz target for a few seconds
#                                 (bench/fuzz.sh; build/fuzz)
#   TANDEM_PRESET=ci ./test.sh    the CI build: the same with warnings as errors (build/ci)
#   TANDEM_SANITIZE=0 ./test.sh   the first build only, for a quick local run
#   TANDEM_FUZZ_SECONDS=N         seconds per fuzz target (default 5; 0 skips the fuzz run)
set -euo pipefail
cd "$(dirname "$0")"

preset=${TANDEM_PRESET:-release}
sanitize=${TANDEM_SANITIZE:-1}
fuzz_seconds=${TANDEM_FUZZ_SECONDS:-5}
jobs=$(nproc 2>/dev/null || echo 2)
scripts/install-deps.sh test

# One line on what was skipped and why: every skipped test says why in a line starting with
# "tandem-skip:" (tests that need the shared third-party data, absent from a plain clone, or a
# tool that is not installed); CTest's log of the run has each test's output.
report_skips() {
  local log=$1/Testing/Temporary/LastTest.log
  [ -f "$log" ] || return 0
  awk '
    /^[0-9]+\/[0-9]+ Test: / { test = $3 }
    /tandem-skip: / {
      reason = $0; sub(/.*tandem-skip: /, "", reason)
      if (!(test in seen)) { seen[test] = 1; n[reason]++; total++ }
    }
    END {
      if (total == 0) { print "tandem: no test was skipped"; exit }
      printf "tandem: %d tests skipped, each saying why:", total
      sep = " "
      for (r in n) { printf "%s%d: %s", sep, n[r], r; sep = "; " }
      print ""
    }' "$log" >&2
}

start=$(date +%s)
scripts/build.sh "$preset"
status=0
ctest --preset "$preset" -j "$jobs" --output-on-failure --progress --no-tests=error || status=$?
report_skips "build/$preset"
[ $status -eq 0 ] || exit $status
echo "tandem: $preset build and tests took $(($(date +%s) - start)) s" >&2
[ "$sanitize" != 0 ] || exit 0

# The sanitizer build: clang, -O1, ASan + UBSan; the test preset sets ASAN_OPTIONS and
# UBSAN_OPTIONS so that any report aborts the test (and every tandem process a test starts).
start=$(date +%s)
scripts/build.sh asan
status=0
ctest --preset asan -j "$jobs" --output-on-failure --progress --no-tests=error || status=$?
report_skips build/asan
[ $status -eq 0 ] || exit $status
echo "tandem: asan build and tests took $(($(date +%s) - start)) s" >&2

if [ "$fuzz_seconds" != 0 ]; then
  start=$(date +%s)
  bench/fuzz.sh "$fuzz_seconds"
  echo "tandem: fuzz build and run took $(($(date +%s) - start)) s" >&2
fi
