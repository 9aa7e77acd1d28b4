#!/usr/bin/env bash
# Writes and reads a generated corpus of BEADS beads (default 1,000,000: every bead type and
# review status, sentences of 3-30 words with XML's special characters and non-ASCII letters)
# in each format, each step in a process of its own, and prints the time and peak memory of
# each. The target for TEI: under 30 s and 2 GB each way.
#   bench/formats_scale.sh [BEADS] [FORMAT ...]      (formats default: tei tmx xces jsonl)
# Uses the release build (scripts/build.sh release); files go to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

beads=${1:-1000000}
shift || true
formats=("$@")
[ ${#formats[@]} -eq 0 ] && formats=(tei tmx xces intertext jsonl)

scripts/build.sh release
driver=build/release/bench/tandem_bench_formats
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

echo "tandem formats benchmark: $beads beads, $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
for format in "${formats[@]}"; do
  case $format in
    tei) file=$dir/big.tei.xml ;;
    xces) file=$dir/big.xml ;;
    intertext) file=$dir/big.alignment.xml ;;
    moses) file=$dir/big ;;
    *) file=$dir/big.$format ;;
  esac
  "$driver" write "$format" "$beads" "$file"
  "$driver" read "$format" "$file"
  rm -f "$dir"/big*
done
