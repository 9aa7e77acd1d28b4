// End-to-end test of `tandem review` in a real browser (Debian's chromium, driven by
// playwright-core): open the bundled pair, merge a bead, confirm another, undo one step, and
// check the TEI file on disk after each step; then confirm everything with the keyboard alone
// and check that the saved corpus validates (`tandem validate --schema`, and jing with
// tei_all.rng when the shared data are there).
// Every action is a key press: the editor is usable without a mouse.
//   ctest -R browser.review_e2e      (sets TANDEM_BINARY, TANDEM_SOURCE_DIR, NODE_PATH)
'use strict';

const assert = require('node:assert/strict');
const {spawnSync} = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

// The beads of a saved corpus: [{id, kind: 'link'|'ptr', targets, status, resp}].
function beadsOf(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const group = xml.slice(xml.indexOf('<linkGrp'), xml.indexOf('</linkGrp>'));
  const beads = [];
  for (const m of group.matchAll(/<(link|ptr) ([^>]*)\/>/g)) {
    const attr = (name) => {
      const a = m[2].match(new RegExp('\\b' + name + '="([^"]*)"'));
      return a ? a[1] : '';
    };
    beads.push({id: attr('xml:id'), kind: m[1], targets: attr('target').split(' '),
      status: attr('ana').replace('#review.', ''), resp: attr('resp')});
  }
  return beads;
}

function statuses(beads) {
  const count = {automatic: 0, confirmed: 0, edited: 0};
  for (const b of beads) ++count[b.status];
  return count;
}

// The saved corpus against tandem's schema and the checks beyond it (`tandem validate --schema`)
// and, when the shared third-party data are there (TANDEM_SHARED), against TEI's tei_all.rng.
let teiAllChecked = false;
function validate(file) {
  const own = spawnSync(h.binary, ['validate', '--schema', file], {encoding: 'utf8'});
  assert.equal(own.status, 0, 'tandem validate --schema rejects the saved corpus:\n' +
      own.stdout + own.stderr);
  const shared = process.env.TANDEM_SHARED;
  if (!shared || !fs.existsSync(shared)) return;
  const jing = spawnSync('jing', [path.join(shared, 'schemas', 'tei', 'tei_all.rng'), file],
    {encoding: 'utf8'});
  assert.equal(jing.status, 0, 'jing rejects the saved corpus:\n' + jing.stdout + jing.stderr +
      (jing.error ? String(jing.error) : ''));
  teiAllChecked = true;
}

