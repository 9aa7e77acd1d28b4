#!/usr/bin/env bash
# tandem's main job. Installs what is missing, builds, then:
#   ./run.sh                 aligns the bundled Reply to Stalin pair into out/reply-to-stalin.tei.xml
#   ./run.sh COMMAND ARGS... runs build/release/cli/tandem COMMAND ARGS...  (e.g. ./run.sh align --help)
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh run
scripts/build.sh release
tandem=build/release/cli/tandem

if [ $# -gt 0 ]; then
  exec "$tandem" "$@"
fi

sample=corpora/samples/reply-to-stalin
mkdir -p out
echo "tandem: aligning the bundled pair ($sample/en.txt, $sample/hu.txt)" >&2
"$tandem" align --source-lang en --target-lang hu "$sample/en.txt" "$sample/hu.txt" \
  --output out/reply-to-stalin.tei.xml
