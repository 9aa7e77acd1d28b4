#!/usr/bin/env python3
"""Test bitexts with known omissions, additions and regrouping, made from gold alignments.

Real translations leave things out, add things, and split or join sentences. The public gold
sets hold few such cases (PUD none at all), so this script makes them: it takes a gold set (two
sentence files and their gold links, read in place from ../shared or tests/data), edits the
texts the way translations differ, and rewrites the gold to match. Every edit is seeded, so a
family of variants is the same on every run and every machine.

Edits (each applied only to 1:1 gold links, so that the new gold is certain):
  omissions   sentences removed from one side; their counterparts become one-sided links
              ([i]:[] when a target sentence goes, []:[j] when a source sentence goes). In the
              patterns translations show: one sentence inside a paragraph, a run of 2 to 5, a
              whole paragraph (or, without paragraphs, a run of 6 to 10), the first sentence of a
              paragraph, the end of the text.
  additions   sentences that only one side has: a separator or heading as a paragraph of its
              own (`* * *`, `I.`, `Chapter 3`), or a sentence from another text of the same
              language (a translator's note, a closing formula) at the end of a paragraph or of
              the text.
  regrouping  two neighbouring sentences of one side joined into one (a 2:1 or 1:2 link), or
              one sentence split in two at a comma near its middle.
The densities are parameters: `omit` and `add` are shares of the 1:1 links, `regroup` the
share of the final links that should be 2:1 or 1:2.

Usage:
  make_variants.py OUT_DIR [--shared DIR] [--project DIR] [--families NAME,...] [--list]
  make_variants.py OUT_DIR --custom SET [--omit X] [--add X] [--regroup X] [--seed N]

The second form makes one family, OUT_DIR/custom-SET-SEED, from one gold set with the given
densities (SET: textberg-dev, textberg-test, parice, letter, pud-en-XX for a PUD language XX in
five documents).

writes OUT_DIR/FAMILY/DOC.src, DOC.tgt (one sentence per line, a blank line between
paragraphs) and DOC.gold (vecalign notation), and OUT_DIR/FAMILY/docs.tsv (DOC, source language,
target language, split) for every family; `--list` prints the families. Families whose input is
missing (no ../shared) are skipped with a note on stderr.
"""
import argparse
import json
import os
import random
import re
import sys

LINK = re.compile(r'^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]')
NO_SPACE = {'zh', 'ja', 'th'}  # languages written without spaces between words
SPLIT_MARKS = [', ', '; ', '，', '、', '；', '، ']
SEPARATORS = ['* * *', '***', '* * * * *']
PUD_LANGUAGES = ['zh', 'ja', 'ko', 'ar', 'th', 'hi', 'fi', 'ru', 'tr', 'pl', 'id']
DISTANT = ['zh', 'ja', 'ko', 'ar', 'th']


def indices(text):
    return [int(x) for x in text.split(',') if x.strip()]


def read_links(path):
    links = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = LINK.match(line)
            if m:
                links.append((indices(m.group(1)), indices(m.group(2))))
    return links


def read_lines(path, strip_index=False):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    if strip_index:
        lines = [line.split('\t', 1)[1] if '\t' in line else line for line in lines]
    return lines


def read_paragraphed(path):
    """Sentences and their paragraph numbers from a file with blank lines between paragraphs."""
    sentences, paragraphs, paragraph = [], [], 0
    with open(path, encoding='utf-8') as f:
        for line in f.read().splitlines():
            if not line.strip():
                if sentences and paragraphs[-1] == paragraph:
                    paragraph += 1
                continue
            sentences.append(line)
            paragraphs.append(paragraph)
    return sentences, paragraphs


class Side:
    """One text being edited: sentences with their paragraph and the original indices each
    new sentence stands for (several after a join, none for an added sentence)."""

    def __init__(self, sentences, paragraphs, language):
        self.items = [{'text': t, 'par': p, 'orig': [k]}
                      for k, (t, p) in enumerate(zip(sentences, paragraphs))]
        self.language = language

    def position(self, orig):
        for k, item in enumerate(self.items):
            if orig in item['orig']:
                return k
        raise KeyError(orig)


