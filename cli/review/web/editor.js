// The review editor of `tandem review`: the beads side by side (bitext_view.js draws them), the
// path plot, filters and search, and the edits, each sent to the server (cli/review/session.h),
// which applies it through tandem's library, saves the corpus and answers with a patch of the
// ladder. Keys are handled one after the other, each waiting for the edits before it, so that
// typing ahead does what it says.
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
    view: [],      // bead indices shown, in order
    filter: 'all',
    query: '',
    sides: [0, 1],
    threshold: T.kLow,
    heights: [],   // measured row heights by bead (0: not measured)
    estimates: [], // estimated row heights by bead (0: not estimated yet)
    width: 0,
  };
  let vlist = null;
  let plot = null;

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
    const reviewed = m.reviewedCount();
    $('progress-bar').style.width = (m.size ? 100 * reviewed / m.size : 0) + '%';
    $('progress-text').textContent = reviewed + ' of ' + m.size + ' beads reviewed';
    $('undo').disabled = s.undo === 0;
    $('redo').disabled = s.redo === 0;
    document.body.dataset.version = s.version;
    updateSaveState();
    updateCounts();
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

  function updateCounts() {
    const m = state.model;
    const by = {automatic: 0, confirmed: 0, edited: 0};
    const bands = {low: 0, medium: 0, high: 0};
    let nonOne = 0;
    let unaligned = 0;
    let bookmarks = 0;
    for (let k = 0; k < m.size; ++k) {
      ++by[m.status(k)];
      ++bands[T.band(m.beads[k].c)];
      if (!m.oneToOne(k)) ++nonOne;
      if (m.oneSided(k)) ++unaligned;
      if (m.bookmarked(k)) ++bookmarks;
    }
    const rows = [
      ['beads', m.size], ['automatic', by.automatic], ['confirmed', by.confirmed],
      ['edited', by.edited], ['not 1:1', nonOne], ['unaligned (1:0, 0:1)', unaligned],
      ['low confidence', bands.low], ['bookmarked', bookmarks],
    ];
    const table = $('counts');
    table.textContent = '';
    for (const [label, n] of rows) {
      const tr = document.createElement('tr');
      tr.appendChild(T.el('td', '', label));
      tr.appendChild(T.el('td', 'n', String(n)));
      table.appendChild(tr);
    }
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

  function estimate(pos) {
    const k = state.view[pos];
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

  function renderRow(pos) {
    const k = state.view[pos];
    const current = k === state.current;
    const row = T.renderBead(state.model, k, {
      current, side: state.side, sentence: state.sentence,
      query: state.query, querySides: state.sides,
    });
    return row;
  }

  // The position in the view of bead k, or of the first bead after it.
  function position(k) {
    let lo = 0;
    let hi = state.view.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (state.view[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function rebuildView() {
    const m = state.model;
    const test = T.kFilters[state.filter].test;
    const o = options();
    const view = [];
    for (let k = 0; k < m.size; ++k) if (test(m, k, o)) view.push(k);
    state.view = view;
    $('counter').textContent = state.filter === 'all' ? m.size + ' beads' :
        view.length + ' of ' + m.size + ' beads';
  }

  // Shows the list again after the beads or the filter changed, keeping the current bead where
  // it was on the screen.
  function relist() {
    const list = $('list');
    const before = vlist.rows.size ? offsetOnScreen() : null;
    rebuildView();
    vlist.reset(state.view.length, /*later=*/true);
    const pos = position(state.current);
    if (before !== null && pos < state.view.length) {
      list.scrollTop = Math.max(0, vlist.prefix(pos) - before);
    }
    vlist.update();
    reveal('nearest');
    drawPlot();
  }

  function offsetOnScreen() {
    const pos = position(state.current);
    if (pos >= state.view.length) return null;
    const offset = vlist.prefix(pos) - $('list').scrollTop;
    return offset >= 0 && offset < $('list').clientHeight ? offset : null;
  }

  function reveal(how) {
    if (state.view.length === 0) return;
    vlist.reveal(Math.min(position(state.current), state.view.length - 1), how);
  }

  function drawPlot() {
    if (!plot) return;
    plot.current = state.current;
    if (vlist.count > 0) {
      const [a, z] = vlist.visible();
      plot.range = [state.view[a], state.view[Math.min(z, state.view.length - 1)]];
    } else {
      plot.range = null;
    }
    plot.draw();
  }

  // Moves the cursor to bead k (and shows it). The sentence cursor goes to the first sentence.
  function go(k, how) {
    const m = state.model;
    if (k < 0 || k >= m.size) return;
    const old = state.current;
    state.current = k;
    if (old !== k) state.sentence = 0;
    clampCursor();
    if (state.view[position(k)] !== k && state.filter !== 'all') {
      // Not shown by the filter: show everything rather than hide where the cursor is.
      state.filter = 'all';
      $('filter').value = 'all';
      relist();
      return;
    }
    rerender(old, k);
    reveal(how || 'nearest');
    drawPlot();
  }

  // Draws the rows of these beads again, if they are shown.
  function rerender(...beads) {
    const positions = [];
    for (const k of beads) {
      const pos = position(k);
      if (state.view[pos] === k) positions.push(pos);
    }
    vlist.rerender(...positions);
  }

  function clampCursor() {
    const m = state.model;
    state.current = Math.max(0, Math.min(state.current, m.size - 1));
    const n = m.count(state.current, state.side);
    state.sentence = Math.max(0, Math.min(state.sentence, n - 1));
  }

  // The next bead in the view after the current one (dir 1) or before it (-1).
  function step(dir) {
    const v = state.view;
    if (v.length === 0) return;
    const pos = position(state.current);
    let target;
    if (dir > 0) {
      target = v[pos] === state.current ? pos + 1 : pos;
    } else {
      target = pos - 1;
    }
    target = Math.max(0, Math.min(target, v.length - 1));
    go(v[target]);
  }

  function jump(test, dir, what) {
    const k = T.findNext(state.model, state.current, dir, test);
    if (k < 0) {
      message('no ' + what + ' bead');
      return;
    }
    const wrapped = dir > 0 ? k <= state.current : k >= state.current;
    message((wrapped ? 'wrapped around: ' : '') + what + ' bead ' + (k + 1));
    go(k, 'center');
  }

  // ------------------------------------------------------------------------------------
  // Edits.
  function afterPatch(p) {
    const added = p.beads.length;
    // Row heights of the beads the patch replaced are measured again.
    state.heights.splice(p.first, p.remove, ...new Array(added).fill(0));
    state.estimates.splice(p.first, p.remove, ...new Array(added).fill(0));
    plot.invalidate();
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
  const edit = (kind, extra) =>
    change('/api/edit', Object.assign({kind, bead: state.current}, extra || {}));

  async function confirmAndGo() {
    if (state.model.status(state.current) === 'automatic') {
      if (!await edit('confirm')) return;
    }
    step(1);
  }

  async function editNote() {
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
      text.focus();
    });
    $('list').focus();
    if (result === null || result === state.model.note(state.current)) return;
    await edit('note', {note: result});
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
  const unconfirmed = (k) => state.model.status(k) === 'automatic';
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
    'g': () => go(state.view.length ? state.view[0] : 0),
    'Home': () => go(state.view.length ? state.view[0] : 0),
    'G': () => go(state.view.length ? state.view[state.view.length - 1] : 0),
    'End': () => go(state.view.length ? state.view[state.view.length - 1] : 0),
    'PageDown': () => go(state.view[Math.min(position(state.current) + pageSize(),
        state.view.length - 1)]),
    'PageUp': () => go(state.view[Math.max(position(state.current) - pageSize(), 0)]),
    'c': confirmAndGo, 'Enter': confirmAndGo,
    'C': () => edit('confirm-up-to'),
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
    'z': () => { $('zoom').checked = !$('zoom').checked; plot.zoom($('zoom').checked); },
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
    if (e.ctrlKey || e.metaKey) {
      action = ctrlActions[e.key];
    } else if (!e.altKey) {
      action = actions[e.key];
      if (e.key === 'ArrowDown' && e.shiftKey) action = actions.J;
      if (e.key === 'ArrowUp' && e.shiftKey) action = actions.K;
      if (e.key === 'Tab' && e.shiftKey) action = actions.Tab;
    }
    if (!action) return;
    e.preventDefault();
    if (!$('help').hidden && e.key !== '?' && e.key !== 'Escape') $('help').hidden = true;
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
  $('threshold').addEventListener('change', () => {
    const t = Number($('threshold').value);
    if (t >= 0 && t <= 1) state.threshold = t;
    if (state.filter === 'low') relist();
  });

  const search = $('search');
  let searchTimer = 0;
  function applyQuery() {
    state.query = T.fold(search.value.trim());
    state.sides = $('search-side').value === 'both' ? [0, 1] : [Number($('search-side').value)];
    if (state.filter === 'search') relist(); else vlist.refresh();
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
    } else if (e.key === 'Escape') {
      e.preventDefault();
      $('list').focus();
    }
  });
  $('search-side').addEventListener('change', applyQuery);
  $('reload').addEventListener('click', reloadFromDisk);
  $('zoom').addEventListener('change', () => { plot.zoom($('zoom').checked); $('list').focus(); });

  // ------------------------------------------------------------------------------------
  // Start.
  function start(corpus) {
    state.session = corpus.session;
    state.model = new T.Model(corpus.data);
    state.heights = new Array(state.model.size).fill(0);
    state.estimates = new Array(state.model.size).fill(0);
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
      plot = new T.PathPlot($('plot'), state.model, (k) => enqueue(() => go(k, 'center')));
    }
    plot.model = state.model;
    plot.invalidate();
    rebuildView();
    vlist.reset(state.view.length);
    $('conflict').hidden = true;
    updateHeader();
    go(state.current, 'center');
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
  vlist.onMeasure = (pos, h) => { state.heights[state.view[pos]] = h; };
  vlist.onWidth = () => { state.heights.fill(0); state.estimates.fill(0); };
  $('list').addEventListener('click', (e) => {
    const row = e.target.closest('.bead');
    if (!row) return;
    const k = Number(row.dataset.bead);
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
