// How responsive the review editor is on a large corpus, measured in Debian's chromium:
//   node bench/review_responsiveness.cjs CORPUS.tei.xml
// (TANDEM_BINARY, TANDEM_SOURCE_DIR and NODE_PATH as for tests/browser; bench/review_bench.sh
// sets them and makes a corpus of 20,000 beads.) Prints the time from a key press to the next
// painted frame for navigation, jumps and search; for edits, the time until the page shows the
// server's answer (the server applies the edit and answers with a patch of the ladder) and until
// the server has written the whole TEI file with it; scrolling; loading; and how many bead rows
// the document holds.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const h = require(path.join(process.env.TANDEM_SOURCE_DIR, 'tests', 'browser', 'harness.cjs'));

function stats(name, all) {
  const ms = all.filter((x) => !Number.isNaN(x));
  if (ms.length < all.length) name += ` (${all.length - ms.length} refused)`;
  if (ms.length === 0) { console.log(name + ': nothing measured'); return; }
  const s = ms.slice().sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  console.log(`${name.padEnd(44)} n=${String(s.length).padStart(4)}  median ${q(0.5).toFixed(1)
      .padStart(7)} ms  p95 ${q(0.95).toFixed(1).padStart(7)} ms  max ${s[s.length - 1].toFixed(1)
      .padStart(7)} ms`);
}

// In the page: presses `key` (a synthetic keydown, as the browser would send) and resolves with
// the milliseconds until the frame after the editor finished handling it.
async function pressTimed(page, keys, until) {
  return page.evaluate(async ({keys, until}) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = async () => {
      // The editor runs keys one after another; wait until it is idle (no request in flight).
      while (document.body.dataset.busy === '1') await new Promise((r) => setTimeout(r, 1));
    };
    const times = [];
    for (const key of keys) {
      const before = Number(document.body.dataset.version);
      const t0 = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', {key, shiftKey: key.length === 1 &&
        key !== key.toLowerCase(), bubbles: true, cancelable: true}));
      if (until === 'version') {
        // An edit that cannot be made answers an error and changes no version: 10 s at most.
        const limit = t0 + 10000;
        while (Number(document.body.dataset.version) === before && performance.now() < limit) {
          await new Promise((r) => setTimeout(r, 1));
        }
        if (Number(document.body.dataset.version) === before) {
          times.push(NaN);
          continue;
        }
      }
      if (until === 'saved') {
        // The server answers at once and writes the file behind: until the file holds it.
        const limit = t0 + 20000;
        while ((Number(document.body.dataset.version) === before ||
                document.body.dataset.saved !== document.body.dataset.version) &&
               performance.now() < limit) {
          await new Promise((r) => setTimeout(r, 1));
        }
      }
      await idle();
      await frame();
      times.push(performance.now() - t0);
    }
    return times;
  }, {keys, until});
}

async function main() {
  const corpus = process.argv[2];
  if (!corpus) { console.error('usage: review_responsiveness.cjs CORPUS.tei.xml'); process.exit(2); }
  const work = h.tempDir('bench');
  const copy = path.join(work, 'corpus.tei.xml');
  fs.copyFileSync(corpus, copy);
  const bytes = fs.statSync(copy).size;

  let t = Date.now();
  const server = await h.startReview(copy);
  const serverStart = Date.now() - t;
  const browser = await h.launch();
  try {
    const page = await browser.newPage({viewport: {width: 1440, height: 900}});
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    t = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('.bead.current');
    await page.waitForFunction(() => document.body.dataset.busy === '0');
    const load = Date.now() - t;
    const beads = await page.evaluate(() => Number(document.querySelector('#counter')
        .textContent.split(' ')[0]));
    console.log(`corpus: ${beads} beads, ${(bytes / 1e6).toFixed(1)} MB of TEI`);
    console.log(`tandem review started (read the corpus) in ${serverStart} ms; ` +
        `page loaded and drawn in ${load} ms`);

    stats('next bead (j), key to painted frame', await pressTimed(page, Array(300).fill('j')));
    stats('previous bead (k)', await pressTimed(page, Array(100).fill('k')));
    stats('page down (PageDown)', await pressTimed(page, Array(50).fill('PageDown')));
    stats('last / first bead (G, g)', await pressTimed(page, Array(20).fill(0).map((_, i) =>
      i % 2 ? 'g' : 'G')));
    stats('next non-1:1 (t)', await pressTimed(page, Array(50).fill('t')));
    stats('next low confidence (w)', await pressTimed(page, Array(50).fill('w')));
    stats('switch side, next sentence (l, J, h)', await pressTimed(page,
        Array(30).fill(['l', 'J', 'h']).flat()));

    // Scrolling: the list jumps to 60 places spread over the whole corpus.
    const scroll = await page.evaluate(async () => {
      const list = document.getElementById('list');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const times = [];
      for (let i = 0; i < 60; ++i) {
        const t0 = performance.now();
        list.scrollTop = (list.scrollHeight - list.clientHeight) * ((i * 37) % 60) / 60;
        await frame();
        await frame();
        times.push(performance.now() - t0);
      }
      return {times, rows: document.querySelectorAll('.bead').length};
    });
    stats('scroll to anywhere, two frames', scroll.times);
    console.log(`bead rows in the document while scrolling: ${scroll.rows} (of ${beads})`);

    // Search: type a word and go to the next match.
    const search = await page.evaluate(async () => {
      const input = document.getElementById('search');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const times = [];
      for (const word of ['der', 'commune', 'zürich', 'berg', 'la']) {
        input.value = word;
        const t0 = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
        await frame();
        times.push(performance.now() - t0);
      }
      input.blur();
      return times;
    });
    stats('search both texts, next match (Enter)', search);

    // Edits: each is applied by the server, which saves the whole corpus, and drawn from the
    // patch it answers.
    await page.keyboard.press('g');
    stats('confirm and go on (c): key to answer drawn', await pressTimed(page,
        Array(30).fill('c'), 'version'));
    stats('confirm (c): key to the edit written to the file', await pressTimed(page,
        Array(10).fill('c'), 'saved'));
    stats('merge (m)', await pressTimed(page, Array(10).fill('m'), 'version'));
    stats('undo (u)', await pressTimed(page, Array(10).fill('u'), 'version'));
    stats('bookmark (b)', await pressTimed(page, Array(10).fill('b'), 'version'));
    // A merged bead has two sentences or more on the target side: split it there again.
    await page.keyboard.press('l');
    stats('merge, then split on the target side (m, s)', await pressTimed(page,
        Array(10).fill(['m', 's']).flat(), 'version'));
    await page.keyboard.press('G');
    stats('confirm everything up to here (C)', await pressTimed(page, ['C'], 'version'));
    stats('undo of that (u)', await pressTimed(page, ['u'], 'version'));
    stats('re-align the rest (R)', await pressTimed(page, ['R'], 'version'));

    const rows = await page.locator('.bead').count();
    console.log(`bead rows in the document at the end: ${rows}`);
    if (errors.length) {
      console.error('errors in the page:', errors);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(work, {recursive: true, force: true});
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