class Variant:
    """A bitext under edit, and its gold links in terms of the original sentences."""

    def __init__(self, source, target, links, rng):
        self.source = source
        self.target = target
        self.links = [{'src': list(s), 'tgt': list(t)} for s, t in links]
        self.rng = rng
        self.used = set()  # links already edited
        self.added = []    # links of added sentences: ('src' | 'tgt', item)
        self.next_new = 0

    # --- helpers -------------------------------------------------------------------------
    def one_to_one(self):
        """Indices of unedited 1:1 links whose sentences are still there, unjoined."""
        out = []
        for k, link in enumerate(self.links):
            if k in self.used or len(link['src']) != 1 or len(link['tgt']) != 1:
                continue
            out.append(k)
        return out

    def par(self, side, orig):
        return side.items[side.position(orig)]['par']

    def consecutive(self, k):
        """True when link k + 1 follows link k directly on both sides, in one paragraph each."""
        if k + 1 >= len(self.links):
            return False
        a, b = self.links[k], self.links[k + 1]
        if len(b['src']) != 1 or len(b['tgt']) != 1:
            return False
        return (b['src'][0] == a['src'][0] + 1 and b['tgt'][0] == a['tgt'][0] + 1 and
                self.par(self.source, a['src'][0]) == self.par(self.source, b['src'][0]) and
                self.par(self.target, a['tgt'][0]) == self.par(self.target, b['tgt'][0]))

    def remove(self, side_name, orig):
        side = self.source if side_name == 'src' else self.target
        del side.items[side.position(orig)]

    def new_item(self, text, par):
        self.next_new += 1
        return {'text': text, 'par': par, 'orig': [('new', self.next_new)]}

    # --- edits ---------------------------------------------------------------------------
    def omit(self, count):
        """Removes about `count` sentences from either side in the patterns of translations."""
        removed = 0
        patterns = ['single', 'single', 'run', 'paragraph', 'paragraph-start', 'end']
        attempts = 0
        while removed < count and attempts < 50 * count + 100:
            attempts += 1
            pattern = self.rng.choice(patterns)
            side_name = self.rng.choice(['src', 'tgt'])
            side = self.source if side_name == 'src' else self.target
            candidates = self.one_to_one()
            if not candidates:
                break
            if pattern == 'end':
                k = candidates[-1]
                if k != len(self.links) - 1:
                    continue
                run = [k]
            elif pattern == 'single':
                k = self.rng.choice(candidates)
                # Inside a paragraph: both neighbours on that side in the same paragraph.
                p = side.position(self.links[k][side_name][0])
                if not (0 < p < len(side.items) - 1 and
                        side.items[p - 1]['par'] == side.items[p]['par'] == side.items[p + 1]['par']):
                    continue
                run = [k]
            elif pattern == 'paragraph-start':
                k = self.rng.choice(candidates)
                p = side.position(self.links[k][side_name][0])
                if p == 0 or side.items[p - 1]['par'] == side.items[p]['par']:
                    continue
                run = [k]
            else:
                k = self.rng.choice(candidates)
                if pattern == 'run':
                    length = self.rng.randint(2, 5)
                else:
                    length = self.paragraph_run(k, side_name) or self.rng.randint(6, 10)
                run = [k]
                while len(run) < length and self.consecutive(run[-1]) and \
                        run[-1] + 1 not in self.used:
                    run.append(run[-1] + 1)
                if len(run) < 2:
                    continue
            if any(k in self.used for k in run):
                continue
            # Never leave a side empty.
            if len(side.items) - len(run) < 2:
                break
            for k in run:
                self.remove(side_name, self.links[k][side_name][0])
                self.links[k][side_name] = []
                self.used.add(k)
            removed += len(run)
        return removed

    def paragraph_run(self, k, side_name):
        """The length of the paragraph that link k starts on `side_name`, when it starts one."""
        side = self.source if side_name == 'src' else self.target
        p = side.position(self.links[k][side_name][0])
        if p > 0 and side.items[p - 1]['par'] == side.items[p]['par']:
            return 0
        par = side.items[p]['par']
        if all(item['par'] == par for item in side.items):
            return 0  # the text has no paragraphs
        length = 0
        while p + length < len(side.items) and side.items[p + length]['par'] == par:
            length += 1
        return length if length <= 12 else 0

    def add(self, count, pool_source, pool_target):
        """Adds `count` sentences that only one side has."""
        for _ in range(count):
            side_name = self.rng.choice(['src', 'tgt'])
            side = self.source if side_name == 'src' else self.target
            pool = pool_source if side_name == 'src' else pool_target
            kind = self.rng.choice(['separator', 'heading', 'note', 'note'])
            if kind == 'note' and not pool:
                kind = 'separator'
            if kind in ('separator', 'heading'):
                # A paragraph of its own, between two paragraphs (or anywhere in a text
                # without paragraphs).
                starts = [p for p in range(1, len(side.items))
                          if side.items[p - 1]['par'] != side.items[p]['par']]
                p = self.rng.choice(starts) if starts else self.rng.randrange(1, len(side.items))
                if kind == 'separator':
                    text = self.rng.choice(SEPARATORS)
                else:
                    number = self.rng.randint(1, 12)
                    roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
                             'XII'][number - 1]
                    choices = [roman + '.', str(number) + '.']
                    if side.language == 'en':
                        choices.append('Chapter %d' % number)
                    text = self.rng.choice(choices)
                before = side.items[p - 1]['par']
                item = self.new_item(text, before + 0.5)
                side.items.insert(p, item)
            else:
                # A sentence from another text at the end of a paragraph or of the text.
                ends = [p + 1 for p in range(len(side.items) - 1)
                        if side.items[p]['par'] != side.items[p + 1]['par']]
                ends.append(len(side.items))
                if len(ends) == 1:  # no paragraphs: anywhere
                    ends.append(self.rng.randrange(1, len(side.items)))
                p = self.rng.choice(ends)
                item = self.new_item(self.rng.choice(pool), side.items[p - 1]['par'])
                side.items.insert(p, item)
            self.added.append((side_name, item))

    def regroup(self, share, joins_on=None):
        """Joins and splits until about `share` of the links are 2:1 or 1:2. With `joins_on`
        ('src' or 'tgt'), only joins, all on that side (a translation that makes longer
        sentences than its original)."""
        def current():
            total = sum(1 for link in self.links if not link.get('gone')) + len(self.added)
            grouped = sum(1 for link in self.links
                          if sorted((len(link['src']), len(link['tgt']))) == [1, 2])
            return grouped / max(total, 1)

        attempts = 0
        while current() < share and attempts < 20 * len(self.links):
            attempts += 1
            candidates = self.one_to_one()
            if not candidates:
                break
            k = self.rng.choice(candidates)
            side_name = joins_on or self.rng.choice(['src', 'tgt'])
            side = self.source if side_name == 'src' else self.target
            if joins_on or self.rng.random() < 0.6:
                # Join sentence k with the next one on this side.
                if not self.consecutive(k) or k + 1 in self.used:
                    continue
                a = side.position(self.links[k][side_name][0])
                b = side.position(self.links[k + 1][side_name][0])
                if b != a + 1:
                    continue
                glue = '' if side.language in NO_SPACE else ' '
                side.items[a]['text'] += glue + side.items[b]['text']
                side.items[a]['orig'] += side.items[b]['orig']
                del side.items[b]
                other = 'tgt' if side_name == 'src' else 'src'
                # The joined sentence stands for both originals (its 'orig'), so the link keeps
                # one of them on this side and both counterparts on the other.
                self.links[k][other] += self.links[k + 1][other]
                self.links[k + 1] = {'src': [], 'tgt': [], 'gone': True}
                self.used.update([k, k + 1])
            else:
                # Split sentence k at a comma near its middle.
                p = side.position(self.links[k][side_name][0])
                text = side.items[p]['text']
                cut = split_point(text, side.language)
                if cut is None:
                    continue
                first, second = text[:cut].rstrip(), text[cut:].lstrip()
                orig = side.items[p]['orig']
                side.items[p] = {'text': first, 'par': side.items[p]['par'], 'orig': orig}
                second_item = {'text': second, 'par': side.items[p]['par'],
                               'orig': [('split', orig[0], side_name)]}
                side.items.insert(p + 1, second_item)
                self.links[k][side_name] = self.links[k][side_name] + [('split', orig[0],
                                                                        side_name)]
                self.used.add(k)

    # --- output --------------------------------------------------------------------------
    def write(self, prefix):
        src_index = {}
        tgt_index = {}
        for side, index, path in ((self.source, src_index, prefix + '.src'),
                                  (self.target, tgt_index, prefix + '.tgt')):
            with open(path, 'w', encoding='utf-8') as f:
                previous = None
                for k, item in enumerate(side.items):
                    if previous is not None and item['par'] != previous:
                        f.write('\n')
                    f.write(item['text'].replace('\n', ' ') + '\n')
                    previous = item['par']
                    for orig in item['orig']:
                        index[orig] = k
        links = []
        for link in self.links:
            if link.get('gone'):
                continue
            src = sorted({src_index[o] for o in link['src'] if o in src_index})
            tgt = sorted({tgt_index[o] for o in link['tgt'] if o in tgt_index})
            if src or tgt:
                links.append((src, tgt))
        for side_name, item in self.added:
            index = src_index if side_name == 'src' else tgt_index
            k = index[item['orig'][0]]
            links.append(([k], []) if side_name == 'src' else ([], [k]))
        links = ladder_order(links)
        with open(prefix + '.gold', 'w', encoding='utf-8') as f:
            for src, tgt in links:
                f.write('[%s]:[%s]\n' % (', '.join(map(str, src)), ', '.join(map(str, tgt))))
        return len(self.source.items), len(self.target.items), links


