#!/usr/bin/env bash
# Alignment quality on the gold sets: strict and lax F1 per set, the precision, recall and F1 of
# the sentences left without counterpart ("unaligned"), the bead shapes of gold and tandem, and
# the precision of beads per confidence band. Reads the gold data in place from the shared data
# (TANDEM_SHARED, by default ../shared; never copied) and the bundled pair's hand gold from
# tests/data/reply-to-stalin.
#
#   bench/quality.sh [--dev] [TANDEM]   TANDEM defaults to build/release/cli/tandem
#
# After the sets themselves come the variants of bench/make_variants.py: the same gold sets with
# omissions, additions and regrouping made on purpose (PUD en-X with 10% of the target deleted,
# PUD en-zh/ja/ko/ar/th without a dictionary, regrouped or mixed, in documents of ~200
# sentences; Text+Berg, ParIce and the letter mixed). They are generated afresh, seeded, in a
# temporary directory. The test families are printed by default; --dev prints the dev families
# instead (tune on those, report on the test ones).
#
# Sets: Text+Berg de-fr dev and test (7 documents, micro-averaged), ParIce en-is (10
# documents, micro-averaged), the bundled Reply to Stalin pair presegmented (the gold's own
# sentences) and end to end from the raw sample files (tandem's sentences mapped to the gold
# sentences by byte overlap; two-sided beads with a sentence outside the annotated region are
# counted as "aligned outside the letter"); then Text+Berg test, ParIce and the bundled pair
# presegmented again without the FreeDict dictionaries (--dictionary none), for what they are
# worth. Every figure is computed
# by `tandem eval` and checked against the shared data's tools/align_score.py; the script fails
# when they disagree.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/shared_dir.sh"
require_shared bench/quality.sh
shared=$(tandem_shared_dir)
split=test
if [ "${1:-}" = --dev ]; then split=dev; shift; fi
tandem=${1:-$root/build/release/cli/tandem}
scorer=$shared/tools/align_score.py
tools=$root/bench/quality_tools.py
textberg=$shared/data/align-gold/textberg-de-fr
parice=$shared/data/align-gold/parice-en-is
sample=$root/corpora/samples/reply-to-stalin
gold=$root/tests/data/reply-to-stalin

