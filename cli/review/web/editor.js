// The review editor of `tandem review`: the beads side by side (bitext_view.js draws them), the
// path plot, filters and search, and the edits, each sent to the server (cli/review/session.h),
// which applies it through tandem's library, saves the corpus and answers with a patch of the
// ladder. Keys are handled one after the other, each waiting for the edits before it, so that
// typing ahead does what it says.
//
// The list shows rows: beads, and folds (a long run of one-sided beads as one row, that says
// what it holds and opens on a click or o; bitext_view.js buildView). The cursor is always a
// bead; on a fold row it is the fold's first bead, and edits wait until the fold is opened.
'use strict';

(function () {
  const T = window.Tandem;
  const $ = (id) => document.getElementById(id);

  // The token comes in the address tandem printed; it is kept for reloads of the page and taken
  // out of the address bar.
  let token = new URLSearchParams(location.search).get('token');
  if (token) {
    sessionStorage.setItem('tandem-token', token);
    history.replaceState(null, '', '/');
  } else {
    token = sessionStorage.getItem('tandem-token') || '';
  }

  async function api(method, path, body) {
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: {'X-Tandem-Token': token, 'Content-Type': 'application/json'},
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      return {ok: false, status: 0, data: {error: 'tandem review is not answering (stopped?)'}};
    }
    let data;
    try { data = await res.json(); } catch (e) { data = {error: 'HTTP ' + res.status}; }
    return {ok: res.ok, status: res.status, data};
  }

  const state = {
    model: null,
    session: null,
    current: 0,    // bead index
    side: 0,       // 0 source, 1 target
    sentence: 0,   // within the bead, on `side`
    view: {items: [], folds: [], size: 0},  // the rows shown (bitext_view.js buildView)
    opened: new Set(),  // keys of the folds opened
    filter: 'all',
    query: '',
    sides: [0, 1],
    matches: [],   // beads that match the search, in order (for matchesFor)
    matchesFor: '',
    threshold: T.kThreshold,
    evidenceOn: false,  // v: show why the current bead was aligned
    evidence: new Map(),  // bead span -> the server's answer (or 'pending')
    heights: [],   // measured row heights by bead (0: not measured)
    estimates: [], // estimated row heights by bead (0: not estimated yet)
    width: 0,
  };
  let vlist = null;
  let plot = null;
  let strip = null;

  // ------------------------------------------------------------------------------------
  // Messages and the header.
  function message(text, error) {
    const m = $('message');
    m.textContent = text || '';
    m.classList.toggle('error', !!error);
  }

  function updateHeader() {
    const m = state.model;
    const s = state.session;
    const c = m.counts(state.threshold);
    $('progress-bar').style.width = (c.review ? 100 * c.reviewed / c.review : 0) + '%';
    $('progress-text').textContent = c.reviewed + ' of ' + c.review + ' beads reviewed' +
        (c.outside ? ' (the aligned region; ' + c.outside + ' one-sided bead' +
         (c.outside === 1 ? '' : 's') + ' outside it)' : '');
    $('undo').disabled = s.undo === 0;
    $('redo').disabled = s.redo === 0;
    document.body.dataset.version = s.version;
    updateSaveState();
    updateCounts(c);
    updateExport();
  }

  // "saved 10:02:03", "saving...", or what went wrong; and, for tests, the saved version.
  function updateSaveState() {
    const s = state.session;
    const save = $('save-state');
    document.body.dataset.saved = s.saved_version;
    save.classList.toggle('error', !!(s.conflict || s.save_error));
    if (s.conflict) {
      save.textContent = 'not saved: the file changed on disk';
      showConflict(s.conflict);
    } else if (s.save_error) {
      save.textContent = 'not saved (tandem keeps trying): ' + s.save_error;
    } else if (s.saved_version < s.version) {
      save.textContent = 'saving\u2026';
    } else {
      save.textContent = (s.saved ? 'saved ' + s.saved.replace('T', ' ').replace('Z', ' UTC') :
          'nothing changed yet') + ' \u00b7 ' + s.file;
    }
    if (s.saved_version < s.version && !s.conflict) watchSaving();
  }

  // While edits are being written, asks the server how far it got.
  let watching = false;
  function watchSaving() {
    if (watching) return;
    watching = true;
    setTimeout(async () => {
      const r = await api('GET', '/api/state');
      watching = false;
      if (!r.ok || !state.session) return;
      if (r.data.version !== state.session.version) return;  // an answer to come will say
      Object.assign(state.session, {saved_version: r.data.saved_version, saved: r.data.saved,
        conflict: r.data.conflict, save_error: r.data.save_error});
      updateSaveState();
    }, 150);
  }

  // The sidebar: what needs review (the aligned region) and, apart, what lies outside it.
  function updateCounts(c) {
    const m = state.model;
    const t = String(state.threshold);
    const lowAll = c.low + c.lowOutside;
    const rows = [
      ['h', 'to review: the aligned region', m.hasRegion() ?
          'beads ' + (m.regionFirst + 1) + '\u2013' + (m.regionLast + 1) : 'nothing aligned'],
      ['', 'beads', c.review, 'region'],
      ['i', 'two-sided', c.twoSided, 'twosided'],
      ['i', 'omissions (sentences)', c.omissions + ' (' + c.omittedSentences + ')', 'gaps'],
      ['i', 'additions (sentences)', c.additions + ' (' + c.addedSentences + ')', 'gaps'],
      ['i', 'automatic', c.automatic, 'unconfirmed'],
      ['i', 'confirmed', c.confirmed],
      ['i', 'edited', c.edited],
      ['i', 'mean confidence', c.mean.toFixed(3)],
      ['i', '\u2265 0.9 \u00b7 0.5\u20130.9 \u00b7 < 0.5',
        c.bands.high + ' \u00b7 ' + c.bands.medium + ' \u00b7 ' + c.bands.low],
      ['', 'low confidence (< ' + t + ')',
        lowAll + (c.lowOutside ? ' (' + c.lowOutside + ' outside)' : ''), 'low'],
      ['h', 'outside the aligned region', ''],
      ['', 'one-sided beads', c.outside],
      ['i', 'source sentences', c.outsideSource],
      ['i', 'target sentences', c.outsideTarget],
      ['h', 'all beads', m.size],
      ['', 'not 1:1', c.nonOne, 'nonone'],
      ['', 'bookmarked', c.bookmarks, 'bookmarks'],
      ['', 'with a note', c.notes, 'notes'],
    ];
    const table = $('counts');
    table.textContent = '';
    for (const [kind, label, n, filter] of rows) {
      const tr = document.createElement('tr');
      if (kind === 'h') tr.className = 'head';
      if (kind === 'i') tr.className = 'sub';
      const td = T.el('td', '', label);
      if (filter) {
        // A click shows those beads (the filter of the toolbar).
        td.className = 'link';
        td.title = 'show them (filter: ' + T.kFilters[filter].label + ')';
        td.addEventListener('click', () => enqueue(() => setFilter(filter)));
      }
      tr.appendChild(td);
      tr.appendChild(T.el('td', 'n', String(n)));
      tr.dataset.count = label;
      table.appendChild(tr);
    }
  }

  // The way out of the editor: the command that exports what was reviewed.
  function updateExport() {
    const file = state.session.file;
    const stem = file.replace(/\.tei\.xml$|\.xml$/, '');
    $('export-command').textContent =
        'tandem convert ' + quote(file) + ' ' + quote(stem + '.reviewed.tmx') +
        ' --to tmx --status confirmed';
  }
  function quote(path) {
    return /^[\w.\/+-]+$/.test(path) ? path : "'" + path.replace(/'/g, "'\\''") + "'";
  }

  function showConflict(text) {
    $('conflict-text').textContent = text;
    $('conflict').hidden = false;
  }

  // ------------------------------------------------------------------------------------
  // The list.
  function options() {
    return {threshold: state.threshold, query: state.query, sides: state.sides};
  }

  const beadAt = (pos) => T.itemBead(state.view, pos);
  const foldAt = (pos) => T.itemFold(state.view, pos);
  // The row of bead k, or of the first bead after it.
  const position = (k) => T.locate(state.view, k).pos;
  // The fold row the cursor is on, or null.
  function currentFold() {
    const loc = T.locate(state.view, state.current);
    return loc.shown ? foldAt(loc.pos) : null;
  }

  function estimate(pos) {
    if (foldAt(pos)) return 84;
    const k = beadAt(pos);
    if (state.heights[k]) return state.heights[k];
    if (state.estimates[k]) return state.estimates[k];
    const m = state.model;
    const width = Math.max(120, ($('list').clientWidth - 74) / 2 - 48);
    const perLine = width / 7.2;
    let most = 1;
    for (let s = 0; s < 2; ++s) {
      let lines = 0;
      const begin = m.begin(k, s);
      for (let i = begin; i < begin + m.count(k, s); ++i) {
        lines += Math.max(1, Math.ceil(m.sides[s].sentences[i].length / perLine));
      }
      most = Math.max(most, lines);
    }
    state.estimates[k] = most * 20 + 8 + (m.note(k) ? 22 : 0);
    return state.estimates[k];
  }

  // The evidence of bead k as marks and a line of text, when it is shown and known.
  function evidenceOf(k) {
    if (!state.evidenceOn || k !== state.current) return {};
    const e = state.evidence.get(spanKey(k));
    if (!e) return {};
    if (e === 'pending') return {evidence: 'working out the evidence\u2026'};
    const marks = {0: [], 1: []};
    for (const m of e.matches) {
      const title = m.source + ' = ' + m.target + ' (' + m.channel + ': ' + m.origin + ')';
      marks[0].push({text: m.source, cls: 'ev ev-' + m.channel, title});
      marks[1].push({text: m.target, cls: 'ev ev-' + m.channel, title});
    }
    const by = {};
    for (const m of e.matches) by[m.channel] = (by[m.channel] || 0) + 1;
    const matched = Object.keys(by).length ?
        'matched ' + Object.entries(by).map(([c, n]) => n + ' ' + c).join(', ') :
        'no matched words';
    const parts = e.parts.map((p) => p.name + ' ' + p.cost.toFixed(2)).join(', ');
    const length = e.source_length && e.target_length ?
        ' \u00b7 length ' + Math.round(e.source_length) + ' \u2192 ' +
        Math.round(e.target_length) + ' characters (expected ' +
        Math.round(e.expected_target_length) + ')' : '';
    return {marks, evidence: matched + length + ' \u00b7 cost ' + e.cost.toFixed(2) +
        ' = ' + parts + ' (lower is likelier)'};
  }

  function renderRow(pos) {
    const fold = foldAt(pos);
    if (fold) {
      return T.renderFold(state.model, fold, {
        current: state.current >= fold.first && state.current <= fold.last,
      });
    }
    const k = beadAt(pos);
    const ev = evidenceOf(k);
    return T.renderBead(state.model, k, {
      current: k === state.current, side: state.side, sentence: state.sentence,
      query: state.query, querySides: state.sides, marks: ev.marks, evidence: ev.evidence,
    });
  }

  function rebuildView() {
    const m = state.model;
    state.view = T.buildView(m, T.kFilters[state.filter].test, options(), state.opened);
    let shown = state.view.size;
    for (const f of state.view.folds) shown += f.last - f.first;
    const folded = state.view.folds.length ?
        ' \u00b7 ' + state.view.folds.length + ' folded run' +
        (state.view.folds.length === 1 ? '' : 's') + ' (o opens)' : '';
    $('counter').textContent = (state.filter === 'all' ? m.size + ' beads' :
        shown + ' of ' + m.size + ' beads') + folded;
  }

  // Shows the list again after the beads or the filter changed, keeping the current bead where
  // it was on the screen.
  function relist() {
    const list = $('list');
    const before = vlist.rows.size ? offsetOnScreen() : null;
    rebuildView();
    vlist.reset(state.view.size, /*later=*/true);
    const pos = position(state.current);
    if (before !== null && pos < state.view.size) {
      list.scrollTop = Math.max(0, vlist.prefix(pos) - before);
    }
    vlist.update();
    reveal('nearest');
    drawPlot();
  }

  function offsetOnScreen() {
    const pos = position(state.current);
    if (pos >= state.view.size) return null;
    const offset = vlist.prefix(pos) - $('list').scrollTop;
    return offset >= 0 && offset < $('list').clientHeight ? offset : null;
  }

  function reveal(how) {
    if (state.view.size === 0) return;
    vlist.reveal(Math.min(position(state.current), state.view.size - 1), how);
  }

  function drawPlot() {
    if (!plot) return;
    plot.current = state.current;
    strip.current = state.current;
    if (vlist.count > 0) {
      const [a, z] = vlist.visible();
      const last = Math.min(z, state.view.size - 1);
      const lastFold = foldAt(last);
      plot.range = [beadAt(a), lastFold ? lastFold.last : beadAt(last)];
    } else {
      plot.range = null;
    }
    strip.range = plot.range;
    plot.draw();
    strip.draw();
  }

  // Moves the cursor to bead k (and shows it). The sentence cursor goes to the first sentence.
  // With `open`, a fold that holds k is opened (a jump, a search, a click in the plot go to the
  // bead itself); without, the cursor may rest on the fold's row.
  function go(k, how, open) {
    const m = state.model;
    if (k < 0 || k >= m.size) return;
    const old = state.current;
    state.current = k;
    if (old !== k) state.sentence = 0;
    clampCursor();
    let loc = T.locate(state.view, k);
    let again = false;
    if (!loc.shown && state.filter !== 'all') {
      // Not shown by the filter: show everything rather than hide where the cursor is.
      state.filter = 'all';
      $('filter').value = 'all';
      rebuildView();
      loc = T.locate(state.view, k);
      again = true;
    }
    const fold = loc.shown ? foldAt(loc.pos) : null;
    if (fold && open) {
      state.opened.add(fold.key);
      again = true;
    } else if (fold) {
      state.current = fold.first;
      state.sentence = 0;
    }
    if (again) {
      relist();
      reveal(how || 'nearest');
      afterMove();
      return;
    }
    rerender(old, state.current);
    reveal(how || 'nearest');
    drawPlot();
    afterMove();
  }

  // Draws the rows of these beads again, if they are shown.
  function rerender(...beads) {
    const positions = [];
    for (const k of beads) {
      const loc = T.locate(state.view, k);
      if (loc.shown && !positions.includes(loc.pos)) positions.push(loc.pos);
    }
    vlist.rerender(...positions);
  }

  function clampCursor() {
    const m = state.model;
    state.current = Math.max(0, Math.min(state.current, m.size - 1));
    const n = m.count(state.current, state.side);
    state.sentence = Math.max(0, Math.min(state.sentence, n - 1));
  }

  // The next row after the current one (dir 1) or before it (-1).
  function step(dir) {
    const v = state.view;
    if (v.size === 0) return;
    const loc = T.locate(v, state.current);
    let target;
    if (dir > 0) {
      target = loc.shown ? loc.pos + 1 : loc.pos;
    } else {
      target = loc.pos - 1;
    }
    target = Math.max(0, Math.min(target, v.size - 1));
    go(beadAt(target));
  }

  function jump(test, dir, what) {
    const k = T.findNext(state.model, state.current, dir, test);
    if (k < 0) {
      message('no ' + what + ' bead');
      return;
    }
    const wrapped = dir > 0 ? k <= state.current : k >= state.current;
    message((wrapped ? 'wrapped around: ' : '') + what + ' bead ' + (k + 1));
    go(k, 'center', /*open=*/true);
  }

  // o: opens the fold the cursor is on, or folds again the opened run the cursor is in.
  function toggleFold() {
    const fold = currentFold();
    if (fold) {
      state.opened.add(fold.key);
      relist();
      message('showing beads ' + (fold.first + 1) + '\u2013' + (fold.last + 1));
      return;
    }
    const m = state.model;
    const k = state.current;
    if (!m.oneSided(k)) { message('o opens and closes runs of beads without counterpart'); return; }
    let first = k;
    while (first > 0 && m.oneSided(first - 1) && m.zone(first - 1) === m.zone(k)) --first;
    const key = T.foldKey ? T.foldKey(m, first) : null;
    if (key && state.opened.delete(key)) {
      state.current = first;
      relist();
      message('folded the run again');
    } else {
      message('this run is too short to fold');
    }
  }

  // With the cursor on a fold, an edit waits: what it would change is not in sight.
  function onFold() {
    const fold = currentFold();
    if (!fold) return false;
    message('beads ' + (fold.first + 1) + '\u2013' + (fold.last + 1) +
        ' are folded: press o (or click the row) to show them first', true);
    return true;
  }

  // After the cursor moved: the evidence follows it while it is shown.
  function afterMove() {
    if (state.evidenceOn && !currentFold()) requestEvidence(state.current);
    showMatchCount();
  }

  // ------------------------------------------------------------------------------------
  // Why a bead was aligned: the words the aligner matched (as `tandem align --explain` prints
  // them), from the server, which works them out with the aligner's model of the pair (made once,
  // on the first request).
  function spanKey(k) {
    const b = state.model.beads[k];
    return b.sb + ',' + b.sc + ',' + b.tb + ',' + b.tc;
  }

  async function requestEvidence(k) {
    const key = spanKey(k);
    if (state.evidence.has(key)) { rerender(k); return; }
    state.evidence.set(key, 'pending');
    rerender(k);
    const b = state.model.beads[k];
    if (!state.evidenceReady) {
      message('working out the evidence: the aligner looks at the pair once (about as long as ' +
          'aligning it took)\u2026');
    }
    const r = await api('GET', '/api/explain?sb=' + b.sb + '&sc=' + b.sc + '&tb=' + b.tb +
        '&tc=' + b.tc);
    if (!r.ok) {
      state.evidence.delete(key);
      message(r.data.error || ('HTTP ' + r.status), true);
      rerender(k);
      return;
    }
    if (!state.evidenceReady) message('');
    state.evidenceReady = true;
    state.evidence.set(key, r.data);
    document.body.dataset.evidence = key;
    // The cursor may have moved on meanwhile; the bead may have changed.
    if (state.evidenceOn && spanKey(state.current) === key) rerender(state.current);
  }

  function toggleEvidence() {
    state.evidenceOn = !state.evidenceOn;
    $('evidence').classList.toggle('on', state.evidenceOn);
    if (state.evidenceOn) {
      if (onFold()) { state.evidenceOn = false; return; }
      requestEvidence(state.current);
    } else {
      rerender(state.current);
    }
  }

  // ------------------------------------------------------------------------------------
  // Edits.
  function afterPatch(p) {
    const added = p.beads.length;
    // Row heights of the beads the patch replaced are measured again.
    state.heights.splice(p.first, p.remove, ...new Array(added).fill(0));
    state.estimates.splice(p.first, p.remove, ...new Array(added).fill(0));
    plot.invalidate();
    strip.invalidate();
    let k = state.current;
    if (k >= p.first + p.remove) {
      k += added - p.remove;
    } else if (k >= p.first) {
      k = Math.min(k, p.first + added - 1);
    }
    state.current = k;
    clampCursor();
  }

  async function change(path, body, keep) {
    document.body.dataset.busy = '1';
    const r = await api('POST', path, Object.assign({version: state.session.version}, body));
    document.body.dataset.busy = '0';
    if (r.ok) {
      state.model.applyPatch(r.data.patch);
      Object.assign(state.session, {version: r.data.version, undo: r.data.undo,
        redo: r.data.redo, saved: r.data.saved, saved_version: r.data.saved_version,
        save_error: r.data.save_error});
      afterPatch(r.data.patch);
      if (keep !== undefined) state.current = keep;
      relist();
      updateHeader();
      message(r.data.message);
      return true;
    }
    if (r.status === 409 && r.data.reason === 'stale') {
      message(r.data.error, true);
      await load();
    } else if (r.status === 409 && r.data.reason === 'disk') {
      state.session.conflict = r.data.error;
      updateSaveState();
      message('not saved: ' + r.data.error, true);
    } else {
      message(r.data.error || ('HTTP ' + r.status), true);
    }
    return false;
  }

  const sideName = () => (state.side === 0 ? 'source' : 'target');
  const edit = (kind, extra) => (onFold() ? Promise.resolve(false) :
    change('/api/edit', Object.assign({kind, bead: state.current}, extra || {})));

  async function confirmAndGo() {
    if (currentFold()) { toggleFold(); return; }  // Enter on a fold opens it
    if (state.model.status(state.current) === 'automatic') {
      if (!await edit('confirm')) return;
    }
    step(1);
  }

  async function editNote() {
    if (onFold()) return;
    const dialog = $('note-dialog');
    const text = $('note-text');
    $('note-label').textContent = 'Note on bead ' + (state.current + 1);
    text.value = state.model.note(state.current);
    const result = await new Promise((resolve) => {
      const keys = (e) => {
        if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); done(text.value); }
        if (e.key === 'Escape') { e.preventDefault(); done(null); }
      };
      const done = (value) => {
        text.removeEventListener('keydown', keys);
        dialog.close();
        resolve(value);
      };
      text.addEventListener('keydown', keys);
      dialog.showModal();
      placeDialog(dialog);
      text.focus();
    });
    $('list').focus();
    if (result === null || result === state.model.note(state.current)) return;
    await edit('note', {note: result});
  }

  // The note dialog goes above or below the bead it is about, never over it.
  function placeDialog(dialog) {
    const row = document.querySelector('.bead.current');
    dialog.style.margin = '0';
    dialog.style.left = Math.max(8, (window.innerWidth - dialog.offsetWidth) / 2) + 'px';
    if (!row) {
      dialog.style.top = '80px';
      return;
    }
    const r = row.getBoundingClientRect();
    const h = dialog.offsetHeight;
    const below = r.bottom + 12;
    const above = r.top - 12 - h;
    if (below + h <= window.innerHeight - 8) {
      dialog.style.top = below + 'px';
    } else if (above >= 8) {
      dialog.style.top = above + 'px';
    } else {
      // A bead taller than the window: the dialog at the bottom, over the bead's end.
      dialog.style.top = Math.max(8, window.innerHeight - h - 8) + 'px';
    }
  }

  async function realign() {
    message('re-aligning what is not reviewed\u2026');
    await change('/api/realign', {});
  }

  async function reloadFromDisk() {
    const r = await api('POST', '/api/reload', {});
    if (!r.ok) { message(r.data.error, true); return; }
    $('conflict').hidden = true;
    start(r.data);
    message('read the file again from disk');
  }

  // ------------------------------------------------------------------------------------
  // Keys. Each key is an action; actions run one after the other.
  const kFilterOrder = Object.keys(T.kFilters);
  const unconfirmed = (k) => T.kFilters.unconfirmed.test(state.model, k);
  const low = (k) => state.model.lowConfidence(k, state.threshold);
  const notOne = (k) => !state.model.oneToOne(k);
  const bookmarked = (k) => state.model.bookmarked(k);

  function pageSize() {
    const [a, z] = vlist.visible();
    return Math.max(1, z - a);
  }

  const actions = {
    'j': () => step(1), 'ArrowDown': () => step(1),
    'k': () => step(-1), 'ArrowUp': () => step(-1),
    'h': () => setSide(0), 'ArrowLeft': () => setSide(0),
    'l': () => setSide(1), 'ArrowRight': () => setSide(1),
    'Tab': () => setSide(1 - state.side),
    'J': () => setSentence(1), 'K': () => setSentence(-1),
    'g': () => go(state.view.size ? beadAt(0) : 0),
    'Home': () => go(state.view.size ? beadAt(0) : 0),
    'G': () => go(state.view.size ? beadAt(state.view.size - 1) : 0),
    'End': () => go(state.view.size ? beadAt(state.view.size - 1) : 0),
    'PageDown': () => state.view.size &&
        go(beadAt(Math.min(position(state.current) + pageSize(), state.view.size - 1))),
    'PageUp': () => state.view.size &&
        go(beadAt(Math.max(position(state.current) - pageSize(), 0))),
    'c': confirmAndGo, 'Enter': confirmAndGo,
    // On a fold: everything up to its end.
    'C': () => {
      const fold = currentFold();
      return fold ? change('/api/edit', {kind: 'confirm-up-to', bead: fold.last}) :
          edit('confirm-up-to');
    },
    'm': () => edit('merge'),
    's': () => edit('split', {side: sideName(), sentence: state.sentence}),
    '[': () => edit('move-first-to-previous', {side: sideName()}),
    ']': () => edit('move-last-to-next', {side: sideName()}),
    'x': () => edit('detach', {side: sideName(), sentence: state.sentence}),
    'a': () => edit('link-next'),
    'A': () => edit('link-previous'),
    'b': () => edit('bookmark', {bookmark: !state.model.bookmarked(state.current)}),
    'e': editNote,
    'u': () => change('/api/undo', {}), 'U': () => change('/api/redo', {}),
    'n': () => jump(unconfirmed, 1, 'unconfirmed'), 'N': () => jump(unconfirmed, -1, 'unconfirmed'),
    'w': () => jump(low, 1, 'low-confidence'), 'W': () => jump(low, -1, 'low-confidence'),
    't': () => jump(notOne, 1, 'not 1:1'), 'T': () => jump(notOne, -1, 'not 1:1'),
    '\'': () => jump(bookmarked, 1, 'bookmarked'), '"': () => jump(bookmarked, -1, 'bookmarked'),
    '/': () => { $('search').focus(); $('search').select(); },
    'f': () => setFilter(kFilterOrder[(kFilterOrder.indexOf(state.filter) + 1) %
        kFilterOrder.length]),
    'R': realign,
    'z': () => {
      $('zoom').checked = !$('zoom').checked;
      plot.zoom($('zoom').checked);
      strip.zoom($('zoom').checked);
    },
    'o': toggleFold,
    'v': toggleEvidence,
    '#': () => { $('goto').focus(); $('goto').select(); },
    ':': () => { $('goto').focus(); $('goto').select(); },
    '?': () => { $('help').hidden = !$('help').hidden; },
    'Escape': () => { $('help').hidden = true; },
  };
  const ctrlActions = {'z': actions.u, 'y': actions.U, 'Z': actions.U};

  function setSide(s) {
    state.side = s;
    state.sentence = 0;
    clampCursor();
    rerender(state.current);
  }

  function setSentence(dir) {
    const n = state.model.count(state.current, state.side);
    state.sentence = Math.max(0, Math.min(state.sentence + dir, n - 1));
    rerender(state.current);
  }

  function setFilter(f) {
    state.filter = f;
    $('filter').value = f;
    relist();
  }

  const queue = [];
  let running = false;
  async function pump() {
    if (running) return;
    running = true;
    while (queue.length) {
      const action = queue.shift();
      try {
        await action();
      } catch (e) {
        message('error in the editor: ' + e, true);
      }
    }
    running = false;
  }
  function enqueue(action) {
    if (queue.length > 100) return;  // a key held down: do not run away
    queue.push(action);
    pump();
  }

  document.addEventListener('keydown', (e) => {
    if (!state.model) return;
    const tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if ($('note-dialog').open) return;
    let action;
    // With Caps Lock on, a letter's case comes from Shift alone: c stays "confirm" and does not
    // become C, "confirm everything up to here"; Ctrl+z stays undo.
    let key = e.key;
    if (key.length === 1 && /[a-z]/i.test(key) && e.getModifierState('CapsLock')) {
      key = e.shiftKey ? key.toUpperCase() : key.toLowerCase();
    }
    if (e.ctrlKey || e.metaKey) {
      action = ctrlActions[key];
    } else if (!e.altKey) {
      action = actions[key];
      if (e.key === 'ArrowDown' && e.shiftKey) action = actions.J;
      if (e.key === 'ArrowUp' && e.shiftKey) action = actions.K;
      if (e.key === 'Tab' && e.shiftKey) action = actions.Tab;
    }
    if (!action) return;
    e.preventDefault();
    if (!$('help').hidden && key !== '?' && key !== 'Escape') $('help').hidden = true;
    enqueue(action);
  });

  for (const button of document.querySelectorAll('button[data-key]')) {
    button.addEventListener('click', () => {
      enqueue(actions[button.dataset.key]);
      $('list').focus();
    });
  }

  // ------------------------------------------------------------------------------------
  // Filters and search.
  const filter = $('filter');
  for (const [key, f] of Object.entries(T.kFilters)) {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = f.label;
    filter.appendChild(option);
  }
  filter.addEventListener('change', () => { setFilter(filter.value); $('list').focus(); });
  $('threshold').value = String(T.kThreshold);
  $('threshold').addEventListener('change', () => {
    const t = Number($('threshold').value);
    if (t >= 0 && t <= 1) state.threshold = t;
    strip.threshold = state.threshold;
    strip.invalidate();
    if (state.filter === 'low') relist();
    updateCounts(state.model.counts(state.threshold));
    strip.draw();
  });

  const search = $('search');
  let searchTimer = 0;
  function applyQuery() {
    state.query = T.fold(search.value.trim());
    state.sides = $('search-side').value === 'both' ? [0, 1] : [Number($('search-side').value)];
    showMatchCount();
    if (state.filter === 'search') relist(); else vlist.refresh();
  }

  // The beads that match the search, worked out once per query and state of the beads, in the
  // browser's idle time, a slice at a time (on 20,000 beads it takes tens of milliseconds, which
  // no key should wait for).
  const matchKey = () => state.query + '\u0000' + state.sides.join() + '\u0000' +
      (state.model.generation || 0);
  const matchesKnown = () => state.matchesFor === matchKey();
  let matchJob = null;
  function findMatches(done) {
    const key = matchKey();
    if (matchJob && matchJob.key === key) return;  // already on its way
    const o = options();
    const job = {key, k: 0, found: []};
    matchJob = job;
    const slice = (deadline) => {
      if (matchJob !== job) return;  // another search took over
      // At most 1,000 beads (a few milliseconds) at a time: a key pressed meanwhile waits for
      // no more than that.
      const m = state.model;
      if (deadline.timeRemaining() > 1) {
        const end = Math.min(m.size, job.k + 1000);
        for (; job.k < end; ++job.k) if (m.matches(job.k, o.query, o.sides)) job.found.push(job.k);
      }
      if (job.k < m.size) { requestIdleCallback(slice); return; }
      matchJob = null;
      if (matchKey() !== key) return;  // the beads or the query changed meanwhile
      state.matches = job.found;
      state.matchesFor = key;
      done();
    };
    requestIdleCallback(slice);
  }

  // "match 3 of 10" beside the search box: which match the cursor is on. With `find`, the
  // matches are worked out when they are not known (a search); else (a move, an edit) the count
  // is left out until the next search.
  function showMatchCount(find) {
    const out = $('search-count');
    if (!state.query) { out.textContent = ''; return; }
    if (!matchesKnown()) {
      out.textContent = '';
      if (find) findMatches(() => showMatchCount());
      return;
    }
    if (!state.matches.length) { out.textContent = 'no match'; return; }
    let lo = 0;
    let hi = state.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (state.matches[mid] < state.current) lo = mid + 1; else hi = mid;
    }
    out.textContent = state.matches[lo] === state.current ?
        'match ' + (lo + 1) + ' of ' + state.matches.length :
        state.matches.length + ' match' + (state.matches.length === 1 ? '' : 'es');
  }
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applyQuery, 150);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(searchTimer);
      applyQuery();
      if (!state.query) return;
      const o = options();
      jump((k) => state.model.matches(k, o.query, o.sides), e.shiftKey ? -1 : 1, 'matching');
      showMatchCount(/*find=*/true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      $('list').focus();
    }
  });
  // Go to bead N.
  $('goto').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const n = Number($('goto').value);
      if (!Number.isInteger(n) || n < 1 || n > state.model.size) {
        message('there is no bead ' + $('goto').value + ' (the alignment has ' +
            state.model.size + ' beads)', true);
        return;
      }
      $('list').focus();
      enqueue(() => { go(n - 1, 'center', /*open=*/true); message('bead ' + n); });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      $('list').focus();
    }
  });
  $('search-side').addEventListener('change', applyQuery);
  $('reload').addEventListener('click', reloadFromDisk);
  $('zoom').addEventListener('change', () => {
    plot.zoom($('zoom').checked);
    strip.zoom($('zoom').checked);
    $('list').focus();
  });
  $('evidence').addEventListener('click', () => { enqueue(toggleEvidence); $('list').focus(); });

  // ------------------------------------------------------------------------------------
  // Start.
  function start(corpus) {
    const first = !state.model;
    state.session = corpus.session;
    state.model = new T.Model(corpus.data);
    state.heights = new Array(state.model.size).fill(0);
    state.estimates = new Array(state.model.size).fill(0);
    state.evidence.clear();
    state.matchesFor = '';
    matchJob = null;
    // The first time, where the reviewer stopped last time, or the aligned region.
    if (first) state.current = state.model.startBead(state.session.reviewer);
    clampCursor();
    document.title = 'tandem review: ' + state.model.title;
    $('title').textContent = state.model.title;
    $('source-head').title = state.model.sides[0].name;
    $('target-head').title = state.model.sides[1].name;
    $('source-head').textContent =
        state.model.sides[0].title + ' (' + state.model.sides[0].language + ')';
    $('target-head').textContent =
        state.model.sides[1].title + ' (' + state.model.sides[1].language + ')';
    if (!plot) {
      plot = new T.PathPlot($('plot'), state.model, (k) => enqueue(() => go(k, 'center', true)));
      strip = new T.ConfidenceStrip($('strip'), state.model,
          (k) => enqueue(() => go(k, 'center', true)));
    }
    plot.model = state.model;
    strip.model = state.model;
    strip.threshold = state.threshold;
    plot.invalidate();
    strip.invalidate();
    if (first) {
      // A translation inside a longer document: the plot starts on the aligned part.
      $('zoom').checked = plot.partial();
      plot.zoom($('zoom').checked);
      strip.zoom($('zoom').checked);
    }
    rebuildView();
    vlist.reset(state.view.size);
    $('conflict').hidden = true;
    updateHeader();
    if (state.query) applyQuery();
    go(state.current, 'center');
    if (first && state.model.hasRegion() && state.current === state.model.regionFirst) {
      message('the aligned region starts here, at bead ' + (state.current + 1) + '; what lies ' +
          'outside it is folded');
    } else if (first && state.current > 0) {
      message('continuing after your last change: bead ' + (state.current + 1));
    }
    document.body.dataset.busy = '0';
  }

  async function load() {
    document.body.dataset.busy = '1';
    const r = await api('GET', '/api/corpus');
    if (!r.ok) {
      message(r.data.error || ('HTTP ' + r.status), true);
      $('save-state').textContent = 'could not load the corpus';
      return;
    }
    start(r.data);
  }

  vlist = new T.VirtualList($('list'), renderRow, estimate);
  vlist.onMeasure = (pos, h) => { if (!foldAt(pos)) state.heights[beadAt(pos)] = h; };
  vlist.onWidth = () => { state.heights.fill(0); state.estimates.fill(0); };
  $('list').addEventListener('click', (e) => {
    const row = e.target.closest('.bead');
    if (!row) return;
    const k = Number(row.dataset.bead);
    if (row.dataset.fold) {
      enqueue(() => go(k, 'nearest', /*open=*/true));
      $('list').focus();
      return;
    }
    const sentence = e.target.closest('.s');
    const cell = e.target.closest('.side');
    enqueue(() => {
      if (cell) state.side = cell.classList.contains('src') ? 0 : 1;
      state.sentence = sentence ? Number(sentence.dataset.offset) : 0;
      const old = state.current;
      state.current = k;
      clampCursor();
      rerender(old, k);
      drawPlot();
      afterMove();
      showMatchCount();
    });
    $('list').focus();
  });
  let plotPending = false;
  $('list').addEventListener('scroll', () => {
    if (plotPending) return;
    plotPending = true;
    requestAnimationFrame(() => { plotPending = false; drawPlot(); });
  }, {passive: true});
  $('help').appendChild($('keys').querySelector('table').cloneNode(true));
  $('help').addEventListener('click', () => { $('help').hidden = true; });

  // Another program may change the file while the page is open: ask now and then.
  setInterval(async () => {
    if (!state.session || running || document.hidden) return;
    const r = await api('GET', '/api/state');
    if (!r.ok) return;
    if (r.data.conflict && !state.session.conflict) {
      state.session.conflict = r.data.conflict;
      updateSaveState();
    }
    if (r.data.version !== state.session.version && !running) {
      message('the corpus changed in another tab; showing it as it is now');
      await load();
    }
  }, 3000);

  load().then(() => $('list').focus());
})();