def ladder_order(links):
    """The links in the order of a ladder: two-sided and source-only links by their first
    source sentence; a target-only link after the last link whose target sentences come
    before it."""
    placed = []
    for src, tgt in links:
        if src:
            placed.append(((src[0], 0, tgt[0] if tgt else -1), (src, tgt)))
    before = []  # (largest target index, first source index) of the links with both sides
    for src, tgt in links:
        if src and tgt:
            before.append((max(tgt), src[0]))
    before.sort()
    for src, tgt in links:
        if src:
            continue
        position = -1
        for largest_target, first_source in before:
            if largest_target >= tgt[0]:
                break
            position = max(position, first_source)
        placed.append(((position, 1, tgt[0]), (src, tgt)))
    placed.sort(key=lambda item: item[0])
    return [link for _, link in placed]


def split_point(text, language):
    """Where to split a sentence in two: after a comma (or the like) between 30% and 70% of
    its length, or for Thai a space there; None when there is none."""
    n = len(text)
    best = None
    marks = SPLIT_MARKS + ([' '] if language == 'th' else [])
    for mark in marks:
        for m in re.finditer(re.escape(mark), text):
            cut = m.start() + len(mark.rstrip()) if mark.strip() else m.start()
            if 0.3 * n <= cut <= 0.7 * n:
                if best is None or abs(cut - n / 2) < abs(best - n / 2):
                    best = cut
    return best


