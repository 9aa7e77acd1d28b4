#!/usr/bin/env bash
# tandem's main job. Installs what is missing, builds, then:
#   ./run.sh                 aligns the bundled Reply to Stalin pair into out/reply-to-stalin.tei.xml
#                            (header from the sample's metadata.json), validates it, and exports
#                            it to every other format in out/exports/
#                            and writes the report out/reply-to-stalin.report.html beside it; when
#                            that corpus holds reviewed beads, it is re-aligned around them instead
#                            (tandem align --keep), so review work survives
#   ./run.sh review          opens out/reply-to-stalin.tei.xml in the review editor (aligning the
#                            bundled pair first when it is missing)
#   ./run.sh COMMAND ARGS... runs build/release/cli/tandem COMMAND ARGS...  (e.g. ./run.sh align --help)
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh run
# Only the binary this script runs: the tests and benchmarks are ./test.sh's (same build tree).
scripts/build.sh release tandem
tandem=build/release/cli/tandem
schemas=tei/schema  # tandem's RELAX NG schemas (also installed in share/tandem/schema)

corpus=out/reply-to-stalin.tei.xml
review=0
if [ "$*" = review ]; then
  [ -f "$corpus" ] && exec "$tandem" review "$corpus"
  review=1
  set --  # align the bundled pair first, then review it
fi
if [ $# -gt 0 ]; then
  exec "$tandem" "$@"
fi

sample=corpora/samples/reply-to-stalin
mkdir -p out
if [ -f "$corpus" ] && grep -q 'ana="#review\.\(confirmed\|edited\)"' "$corpus"; then
  echo "tandem: $corpus holds reviewed beads: re-aligning the rest around them (delete it to start afresh)" >&2
  "$tandem" align --keep "$corpus"
else
  echo "tandem: aligning the bundled pair ($sample/en.txt, $sample/hu.txt)" >&2
  "$tandem" align --source-lang en --target-lang hu "$sample/en.txt" "$sample/hu.txt" \
    --metadata "$sample/metadata.json" --output out/reply-to-stalin.tei.xml
fi
# tandem's RELAX NG schema of its TEI (tei/schema/tandem-tei.rng, a restriction of TEI P5 that the
# test suite checks against tei_all.rng), then the checks no schema can express.
if ! "$tandem" validate --schema out/reply-to-stalin.tei.xml; then
  echo "tandem: out/reply-to-stalin.tei.xml is not valid; this is a bug" >&2
  exit 1
fi
# The same corpus in every exchange format tandem writes, in out/exports/.
mkdir -p out/exports
for export in tmx:reply-to-stalin.tmx xces:reply-to-stalin.xces.xml \
  intertext:reply-to-stalin.en-00.hu-00.alignment.xml jsonl:reply-to-stalin.jsonl \
  moses:reply-to-stalin.en-hu tsv:reply-to-stalin.tsv hunalign:reply-to-stalin.ladder \
  hunalign-text:reply-to-stalin.hunalign.txt vecalign:reply-to-stalin.vecalign \
  lfaligner:aligned_en-hu.txt; do
  "$tandem" convert -q out/reply-to-stalin.tei.xml "out/exports/${export#*:}" --to "${export%%:*}"
done
# The TMX export against TMX 1.4b (tei/schema/tmx14.rng, written from the specification).
if ! "$tandem" validate --schema-file "$schemas/tmx14.rng" --schema-only \
  out/exports/reply-to-stalin.tmx; then
  echo "tandem: out/exports/reply-to-stalin.tmx is not valid TMX 1.4b; this is a bug" >&2
  exit 1
fi
echo "tandem: the same corpus as TMX, XCES, InterText, JSON Lines, Moses, TSV, hunalign, vecalign and LF Aligner files in out/exports/" >&2
# The alignment at a glance: one self-contained HTML page beside the corpus.
"$tandem" report "$corpus" -o out/reply-to-stalin.report.html
echo "tandem: report in out/reply-to-stalin.report.html; review with ./run.sh review" >&2
if [ $review = 1 ]; then
  exec "$tandem" review "$corpus"
fi
