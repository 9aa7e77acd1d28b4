#!/usr/bin/env bash
# What a user waits for on small work: one sentence against one sentence (English-Hungarian,
# with the FreeDict dictionaries), the first time (the dictionaries are prepared and kept in the
# cache) and the second time (from the cache); and two batches of German-French pairs cut at
# gold bead boundaries out of the Text+Berg documents of the shared data (read in place), one
# job, in pairs per second: the 106 short pairs of workflows/make_test_corpus.py (12 beads,
# about 14 sentences a side; docs/scale.md's figures) and PAIRS pairs of 100 to 300 sentences,
# the latter also with two jobs.
#
#   bench/speed.sh [PAIRS]        default 60 pairs of 100 to 300 sentences
#
# The cache is a fresh temporary directory (XDG_CACHE_HOME), so the figures do not depend on
# what an earlier run left. Builds the release `tandem` first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/shared_dir.sh
require_shared bench/speed.sh
shared=$(tandem_shared_dir)
pairs=${1:-60}
tandem=${TANDEM:-$PWD/build/release/cli/tandem}
[ -x "$tandem" ] || scripts/build.sh release  # TANDEM=path measures another build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache

seconds() {  # the elapsed seconds of a command, its output discarded
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>&1
  read -r elapsed user system < "$work/time"
  echo "$elapsed"
}

echo "This is my answer to Stalin." > "$work/one.en"
echo "Ez a válaszom Sztálinnak." > "$work/one.hu"
one() { seconds "$tandem" align -q -s en -t hu "$work/one.en" "$work/one.hu" -o "$work/one.tei.xml"; }
cold=$(one)
warm=$(one)
warm2=$(one)
printf '1 x 1 sentence, en-hu, FreeDict:  first run %s s (preparing the dictionaries), then %s s, %s s\n' \
  "$cold" "$warm" "$warm2"

python3 - "$shared/data/align-gold/textberg-de-fr" "$work/pairs" "$pairs" <<'PY'
import os, random, re, sys
gold_dir, out, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
random.seed(7)
docs = []
for name in sorted(os.listdir(gold_dir)):
    if name.endswith(".defr"):
        stem = name[:-5]
        de = open(os.path.join(gold_dir, stem + ".de"), encoding="utf-8").read().split("\n")
        fr = open(os.path.join(gold_dir, stem + ".fr"), encoding="utf-8").read().split("\n")
        beads = []
        for line in open(os.path.join(gold_dir, name), encoding="utf-8"):
            m = re.match(r"\[([\d,\s]*)\]:\[([\d,\s]*)\]", line.strip())
            if m:
                s = [int(x) for x in m.group(1).split(",") if x.strip()]
                t = [int(x) for x in m.group(2).split(",") if x.strip()]
                beads.append((s, t))
        docs.append((de, fr, beads))
rows = ["id\tsource\ttarget\tsource_lang\ttarget_lang"]
made = 0
while made < wanted:
    for de, fr, beads in docs:
        k = 0
        while k < len(beads) and made < wanted:
            size = random.randint(100, 300)
            chunk = beads[k:k + size]
            k += size
            s = [i for b in chunk for i in b[0]]
            t = [i for b in chunk for i in b[1]]
            if len(s) < 50 or len(t) < 50:
                continue
            sid = f"p{made:04d}"
            open(f"{out}/{sid}.de", "w", encoding="utf-8").write(
                "\n".join(de[i] for i in range(min(s), max(s) + 1)) + "\n")
            open(f"{out}/{sid}.fr", "w", encoding="utf-8").write(
                "\n".join(fr[i] for i in range(min(t), max(t) + 1)) + "\n")
            rows.append(f"{sid}\t{out}/{sid}.de\t{out}/{sid}.fr\tde\tfr")
            made += 1
open(f"{out}/manifest.tsv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
# The dictionaries are prepared once before the batches are timed, as a user's second batch
# finds them.
"$tandem" align -q -s de -t fr "$work/pairs/p0000.de" "$work/pairs/p0000.fr" -o "$work/warm.tei.xml"

python3 workflows/make_test_corpus.py "$shared/data/align-gold/textberg-de-fr" "$work/short" >/dev/null
{
  printf 'id\tsource\ttarget\tsource_lang\ttarget_lang\n'
  n=0
  while IFS=$'\t' read -r de fr; do
    printf 's%03d\t%s\t%s\tde\tfr\n' "$n" "$work/short/docs/$de" "$work/short/docs/$fr"
    n=$((n + 1))
  done < "$work/short/expected.tsv"
} > "$work/short/manifest.tsv"

batch() {  # NAME MANIFEST JOBS: pairs per second
  local count sentences
  count=$(($(wc -l < "$2") - 1))
  sentences=$(tail -n +2 "$2" | cut -f2 | xargs cat | wc -l)
  rm -rf "$work/out-$1"
  /usr/bin/time -o "$work/time" -f '%e %U %S' \
    "$tandem" batch -q -j "$3" "$2" -o "$work/out-$1" >/dev/null 2>&1
  read -r elapsed user system < "$work/time"
  python3 - "$1" "$count" "$sentences" "$3" "$elapsed" "$user" "$system" <<'PY'
import sys
name, pairs, sentences, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
elapsed, user, system = map(float, sys.argv[5:])
cpu = user + system
print(f"batch, {pairs} {name} de-fr pairs ({sentences / pairs:.0f} German sentences each), "
      f"{jobs} job{'s' if jobs > 1 else ''}: {elapsed:.2f} s, {cpu:.2f} s CPU, "
      f"{pairs / elapsed:.1f} pairs/s, {pairs / cpu:.1f} pairs/s per core")
PY
}
batch short "$work/short/manifest.tsv" 1
batch medium "$work/pairs/manifest.tsv" 1
# One job aligns a pair with both cores' threads in its search; two jobs align two pairs at
# once with one thread each, the throughput of a machine's cores.
batch medium "$work/pairs/manifest.tsv" 2
