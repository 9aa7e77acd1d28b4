#!/usr/bin/env bash
# Installs the Debian packages tandem needs, when they are missing. Idempotent and quick when
# everything is there. Usage: scripts/install-deps.sh [run|test]
#   run   what building and running tandem needs (the default)
#   test  that, plus what the test suite needs
set -euo pipefail

purpose=${1:-run}

# Building and running.
packages=(
  cmake g++ make pkg-config
  libicu-dev            # sentence breaks, charsets, normalisation
  libboost-locale-dev   # word boundaries, case folding (ICU backend)
  libpugixml-dev        # every XML format
  libfmt-dev            # message formatting
  nlohmann-json3-dev    # JSON and JSON Lines
  libcli11-dev          # command-line parsing
  libcld2-dev           # language identification
  libcpp-httplib-dev    # the local web server of tandem review
  libstemmer-dev        # Snowball stemmers (alignment evidence)
  zlib1g-dev            # reading FreeDict's .dict.dz files
  libxml2-dev           # RELAX NG validation (tandem validate --schema)
  # The Python module (python/, import tandem): in the run list so that the README's two lines
  # (run.sh, then the tandem_python target) give a working import on a fresh machine.
  python3-dev pybind11-dev python3-pybind11
  # Bilingual dictionaries the aligner finds by itself (/usr/share/dictd); there is no eng-isl.
  dict-freedict-eng-hun dict-freedict-hun-eng
  dict-freedict-deu-fra dict-freedict-fra-deu
  dict-freedict-isl-eng
)
if [ "$purpose" = test ]; then
  packages+=(
    libgtest-dev libgmock-dev  # GoogleTest
    libbenchmark-dev           # Google Benchmark (bench/)
    jing                       # TEI output against tei_all.rng (when the shared data are there)
    libxml2-utils              # xmllint: TMX output against the TMX 1.4 DTD (shared data)
    python3                    # the reference scorer of the shared data (tools/align_score.py)
    python3-pytest             # the Python module's tests (python/tests)
    python3-pandas             # to_pandas() in those tests
    time                       # /usr/bin/time: CPU and memory figures of bench/ scripts
    clang-14 libclang-rt-14-dev  # the asan and fuzz presets (libFuzzer is only "recommended")
    snakemake                  # the workflow test (workflows/Snakefile); about 4 min, 1.3 GB
    chromium                   # the browser of the review editor's end-to-end test
  )
  # The browser test runs playwright-core (npm) under Node.js: Debian's nodejs when there is
  # none on the PATH already (a newer one from elsewhere is fine).
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
  fi
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "tandem: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "tandem: not root and no sudo: install these packages and run again: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists of a fresh machine may be empty or stale; update them once, then install.
if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/tandem-apt.log 2>&1; then
  "${sudo[@]}" apt-get update >>/tmp/tandem-apt.log 2>&1
  if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >>/tmp/tandem-apt.log 2>&1; then
    tail -20 /tmp/tandem-apt.log >&2
    echo "tandem: apt-get failed; the full log is in /tmp/tandem-apt.log" >&2
    exit 1
  fi
fi
echo "tandem: installed ${missing[*]}" >&2
