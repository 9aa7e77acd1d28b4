#!/usr/bin/env python3
"""Builds a large synthetic bitext with a known alignment out of the public gold sets.

The Text+Berg German-French documents (dev and test, read in place from ../shared) are
concatenated in a shuffled order, again and again, until the source side has the requested
number of sentences (whole documents, so a little more); the gold links are concatenated with the same offsets. The result is a
presegmented bitext (one sentence per line) and its gold alignment in vecalign notation, so that
tandem's accuracy can be measured at every size, not only its speed.

Usage: make_synthetic.py SHARED_DIR SENTENCES OUT_PREFIX
writes OUT_PREFIX.de, OUT_PREFIX.fr and OUT_PREFIX.gold
"""
import random
import re
import sys

LINK = re.compile(r'^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]')


def indices(text):
    return [int(x) for x in text.split(',') if x.strip()]


def load(shared):
    base = shared + '/data/align-gold/textberg-de-fr/'
    docs = []
    for name in ['dev'] + ['test%d' % k for k in range(7)]:
        with open(base + name + '.de', encoding='utf-8') as f:
            de = f.read().splitlines()
        with open(base + name + '.fr', encoding='utf-8') as f:
            fr = f.read().splitlines()
        links = []
        with open(base + name + '.defr', encoding='utf-8') as f:
            for line in f:
                m = LINK.match(line)
                if m:
                    links.append((indices(m.group(1)), indices(m.group(2))))
        docs.append((de, fr, links))
    return docs


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    shared, wanted, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = load(shared)
    rng = random.Random(20261122)
    with open(prefix + '.de', 'w', encoding='utf-8') as de_out, \
         open(prefix + '.fr', 'w', encoding='utf-8') as fr_out, \
         open(prefix + '.gold', 'w', encoding='utf-8') as gold_out:
        src = tgt = 0
        while src < wanted:
            order = list(range(len(docs)))
            rng.shuffle(order)
            for k in order:
                if src >= wanted:
                    break
                de, fr, links = docs[k]
                # Whole documents only, so that the gold stays complete.
                de_out.write('\n'.join(de) + '\n')
                fr_out.write('\n'.join(fr) + '\n')
                for s, t in links:
                    gold_out.write('[%s]:[%s]\n' % (', '.join(str(src + i) for i in s),
                                                    ', '.join(str(tgt + j) for j in t)))
                src += len(de)
                tgt += len(fr)
    print('%d %d' % (src, tgt))


if __name__ == '__main__':
    main()
