#!/usr/bin/env bash
# Speed of the parallel concordance (`tandem concord`) on a corpus of about a million beads.
#
#   bench/concord.sh [SENTENCES]      default 1050000 source sentences (about 1M beads)
#
# Builds the synthetic German-French bitext of bench/make_synthetic.py (the Text+Berg gold
# documents of the shared data, repeated), turns its gold links into a complete ladder (links
# that cross an earlier one are left out; the sentences they leave alone become 1:0 and 0:1
# beads), writes it as one TEI file with `tandem convert`, then
#   1. tandem_bench_concord: reads the corpus once and times the search of each query alone
#      (hits, seconds, hits/s, sentences searched per second);
#   2. the whole command, `tandem concord CORPUS QUERY -f tsv`, reading included (seconds, peak
#      memory).
# Uses the release build; files go to a temporary directory (about 1 GB).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/shared_dir.sh
require_shared bench/concord.sh
shared=$(tandem_shared_dir)
sentences=${1:-1050000}
scripts/build.sh release tandem tandem_bench_concord
tandem=build/release/cli/tandem
driver=build/release/bench/tandem_bench_concord
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
read -r src tgt < <(python3 bench/make_synthetic.py "$shared" "$sentences" "$work/syn")
python3 - "$work/syn.gold" "$src" "$tgt" > "$work/syn.va" <<'PY'
import re, sys
LINK = re.compile(r'^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]')
def ints(text):
    return [int(x) for x in text.split(',') if x.strip()]
def run(xs):
    return not xs or xs == list(range(xs[0], xs[0] + len(xs)))
n_src, n_tgt = int(sys.argv[2]), int(sys.argv[3])
s = t = k = 0
out = sys.stdout
def bead(a, b, confidence):
    out.write('[%s]:[%s]:%.2f\n' % (', '.join(map(str, a)), ', '.join(map(str, b)), confidence))
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        m = LINK.match(line)
        if not m:
            continue
        a, b = ints(m.group(1)), ints(m.group(2))
        if (a and a[0] < s) or (b and b[0] < t) or not run(a) or not run(b) or not (a or b):
            continue
        while a and s < a[0]:
            bead([s], [], 0.3); s += 1
        while b and t < b[0]:
            bead([], [t], 0.3); t += 1
        k += 1
        bead(a, b, (k % 100) / 100)   # confidences spread over [0, 1) for the output
        s += len(a); t += len(b)
while s < n_src:
    bead([s], [], 0.3); s += 1
while t < n_tgt:
    bead([], [t], 0.3); t += 1
PY
"$tandem" convert -q --from vecalign -s de -t fr --source-text "$work/syn.de" \
  --target-text "$work/syn.fr" "$work/syn.va" "$work/syn.tei.xml" --to tei
printf 'corpus: %s beads, %s + %s sentences, %s MB of TEI, made in %.0f s\n' \
  "$(wc -l < "$work/syn.va")" "$src" "$tgt" "$(( $(stat -c %s "$work/syn.tei.xml") / 1000000 ))" \
  "$(python3 -c "import sys; print(float(sys.argv[1]) - float(sys.argv[2]))" "$(date +%s.%N)" "$start")"
rm -f "$work/syn.de" "$work/syn.fr" "$work/syn.gold" "$work/syn.va"

echo
echo "search alone (the corpus read once):"
"$driver" "$work/syn.tei.xml" ":Gletscher" "ia:gletscher" "e:Gletscher\w*" "ie:\bgletscher\w*" \
  "t:glacier" "iat:ete" "b:Hütte" "ib:zzzzqq"

echo
echo "tandem concord, reading included:"
printf '%-40s %9s %9s %9s\n' command hits seconds peak-MB
for args in "Gletscher" "-i --fold-accents gletscher" "-e Gletscher\\w*"; do
  # shellcheck disable=SC2086
  /usr/bin/time -o "$work/time" -f '%e %M' "$tandem" concord -q -f tsv "$work/syn.tei.xml" $args \
    > "$work/out.tsv"
  read -r elapsed peak_kb < "$work/time"
  printf '%-40s %9s %9s %9s\n' "concord $args" "$(( $(wc -l < "$work/out.tsv") - 1 ))" \
    "$elapsed" "$((peak_kb / 1024))"
done
