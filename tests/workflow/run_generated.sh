#!/usr/bin/env bash
# The Snakemake workflow on a generated corpus of about a hundred German-French pairs (200+
# documents under random names, cut from the Text+Berg gold by workflows/make_test_corpus.py):
# every pair discover finds must be a true pair, at least 95% of the true pairs must be found,
# and every found pair must be aligned by the four batch shards.
#   run_generated.sh TANDEM SNAKEFILE SHARED MAKE_CORPUS WORKDIR
# SHARED is the shared third-party data (CMake variable TANDEM_SHARED); the gold is its
# data/align-gold/textberg-de-fr. Exits 77 (skip) when they are absent, or snakemake or python3
# is missing.
set -euo pipefail
tandem=$1 snakefile=$2 shared=$3 make_corpus=$4 workdir=$5
gold=$shared/data/align-gold/textberg-de-fr

if [ ! -d "$shared" ]; then
  echo "tandem-skip: needs the shared third-party data in $shared (CMake variable TANDEM_SHARED), which is absent"
  exit 77
fi
[ -d "$gold" ] || { echo "FAILED: $gold is missing (the shared data are there, this folder is not)" >&2; exit 1; }
for tool in snakemake python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tandem-skip: $tool is not installed (scripts/install-deps.sh test installs it)"
    exit 77
  fi
done
rm -rf "$workdir"
mkdir -p "$workdir"
cd "$workdir"
python3 "$make_corpus" "$gold" corpus
snakemake -s "$snakefile" --cores 2 --quiet \
  --config corpus="$workdir/corpus/docs" out=out shards=4 tandem="$tandem"

fail() { echo "FAILED: $*" >&2; exit 1; }
tail -n +2 out/manifest.tsv | awk -F'\t' '{ n = split($2, s, "/"); m = split($3, t, "/"); print s[n] "\t" t[m] }' | sort > found.tsv
sort corpus/expected.tsv > expected.tsv
expected=$(wc -l < expected.tsv)
found=$(wc -l < found.tsv)
correct=$(comm -12 expected.tsv found.tsv | wc -l)
echo "expected $expected pairs, found $found, correct $correct"
[ "$correct" -eq "$found" ] || { comm -13 expected.tsv found.tsv >&2; fail "wrong pairs found"; }
[ $((correct * 100)) -ge $((expected * 95)) ] || fail "found fewer than 95% of the pairs"
aligned=$(grep -c '"status":"aligned"' out/summary.jsonl || true)
[ "$aligned" -eq "$found" ] || fail "$aligned pairs aligned, expected $found"
echo "OK"
