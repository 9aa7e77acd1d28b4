#!/usr/bin/env bash
# Configures (once) and builds tandem with a CMake preset. Quiet when all goes well; on failure
# it prints the end of the build log. Usage: scripts/build.sh PRESET
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-release}
build_dir=build/$preset
mkdir -p "$build_dir"
log=$build_dir/build.log
jobs=$(nproc 2>/dev/null || echo 2)

echo "tandem: building ($preset preset, $jobs jobs) ..." >&2
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  if ! cmake --preset "$preset" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "tandem: configuring failed; the log is in $log" >&2
    exit 1
  fi
fi
if ! cmake --build --preset "$preset" -j "$jobs" >>"$log" 2>&1; then
  grep -E "error|Error" "$log" | head -40 >&2 || true
  tail -20 "$log" >&2
  echo "tandem: the build failed; the log is in $log" >&2
  exit 1
fi
