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
scripts/build.sh release
tandem=build/release/cli/tandem

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
# The checks TEI's schema cannot express (and the schema itself, when jing is installed).
"$tandem" validate out/reply-to-stalin.tei.xml
if command -v jing >/dev/null 2>&1; then
  if jing ../shared/schemas/tei/tei_all.rng out/reply-to-stalin.tei.xml 2>/dev/null; then
    echo "out/reply-to-stalin.tei.xml: valid against tei_all.rng (jing)" >&2
  else
    echo "tandem: out/reply-to-stalin.tei.xml is not valid TEI (jing); this is a bug" >&2
    exit 1
  fi
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
if command -v xmllint >/dev/null 2>&1; then
  if ! check=$(xmllint --noout --dtdvalid ../shared/data/formats/tmx/tmx14.dtd \
      out/exports/reply-to-stalin.tmx 2>&1); then
    echo "$check" >&2
    echo "tandem: out/exports/reply-to-stalin.tmx is not valid TMX 1.4; this is a bug" >&2
    exit 1
  fi
  echo "out/exports/reply-to-stalin.tmx: valid against the TMX 1.4 DTD (xmllint)" >&2
fi
echo "tandem: the same corpus as TMX, XCES, InterText, JSON Lines, Moses, TSV, hunalign, vecalign and LF Aligner files in out/exports/" >&2
# The alignment at a glance: one self-contained HTML page beside the corpus.
"$tandem" report "$corpus" -o out/reply-to-stalin.report.html
echo "tandem: report in out/reply-to-stalin.report.html; review with ./run.sh review" >&2
if [ $review = 1 ]; then
  exec "$tandem" review "$corpus"
fi
