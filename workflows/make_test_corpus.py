#!/usr/bin/env python3
"""Makes a folder of documents for trying `tandem discover` and the workflow at scale.

Cuts the Text+Berg German-French gold bitexts (../shared/data/align-gold/textberg-de-fr) into
pieces of BEADS gold beads each, so that each German piece has exactly one French counterpart,
and writes every piece under a random name (the pairs are known only to the manifest written
beside the folder, for checking). Usage:

    make_test_corpus.py GOLD_DIR OUT_DIR [--beads 12] [--seed 1]

Writes OUT_DIR/docs/*.txt and OUT_DIR/expected.tsv (german_file TAB french_file).
"""
import argparse
import os
import random
import re


def read_ladder(path):
    beads = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\[([0-9, ]*)\]:\[([0-9, ]*)\]", line.strip())
        if not m:
            continue
        side = lambda s: [int(x) for x in s.split(",") if x.strip()]
        beads.append((side(m.group(1)), side(m.group(2))))
    return beads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("out")
    parser.add_argument("--beads", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    names = set()

    def fresh_name():
        while True:
            name = "%08x.txt" % rng.getrandbits(32)
            if name not in names:
                names.add(name)
                return name

    expected = []
    for stem in ["dev"] + ["test%d" % i for i in range(7)]:
        de = open(os.path.join(args.gold, stem + ".de"), encoding="utf-8").read().splitlines()
        fr = open(os.path.join(args.gold, stem + ".fr"), encoding="utf-8").read().splitlines()
        beads = read_ladder(os.path.join(args.gold, stem + ".defr"))
        for start in range(0, len(beads) - args.beads // 2, args.beads):
            chunk = beads[start:start + args.beads]
            de_ids = [i for b in chunk for i in b[0]]
            fr_ids = [i for b in chunk for i in b[1]]
            if len(de_ids) < 4 or len(fr_ids) < 4:
                continue
            de_name, fr_name = fresh_name(), fresh_name()
            with open(os.path.join(docs, de_name), "w", encoding="utf-8") as f:
                f.write("\n".join(de[i] for i in de_ids) + "\n")
            with open(os.path.join(docs, fr_name), "w", encoding="utf-8") as f:
                f.write("\n".join(fr[i] for i in fr_ids) + "\n")
            expected.append((de_name, fr_name))
    with open(os.path.join(args.out, "expected.tsv"), "w", encoding="utf-8") as f:
        for de_name, fr_name in sorted(expected):
            f.write("%s\t%s\n" % (de_name, fr_name))
    print("%d pairs, %d documents in %s" % (len(expected), 2 * len(expected), docs))


if __name__ == "__main__":
    main()
