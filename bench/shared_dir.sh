# Sourced by the bench scripts (and test.sh): where the shared third-party data are (gold
# alignments, public segmentation sets, other tools' samples, tei_all.rng). One place decides:
# $TANDEM_SHARED when set, else the CMake variable TANDEM_SHARED of the build (build/release,
# whose default is ../shared beside the repository), else ../shared.
#   source bench/shared_dir.sh; shared=$(tandem_shared_dir)
#   require_shared NAME   exits 77 with a line saying why when the data are absent
tandem_shared_dir() {
  local root dir=${TANDEM_SHARED:-}
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [ -z "$dir" ]; then
    local cache
    for cache in "$root/build/release/CMakeCache.txt" "$root/build/ci/CMakeCache.txt"; do
      if [ -f "$cache" ]; then
        dir=$(sed -n 's/^TANDEM_SHARED:PATH=//p' "$cache")
        [ -n "$dir" ] && break
      fi
    done
  fi
  [ -n "$dir" ] || dir=$root/../shared
  if [ -d "$dir" ]; then (cd "$dir" && pwd); else echo "$dir"; fi
}

require_shared() {
  local dir
  dir=$(tandem_shared_dir)
  if [ ! -d "$dir" ]; then
    echo "$1: skipped: needs the shared third-party data in $dir (TANDEM_SHARED), which is absent" >&2
    exit 77
  fi
}
