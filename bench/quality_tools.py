#!/usr/bin/env python3
"""Helpers for bench/quality.sh: confidence bands, and mapping an end-to-end alignment onto
the gold sentences of the bundled pair by byte overlap.

  quality_tools.py bands GOLD1 HYP1 [GOLD2 HYP2 ...]
      Strict precision of the hypothesis links per confidence band (the third vecalign field),
      with the same link definitions as ../shared/tools/align_score.py: a hypothesis link is
      right when the gold has exactly that link.

  quality_tools.py unaligned GOLD1 HYP1 [GOLD2 HYP2 ...]
      Precision, recall and F1 of the sentences without counterpart (those a link leaves on one
      side only), micro-averaged, written independently of `tandem eval` to cross-check it:
      prints "hits hypothesis gold" counts. Hypothesis sentences that the gold does not mention
      are not evaluated.

  quality_tools.py empty HYP1 [HYP2 ...]
      How many of the hypothesis files have no two-sided link at all (a document declared
      untranslated).

  quality_tools.py map-spans HYP.jsonl GOLD_SOURCE.tsv GOLD_TARGET.tsv OUT.vecalign
      Reads tandem's JSONL output (beads with byte spans), maps every tandem sentence to the gold
      sentences it overlaps (index<TAB>begin<TAB>end<TAB>text tables, header row first), writes
      the beads as links between gold sentence indices, and prints how many two-sided beads
      hold a sentence that overlaps no gold sentence (aligned outside the annotated region).
"""
import json
import sys


def read_links(path):
    links = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            fields = line.split(":")
            src = tuple(int(x) for x in fields[0].strip("[] ").split(",") if x.strip())
            tgt = tuple(int(x) for x in fields[1].strip("[] ").split(",") if x.strip())
            conf = float(fields[2]) if len(fields) > 2 else None
            links.append((src, tgt, conf))
    return links


BANDS = [(0.9, 1.0001, "[0.9, 1.0]"), (0.5, 0.9, "[0.5, 0.9)"), (0.0, 0.5, "[0.0, 0.5)")]


def bands(args):
    counts = {label: [0, 0] for _, _, label in BANDS}
    for gold_path, hyp_path in zip(args[0::2], args[1::2]):
        gold = {(s, t) for s, t, _ in read_links(gold_path) if s or t}
        for s, t, conf in read_links(hyp_path):
            if not s and not t:
                continue
            for lo, hi, label in BANDS:
                if lo <= conf < hi:
                    counts[label][0] += 1
                    counts[label][1] += (s, t) in gold
    for _, _, label in BANDS:
        n, right = counts[label]
        precision = f"{right / n:.3f}" if n else "  -  "
        print(f"    confidence {label}: {n:4d} beads, strict precision {precision}")


def unaligned(args):
    hits = hypothesis = gold_total = 0
    for gold_path, hyp_path in zip(args[0::2], args[1::2]):
        gold = read_links(gold_path)
        mentioned = {("s", k) for s, _, _ in gold for k in s} | {("t", k) for _, t, _ in gold
                                                                  for k in t}
        gold_one_sided = set()
        for s, t, _ in gold:
            if not s or not t:
                gold_one_sided |= {("s", k) for k in s} | {("t", k) for k in t}
        hyp_one_sided = set()
        for s, t, _ in read_links(hyp_path):
            if not s or not t:
                hyp_one_sided |= {("s", k) for k in s} | {("t", k) for k in t}
        hyp_one_sided &= mentioned
        hits += len(hyp_one_sided & gold_one_sided)
        hypothesis += len(hyp_one_sided)
        gold_total += len(gold_one_sided)
    print(hits, hypothesis, gold_total)


def empty(args):
    print(sum(1 for path in args if not any(s and t for s, t, _ in read_links(path))))


def read_spans(path):
    spans = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            index, begin, end = line.rstrip("\n").split("\t")[:3]
            spans.append((int(begin), int(end)))
    return spans


def overlapping(begin, end, spans):
    return [k for k, (b, e) in enumerate(spans) if b < end and begin < e]


def map_spans(args):
    hyp_path, gold_source, gold_target, out_path = args
    source_spans = read_spans(gold_source)
    target_spans = read_spans(gold_target)
    outside = 0
    links = []
    with open(hyp_path, encoding="utf-8") as f:
        for line in f:
            bead = json.loads(line)
            src, tgt = set(), set()
            unmapped = False
            for s in bead["source"]:
                found = overlapping(s["begin"], s["end"], source_spans)
                unmapped |= not found
                src.update(found)
            for t in bead["target"]:
                found = overlapping(t["begin"], t["end"], target_spans)
                unmapped |= not found
                tgt.update(found)
            if bead["source"] and bead["target"] and unmapped:
                outside += 1
            if src or tgt:
                links.append((sorted(src), sorted(tgt), bead["confidence"]))
    with open(out_path, "w", encoding="utf-8") as f:
        for src, tgt, conf in links:
            f.write(f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]:{conf:.3f}\n")
    print(outside)


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    {"bands": bands, "map-spans": map_spans, "unaligned": unaligned,
     "empty": empty}[command](rest)
