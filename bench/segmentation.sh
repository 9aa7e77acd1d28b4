#!/usr/bin/env bash
# Sentence-segmentation quality and speed: tandem beside ICU's plain BreakIterator, measured in
# the same run on the public sets in the shared data's data/segmentation (TANDEM_SHARED, by
# default ../shared; read in place, never copied).
#   bench/segmentation.sh               all figures (32 MB per language for the throughput)
#   bench/segmentation.sh --failures    also every case and boundary tandem gets wrong
#   bench/segmentation.sh --megabytes 8 a smaller throughput input
#   bench/segmentation.sh --only de     one language's sets only
# Builds the optimised driver (release preset, build/release) first when needed.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/shared_dir.sh
if [ -z "${TANDEM_SEGMENTATION_DATA:-}" ]; then
  require_shared bench/segmentation.sh
  data=$(tandem_shared_dir)/data/segmentation
else
  data=$TANDEM_SEGMENTATION_DATA
fi
if [ ! -d "$data" ]; then
  echo "bench/segmentation.sh: $data not found" >&2
  exit 1
fi
scripts/install-deps.sh test
if [ ! -f build/release/CMakeCache.txt ]; then
  cmake --preset release >/dev/null
fi
cmake --build --preset release -j 2 --target tandem_segmentation_bench >/dev/null
exec build/release/bench/tandem_segmentation_bench --data "$data" "$@"