async function main() {
  const dir = h.tempDir('e2e');
  const corpus = h.alignSample(dir);
  const original = beadsOf(corpus);
  assert.ok(original.length > 100, 'the bundled pair has ' + original.length + ' beads');
  assert.deepEqual(statuses(original), {automatic: original.length, confirmed: 0, edited: 0});

  const server = await h.startReview(corpus);
  const browser = await h.launch();
  const errors = [];
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.waitForSelector('.bead.current');
    let v = await h.version(page);
    // The token left the address bar; the page shows the corpus and the path plot.
    assert.ok(!page.url().includes('token='), 'the token stays in the address bar');
    // It opens on the aligned region (the first two-sided bead), with the front matter before it
    // folded into one row.
    const start = Number(await page.locator('.bead.current').getAttribute('data-bead'));
    const firstTwoSided = original.findIndex((b) => b.kind === 'link');
    assert.equal(start, firstTwoSided, 'the editor did not open on the aligned region');
    assert.equal(await page.locator('.bead.fold').first().getAttribute('data-bead'), '0');
    const plot = await page.locator('#plot').boundingBox();
    assert.ok(plot.width > 100 && plot.height > 100, 'the path plot is drawn');
    // Only the rows in sight are in the document.
    const rows = await page.locator('.bead').count();
    assert.ok(rows < 80, rows + ' rows rendered for ' + original.length + ' beads');

    // 1. Merge the bead two below with the next: two beads become one, edited, by the reviewer.
    const m = start + 2;
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    v = await h.settled(page, v);
    let saved = beadsOf(corpus);
    assert.equal(saved.length, original.length - 1, 'one bead fewer after the merge');
    assert.equal(saved[m].status, 'edited');
    assert.deepEqual(saved[m].targets, original[m].targets.concat(original[m + 1].targets).sort(
        (a, b) => (a.startsWith('#en') === b.startsWith('#en') ? 0 : a.startsWith('#en') ? -1 : 1)));
    assert.match(fs.readFileSync(corpus, 'utf8'), /<name>e2e<\/name>/);
    assert.ok(fs.existsSync(corpus + '.bak'), 'the previous version is kept as a backup');
    assert.equal(beadsOf(corpus + '.bak').length, original.length);
    const merged = original[m].targets.concat(original[m + 1].targets);
    assert.equal(await page.locator('.bead.current .type').textContent(),
        merged.filter((t) => t.startsWith('#en')).length + ':' +
        merged.filter((t) => t.startsWith('#hu')).length);

    // 2. Confirm the next bead (c confirms and moves on).
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    v = await h.settled(page, v);
    saved = beadsOf(corpus);
    assert.deepEqual(statuses(saved), {automatic: saved.length - 2, confirmed: 1, edited: 1});
    assert.equal(saved[m + 1].status, 'confirmed');
    assert.equal(await page.locator('.bead.current').getAttribute('data-bead'), String(m + 2));

    // 3. Undo: the confirmation goes, the merge stays.
    await page.keyboard.press('u');
    v = await h.settled(page, v);
    saved = beadsOf(corpus);
    assert.deepEqual(statuses(saved), {automatic: saved.length - 1, confirmed: 0, edited: 1});
    assert.equal(saved.length, original.length - 1);
    // ... and redo brings it back; undo again leaves the state of step 3.
    await page.keyboard.press('U');
    v = await h.settled(page, v);
    assert.equal(statuses(beadsOf(corpus)).confirmed, 1);
    await page.keyboard.press('Control+z');
    v = await h.settled(page, v);
    assert.equal(statuses(beadsOf(corpus)).confirmed, 0);
    validate(corpus);

    // 4. The rest with the keyboard only: jump to the next unconfirmed bead, bookmark it, add a
    // note, then go to the end (a folded run: the text after the letter) and confirm everything
    // up to there.
    await page.keyboard.press('n');
    await page.keyboard.press('b');
    v = await h.settled(page, v);
    await page.keyboard.press('e');
    await page.keyboard.type('check & <compare>');
    await page.keyboard.press('Enter');
    v = await h.settled(page, v);
    await page.keyboard.press('G');
    await page.keyboard.press('C');
    v = await h.settled(page, v);
    saved = beadsOf(corpus);
    assert.deepEqual(statuses(saved), {automatic: 0, confirmed: saved.length - 1, edited: 1});
    // Progress counts what needs review: the aligned region, not the one-sided text outside it.
    const lastTwoSided = saved.length - 1 - saved.slice().reverse().findIndex((b) => b.kind === 'link');
    const region = lastTwoSided - firstTwoSided + 1;
    assert.equal(await page.locator('#progress-text').textContent(),
        region + ' of ' + region + ' beads reviewed (the aligned region; ' +
        (saved.length - region) + ' one-sided beads outside it)');
    const xml = fs.readFileSync(corpus, 'utf8');
    assert.match(xml, /motivation="bookmarking"/);
    assert.match(xml, /<note>check &amp; &lt;compare&gt;<\/note>/);
    validate(corpus);

    // 5. Searching and the filters find their beads.
    await page.keyboard.press('/');
    await page.keyboard.type('Volynsky');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bead.current mark');
    await page.keyboard.press('Escape');

    assert.deepEqual(errors, [], 'errors in the page');

    // 6. A change on disk by another program: the editor refuses to overwrite it.
    fs.appendFileSync(corpus, '\n');
    const before = fs.readFileSync(corpus, 'utf8');
    await page.keyboard.press('k');
    await page.keyboard.press('b');
    await page.waitForSelector('#conflict:not([hidden])');
    assert.match(await page.locator('#conflict-text').textContent(), /changed on disk/);
    assert.equal(fs.readFileSync(corpus, 'utf8'), before, 'the changed file was overwritten');
    assert.deepEqual(errors.filter((e) => !e.includes('409')), [], 'errors in the page');
    console.log('review_e2e: ok (' + original.length + ' beads; merged, confirmed, undone, ' +
        'redone, confirmed all, validated' + (teiAllChecked ? ' (also against tei_all.rng)' :
      ' (tei_all.rng not checked: the shared data are absent)') + '; conflict refused)');
  } finally {
    await browser.close();
    // The bookmark pressed after the other program's change was either refused at once (the
    // editor's poll had seen the change) or made in memory and never written: then tandem says
    // so when it stops, and fails.
    const code = await server.stop();
    if (code === 1) {
      assert.match(server.stderr(), /the last changes could not be saved: .* will not overwrite/);
    } else {
      assert.equal(code, 0, 'tandem review did not stop cleanly: ' + server.stderr());
    }
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
