#!/usr/bin/env bash
# Runs workflows/Snakefile with `snakemake --cores 2` on a folder of documents and checks the
# result: the manifest has the expected number of pairs, every shard summary exists, every pair
# was aligned, and the statistics count them.
#   run_snakemake.sh TANDEM SNAKEFILE CORPUS WORKDIR EXPECTED_PAIRS SHARDS
# Exits 77 (CTest's skip code for this test) when snakemake is not installed.
set -euo pipefail
tandem=$1 snakefile=$2 corpus=$3 workdir=$4 expected=$5 shards=$6

if ! command -v snakemake >/dev/null 2>&1; then
  echo "tandem-skip: snakemake is not installed (Debian package snakemake; scripts/install-deps.sh test installs it)"
  exit 77
fi
rm -rf "$workdir"
mkdir -p "$workdir"
cd "$workdir"
snakemake -s "$snakefile" --cores 2 --quiet \
  --config corpus="$corpus" out=out shards="$shards" tandem="$tandem"

fail() { echo "FAILED: $*" >&2; exit 1; }
pairs=$(($(wc -l < out/manifest.tsv) - 1))
[ "$pairs" -eq "$expected" ] || fail "manifest has $pairs pairs, expected $expected"
for k in $(seq 1 "$shards"); do
  [ -f "out/shards/$k-of-$shards.jsonl" ] || fail "shard $k has no summary"
done
summarized=$(wc -l < out/summary.jsonl)
[ "$summarized" -eq "$expected" ] || fail "summary has $summarized lines, expected $expected"
aligned=$(grep -c '"status":"aligned"' out/summary.jsonl || true)
[ "$aligned" -eq "$expected" ] || fail "$aligned pairs aligned, expected $expected"
grep -q "\"pairs\"" out/stats.json || fail "no statistics"
mapfile -t tei < <(find out/pairs -name '*.tei.xml')
[ "${#tei[@]}" -eq "$expected" ] || fail "${#tei[@]} TEI files, expected $expected"
# Every corpus the workflow wrote, against tandem's schema and the checks beyond it.
"$tandem" validate --schema -q "${tei[@]}" || fail "the workflow wrote invalid TEI (above)"

# Run again: nothing to do (every output is up to date).
snakemake -s "$snakefile" --cores 2 --quiet \
  --config corpus="$corpus" out=out shards="$shards" tandem="$tandem" 2>&1 | tee again.log
grep -q "Nothing to be done" again.log || fail "the second run did work again"
echo "OK: $pairs pairs in $shards shards"
