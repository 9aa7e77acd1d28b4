#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan) and runs each for SECONDS
# (default 10), one after the other. Seeds come from the project's test data; what a run finds is
# kept in build/fuzz/work/corpus/TARGET (and used again by the next run), crashes in
# build/fuzz/work/artifacts. Prints one line of figures per target; exits 1 when any target found
# a crash, a leak, a timeout or ran out of memory.
#   bench/fuzz.sh [SECONDS] [TARGET...]     e.g. bench/fuzz.sh 1800 fuzz_tei fuzz_tmx
#   FUZZ_JOBS=N runs N targets at once (default 1); each still gets SECONDS of wall time, and
#   the table then also gives each target's CPU seconds, since N jobs share the cores.
#   FUZZ_TIMEOUT=S: an input that runs longer than S seconds of wall time is a finding (default
#   30). libFuzzer measures wall time, so on a machine busy with other work raise it, or a
#   starved target reports a "timeout" that is no hang (check: TARGET ARTIFACT runs alone).
# Reproduce a finding with: build/fuzz/tests/fuzz/TARGET ARTIFACT
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
shift || true
jobs=${FUZZ_JOBS:-1}
timeout=${FUZZ_TIMEOUT:-30}
# The fuzz targets and the libraries only (scripts/build.sh would build the CLI too).
mkdir -p build/fuzz
if [ ! -f build/fuzz/CMakeCache.txt ]; then
  cmake --preset fuzz >build/fuzz/build.log 2>&1 || {
    tail -40 build/fuzz/build.log >&2
    exit 1
  }
fi
echo "tandem: building the fuzz targets ..." >&2
cmake --build build/fuzz --target tandem_fuzzers -j "$(nproc 2>/dev/null || echo 2)" \
  >>build/fuzz/build.log 2>&1 || {
  grep -E "error" build/fuzz/build.log | head -40 >&2
  echo "tandem: the fuzz build failed; the log is in build/fuzz/build.log" >&2
  exit 1
}
bin=build/fuzz/tests/fuzz
work=build/fuzz/work
all_targets=(fuzz_decode_text fuzz_segmenter fuzz_presegmented fuzz_dictionary fuzz_jsonl
  fuzz_vecalign fuzz_pair_formats fuzz_tei fuzz_tmx fuzz_xces fuzz_intertext fuzz_align)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

formats=tests/data/formats
# Other tools' samples from the shared third-party data are seeds too, when they are there.
source bench/shared_dir.sh
shared=$(tandem_shared_dir)/data/formats
separator=$'\n@@@FILE@@@\n'

# seed TARGET NAME [PREFIX-BYTE] FILE...: one seed, the files joined by the separator.
seed() {
  local target=$1 name=$2 prefix=$3
  shift 3
  local dir=$work/seeds/$target out first=1
  mkdir -p "$dir"
  out=$dir/$name
  if [ -n "$prefix" ]; then printf "\\x$prefix" >"$out"; else : >"$out"; fi
  for file in "$@"; do
    [ -f "$file" ] || continue
    [ $first -eq 1 ] || printf '%s' "$separator" >>"$out"
    first=0
    cat "$file" >>"$out"
  done
}

rm -rf "$work/seeds"
mkdir -p "$work/artifacts"
texts=(corpora/samples/reply-to-stalin/en.txt tests/data/reply-to-stalin/en.presegmented.txt
  tests/data/reply-to-stalin/hu.presegmented.txt "$formats/small.en-hu.en" "$formats/small.en-hu.hu")
for i in "${!texts[@]}"; do
  seed fuzz_decode_text "text$i" 00 "${texts[$i]}"
  seed fuzz_segmenter "text$i" "0$((i % 2))" "${texts[$i]}"
  seed fuzz_presegmented "text$i" "0$((i % 2))" "${texts[$i]}"
done
# The Hungarian sample is 95 kB; its first 8 kB are seed enough and keep runs fast.
head -c 8000 corpora/samples/reply-to-stalin/hu.txt >"$work/hu-head.txt"
seed fuzz_decode_text hu 00 "$work/hu-head.txt"
seed fuzz_segmenter hu 01 "$work/hu-head.txt"
iconv -f UTF-8 -t ISO-8859-2 "$formats/small.en-hu.hu" >"$work/latin2.txt" 2>/dev/null || true
seed fuzz_decode_text latin2 08 "$work/latin2.txt"
iconv -f UTF-8 -t UTF-16 "$formats/small.en-hu.hu" >"$work/utf16.txt" 2>/dev/null || true
seed fuzz_decode_text utf16 00 "$work/utf16.txt"

printf 'letter\tlevél\nparty\tpárt\n# comment\n\nwrite\tír\n' >"$work/user.tsv"
printf 'levél @ letter\npárt @ party\n' >"$work/user.dic"
seed fuzz_dictionary tsv "00" "$work/user.tsv"
seed fuzz_dictionary dic "00" "$work/user.dic"
if [ -f /usr/share/dictd/freedict-eng-hun.index ]; then
  # A few entries of the real dictionary: index lines and their inflated entries.
  head -c 600 /usr/share/dictd/freedict-eng-hun.index >"$work/index"
  printf 'letter\nlevél\n\n' >"$work/entries"
  seed fuzz_dictionary freedict 01 "$work/index" "$work/entries"
fi
printf 'letter\tA\tK\n' >"$work/index"
printf 'letter /ˈlɛtə/ <n>\nlevél\n1. betű, 2. levél (írott)\n' >"$work/entries"
seed fuzz_dictionary dictd 01 "$work/index" "$work/entries"