# --- the gold sets --------------------------------------------------------------------------

def textberg(shared, name):
    base = os.path.join(shared, 'data/align-gold/textberg-de-fr', name)
    de, fr = read_lines(base + '.de'), read_lines(base + '.fr')
    return de, [0] * len(de), fr, [0] * len(fr), read_links(base + '.defr')


def parice(shared, name):
    base = os.path.join(shared, 'data/align-gold/parice-en-is')
    en = read_lines(os.path.join(base, 'eng', name + '.txt'), strip_index=True)
    is_ = read_lines(os.path.join(base, 'isl', name + '.txt'), strip_index=True)
    return en, [0] * len(en), is_, [0] * len(is_), read_links(os.path.join(base, 'gold',
                                                                            name + '.txt'))


def pud(shared, language, first=0, last=1000, paragraphs=True):
    base = os.path.join(shared, 'data/align-gold/pud')
    en = read_lines(os.path.join(base, 'en.txt'))[first:last]
    other = read_lines(os.path.join(base, language + '.txt'))[first:last]
    ids = read_lines(os.path.join(base, 'sent_ids.txt'))[first:last]
    pars = []
    for sid in ids:
        if not pars:
            pars.append(0)
        else:
            pars.append(pars[-1] + (sid[:6] != previous))
        previous = sid[:6]
    if not paragraphs:
        pars = [0] * len(en)
    links = [([k], [k]) for k in range(len(en))]
    return en, pars, other, pars, links


