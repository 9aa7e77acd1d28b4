// `tandem report`: the read-only side-by-side view, the path plot, the confidence strip, filters
// and text search over the data embedded in the page (bitext_view.js does the work). Long runs
// of beads without counterpart are folded into one row, opened by a click.
'use strict';

(function () {
  const T = window.Tandem;
  const data = JSON.parse(document.getElementById('tandem-data').textContent);
  const model = new T.Model(data);
  const state = {current: 0, view: {items: [], folds: [], size: 0}, opened: new Set(),
    filter: 'all', query: '', sides: [0, 1]};
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

  const options = () => ({threshold: T.kThreshold, query: state.query, sides: state.sides});
  const beadAt = (pos) => T.itemBead(state.view, pos);
  const foldAt = (pos) => T.itemFold(state.view, pos);

  // The height of a row before it is drawn: lines of text at about 7 pixels a character.
  function estimate(pos) {
    if (foldAt(pos)) return 84;
    const k = beadAt(pos);
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
    const fold = foldAt(pos);
    if (fold) {
      const row = T.renderFold(model, fold,
          {current: state.current >= fold.first && state.current <= fold.last});
      row.addEventListener('click', () => go(fold.first, 'nearest', true));
      return row;
    }
    const k = beadAt(pos);
    const row = T.renderBead(model, k, {current: k === state.current, side: -1, sentence: -1,
      query: state.query ? state.query : '', querySides: state.sides});
    row.addEventListener('click', () => go(k, 'nearest'));
    return row;
  }, estimate);

  const plot = new T.PathPlot(document.getElementById('plot'), model,
      (k) => go(k, 'center', true));
  const strip = new T.ConfidenceStrip(document.getElementById('strip'), model,
      (k) => go(k, 'center', true));
  const zoom = document.getElementById('zoom');
  zoom.addEventListener('change', () => { plot.zoom(zoom.checked); strip.zoom(zoom.checked); });
  // A translation inside a longer document: the plot and the strip start on the aligned part.
  zoom.checked = plot.partial();
  plot.zoom(zoom.checked);
  strip.zoom(zoom.checked);

  function rebuild() {
    state.view = T.buildView(model, T.kFilters[state.filter].test, options(), state.opened);
    let shown = state.view.size;
    for (const f of state.view.folds) shown += f.last - f.first;
    counter.textContent = shown + ' of ' + model.size + ' beads' +
        (state.view.folds.length ? ' \u00b7 ' + state.view.folds.length + ' folded run' +
         (state.view.folds.length === 1 ? '' : 's') : '');
    vlist.reset(state.view.size);
    draw();
  }

  function draw() {
    if (vlist.count > 0) {
      const [a, z] = vlist.visible();
      const last = Math.min(z, state.view.size - 1);
      const lastFold = foldAt(last);
      plot.range = [beadAt(a), lastFold ? lastFold.last : beadAt(last)];
    } else {
      plot.range = null;
    }
    strip.range = plot.range;
    plot.current = state.current;
    strip.current = state.current;
    plot.draw();
    strip.draw();
  }

  // Shows bead k; `open`: a fold that holds it is opened.
  function go(k, how, open) {
    if (k < 0 || k >= model.size) return;
    let loc = T.locate(state.view, k);
    if (!loc.shown) {  // not shown: show everything
      state.filter = 'all';
      filter.value = 'all';
      rebuild();
      loc = T.locate(state.view, k);
    }
    const fold = loc.shown ? foldAt(loc.pos) : null;
    if (fold && open) {
      state.opened.add(fold.key);
      rebuild();
      loc = T.locate(state.view, k);
    }
    state.current = k;
    vlist.refresh();
    vlist.reveal(loc.pos, how);
    draw();
  }

  list.addEventListener('scroll', draw, {passive: true});

  filter.addEventListener('change', () => { state.filter = filter.value; rebuild(); });
  function runSearch(dir) {
    state.query = T.fold(search.value.trim());
    state.sides = searchSide.value === 'both' ? [0, 1] : [Number(searchSide.value)];
    if (state.filter === 'search') rebuild(); else vlist.refresh();
    if (!state.query) return;
    const o = options();
    go(T.findNext(model, state.current, dir, (k) => model.matches(k, o.query, o.sides)),
        'center', true);
  }
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); runSearch(e.shiftKey ? -1 : 1); }
    if (e.key === 'Escape') { search.blur(); }
  });
  searchSide.addEventListener('change', () => runSearch(1));

  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
    const pos = T.locate(state.view, state.current).pos;
    if (e.key === 'j' || e.key === 'ArrowDown') {
      go(beadAt(Math.min(pos + 1, state.view.size - 1)), 'nearest');
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      go(beadAt(Math.max(pos - 1, 0)), 'nearest');
    } else if (e.key === 'o' || e.key === 'Enter') {
      go(state.current, 'nearest', true);
    } else if (e.key === '/') {
      search.focus();
    } else {
      return;
    }
    e.preventDefault();
  });

  for (const a of document.querySelectorAll('a[data-bead]')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      go(Number(a.dataset.bead), 'center', true);
    });
  }

  rebuild();
  go(model.hasRegion() ? model.regionFirst : 0, 'nearest');
})();
