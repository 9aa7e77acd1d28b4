// `tandem report`: the read-only side-by-side view, the path plot, a filter and text search
// over the data embedded in the page (bitext_view.js does the work).
'use strict';

(function () {
  const T = window.Tandem;
  const data = JSON.parse(document.getElementById('tandem-data').textContent);
  const model = new T.Model(data);
  const state = {current: 0, view: [], filter: 'all', query: '', sides: [0, 1]};
  const list = document.getElementById('list');
  const filter = document.getElementById('filter');
  const search = document.getElementById('search');
  const searchSide = document.getElementById('search-side');
  const counter = document.getElementById('counter');
  document.getElementById('source-head').title = model.sides[0].name;
  document.getElementById('target-head').title = model.sides[1].name;
  document.getElementById('source-head').textContent =
      model.sides[0].title + ' (' + model.sides[0].language + ')';
  document.getElementById('target-head').textContent =
      model.sides[1].title + ' (' + model.sides[1].language + ')';

  for (const [key, f] of Object.entries(T.kFilters)) {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = f.label;
    filter.appendChild(option);
  }

  const options = () => ({threshold: T.kLow, query: state.query, sides: state.sides});

  // The height of a row before it is drawn: lines of text at about 7 pixels a character.
  function estimate(pos) {
    const k = state.view[pos];
    const width = Math.max(120, (list.clientWidth - 74) / 2 - 48);
    const perLine = width / 7.2;
    let most = 1;
    for (let s = 0; s < 2; ++s) {
      let lines = 0;
      const begin = model.begin(k, s);
      for (let i = begin; i < begin + model.count(k, s); ++i) {
        lines += Math.max(1, Math.ceil(model.sides[s].sentences[i].length / perLine));
      }
      most = Math.max(most, lines);
    }
    return most * 20 + 8 + (model.note(k) ? 22 : 0);
  }

  const vlist = new T.VirtualList(list, (pos) => {
    const k = state.view[pos];
    const row = T.renderBead(model, k, {current: k === state.current, side: -1, sentence: -1,
      query: state.query ? state.query : '', querySides: state.sides});
    row.addEventListener('click', () => go(k, 'nearest'));
    return row;
  }, estimate);

  const plot = new T.PathPlot(document.getElementById('plot'), model, (k) => go(k, 'center'));
  const zoom = document.getElementById('zoom');
  zoom.addEventListener('change', () => plot.zoom(zoom.checked));

  function position(k) {
    let lo = 0;
    let hi = state.view.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (state.view[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function rebuild() {
    const test = T.kFilters[state.filter].test;
    const o = options();
    state.view = [];
    for (let k = 0; k < model.size; ++k) if (test(model, k, o)) state.view.push(k);
    counter.textContent = state.view.length + ' of ' + model.size + ' beads';
    vlist.reset(state.view.length);
    plot.draw();
  }

  function go(k, how) {
    if (k < 0) return;
    if (state.view[position(k)] !== k) {  // not shown: show everything
      state.filter = 'all';
      filter.value = 'all';
      rebuild();
    }
    state.current = k;
    vlist.refresh();
    vlist.reveal(position(k), how);
    plot.current = k;
    plot.draw();
  }

  list.addEventListener('scroll', () => {
    const [a, z] = vlist.visible();
    plot.range = [state.view[a], state.view[z]];
    plot.draw();
  }, {passive: true});

  filter.addEventListener('change', () => { state.filter = filter.value; rebuild(); });
  function runSearch(dir) {
    state.query = T.fold(search.value.trim());
    state.sides = searchSide.value === 'both' ? [0, 1] : [Number(searchSide.value)];
    if (state.filter === 'search') rebuild(); else vlist.refresh();
    if (!state.query) return;
    const o = options();
    go(T.findNext(model, state.current, dir, (k) => model.matches(k, o.query, o.sides)),
        'center');
  }
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); runSearch(e.shiftKey ? -1 : 1); }
    if (e.key === 'Escape') { search.blur(); }
  });
  searchSide.addEventListener('change', () => runSearch(1));

  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
    const pos = position(state.current);
    if (e.key === 'j' || e.key === 'ArrowDown') {
      go(state.view[Math.min(pos + 1, state.view.length - 1)], 'nearest');
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      go(state.view[Math.max(pos - 1, 0)], 'nearest');
    } else if (e.key === '/') {
      search.focus();
    } else {
      return;
    }
    e.preventDefault();
  });

  for (const a of document.querySelectorAll('a[data-bead]')) {
    a.addEventListener('click', (e) => { e.preventDefault(); go(Number(a.dataset.bead), 'center'); });
  }

  rebuild();
  go(0, 'nearest');
})();
