#!/usr/bin/env bash
# Configures (once) and builds tandem with a CMake preset. Quiet when all goes well; on failure
# it prints the end of the build log.
#   scripts/build.sh PRESET             everything the preset builds (tests, benchmarks, ...)
#   scripts/build.sh PRESET TARGET...   only those targets and what they need (./run.sh: tandem)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-release}
shift || true
targets=("$@")
build_dir=build/$preset
mkdir -p "$build_dir"
log=$build_dir/build.log
jobs=$(nproc 2>/dev/null || echo 2)

what=${targets[*]:-everything}
echo "tandem: building $what ($preset preset, $jobs jobs) ..." >&2
# Configure when there is no build tree yet, and again when it was configured before GoogleTest
# was installed (./run.sh needs no test framework; ./test.sh installs it and builds the tests).
if [ ! -f "$build_dir/CMakeCache.txt" ] ||
  { [ ${#targets[@]} -eq 0 ] && grep -q '^GTest_DIR:PATH=.*NOTFOUND' "$build_dir/CMakeCache.txt"; }; then
  if ! cmake --preset "$preset" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "tandem: configuring failed; the log is in $log" >&2
    exit 1
  fi
fi
target_args=()
for target in "${targets[@]}"; do target_args+=(--target "$target"); done
if ! cmake --build --preset "$preset" -j "$jobs" "${target_args[@]}" >>"$log" 2>&1; then
  grep -E "error|Error" "$log" | head -40 >&2
  tail -20 "$log" >&2
  echo "tandem: the build failed; the log is in $log" >&2
  exit 1
fi
