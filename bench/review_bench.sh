#!/usr/bin/env bash
# Responsiveness of `tandem review` on a corpus of about 20,000 beads, in Debian's chromium.
#   bench/review_bench.sh [PRESET] [SENTENCES]     (defaults: release, 20000)
# Builds a synthetic German-French bitext of SENTENCES source sentences from the Text+Berg gold
# sets (bench/make_synthetic.py), aligns it, installs playwright-core into the build tree (as the
# browser tests do) and prints the figures of bench/review_responsiveness.cjs.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
sentences=${2:-20000}
build=build/$preset
tandem=$build/cli/tandem
[ -x "$tandem" ] || scripts/build.sh "$preset"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source bench/shared_dir.sh
require_shared bench/review_bench.sh
python3 bench/make_synthetic.py "$(tandem_shared_dir)" "$sentences" "$work/pair"
SOURCE_DATE_EPOCH=0 "$tandem" align --presegmented -s de -t fr "$work/pair.de" "$work/pair.fr" \
  -o "$work/pair.tei.xml"
cmake -DNODE="$(command -v node)" -DNPM="$(command -v npm)" -DSOURCE="$PWD/tests/browser" \
  -DDIR="$PWD/$build/tests/browser" -P tests/browser/setup.cmake
TANDEM_BINARY="$PWD/$tandem" TANDEM_SOURCE_DIR="$PWD" \
  NODE_PATH="$PWD/$build/tests/browser/node_modules" \
  node bench/review_responsiveness.cjs "$work/pair.tei.xml"