def letter(project):
    base = os.path.join(project, 'tests/data/reply-to-stalin')
    en, en_pars = read_paragraphed(os.path.join(base, 'en.presegmented.txt'))
    hu, hu_pars = read_paragraphed(os.path.join(base, 'hu.presegmented.txt'))
    return en, en_pars, hu, hu_pars, read_links(os.path.join(base, 'gold.vecalign'))


def make(out_dir, name, languages, data, rng, omit=0.0, add=0.0, regroup=0.0, pools=([], []),
         joins_on=None):
    source_sentences, source_pars, target_sentences, target_pars, links = data
    variant = Variant(Side(source_sentences, source_pars, languages[0]),
                      Side(target_sentences, target_pars, languages[1]), links, rng)
    ones = len(variant.one_to_one())
    if regroup:
        variant.regroup(regroup, joins_on)
    if omit:
        variant.omit(round(omit * ones))
    if add:
        variant.add(round(add * ones), *pools)
    return variant.write(os.path.join(out_dir, name))


# --- the families ---------------------------------------------------------------------------

def family_specs():
    """name -> (needs, split, description, builder(out_dir, shared, project) -> docs)"""
    specs = {}

    def pud_deleted(language):
        def build(out, shared, project):
            # The recipe of ../shared/data/align-gold/pud/README.md: the same 100 target lines
            # deleted for every language, no paragraphs.
            en, _, other, _, _ = pud(shared, language, paragraphs=False)
            deleted = set(random.Random(1).sample(range(1000), 100))
            with open(os.path.join(out, 'doc.src'), 'w', encoding='utf-8') as f:
                f.writelines(line + '\n' for line in en)
            with open(os.path.join(out, 'doc.tgt'), 'w', encoding='utf-8') as f:
                f.writelines(line + '\n' for k, line in enumerate(other) if k not in deleted)
            with open(os.path.join(out, 'doc.gold'), 'w', encoding='utf-8') as f:
                j = 0
                for i in range(1000):
                    if i in deleted:
                        f.write('[%d]:[]\n' % i)
                    else:
                        f.write('[%d]:[%d]\n' % (i, j))
                        j += 1
            return [('doc', 'en', language)]
        return build

    for language in PUD_LANGUAGES:
        specs['pud-deleted10-en-' + language] = (
            'shared', 'test', '10% of the target lines deleted (the PUD README recipe)',
            pud_deleted(language))

    def pud_pieces(language, seed, omit, add, regroup, pieces=5, paragraphs=True, joins_on=None):
        def build(out, shared, project):
            rng = random.Random(seed)
            docs = []
            # Pieces of about 200 sentences at PUD document boundaries; the other pieces give
            # the sentences added as notes.
            size = 1000 // pieces
            bounds = [0]
            ids = read_lines(os.path.join(shared, 'data/align-gold/pud/sent_ids.txt'))
            for k in range(1, pieces):
                b = k * size
                while b < 1000 and ids[b][:6] == ids[b - 1][:6]:
                    b += 1
                bounds.append(b)
            bounds.append(1000)
            en_all = read_lines(os.path.join(shared, 'data/align-gold/pud/en.txt'))
            other_all = read_lines(os.path.join(shared, 'data/align-gold/pud', language + '.txt'))
            for k in range(pieces):
                first, last = bounds[k], bounds[k + 1]
                pools = ([s for i, s in enumerate(en_all) if not first <= i < last],
                         [s for i, s in enumerate(other_all) if not first <= i < last])
                name = 'doc%d' % k
                make(out, name, ('en', language),
                     pud(shared, language, first, last, paragraphs=paragraphs), rng, omit=omit,
                     add=add, regroup=regroup, pools=pools, joins_on=joins_on)
                docs.append((name, 'en', language))
            return docs
        return build

    for language in DISTANT:
        specs['pud-regrouped-en-' + language] = (
            'shared', 'test', 'a third of the links 2:1 or 1:2, in 5 documents',
            pud_pieces(language, 13, 0, 0, 1 / 3))
        specs['pud-mixed-en-' + language] = (
            'shared', 'test', 'omissions 8%, additions 4%, 15% regrouped, in 5 documents',
            pud_pieces(language, 17, 0.08, 0.04, 0.15))
        specs['dev-pud-mixed-en-' + language] = (
            'shared', 'dev', 'as pud-mixed with another seed',
            pud_pieces(language, 1017, 0.08, 0.04, 0.15))
        specs['pud-joined-en-' + language] = (
            'shared', 'test', 'the target joins sentences (40% of the links 2:1), no '
            'paragraphs, omissions 3%, in 4 documents', pud_pieces(language, 19, 0.03, 0, 0.4,
                                                                   pieces=4, paragraphs=False,
                                                                   joins_on='tgt'))
        specs['dev-pud-joined-en-' + language] = (
            'shared', 'dev', 'as pud-joined with another seed',
            pud_pieces(language, 1019, 0.03, 0, 0.4, pieces=4, paragraphs=False, joins_on='tgt'))
        specs['dev-pud-regrouped-en-' + language] = (
            'shared', 'dev', 'as pud-regrouped with another seed',
            pud_pieces(language, 1013, 0, 0, 1 / 3))

    def textberg_mixed(names, seed):
        def build(out, shared, project):
            rng = random.Random(seed)
            docs = []
            all_names = ['dev'] + ['test%d' % k for k in range(7)]
            for name in names:
                others = [n for n in all_names if n != name]
                pools = ([s for n in others for s in textberg(shared, n)[0]],
                         [s for n in others for s in textberg(shared, n)[2]])
                make(out, name, ('de', 'fr'), textberg(shared, name), rng, omit=0.08, add=0.04,
                     regroup=0.15, pools=pools)
                docs.append((name, 'de', 'fr'))
            return docs
        return build

    specs['textberg-mixed'] = ('shared', 'test', 'omissions 8%, additions 4%, 15% regrouped',
                               textberg_mixed(['test%d' % k for k in range(7)], 23))
    specs['dev-textberg-mixed'] = ('shared', 'dev', 'the same on the dev document',
                                   textberg_mixed(['dev'], 1023))

    def parice_mixed(out, shared, project):
        rng = random.Random(29)
        names = sorted(f[:-4] for f in os.listdir(os.path.join(shared,
                                                               'data/align-gold/parice-en-is/gold')))
        docs = []
        for name in names:
            others = [n for n in names if n != name]
            pools = ([s for n in others for s in parice(shared, n)[0]],
                     [s for n in others for s in parice(shared, n)[2]])
            make(out, name, ('en', 'is'), parice(shared, name), rng, omit=0.08, add=0.04,
                 regroup=0.15, pools=pools)
            docs.append((name, 'en', 'is'))
        return docs

    specs['parice-mixed'] = ('shared', 'test', 'omissions 8%, additions 4%, 15% regrouped',
                             parice_mixed)

    def letter_mixed(out, shared, project):
        rng = random.Random(31)
        make(out, 'letter', ('en', 'hu'), letter(project), rng, omit=0.08, add=0.06,
             regroup=0.1)
        return [('letter', 'en', 'hu')]

    specs['letter-mixed'] = ('project', 'test', 'the bundled letter, omissions 8%, additions 6%, '
                             '10% regrouped', letter_mixed)
    return specs


