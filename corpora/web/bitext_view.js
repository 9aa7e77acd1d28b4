// The view of an aligned bitext that `tandem report` and `tandem review` share: the model (beads,
// review records, sentences), bead rows, a virtual list that renders only the rows in sight,
// the path plot, filters and text search. Plain JavaScript, no dependencies; embedded into the
// report file and the review page at build time (cmake/TandemEmbed.cmake).
//
// Data (JSON, written by corpora/src/html_report.cc and cli/review/session.cc):
//   {title, source: {name, language, sentences: [text], paragraphs: [first sentence index]},
//    target: {...}, beads: [[source_begin, source_count, target_begin, target_count, confidence]],
//    review: [null | {s: status, r: reviewer, t: time, n: note, b: bookmark}]}
'use strict';

(function (global) {
  // Confidence bands, as in the report's statistics (docs/formats.md, "HTML report").
  const kLow = 0.5;
  const kHigh = 0.9;
  function band(c) {
    return c < kLow ? 'low' : c < kHigh ? 'medium' : 'high';
  }
  // The low-confidence threshold: below it beads start to be wrong (the calibration makes beads
  // of 0.9 and more at least 97% right on the dev set). One value for the filter, the counts,
  // the jumps and the report.
  const kThreshold = kHigh;
  // A confidence for people, truncated (not rounded) to two decimals, so that a bead below a
  // threshold of two decimals never shows as the threshold (0.8953 is "0.89", not "0.90").
  function confText(c) {
    return (Math.floor(c * 100 + 1e-9) / 100).toFixed(2);
  }
  // Runs of at least this many one-sided beads are folded into one row.
  const kFoldRun = 8;
  const kBandColour = {low: '#d7301f', medium: '#f0a020', high: '#2b9348'};
  const kStatusMark = {automatic: '\u25CB', confirmed: '\u2713', edited: '\u270E'};
  const kStatusTitle = {
    automatic: 'automatic: as the aligner made it',
    confirmed: 'confirmed by a reviewer',
    edited: 'edited by a reviewer',
  };

  // Folds case and strips diacritics, for search ("Sztálin" finds "sztalin").
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  // ---------------------------------------------------------------------------------------
  // The model.
  class Side {
    constructor(d) {
      this.name = d.name;
      this.title = d.title || d.name;
      this.language = d.language;
      this.sentences = d.sentences;
      this.paragraphStart = new Uint8Array(d.sentences.length);
      for (const p of d.paragraphs) if (p < d.sentences.length) this.paragraphStart[p] = 1;
      this.folded = null;  // lazily, for search
      this.bead = new Int32Array(d.sentences.length);  // the bead each sentence is in
    }
    fold() {
      if (!this.folded) this.folded = this.sentences.map(fold);
      return this.folded;
    }
  }

  class Model {
    constructor(d) {
      this.title = d.title;
      this.sides = [new Side(d.source), new Side(d.target)];
      this.beads = d.beads.map(toBead);
      this.review = d.review && d.review.length ? d.review.slice() : this.beads.map(() => null);
      this.reindex();
    }
    get size() { return this.beads.length; }
    reindex() {
      this.regionFirst = -1;  // the first and last bead with sentences on both sides
      this.regionLast = -1;
      for (let k = 0; k < this.beads.length; ++k) {
        const b = this.beads[k];
        for (let i = 0; i < b.sc; ++i) this.sides[0].bead[b.sb + i] = k;
        for (let j = 0; j < b.tc; ++j) this.sides[1].bead[b.tb + j] = k;
        if (b.sc > 0 && b.tc > 0) {
          if (this.regionFirst < 0) this.regionFirst = k;
          this.regionLast = k;
        }
      }
    }
    // A patch from the server: beads [first, first + remove) replaced. `generation` counts the
    // changes, for what is worked out from the beads and kept.
    applyPatch(p) {
      this.generation = (this.generation || 0) + 1;
      this.beads.splice(p.first, p.remove, ...p.beads.map(toBead));
      this.review.splice(p.first, p.remove, ...p.review);
      this.reindex();
    }
    begin(k, side) { return side === 0 ? this.beads[k].sb : this.beads[k].tb; }
    count(k, side) { return side === 0 ? this.beads[k].sc : this.beads[k].tc; }
    status(k) { const r = this.review[k]; return r ? r.s : 'automatic'; }
    note(k) { const r = this.review[k]; return r ? r.n || '' : ''; }
    bookmarked(k) { const r = this.review[k]; return !!(r && r.b); }
    type(k) { const b = this.beads[k]; return b.sc + ':' + b.tc; }
    oneToOne(k) { const b = this.beads[k]; return b.sc === 1 && b.tc === 1; }
    oneSided(k) { const b = this.beads[k]; return b.sc === 0 || b.tc === 0; }
    twoSided(k) { return !this.oneSided(k); }
    // The aligned region: from the first to the last two-sided bead (corpora/summary.h); the
    // whole ladder when nothing is aligned.
    hasRegion() { return this.regionFirst >= 0; }
    inRegion(k) {
      return this.regionFirst < 0 || (k >= this.regionFirst && k <= this.regionLast);
    }
    // 'before', 'inside' or 'after' the aligned region.
    zone(k) {
      if (this.regionFirst < 0) return 'inside';
      return k < this.regionFirst ? 'before' : k > this.regionLast ? 'after' : 'inside';
    }
    // A one-sided bead inside the aligned region: 'omission' (source sentences the translation
    // leaves out) or 'addition' (target sentences it adds); '' for any other bead.
    gap(k) {
      if (!this.oneSided(k) || this.regionFirst < 0 || !this.inRegion(k)) return '';
      return this.beads[k].sc > 0 ? 'omission' : 'addition';
    }
    // What needs review: the aligned region (two-sided beads, omissions and additions); the
    // one-sided text outside it is counted apart.
    toReview(k) { return this.inRegion(k); }
    lowConfidence(k, threshold) {
      return this.status(k) === 'automatic' && this.beads[k].c < threshold;
    }
    reviewedCount() {
      let n = 0;
      for (let k = 0; k < this.beads.length; ++k) if (this.status(k) !== 'automatic') ++n;
      return n;
    }
    // Counts over the beads to review and outside the region, for the sidebar and the header.
    counts(threshold) {
      const c = {review: 0, reviewed: 0, twoSided: 0, omissions: 0, additions: 0,
        omittedSentences: 0, addedSentences: 0, automatic: 0, confirmed: 0, edited: 0,
        low: 0, bands: {low: 0, medium: 0, high: 0}, sum: 0, outside: 0, outsideSource: 0,
        outsideTarget: 0, nonOne: 0, bookmarks: 0, notes: 0, lowOutside: 0};
      for (let k = 0; k < this.beads.length; ++k) {
        const b = this.beads[k];
        const status = this.status(k);
        const low = this.lowConfidence(k, threshold);
        if (!this.oneToOne(k)) ++c.nonOne;
        if (this.bookmarked(k)) ++c.bookmarks;
        if (this.note(k)) ++c.notes;
        if (!this.toReview(k)) {
          ++c.outside;
          c.outsideSource += b.sc;
          c.outsideTarget += b.tc;
          if (low) ++c.lowOutside;
          continue;
        }
        ++c.review;
        ++c[status];
        if (status !== 'automatic') ++c.reviewed;
        if (low) ++c.low;
        ++c.bands[band(b.c)];
        c.sum += b.c;
        const g = this.gap(k);
        if (g === 'omission') { ++c.omissions; c.omittedSentences += b.sc; }
        else if (g === 'addition') { ++c.additions; c.addedSentences += b.tc; }
        else if (this.twoSided(k)) ++c.twoSided;
      }
      c.mean = c.review ? c.sum / c.review : 0;
      return c;
    }
    // Where a reviewer starts: after the last change the reviewer `who` made (else anyone),
    // kept in the corpus as review times, at the next bead to review that is still automatic;
    // with no change yet, at the first bead of the aligned region.
    startBead(who) {
      let latest = '';
      let at = -1;
      for (const mine of [true, false]) {
        for (let k = 0; k < this.beads.length; ++k) {
          const r = this.review[k];
          if (!r || !r.t || r.s === 'automatic' || (mine && r.r !== who)) continue;
          if (r.t >= latest) { latest = r.t; at = k; }
        }
        if (at >= 0) break;
      }
      if (at < 0) return this.hasRegion() ? this.regionFirst : 0;
      for (let k = at + 1; k < this.beads.length; ++k) {
        if (this.toReview(k) && this.status(k) === 'automatic') return k;
      }
      return at;
    }
    // True when a sentence of bead k (on the sides in `sides`, 0 and/or 1) contains the folded
    // query.
    matches(k, folded, sides) {
      for (const s of sides) {
        const texts = this.sides[s].fold();
        const begin = this.begin(k, s);
        for (let i = begin; i < begin + this.count(k, s); ++i) {
          if (texts[i].includes(folded)) return true;
        }
      }
      return false;
    }
  }

  function toBead(a) {
    return {sb: a[0], sc: a[1], tb: a[2], tc: a[3], c: a[4]};
  }

  // Filters: which beads to show, and what the jump keys look for.
  const kFilters = {
    all: {label: 'all beads', test: () => true},
    region: {label: 'the aligned region', test: (m, k) => m.inRegion(k)},
    twosided: {label: 'two-sided beads', test: (m, k) => m.twoSided(k)},
    gaps: {label: 'omissions and additions', test: (m, k) => m.gap(k) !== ''},
    unconfirmed: {label: 'unconfirmed (to review)',
      test: (m, k) => m.toReview(k) && m.status(k) === 'automatic'},
    low: {label: 'low confidence', test: (m, k, o) => m.lowConfidence(k, o.threshold)},
    nonone: {label: 'not 1:1', test: (m, k) => !m.oneToOne(k)},
    unaligned: {label: 'unaligned sentences', test: (m, k) => m.oneSided(k)},
    bookmarks: {label: 'bookmarked', test: (m, k) => m.bookmarked(k)},
    notes: {label: 'with a note', test: (m, k) => m.note(k) !== ''},
    search: {label: 'search matches',
      test: (m, k, o) => o.query !== '' && m.matches(k, o.query, o.sides)},
  };

  // The next bead after `from` (or before, dir = -1) that passes `test`, wrapping around;
  // -1 when none does.
  function findNext(model, from, dir, test) {
    const n = model.size;
    for (let step = 1; step <= n; ++step) {
      const k = ((from + dir * step) % n + n) % n;
      if (test(k)) return k;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------
  // The rows of a list: the beads a filter passes, in order, with every run of at least kFoldRun
  // one-sided beads that follow each other (in the ladder and in the view) folded into one row,
  // unless it was opened. `items[pos]` is a bead index, or -(f + 1) for `folds[f]`.
  // A fold is known by its first sentence (`key`), which edits do not move.
  function foldKey(model, k) {
    const b = model.beads[k];
    return b.sc > 0 ? 's' + b.sb : 't' + b.tb;
  }

  function buildView(model, test, o, opened) {
    const items = [];
    const folds = [];
    const n = model.size;
    let k = 0;
    while (k < n) {
      if (!test(model, k, o)) { ++k; continue; }
      if (!model.oneSided(k)) { items.push(k++); continue; }
      let end = k + 1;
      while (end < n && model.oneSided(end) && model.zone(end) === model.zone(k) &&
             test(model, end, o)) {
        ++end;
      }
      const key = foldKey(model, k);
      if (end - k >= kFoldRun && !(opened && opened.has(key))) {
        const fold = {first: k, last: end - 1, key, zone: model.zone(k), source: 0, target: 0,
          sFirst: -1, sLast: -1, tFirst: -1, tLast: -1};
        for (let j = k; j < end; ++j) {
          const b = model.beads[j];
          if (b.sc) {
            if (fold.sFirst < 0) fold.sFirst = b.sb;
            fold.sLast = b.sb + b.sc - 1;
            fold.source += b.sc;
          }
          if (b.tc) {
            if (fold.tFirst < 0) fold.tFirst = b.tb;
            fold.tLast = b.tb + b.tc - 1;
            fold.target += b.tc;
          }
        }
        folds.push(fold);
        items.push(-folds.length);
      } else {
        for (let j = k; j < end; ++j) items.push(j);
      }
      k = end;
    }
    return {items, folds, size: items.length};
  }

  // The first bead of the row at `pos`, and the fold there (or null).
  function itemBead(view, pos) {
    const item = view.items[pos];
    return item >= 0 ? item : view.folds[-item - 1].first;
  }
  function itemFold(view, pos) {
    const item = view.items[pos];
    return item >= 0 ? null : view.folds[-item - 1];
  }
  // The row that shows bead k (a fold holding it included), or, when no row does, the first row
  // after it (view.size at the end). `shown` says which.
  function locate(view, k) {
    let lo = 0;
    let hi = view.size;
    while (lo < hi) {  // the first row that starts after k
      const mid = (lo + hi) >> 1;
      if (itemBead(view, mid) <= k) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) {
      const pos = lo - 1;
      const item = view.items[pos];
      if (item === k || (item < 0 && view.folds[-item - 1].last >= k)) return {pos, shown: true};
    }
    return {pos: lo, shown: false};
  }

  // ---------------------------------------------------------------------------------------
  // Bead rows.
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Appends `text` to `parent` with parts marked: the parts that match `query` (folded: case and
  // accents ignored), and `marks`, [{text, cls, title}] (words the aligner matched: each marked
  // where it stands, case and accents ignored only when it does not stand as written).
  function appendMarked(parent, text, query, marks) {
    const ranges = [];
    const folded = (query || (marks && marks.length)) ? fold(text) : '';
    // Folding keeps positions only when it keeps the length (no character gains or loses a
    // combining mark): then a match in the folded text is one in the text.
    const sameLength = folded.length === text.length;
    const find = (needle, cls, title, foldedOnly) => {
      if (!needle) return;
      let at = foldedOnly ? -1 : text.indexOf(needle);
      let hay = text;
      let what = needle;
      if (at < 0 && sameLength) {
        what = fold(needle);
        hay = folded;
        at = hay.indexOf(what);
      }
      while (at >= 0) {
        ranges.push({begin: at, end: at + what.length, cls, title});
        at = hay.indexOf(what, at + what.length);
      }
    };
    if (query) find(query, '', '', true);
    for (const m of marks || []) find(m.text, m.cls, m.title);
    if (!ranges.length) { parent.appendChild(document.createTextNode(text)); return; }
    ranges.sort((a, b) => a.begin - b.begin || b.end - a.end);
    let at = 0;
    for (const r of ranges) {
      if (r.begin < at) continue;  // overlaps one already marked
      parent.appendChild(document.createTextNode(text.slice(at, r.begin)));
      const mark = el('mark', r.cls, text.slice(r.begin, r.end));
      if (r.title) mark.title = r.title;
      parent.appendChild(mark);
      at = r.end;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // The row of bead k. `o`: {current, side, sentence (the selected sentence of the current
  // bead, on `side`), query (folded), querySides, marks ({0: [...], 1: [...]}: words to mark on
  // each side, appendMarked), evidence (a line of text under the bead), threshold}.
  function renderBead(model, k, o) {
    const b = model.beads[k];
    const status = model.status(k);
    const row = el('div', 'bead');
    row.dataset.bead = k;
    row.classList.add('band-' + band(b.c), 'st-' + status);
    if (!model.oneToOne(k)) row.classList.add(model.oneSided(k) ? 'unaligned' : 'multi');
    const gap = model.gap(k);
    if (gap) row.classList.add(gap);
    else if (model.oneSided(k)) row.classList.add('outside');
    if (o.current) row.classList.add('current');

    const gutter = el('div', 'gutter');
    gutter.title = 'bead ' + (k + 1) + ', ' + model.type(k) + ', confidence ' + b.c.toFixed(4) +
        ', ' + kStatusTitle[status] +
        (gap ? ', ' + gap + ' inside the aligned region' :
         model.oneSided(k) ? ', outside the aligned region' : '');
    gutter.appendChild(el('span', 'num', String(k + 1)));
    gutter.appendChild(el('span', 'type', model.type(k)));
    gutter.appendChild(el('span', 'conf', confText(b.c)));
    const mark = el('span', 'status', kStatusMark[status]);
    gutter.appendChild(mark);
    if (model.bookmarked(k)) gutter.appendChild(el('span', 'bookmark', '\u2605'));
    row.appendChild(gutter);

    for (let s = 0; s < 2; ++s) {
      const side = model.sides[s];
      const cell = el('div', 'side ' + (s === 0 ? 'src' : 'tgt'));
      cell.lang = side.language;
      if (o.current && o.side === s) cell.classList.add('active');
      const begin = model.begin(k, s);
      const count = model.count(k, s);
      if (count === 0) {
        cell.classList.add('empty');
        cell.appendChild(el('span', 'nothing', gap === 'omission' ? 'not translated (omission)' :
            gap === 'addition' ? 'not in the source (addition)' : 'no counterpart'));
      }
      const marked = o.query && o.querySides && o.querySides.includes(s) ? o.query : '';
      const marks = o.marks ? o.marks[s] : null;
      for (let i = begin; i < begin + count; ++i) {
        const sentence = el('div', 's');
        sentence.dataset.side = s;
        sentence.dataset.offset = i - begin;
        if (side.paragraphStart[i]) sentence.classList.add('pstart');
        if (o.current && o.side === s && o.sentence === i - begin) sentence.classList.add('sel');
        sentence.appendChild(el('span', 'n', String(i + 1)));
        appendMarked(sentence, side.sentences[i], marked, marks);
        cell.appendChild(sentence);
      }
      row.appendChild(cell);
    }
    if (o.evidence) {
      const e = el('div', 'evidence');
      e.appendChild(el('span', 'label', 'why'));
      e.appendChild(document.createTextNode(o.evidence));
      row.appendChild(e);
    }
    const note = model.note(k);
    if (note) {
      const n = el('div', 'note');
      n.appendChild(el('span', 'label', 'note'));
      n.appendChild(document.createTextNode(note));
      row.appendChild(n);
    }
    return row;
  }

  // "12" or "12–40" (1-based).
  function range(first, last) {
    return first === last ? String(first + 1) : (first + 1) + '\u2013' + (last + 1);
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // What a fold holds, for people: "648 target sentences (hu.txt 67–714) without counterpart,
  // after the aligned region".
  function describeFold(model, f) {
    const parts = [];
    if (f.source) {
      parts.push(plural(f.source, model.sides[0].language + ' sentence') + ' (' +
          range(f.sFirst, f.sLast) + ')');
    }
    if (f.target) {
      parts.push(plural(f.target, model.sides[1].language + ' sentence') + ' (' +
          range(f.tFirst, f.tLast) + ')');
    }
    const where = f.zone === 'before' ? 'before the aligned region' :
        f.zone === 'after' ? 'after the aligned region' :
        f.target === 0 ? 'an omission inside the aligned region: not translated' :
        f.source === 0 ? 'an addition inside the aligned region: not in the source' :
        'inside the aligned region';
    return parts.join(' and ') + ' without counterpart, ' + where;
  }

  // The row of a fold: what it holds and how it begins; a click (or o) opens it.
  function renderFold(model, f, o) {
    const row = el('div', 'bead fold fold-' + f.zone);
    row.dataset.bead = f.first;
    row.dataset.fold = f.key;
    if (o.current) row.classList.add('current');
    const gutter = el('div', 'gutter');
    gutter.title = 'beads ' + range(f.first, f.last) + ', folded';
    gutter.appendChild(el('span', 'num', range(f.first, f.last)));
    gutter.appendChild(el('span', 'type', '\u25B8 ' + (f.last - f.first + 1)));
    row.appendChild(gutter);
    const body = el('div', 'fold-body');
    body.appendChild(el('div', 'fold-what', describeFold(model, f)));
    const first = model.beads[f.first];
    const side = first.sc ? 0 : 1;
    const start = side === 0 ? first.sb : first.tb;
    const text = model.sides[side].sentences[start];
    const preview = el('div', 'fold-preview');
    preview.lang = model.sides[side].language;
    preview.textContent = '\u201C' + (text.length > 140 ? text.slice(0, 140) + '\u2026' : text) +
        '\u201D \u2026';
    body.appendChild(preview);
    body.appendChild(el('div', 'fold-hint', 'click or press o to show them'));
    row.appendChild(body);
    return row;
  }

  // ---------------------------------------------------------------------------------------
  // A list of rows of different heights that keeps only the rows in sight in the document.
  // Heights are estimated first and corrected when a row is rendered; a Fenwick tree over them
  // finds the row at a scroll position and the position of a row in O(log n).
  class VirtualList {
    // scroller: an element with overflow-y: auto. render(pos) -> Element; estimate(pos) -> px.
    constructor(scroller, render, estimate) {
      this.scroller = scroller;
      this.renderRow = render;
      this.estimate = estimate;
      this.sizer = el('div', 'vlist-sizer');
      scroller.appendChild(this.sizer);
      this.rows = new Map();  // pos -> element
      this.count = 0;
      this.heights = new Float64Array(0);
      this.tree = new Float64Array(1);
      this.pending = false;
      this.overscan = 600;
      this.onMeasure = null;  // (pos, height): a row was measured
      this.onWidth = null;    // the width changed: measured heights no longer hold
      scroller.addEventListener('scroll', () => this.schedule(), {passive: true});
      let width = scroller.clientWidth;
      new ResizeObserver(() => {
        if (scroller.clientWidth !== width) {
          width = scroller.clientWidth;
          if (this.onWidth) this.onWidth();
          this.reset(this.count);
        } else {
          this.schedule();
        }
      }).observe(scroller);
    }

    // A new number of rows, or rows whose content changed: every height is estimated again and
    // every row rendered again.
    // With `later`, nothing is drawn until the next update() or reveal() (the caller scrolls
    // first).
    reset(count, later) {
      this.count = count;
      this.heights = new Float64Array(count);
      for (let i = 0; i < count; ++i) this.heights[i] = this.estimate(i);
      this.build();
      this.clear();
      if (!later) this.update();
    }

    // Renders the rows in sight again (their content changed, not their number).
    refresh() {
      this.clear();
      this.update();
    }

    clear() {
      for (const row of this.rows.values()) row.remove();
      this.rows.clear();
    }

    build() {
      const n = this.count;
      this.tree = new Float64Array(n + 1);
      for (let i = 1; i <= n; ++i) {
        this.tree[i] += this.heights[i - 1];
        const j = i + (i & -i);
        if (j <= n) this.tree[j] += this.tree[i];
      }
      this.sizer.style.height = this.prefix(n) + 'px';
    }

    add(pos, delta) {
      for (let i = pos + 1; i <= this.count; i += i & -i) this.tree[i] += delta;
    }

    // The height of rows [0, pos).
    prefix(pos) {
      let sum = 0;
      for (let i = pos; i > 0; i -= i & -i) sum += this.tree[i];
      return sum;
    }

    // The row at height y.
    find(y) {
      let pos = 0;
      let step = 1;
      while (step * 2 <= this.count) step *= 2;
      for (; step > 0; step >>= 1) {
        if (pos + step <= this.count && this.tree[pos + step] <= y) {
          pos += step;
          y -= this.tree[pos];
        }
      }
      return Math.min(pos, Math.max(this.count - 1, 0));
    }

    schedule() {
      if (this.pending) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.update();
      });
    }

    // Renders the rows in sight (plus some below), measures new rows and places them.
    update() {
      if (this.count === 0) { this.clear(); this.sizer.style.height = '0px'; return; }
      for (let round = 0; round < 3; ++round) {
        const top = this.scroller.scrollTop;
        const bottom = top + this.scroller.clientHeight + this.overscan;
        const first = this.find(top);
        let last = first;
        let y = this.prefix(first);
        while (last < this.count && y < bottom) y += this.heights[last++];
        for (const [pos, row] of this.rows) {
          if (pos < first || pos >= last) { row.remove(); this.rows.delete(pos); }
        }
        const fresh = [];
        for (let pos = first; pos < last; ++pos) {
          if (this.rows.has(pos)) continue;
          const row = this.renderRow(pos);
          row.classList.add('vrow');
          this.sizer.appendChild(row);
          this.rows.set(pos, row);
          fresh.push(pos);
        }
        const changed = this.measure(fresh);
        let at = this.prefix(first);
        for (let pos = first; pos < last; ++pos) {
          this.rows.get(pos).style.top = at + 'px';
          at += this.heights[pos];
        }
        this.sizer.style.height = this.prefix(this.count) + 'px';
        if (!changed) break;
      }
    }

    // Draws rows again, those of `positions` that are in sight (their content changed); all are
    // measured at once, so that the browser lays the list out once.
    rerender(...positions) {
      const fresh = [];
      for (const pos of positions) {
        const old = this.rows.get(pos);
        if (!old) continue;
        const row = this.renderRow(pos);
        row.classList.add('vrow');
        row.style.top = old.style.top;
        old.replaceWith(row);
        this.rows.set(pos, row);
        fresh.push(pos);
      }
      if (this.measure(fresh)) this.update();
    }

    // Takes the heights of the rows at `positions`, just drawn; true when one of them changed.
    measure(positions) {
      let changed = false;
      for (const pos of positions) {
        const h = this.rows.get(pos).offsetHeight;
        if (this.onMeasure) this.onMeasure(pos, h);
        if (h !== this.heights[pos]) {
          this.add(pos, h - this.heights[pos]);
          this.heights[pos] = h;
          changed = true;
        }
      }
      return changed;
    }

    // Scrolls so that row `pos` is in sight: 'nearest' moves as little as possible, 'center'
    // puts it a third down the view.
    reveal(pos, how) {
      if (pos < 0 || pos >= this.count) return;
      for (let round = 0; round < 3; ++round) {
        const top = this.prefix(pos);
        const h = this.heights[pos];
        const view = this.scroller.clientHeight;
        const st = this.scroller.scrollTop;
        let target = st;
        if (how === 'center' || top + h < st - view || top > st + 2 * view) {
          target = Math.max(0, top - view / 3);
        } else if (top < st) {
          target = top - 8;
        } else if (top + h > st + view) {
          target = Math.min(top - 8, top + h - view + 8);
        }
        if (Math.abs(target - st) >= 1) this.scroller.scrollTop = target;
        this.update();
        if (this.prefix(pos) === top) break;  // its position did not move when rows were measured
      }
    }

    // The rows at least partly in sight: [first, last].
    visible() {
      const top = this.scroller.scrollTop;
      const first = this.find(top);
      const last = this.find(top + this.scroller.clientHeight - 1);
      return [first, last];
    }
  }

  // ---------------------------------------------------------------------------------------
  // The path plot: source position against target position, a point per bead coloured by its
  // confidence. A translation inside a longer document shows as a diagonal; what has no
  // counterpart shows as lines along the axes.
  class PathPlot {
    // `canvas` shows the points; a second canvas laid over it (made here) shows what moves: the
    // current bead and the beads in sight. The points are drawn again only when the beads change
    // (invalidate), so moving through 20,000 beads redraws a few pixels, not 20,000 points.
    constructor(canvas, model, onPick) {
      this.canvas = canvas;
      this.model = model;
      this.onPick = onPick;
      this.current = -1;
      this.range = null;
      this.stale = true;  // the points must be drawn again
      this.zoomed = false;
      this.margin = {left: 34, right: 8, top: 8, bottom: 30};
      const box = el('div', 'plot-box');
      canvas.replaceWith(box);
      box.appendChild(canvas);
      this.overlay = el('canvas', 'plot-overlay');
      this.overlay.setAttribute('aria-hidden', 'true');
      box.appendChild(this.overlay);
      this.overlay.addEventListener('click', (e) => this.pick(e));
      new ResizeObserver(() => { this.stale = true; this.draw(); }).observe(canvas);
    }

    geometry() {
      const rect = this.canvas.getBoundingClientRect();
      const m = this.margin;
      // Room on the left for the rotated axis title and the widest number beside the axis
      // ("21496" was cut at the edge).
      const e = this.extent();
      const c = this.canvas.getContext('2d');
      c.font = '11px sans-serif';
      const widest = Math.max(c.measureText(String(e.t0 + 1)).width,
          c.measureText(String(e.t1)).width);
      m.left = Math.ceil(22 + widest);
      return {w: rect.width, h: rect.height, x0: m.left, y0: m.top,
        pw: Math.max(1, rect.width - m.left - m.right),
        ph: Math.max(1, rect.height - m.top - m.bottom), extent: this.extent()};
    }

    // The sentences shown: all of both texts, or (zoomed) the part where beads have sentences
    // on both sides, with a margin: a translation inside a much longer document then fills the
    // plot instead of being a short line along its top.
    extent() {
      if (this.extentCache) return this.extentCache;
      this.extentCache = this.computeExtent();
      return this.extentCache;
    }

    computeExtent() {
      const ns = Math.max(1, this.model.sides[0].sentences.length);
      const nt = Math.max(1, this.model.sides[1].sentences.length);
      if (!this.zoomed) return {s0: 0, s1: ns, t0: 0, t1: nt};
      let s0 = ns;
      let s1 = 0;
      let t0 = nt;
      let t1 = 0;
      for (const b of this.model.beads) {
        if (b.sc === 0 || b.tc === 0) continue;
        s0 = Math.min(s0, b.sb);
        s1 = Math.max(s1, b.sb + b.sc);
        t0 = Math.min(t0, b.tb);
        t1 = Math.max(t1, b.tb + b.tc);
      }
      if (s1 <= s0 || t1 <= t0) return {s0: 0, s1: ns, t0: 0, t1: nt};
      const ms = Math.max(1, Math.round((s1 - s0) * 0.05));
      const mt = Math.max(1, Math.round((t1 - t0) * 0.05));
      return {s0: Math.max(0, s0 - ms), s1: Math.min(ns, s1 + ms), t0: Math.max(0, t0 - mt),
        t1: Math.min(nt, t1 + mt)};
    }

    // True when the aligned part is a small part of either text (a translation inside a longer
    // document): the plot should then start zoomed.
    partial() {
      const m = this.model;
      if (!m.hasRegion()) return false;
      const a = m.beads[m.regionFirst];
      const z = m.beads[m.regionLast];
      const ns = Math.max(1, m.sides[0].sentences.length);
      const nt = Math.max(1, m.sides[1].sentences.length);
      return (z.sb + z.sc - a.sb) / ns < 0.6 || (z.tb + z.tc - a.tb) / nt < 0.6;
    }

    // Shows the whole texts, or only the part that is aligned.
    zoom(on) {
      this.zoomed = on;
      this.stale = true;
      this.extentCache = null;
      this.draw();
    }

    // The plot position of bead k: the middle of its rectangle on the grid (clamped to the
    // edges when zoomed).
    point(k, g) {
      const b = this.model.beads[k];
      const e = g.extent;
      const x = Math.min(Math.max((b.sb + b.sc / 2 - e.s0) / (e.s1 - e.s0), 0), 1);
      const y = Math.min(Math.max((b.tb + b.tc / 2 - e.t0) / (e.t1 - e.t0), 0), 1);
      return [g.x0 + x * g.pw, g.y0 + y * g.ph];
    }

    // False for a bead that lies wholly outside the sentences shown (zoomed): it is neither drawn
    // nor picked (clamped to the edges, the text after a translation would pile up in a corner).
    shows(k, e) {
      if (!this.zoomed) return true;
      const b = this.model.beads[k];
      return b.sb + b.sc > e.s0 && b.sb < e.s1 && b.tb + b.tc > e.t0 && b.tb < e.t1;
    }

    // The beads changed: the points are drawn again at the next draw().
    invalidate() {
      this.stale = true;
      this.extentCache = null;
    }

    draw() {
      const g = this.geometry();
      const dpr = window.devicePixelRatio || 1;
      const cw = Math.round(g.w * dpr);
      const ch = Math.round(g.h * dpr);
      for (const canvas of [this.canvas, this.overlay]) {
        if (canvas.width !== cw || canvas.height !== ch) {
          canvas.width = cw;
          canvas.height = ch;
          this.stale = true;
        }
      }
      if (this.stale) {
        this.drawPoints(g, dpr, cw, ch);
        this.stale = false;
      }
      const c = this.overlay.getContext('2d');
      c.setTransform(1, 0, 0, 1, 0, 0);
      c.clearRect(0, 0, cw, ch);
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      const n = this.model.size;
      // The beads in sight in the list, as a band across the plot.
      if (this.range && n > 0) {
        const [a, z] = this.range;
        const pa = this.point(Math.min(a, n - 1), g);
        const pz = this.point(Math.min(z, n - 1), g);
        c.fillStyle = 'rgba(60, 110, 220, 0.15)';
        c.fillRect(g.x0, Math.min(pa[1], pz[1]) - 3, g.pw, Math.abs(pz[1] - pa[1]) + 6);
        c.fillRect(Math.min(pa[0], pz[0]) - 3, g.y0, Math.abs(pz[0] - pa[0]) + 6, g.ph);
      }
      if (this.current >= 0 && this.current < n) {
        const [x, y] = this.point(this.current, g);
        c.strokeStyle = '#1040c0';
        c.lineWidth = 2;
        c.beginPath();
        c.arc(x, y, 6, 0, 2 * Math.PI);
        c.stroke();
      }
    }

    // The points, written as pixels (20,000 fillRect calls take tens of milliseconds without a
    // GPU; one putImageData takes one), then the frame and the labels.
    drawPoints(g, dpr, cw, ch) {
      const c = this.canvas.getContext('2d');
      const image = c.createImageData(cw, ch);
      const pixels = new Uint32Array(image.data.buffer);
      const rgba = (hex) => {  // as a little-endian 32-bit pixel
        const v = parseInt(hex.slice(1), 16);
        return (0xff << 24 | (v & 0xff) << 16 | (v >> 8 & 0xff) << 8 | v >> 16) >>> 0;
      };
      const white = rgba('#ffffff');
      const x0 = Math.round(g.x0 * dpr);
      const y0 = Math.round(g.y0 * dpr);
      const x1 = Math.round((g.x0 + g.pw) * dpr);
      const y1 = Math.round((g.y0 + g.ph) * dpr);
      for (let y = y0; y < y1; ++y) pixels.fill(white, y * cw + x0, y * cw + x1);
      const n = this.model.size;
      const size = Math.max(1, Math.round((n > 5000 ? 1.5 : n > 1000 ? 2 : 3) * dpr));
      const colours = {high: rgba(kBandColour.high), medium: rgba(kBandColour.medium),
        low: rgba(kBandColour.low)};
      // Low confidence last, so that it shows on top.
      for (const which of ['high', 'medium', 'low']) {
        const colour = colours[which];
        for (let k = 0; k < n; ++k) {
          if (band(this.model.beads[k].c) !== which || !this.shows(k, g.extent)) continue;
          const [x, y] = this.point(k, g);
          const s = this.model.oneSided(k) ? Math.max(1, size - 1) : size;
          const px = Math.min(Math.max(Math.round(x * dpr - s / 2), x0), x1 - s);
          const py = Math.min(Math.max(Math.round(y * dpr - s / 2), y0), y1 - s);
          for (let dy = 0; dy < s; ++dy) pixels.fill(colour, (py + dy) * cw + px, (py + dy) * cw + px + s);
        }
      }
      c.setTransform(1, 0, 0, 1, 0, 0);
      c.putImageData(image, 0, 0);
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      c.strokeStyle = '#999';
      c.lineWidth = 1;
      c.strokeRect(g.x0 - 0.5, g.y0 - 0.5, g.pw + 1, g.ph + 1);
      c.fillStyle = '#333';
      c.font = '11px sans-serif';
      c.textAlign = 'center';
      c.textBaseline = 'top';
      const src = this.model.sides[0];
      const tgt = this.model.sides[1];
      const e = g.extent;
      c.fillText(src.language + ' \u2192 (' + src.sentences.length + ' sentences)',
          g.x0 + g.pw / 2, g.y0 + g.ph + 14);
      c.textAlign = 'left';
      c.fillText(String(e.s0 + 1), g.x0, g.y0 + g.ph + 3);
      c.textAlign = 'right';
      c.fillText(String(e.s1), g.x0 + g.pw, g.y0 + g.ph + 3);
      c.textAlign = 'center';
      c.save();
      c.translate(10, g.y0 + g.ph / 2);
      c.rotate(-Math.PI / 2);
      c.textBaseline = 'middle';
      c.fillText(tgt.language + ' \u2192 (' + tgt.sentences.length + ')', 0, 0);
      c.restore();
      c.textAlign = 'right';
      c.fillText(String(e.t0 + 1), g.x0 - 3, g.y0);
      c.fillText(String(e.t1), g.x0 - 3, g.y0 + g.ph - 10);
    }

    pick(e) {
      const rect = this.canvas.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      const g = this.geometry();
      let best = -1;
      let bestDistance = Infinity;
      for (let k = 0; k < this.model.size; ++k) {
        if (!this.shows(k, g.extent)) continue;
        const [px, py] = this.point(k, g);
        const d = (px - x) * (px - x) + (py - y) * (py - y);
        if (d < bestDistance) { bestDistance = d; best = k; }
      }
      if (best >= 0) this.onPick(best);
    }
  }

  // ---------------------------------------------------------------------------------------
  // The confidence strip: the whole ladder as one line, bead after bead; on a long corpus it
  // shows where the weak beads are. Each pixel column holds the beads that fall on it and is
  // coloured by the share of them that are weak (automatic, below the threshold; one below 0.5
  // counts twice as much as one above): green (none) through amber to red (all); pale green: all
  // reviewed; grey: all outside the aligned region. (Omissions and additions have their filter
  // and the report's list: on a long corpus there are some in every column.)
  class ConfidenceStrip {
    constructor(canvas, model, onPick) {
      this.canvas = canvas;
      this.model = model;
      this.onPick = onPick;
      this.threshold = kThreshold;
      this.range = null;
      this.current = -1;
      this.zoomed = false;
      canvas.addEventListener('click', (e) => {
        const rect = canvas.getBoundingClientRect();
        const [a, z] = this.extent();
        if (z < a) return;
        const k = a + Math.floor((e.clientX - rect.left) / rect.width * (z - a + 1));
        this.onPick(Math.max(a, Math.min(z, k)));
      });
      new ResizeObserver(() => this.draw()).observe(canvas);
    }

    // The beads shown, [first, last]: all, or (zoomed, as the path plot) the aligned region
    // with a margin.
    extent() {
      const m = this.model;
      if (!this.zoomed || !m.hasRegion()) return [0, m.size - 1];
      const margin = Math.max(1, Math.round((m.regionLast - m.regionFirst + 1) * 0.05));
      return [Math.max(0, m.regionFirst - margin), Math.min(m.size - 1, m.regionLast + margin)];
    }

    zoom(on) {
      this.zoomed = on;
      this.invalidate();
      this.draw();
    }

    // The beads, their records or the threshold changed: the colours are worked out again at
    // the next draw (moving through the list only moves the marks).
    invalidate() { this.image = null; }

    draw() {
      const rect = this.canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(rect.width * dpr));
      const h = Math.max(1, Math.round(rect.height * dpr));
      if (this.canvas.width !== w || this.canvas.height !== h) {
        this.canvas.width = w;
        this.canvas.height = h;
        this.image = null;
      }
      const c = this.canvas.getContext('2d');
      const [first, last] = this.extent();
      const n = Math.max(0, last - first + 1);
      if (!this.image) this.image = this.paint(c, w, h, first, last);
      c.setTransform(1, 0, 0, 1, 0, 0);
      c.putImageData(this.image, 0, 0);
      if (n === 0) return;
      c.setTransform(dpr, 0, 0, dpr, 0, 0);
      const cw = rect.width;
      const at = (k) => Math.max(0, Math.min(cw, (k - first) / n * cw));
      if (this.range) {
        const a = at(this.range[0]);
        const z = at(this.range[1] + 1);
        c.strokeStyle = 'rgba(16, 64, 192, 0.9)';
        c.lineWidth = 1;
        c.strokeRect(Math.floor(a) + 0.5, 0.5, Math.max(2, z - a), rect.height - 1);
      }
      if (this.current >= first && this.current <= last) {
        const x = at(this.current + 0.5);
        c.fillStyle = '#10204f';
        c.fillRect(Math.round(x) - 1, 0, 2, rect.height);
      }
      c.setTransform(1, 0, 0, 1, 0, 0);
    }

    // The colours of beads [first, last] as an image of w x h pixels.
    paint(c, w, h, first, last) {
      const m = this.model;
      const n = Math.max(0, last - first + 1);
      const beads = new Uint32Array(w);     // beads to review in the column
      const reviewed = new Uint32Array(w);
      const outside = new Uint32Array(w);
      const weak = new Float64Array(w);     // weak beads: 0.5 each, 1 below 0.5
      for (let k = first; k <= last; ++k) {
        const x = Math.min(w - 1, Math.floor((k - first) * w / n));
        if (!m.toReview(k)) { ++outside[x]; continue; }
        ++beads[x];
        if (m.status(k) !== 'automatic') ++reviewed[x];
        if (m.lowConfidence(k, this.threshold)) weak[x] += m.beads[k].c < kLow ? 1 : 0.5;
      }
      // A column with no bead of its own (fewer beads than pixels) takes its left neighbour's.
      for (let x = 1; x < w; ++x) {
        if (beads[x] + outside[x] === 0) {
          beads[x] = beads[x - 1];
          reviewed[x] = reviewed[x - 1];
          outside[x] = outside[x - 1];
          weak[x] = weak[x - 1];
        }
      }
      const rgb = (hex) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16),
        parseInt(hex.slice(5, 7), 16)];
      const pack = ([r, g, b]) => (0xff << 24 | b << 16 | g << 8 | r) >>> 0;
      const green = rgb(kBandColour.high);
      const amber = rgb(kBandColour.medium);
      const red = rgb(kBandColour.low);
      const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
      const colour = new Uint32Array(w);
      for (let x = 0; x < w; ++x) {
        if (beads[x] === 0) { colour[x] = pack(rgb('#e2e2e2')); continue; }
        if (reviewed[x] === beads[x]) { colour[x] = pack(rgb('#a8d5b4')); continue; }
        const share = weak[x] / beads[x];  // one amber bead alone: amber; one red: red
        colour[x] = pack(share <= 0.5 ? mix(green, amber, share * 2) :
            mix(amber, red, (share - 0.5) * 2));
      }
      const image = c.createImageData(w, h);
      const pixels = new Uint32Array(image.data.buffer);
      for (let y = 0; y < h; ++y) pixels.set(colour, y * w);
      return image;
    }
  }

  global.Tandem = {band, fold, Model, kFilters, findNext, renderBead, renderFold, describeFold,
    buildView, foldKey, itemBead, itemFold, locate, VirtualList, PathPlot, ConfidenceStrip, kLow, kHigh,
    kThreshold, confText, el};
})(window);
