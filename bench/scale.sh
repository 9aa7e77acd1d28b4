#!/usr/bin/env bash
# Speed, memory and accuracy of `tandem align` as the input grows.
#
#   bench/scale.sh [SIZES...]        default sizes: 1000 10000 100000 1000000 sentence pairs
#   THREADS=1 bench/scale.sh 1000    the search on one thread (default: one per core)
#   TANDEM=path bench/scale.sh       another build of tandem (to compare before and after)
#
# For each size it builds a synthetic German-French bitext with a known alignment out of the
# Text+Berg gold documents of the shared data (bench/make_synthetic.py, reading them in place), aligns it with
# the release build of tandem, and prints elapsed and CPU time, peak memory and strict/lax F1
# against the known alignment; then the growth exponent of time and memory (the slope of
# log(cost) against log(size) between the smallest and the largest size: 1 is linear).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/shared_dir.sh
require_shared bench/scale.sh
shared=$(tandem_shared_dir)
tandem=${TANDEM:-build/release/cli/tandem}
[ -x "$tandem" ] || scripts/build.sh release
threads=${THREADS:-0}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-9s %-9s %-9s %-9s %-9s %-9s %-9s\n' pairs source target elapsed cpu peak-MB "F1 s/l"
results=()
for size in "${sizes[@]}"; do
  read -r src tgt < <(python3 bench/make_synthetic.py "$shared" "$size" "$work/syn")
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' \
    "$tandem" align -q --presegmented --threads "$threads" -s de -t fr "$work/syn.de" "$work/syn.fr" \
    -f vecalign -o "$work/syn.va"
  read -r elapsed user system peak_kb < "$work/time"
  scores=$("$tandem" eval --json -g "$work/syn.gold" --hyp "$work/syn.va" |
    python3 -c 'import json,sys; s=json.load(sys.stdin)["scores"]; print("%.3f/%.3f" % (s["f1_strict"], s["f1_lax"]))')
  cpu=$(python3 -c "print('%.2f' % ($user + $system))")
  printf '%-9s %-9s %-9s %-9s %-9s %-9s %-9s\n' "$size" "$src" "$tgt" "$elapsed" "$cpu" \
    "$((peak_kb / 1024))" "$scores"
  results+=("$src $elapsed $cpu $peak_kb")
  rm -f "$work"/syn.*
done

if [ ${#results[@]} -ge 2 ]; then
  python3 - "${results[0]}" "${results[-1]}" <<'PY'
import math, sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
def slope(i):
    return math.log(max(b[i], 1e-3) / max(a[i], 1e-3)) / math.log(b[0] / a[0])
print('growth exponent (%d -> %d source sentences): elapsed %.2f, cpu %.2f, memory %.2f'
      % (a[0], b[0], slope(1), slope(2), slope(3)))
PY
fi