[ -x "$tandem" ] || { echo "quality.sh: no tandem binary at $tandem (build the release preset)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# score NAME GOLD... -- HYP...: prints the figures of a set, cross-checked with the reference
# scorer (strict and lax) and with quality_tools.py (unaligned sentences).
score() {
  local name=$1; shift
  local golds=() hyps=()
  while [ "$1" != "--" ]; do golds+=("$1"); shift; done
  shift
  hyps=("$@")
  local json ours theirs pairs=()
  json=$("$tandem" eval --gold "${golds[@]}" --hyp "${hyps[@]}" --json)
  ours=$(python3 -c 'import json, sys
d = json.load(sys.stdin); s = d["scores"]; u = d["unaligned"]
print("%.3f %.3f %.3f %.3f %.3f %.3f %.3f %d %d %d" % (s["f1_strict"], s["f1_lax"],
      s["precision_strict"], s["recall_strict"], s["f1_unaligned"], s["precision_unaligned"],
      s["recall_unaligned"], u["hits"], u["hypothesis"], u["gold"]))' <<<"$json")
  theirs=$(python3 "$scorer" -g "${golds[@]}" -t "${hyps[@]}" | awk '$1 == "F1" {print $2, $3}')
  read -r f1s f1l ps rs f1u pu ru uh uy ug <<<"$ours"
  if [ "$f1s $f1l" != "$theirs" ]; then
    echo "quality.sh: $name: tandem eval says $f1s $f1l, align_score.py says $theirs" >&2
    exit 1
  fi
  for k in "${!golds[@]}"; do pairs+=("${golds[$k]}" "${hyps[$k]}"); done
  theirs=$(python3 "$tools" unaligned "${pairs[@]}")
  if [ "$uh $uy $ug" != "$theirs" ]; then
    echo "quality.sh: $name: tandem eval counts unaligned $uh $uy $ug, quality_tools.py $theirs" >&2
    exit 1
  fi
  printf '%-34s strict F1 %s   lax F1 %s   (strict P %s R %s)\n' "$name" "$f1s" "$f1l" "$ps" "$rs"
  printf '%-34s unaligned F1 %s (P %s R %s; gold %d, tandem %d, both %d)\n' "" "$f1u" "$pu" "$ru" \
    "$ug" "$uy" "$uh"
  python3 -c 'import json, sys
d = json.load(sys.stdin)["shapes"]
def line(shapes):
    order = sorted(shapes.items(), key=lambda kv: (kv[0] != "1:1", -kv[1], kv[0]))
    return ", ".join("%s %d" % kv for kv in order)
print("%-34s shapes: gold %s" % ("", line(d["gold"])))
print("%-34s        tandem %s" % ("", line(d["hypothesis"])))' <<<"$json"
}

align() {  # align SRC_LANG TGT_LANG SRC TGT OUT [flags...]
  local s=$1 t=$2 a=$3 b=$4 out=$5; shift 5
  "$tandem" align -q -s "$s" -t "$t" -f vecalign "$@" "$a" "$b" -o "$out"
}

start=$(date +%s.%N)

# variants FAMILY...: aligns every document of each family (bench/make_variants.py) and scores
# the family as one set, micro-averaged; says how many documents got nothing aligned.
variants() {
  local family docs=() golds=() hyps=() doc sl tl kind empty
  python3 "$root/bench/make_variants.py" "$work/variants" --shared "$shared" \
    --families "$(IFS=,; echo "$*")"
  for family in "$@"; do
    [ -f "$work/variants/$family/docs.tsv" ] || continue
    golds=() hyps=()
    while IFS=$'\t' read -r doc sl tl kind; do
      local base=$work/variants/$family/$doc
      align "$sl" "$tl" "$base.src" "$base.tgt" "$base.va" --presegmented
      golds+=("$base.gold"); hyps+=("$base.va")
    done <"$work/variants/$family/docs.tsv"
    score "$family (${#golds[@]} docs)" "${golds[@]}" -- "${hyps[@]}"
    empty=$(python3 "$tools" empty "${hyps[@]}")
    [ "$empty" = 0 ] || printf '%-34s %s of %s documents with nothing aligned\n' "" "$empty" "${#hyps[@]}"
  done
}

if [ "$split" = dev ]; then
  families=$(python3 "$root/bench/make_variants.py" --list "$work" | awk '$2 == "dev" {print $1}')
  # shellcheck disable=SC2086
  variants $families
  printf '\ntime: %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
  exit 0
fi

# Text+Berg dev.
align de fr "$textberg/dev.de" "$textberg/dev.fr" "$work/dev.va" --presegmented
score "Text+Berg de-fr dev" "$textberg/dev.defr" -- "$work/dev.va"

# Text+Berg test, 7 documents micro-averaged.
test_gold=() test_hyp=()
for i in 0 1 2 3 4 5 6; do
  align de fr "$textberg/test$i.de" "$textberg/test$i.fr" "$work/test$i.va" --presegmented
  test_gold+=("$textberg/test$i.defr"); test_hyp+=("$work/test$i.va")
done
score "Text+Berg de-fr test (7 docs)" "${test_gold[@]}" -- "${test_hyp[@]}"

# ParIce en-is: the files are index<TAB>sentence.
parice_gold=() parice_hyp=()
for f in "$parice"/gold/*.txt; do
  name=$(basename "$f" .txt)
  cut -f2- "$parice/eng/$name.txt" >"$work/$name.en"
  cut -f2- "$parice/isl/$name.txt" >"$work/$name.is"
  align en is "$work/$name.en" "$work/$name.is" "$work/$name.va" --presegmented
  parice_gold+=("$f"); parice_hyp+=("$work/$name.va")
done
score "ParIce en-is (10 docs)" "${parice_gold[@]}" -- "${parice_hyp[@]}"

# The bundled pair, presegmented: the gold's own sentences.
align en hu "$gold/en.presegmented.txt" "$gold/hu.presegmented.txt" "$work/reply.va" --presegmented
score "Reply to Stalin, presegmented" "$gold/gold.vecalign" -- "$work/reply.va"

# The bundled pair end to end: tandem segments the raw files and finds the letter itself.
"$tandem" align -q -s en -t hu -f jsonl "$sample/en.txt" "$sample/hu.txt" -o "$work/reply.jsonl"
outside=$(python3 "$tools" map-spans "$work/reply.jsonl" "$gold/en.sentences.tsv" \
  "$gold/hu.sentences.tsv" "$work/reply-e2e.va")
score "Reply to Stalin, end to end" "$gold/gold.vecalign" -- "$work/reply-e2e.va"
printf '%-34s %s two-sided beads with a sentence outside the letter\n' "" "$outside"

# What the FreeDict dictionaries are worth (tandem dictionaries lists them): the same sets aligned
# with --dictionary none. Text+Berg uses freedict-deu-fra and freedict-fra-deu, ParIce
# freedict-isl-eng (Debian has no eng-isl), the bundled pair freedict-eng-hun and hun-eng.
echo
echo "Without the dictionaries (--dictionary none; the figures above use them):"
nodict_hyp=()
for i in 0 1 2 3 4 5 6; do
  align de fr "$textberg/test$i.de" "$textberg/test$i.fr" "$work/test$i.nodict.va" \
    --presegmented --dictionary none
  nodict_hyp+=("$work/test$i.nodict.va")
done
score "Text+Berg de-fr test, no dict." "${test_gold[@]}" -- "${nodict_hyp[@]}"
nodict_hyp=()
for f in "$parice"/gold/*.txt; do
  name=$(basename "$f" .txt)
  align en is "$work/$name.en" "$work/$name.is" "$work/$name.nodict.va" --presegmented \
    --dictionary none
  nodict_hyp+=("$work/$name.nodict.va")
done
score "ParIce en-is, no dict." "${parice_gold[@]}" -- "${nodict_hyp[@]}"
align en hu "$gold/en.presegmented.txt" "$gold/hu.presegmented.txt" "$work/reply.nodict.va" \
  --presegmented --dictionary none
score "Reply to Stalin, preseg., no dict." "$gold/gold.vecalign" -- "$work/reply.nodict.va"

echo
echo "Variants with known omissions, additions and regrouping (bench/make_variants.py):"
families=$(python3 "$root/bench/make_variants.py" --list "$work" | awk '$2 == "test" {print $1}')
# shellcheck disable=SC2086
variants $families

echo
echo "Precision per confidence band (strict: the bead equals a gold link):"
echo "  Text+Berg de-fr dev"
python3 "$tools" bands "$textberg/dev.defr" "$work/dev.va"
echo "  Text+Berg de-fr test"
args=(); for i in 0 1 2 3 4 5 6; do args+=("${test_gold[$i]}" "${test_hyp[$i]}"); done
python3 "$tools" bands "${args[@]}"
echo "  ParIce en-is"
args=(); for k in "${!parice_gold[@]}"; do args+=("${parice_gold[$k]}" "${parice_hyp[$k]}"); done
python3 "$tools" bands "${args[@]}"
echo "  Reply to Stalin, presegmented"
python3 "$tools" bands "$gold/gold.vecalign" "$work/reply.va"

printf '\ntime: %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
