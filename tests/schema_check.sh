#!/usr/bin/env bash
# Validates every TEI and TMX file the tests kept (KeepForSchemaCheck and TempDir in
# tests/common/test_util.h: every file tandem wrote in a test), after all other tests ran:
#   schema_check.sh tei_tandem TANDEM SCHEMA_DIR SHARED DIR   tandem's schema, tandem-tei.rng
#                                                             (tandem validate --schema)
#   schema_check.sh tei_all    TANDEM SCHEMA_DIR SHARED DIR   TEI P5's tei_all.rng (jing)
#   schema_check.sh tei_agree  TANDEM SCHEMA_DIR SHARED DIR   the two agree on every file, and
#                                                             tandem-tei.rng rejects every example
#                                                             of a broken file that tei_all rejects
#   schema_check.sh tmx        TANDEM SCHEMA_DIR SHARED DIR   TMX 1.4b, tei/schema/tmx14.rng
#   schema_check.sh tmx_dtd    TANDEM SCHEMA_DIR SHARED DIR   the TMX 1.4 DTD (xmllint)
# DIR holds the kept files in tei/ and tmx/. The checks against tei_all.rng and the TMX DTD need
# the shared third-party data (SHARED, the CMake variable TANDEM_SHARED): when that directory is
# absent they exit 77, which CTest reports as skipped, with a line saying why. Nothing to check
# (the tests that write the files did not run) is a failure.
set -euo pipefail
check=$1 tandem=$2 schemas=$3 shared=$4 dir=$5

fail() { echo "FAILED: $*" >&2; exit 1; }
need_shared() {
  if [ ! -d "$shared" ]; then
    echo "tandem-skip: needs the shared third-party data in $shared (CMake variable TANDEM_SHARED), which is absent"
    exit 77
  fi
  [ -f "$shared/$1" ] || fail "$shared/$1 is missing (the shared data are there, this file is not)"
}
need_tool() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed (scripts/install-deps.sh test installs it)"
}
files() {  # files KIND: the kept files of one kind, sorted
  [ -d "$dir/$1" ] || fail "no $1 files in $dir/$1: did the tests that write them run?"
  find "$dir/$1" -type f | sort
}
# The files a validator rejects, from its messages "FILE:LINE...: ..." (one path per line).
rejected() { sed -n 's|^\(/[^:]*\):[0-9 ].*|\1|p' | sort -u; }

case $check in
  tei_tandem)
    mapfile -t tei < <(files tei)
    "$tandem" validate --schema --schema-only -q "${tei[@]}" || fail "${#tei[@]} TEI files, some invalid against tandem-tei.rng (above)"
    echo "${#tei[@]} TEI files valid against tandem-tei.rng" ;;
  tei_all)
    need_shared schemas/tei/tei_all.rng
    need_tool jing
    mapfile -t tei < <(files tei)
    jing "$shared/schemas/tei/tei_all.rng" "${tei[@]}" || fail "${#tei[@]} TEI files, some invalid against tei_all.rng (above)"
    echo "${#tei[@]} TEI files valid against tei_all.rng" ;;
  tei_agree)
    need_shared schemas/tei/tei_all.rng
    need_tool jing
    mapfile -t tei < <(files tei)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # Every file: the verdict of each schema.
    "$tandem" validate --schema --schema-only -q "${tei[@]}" >"$work/ours.log" 2>&1 || true
    jing "$shared/schemas/tei/tei_all.rng" "${tei[@]}" >"$work/theirs.log" 2>&1 || true
    rejected <"$work/ours.log" >"$work/ours"
    rejected <"$work/theirs.log" >"$work/theirs"
    if ! diff -q "$work/ours" "$work/theirs" >/dev/null; then
      echo "tandem-tei.rng rejects, tei_all.rng accepts:"; comm -23 "$work/ours" "$work/theirs"
      echo "tei_all.rng rejects, tandem-tei.rng accepts:"; comm -13 "$work/ours" "$work/theirs"
      cat "$work/ours.log" "$work/theirs.log"
      fail "the two schemas disagree on files tandem wrote"
    fi
    # tandem-tei.rng is a restriction of tei_all: whatever tei_all rejects, it rejects too. The
    # shared examples of broken TEI files are the cases.
    mapfile -t broken < <(find "$shared/schemas/tei/examples/broken" -name '*.xml' | sort)
    [ ${#broken[@]} -gt 0 ] || fail "no examples of broken files in $shared/schemas/tei/examples/broken"
    for file in "${broken[@]}"; do
      if ! jing "$shared/schemas/tei/tei_all.rng" "$file" >/dev/null 2>&1 &&
        "$tandem" validate --schema --schema-only -q "$file" >/dev/null 2>&1; then
        fail "$file: tei_all.rng rejects it, tandem-tei.rng accepts it"
      fi
    done
    echo "tandem-tei.rng and tei_all.rng agree on ${#tei[@]} TEI files ($(wc -l <"$work/ours") rejected by both), and on the ${#broken[@]} examples of broken files" ;;
  tmx)
    mapfile -t tmx < <(files tmx)
    "$tandem" validate --schema-file "$schemas/tmx14.rng" --schema-only -q "${tmx[@]}" || fail "${#tmx[@]} TMX files, some invalid against tmx14.rng (above)"
    echo "${#tmx[@]} TMX files valid against tmx14.rng" ;;
  tmx_dtd)
    need_shared data/formats/tmx/tmx14.dtd
    need_tool xmllint
    mapfile -t tmx < <(files tmx)
    xmllint --noout --dtdvalid "$shared/data/formats/tmx/tmx14.dtd" "${tmx[@]}" || fail "${#tmx[@]} TMX files, some invalid against the TMX 1.4 DTD (above)"
    echo "${#tmx[@]} TMX files valid against the TMX 1.4 DTD" ;;
  *)
    fail "unknown check $check" ;;
esac