def custom_family(name, omit, add, regroup, seed):
    """One family from one gold set with the densities given on the command line."""
    def build(out, shared, project):
        rng = random.Random(seed)
        if name.startswith('pud-en-'):
            language = name[len('pud-en-'):]
            if language not in PUD_LANGUAGES:
                sys.exit('make_variants.py: PUD has no %r' % language)
            docs = []
            for k in range(5):
                first, last = 200 * k, 200 * (k + 1)
                make(out, 'doc%d' % k, ('en', language), pud(shared, language, first, last), rng,
                     omit=omit, add=add, regroup=regroup)
                docs.append(('doc%d' % k, 'en', language))
            return docs
        if name == 'letter':
            make(out, 'letter', ('en', 'hu'), letter(project), rng, omit=omit, add=add,
                 regroup=regroup)
            return [('letter', 'en', 'hu')]
        if name in ('textberg-dev', 'textberg-test'):
            names = ['dev'] if name == 'textberg-dev' else ['test%d' % k for k in range(7)]
            for doc in names:
                make(out, doc, ('de', 'fr'), textberg(shared, doc), rng, omit=omit, add=add,
                     regroup=regroup)
            return [(doc, 'de', 'fr') for doc in names]
        if name == 'parice':
            names = sorted(f[:-4] for f in os.listdir(
                os.path.join(shared, 'data/align-gold/parice-en-is/gold')))
            for doc in names:
                make(out, doc, ('en', 'is'), parice(shared, doc), rng, omit=omit, add=add,
                     regroup=regroup)
            return [(doc, 'en', 'is') for doc in names]
        sys.exit('make_variants.py: no gold set %r' % name)
    needs = 'project' if name == 'letter' else 'shared'
    return (needs, 'dev', 'custom densities', build)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out_dir', nargs='?')
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument('--project', default=os.path.dirname(here))
    parser.add_argument('--shared', default=os.environ.get(
        'TANDEM_SHARED', os.path.join(os.path.dirname(here), '..', 'shared')))
    parser.add_argument('--families', default='', help='comma-separated names (default: all)')
    parser.add_argument('--list', action='store_true')
    parser.add_argument('--custom', metavar='SET', help='one family from SET with the densities')
    parser.add_argument('--omit', type=float, default=0.08, help='share of 1:1 links omitted')
    parser.add_argument('--add', type=float, default=0.04, help='sentences added, per 1:1 link')
    parser.add_argument('--regroup', type=float, default=0.15,
                        help='share of links to be 2:1 or 1:2')
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    specs = family_specs()
    if args.custom:
        if not args.out_dir:
            parser.error('OUT_DIR is required')
        specs = {'custom-%s-%d' % (args.custom, args.seed):
                 custom_family(args.custom, args.omit, args.add, args.regroup, args.seed)}
        args.families = ''
    if args.list:
        for name, (_, split, description, _) in specs.items():
            print('%-28s %-4s %s' % (name, split, description))
        return
    if not args.out_dir:
        parser.error('OUT_DIR is required')
    wanted = [f for f in args.families.split(',') if f] or list(specs)
    for name in wanted:
        if name not in specs:
            sys.exit('make_variants.py: no family %r (--list shows them)' % name)
    have_shared = os.path.isdir(os.path.join(args.shared, 'data/align-gold'))
    for name in wanted:
        needs, split, _, build = specs[name]
        if needs == 'shared' and not have_shared:
            print('make_variants.py: %s skipped: no gold sets at %s' % (name, args.shared),
                  file=sys.stderr)
            continue
        out = os.path.join(args.out_dir, name)
        os.makedirs(out, exist_ok=True)
        docs = build(out, args.shared, args.project)
        with open(os.path.join(out, 'docs.tsv'), 'w', encoding='utf-8') as f:
            for doc, source_language, target_language in docs:
                f.write('%s\t%s\t%s\t%s\n' % (doc, source_language, target_language, split))


if __name__ == '__main__':
    main()