seed fuzz_jsonl small "" "$formats/small.jsonl"
seed fuzz_vecalign small "" "$formats/small.vecalign"
seed fuzz_vecalign gold "" tests/data/reply-to-stalin/gold.vecalign
seed fuzz_pair_formats ladder 00 "$formats/small.hunalign"
seed fuzz_pair_formats text 01 "$formats/small.hunalign-text"
seed fuzz_pair_formats lf 02 "$formats/small.lfaligner"
seed fuzz_pair_formats tsv 03 "$formats/small.tsv"
seed fuzz_pair_formats moses 04 "$formats/small.en-hu.en" "$formats/small.en-hu.hu"
seed fuzz_tei small "" tests/data/tei/small.tei.xml
seed fuzz_tei reviewed "" tests/data/tei/reviewed.tei.xml
seed fuzz_tmx small "" "$formats/small.tmx"
# XCES and InterText: the alignment file, then the two sentence files, renamed as the target
# writes them.
rename_docs() {
  sed -e "s/fromDoc=\(['\"]\)[^'\"]*/fromDoc=\1source.xml/" \
    -e "s/toDoc=\(['\"]\)[^'\"]*/toDoc=\1target.xml/" "$1" >"$2"
}
rename_docs "$formats/small.xml" "$work/xces.xml"
seed fuzz_xces small "" "$work/xces.xml" "$formats/small.en.xml" "$formats/small.hu.xml"
if [ -d "$shared" ]; then
  seed fuzz_pair_formats ladder2 00 "$shared/hunalign-ladder/en-hu.ladder"
  seed fuzz_pair_formats text2 01 "$shared/hunalign-ladder/en-hu.text-output.txt"
  seed fuzz_tei parlamint "" "$shared/parlamint/translation-with-prefixDef.tei.xml"
  seed fuzz_tmx shared "" "$shared/tmx/en-hu.tmx"
  rename_docs "$shared/xces-opus/en-hu.xml" "$work/xces2.xml"
  seed fuzz_xces shared "" "$work/xces2.xml" "$shared/xces-opus/en/letter.xml" \
    "$shared/xces-opus/hu/letter.xml"
else
  echo "bench/fuzz.sh: the shared data ($shared) are absent: no seeds from other tools' samples" >&2
fi
rename_docs "$formats/small.alignment.xml" "$work/intertext.xml"
seed fuzz_intertext small "" "$work/intertext.xml" "$formats/small.en-00.xml" \
  "$formats/small.hu-00.xml"
printf 'Dear Comrade Stalin!\nI have read your letter.\n1928\n' >"$work/source.txt"
printf 'Kedves Sztálin elvtárs!\nOlvastam levelét.\n' >"$work/target.txt"
printf '0 1 0 1\n' >"$work/fixed.txt"
seed fuzz_align small 21 "$work/source.txt" "$work/target.txt"
seed fuzz_align fixed 61 "$work/source.txt" "$work/target.txt" "$work/fixed.txt"
head -40 tests/data/reply-to-stalin/en.presegmented.txt >"$work/source.txt"
head -40 tests/data/reply-to-stalin/hu.presegmented.txt >"$work/target.txt"
seed fuzz_align letter 20 "$work/source.txt" "$work/target.txt"

# Inputs that once found a bug (each also a GoogleTest regression test) are seeds for ever.
for dir in tests/fuzz/regressions/*/; do
  [ -d "$dir" ] || continue
  mkdir -p "$work/seeds/$(basename "$dir")"
  cp "$dir"* "$work/seeds/$(basename "$dir")/"
done

# run_target TARGET: runs one target, writes its line of figures to $work/TARGET.result and
# returns 1 when it found something.
run_target() {
  local target=$1 corpus=$work/corpus/$1 log=$work/$1.log result start elapsed runs coverage cpu
  mkdir -p "$corpus"
  local options=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2560 -max_len=16384
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$target-")
  case $target in fuzz_tei | fuzz_tmx | fuzz_xces | fuzz_intertext)
    options+=(-dict=tests/fuzz/xml.dict) ;;
  esac
  start=$(date +%s)
  local status=0 times=$work/$target.time
  if /usr/bin/time -f '%U %S' -o "$times" "$bin/$target" "${options[@]}" "$corpus" \
    "$work/seeds/$target" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (log: $log; $(grep -m1 -oE 'ERROR: [A-Za-z]+: [^ ]+( [^ ]+)?|tandem fuzz: .*' "$log" || echo 'see the log'))"
    status=1
  fi
  elapsed=$(($(date +%s) - start))
  cpu=$(awk 'END { printf "%d", $1 + $2 }' "$times" 2>/dev/null || echo 0)
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  printf '%-18s %8s %8s %10s %8s %8s  %s\n' "$target" "$elapsed" "$cpu" "$runs" \
    "$((runs / (elapsed > 0 ? elapsed : 1)))" "$coverage" "$result" >"$work/$target.result"
  return $status
}

status=0
running=0
for target in "${targets[@]}"; do
  rm -f "$work/$target.result"
  if [ "$running" -ge "$jobs" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
printf '%-18s %8s %8s %10s %8s %8s  %s\n' target seconds cpu-s runs "runs/s" coverage result
for target in "${targets[@]}"; do
  cat "$work/$target.result" 2>/dev/null || printf '%-18s did not report\n' "$target"
done
exit $status
