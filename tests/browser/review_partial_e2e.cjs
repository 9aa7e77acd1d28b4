// The reviewer's view of a partial translation, in a real browser: the bundled letter inside a
// much longer Hungarian collection, aligned from one directory and reviewed from others, as a
// user would. The editor opens on the aligned region with the front matter folded; folds open
// and close; the filters for two-sided beads, the aligned region and its omissions and additions
// show what they say; counts use one low-confidence threshold (0.9); the evidence the aligner
// matched is highlighted on demand; go to bead N, "match i of n", Caps Lock, the note dialog
// beside its bead and the note's author; the export command. The saved corpus still points at
// its sources and validates without a warning, and a second session, started from yet another
// directory, continues after the last change.
//   ctest -R browser.review_partial_e2e      (sets TANDEM_BINARY, TANDEM_SOURCE_DIR, NODE_PATH)
'use strict';

const assert = require('node:assert/strict');
const {spawnSync} = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

// The beads of a saved corpus: [{kind: 'link'|'ptr', status, resp}], and its source pointers.
function beadsOf(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const group = xml.slice(xml.indexOf('<linkGrp'), xml.indexOf('</linkGrp>'));
  const beads = [];
  for (const m of group.matchAll(/<(link|ptr) ([^>]*)\/>/g)) {
    const attr = (name) => {
      const a = m[2].match(new RegExp('\\b' + name + '="([^"]*)"'));
      return a ? a[1] : '';
    };
    beads.push({kind: m[1], status: attr('ana').replace('#review.', ''), resp: attr('resp'),
      cert: Number(attr('cert'))});
  }
  return beads;
}

function pointersOf(file) {
  const xml = fs.readFileSync(file, 'utf8');
  return [...xml.matchAll(/<ptr target="([^"#]*)"\/>|<idno type="path">([^<]*)</g)]
      .map((m) => m[1] || m[2]);
}

// jing with tei_all.rng when ../shared has it, and `tandem validate`, run in `cwd`: no error,
// no warning (a source file that cannot be found is one).
function validate(file, cwd) {
  const rng = path.join(h.sourceDir, '..', 'shared', 'schemas', 'tei', 'tei_all.rng');
  if (fs.existsSync(rng)) {
    const jing = spawnSync('jing', [rng, path.resolve(cwd, file)], {encoding: 'utf8'});
    assert.equal(jing.status, 0, 'jing rejects the saved corpus:\n' + jing.stdout + jing.stderr);
  }
  const own = spawnSync(h.binary, ['validate', file], {encoding: 'utf8', cwd});
  assert.equal(own.status, 0, own.stdout + own.stderr);
  assert.match(own.stderr, /valid \(0 errors, 0 warnings;/, 'tandem validate, in ' + cwd + ':\n' +
      own.stdout + own.stderr);
}

const counter = (page) => page.locator('#counter').textContent();
const current = async (page) =>
  Number(await page.locator('.bead.current').first().getAttribute('data-bead'));
const countOf = async (page, label) => (await page.locator(
    '#counts tr[data-count="' + label + '"] td.n').textContent()).trim();

async function main() {
  const dir = h.tempDir('partial');
  const letter = path.join(dir, 'texts', 'letter');
  fs.mkdirSync(letter, {recursive: true});
  fs.mkdirSync(path.join(dir, 'out'));
  fs.mkdirSync(path.join(dir, 'elsewhere'));
  const sample = path.join(h.sourceDir, 'corpora', 'samples', 'reply-to-stalin');
  for (const f of ['en.txt', 'hu.txt', 'metadata.json']) {
    fs.copyFileSync(path.join(sample, f), path.join(letter, f));
  }
  // Aligned from the top directory, with paths as a user gives them there.
  h.tandem(['align', '-q', '-s', 'en', '-t', 'hu', 'texts/letter/en.txt', 'texts/letter/hu.txt',
    '--metadata', 'texts/letter/metadata.json', '-o', 'out/pair.tei.xml'],
  {cwd: dir, env: Object.assign({}, process.env, {SOURCE_DATE_EPOCH: '1767225600'})});
  const corpus = path.join(dir, 'out', 'pair.tei.xml');
  const expectedPointers = ['../texts/letter/en.txt', '../texts/letter/en.txt',
    '../texts/letter/hu.txt', '../texts/letter/hu.txt'];
  assert.deepEqual(pointersOf(corpus), expectedPointers);
  const original = beadsOf(corpus);
  const first = original.findIndex((b) => b.kind === 'link');
  const last = original.length - 1 - original.slice().reverse().findIndex((b) => b.kind === 'link');
  const region = last - first + 1;
  const twoSided = original.filter((b) => b.kind === 'link').length;
  const gaps = region - twoSided;
  assert.ok(first > 5 && last < original.length - 100, 'the letter is not inside the collection');

  // The session runs in the corpus's own directory: `cd out && tandem review pair.tei.xml`.
  let server = await h.startReview('pair.tei.xml', [], path.join(dir, 'out'));
  let browser = await h.launch();
  const errors = [];
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.waitForSelector('.bead.current');
    let v = await h.version(page);

    // 1. It opens on the aligned region; the text before it is one folded row.
    assert.equal(await current(page), first);
    assert.match(await page.locator('#message').textContent(), /the aligned region starts here/);
    const fold = page.locator('.bead.fold').first();
    assert.equal(await fold.getAttribute('data-bead'), '0');
    assert.match(await fold.textContent(), /without counterpart, before the aligned region/);
    assert.match(await counter(page), /^\d+ beads · \d+ folded runs \(o opens\)$/);
    assert.equal(await page.locator('.bead[data-bead="0"]:not(.fold)').count(), 0);
    // The progress counts the region, not the 678 one-sided beads outside it.
    assert.equal(await page.locator('#progress-text').textContent(), '0 of ' + region +
        ' beads reviewed (the aligned region; ' + (original.length - region) +
        ' one-sided beads outside it)');
    // The plot starts zoomed to the region.
    assert.ok(await page.locator('#zoom').isChecked());

    // 2. Folding: g goes to the fold's row; an edit there waits; o opens it, o folds it again;
    // a click opens it too.
    await page.keyboard.press('g');
    await page.waitForSelector('.bead.fold.current');
    await page.keyboard.press('m');
    await page.waitForFunction(() => /are folded: press o/.test(
        document.getElementById('message').textContent));
    await page.keyboard.press('o');
    await page.waitForSelector('.bead.current[data-bead="0"]:not(.fold)');
    assert.equal(await page.locator('.bead.fold[data-bead="0"]').count(), 0);
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForSelector('.bead.fold.current[data-bead="0"]');
    await page.locator('.bead.fold[data-bead="0"]').click();
    await page.waitForSelector('.bead[data-bead="0"]:not(.fold)');
    assert.equal(await h.version(page), v, 'folding changed the corpus');

    // 3. Filters: the aligned region, two-sided beads, omissions and additions.
    for (const [filter, n] of [['region', region], ['twosided', twoSided], ['gaps', gaps]]) {
      await page.selectOption('#filter', filter);
      assert.equal(await counter(page), n + ' of ' + original.length + ' beads', filter);
    }
    if (gaps > 0) {
      assert.ok(await page.locator('.bead.omission, .bead.addition').count() > 0);
    }
    // One threshold: the sidebar's low-confidence count is what the filter shows (0.9).
    assert.equal(await page.locator('#threshold').inputValue(), '0.9');
    const lowLabel = 'low confidence (< 0.9)';
    const low = Number((await countOf(page, lowLabel)).split(' ')[0]);
    await page.selectOption('#filter', 'low');
    // (one-sided beads among them may stand in a folded run, which the counter mentions)
    assert.ok((await counter(page)).startsWith(low + ' of ' + original.length + ' beads'),
              await counter(page));
    assert.equal(low, original.filter((b) => b.cert < 0.9).length);
    // A confidence below the threshold never shows as the threshold.
    assert.equal(await page.evaluate(() => Tandem.confText(0.8953)), '0.89');
    await page.selectOption('#filter', 'all');

    // 4. Why a bead was aligned: the matched words, on demand, on both sides.
    await page.locator('#list').focus();
    await page.keyboard.press('#');
    await page.keyboard.type(String(first + 2));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bead.current[data-bead="' + (first + 1) + '"]');
    await page.keyboard.press('v');
    await page.waitForSelector('.bead.current .src mark.ev', {timeout: 60000});
    await page.waitForSelector('.bead.current .tgt mark.ev');
    assert.match(await page.locator('.bead.current .evidence').textContent(),
        /matched .* · cost -?\d/);
    const title = await page.locator('.bead.current mark.ev').first().getAttribute('title');
    assert.match(title, / = .* \((dictionary|numbers|names|learned): /);
    // It follows the cursor, and goes away with a second v.
    await page.keyboard.press('j');
    await page.waitForSelector('.bead.current[data-bead="' + (first + 2) + '"] .evidence');
    await page.keyboard.press('v');
    await page.waitForFunction(() => !document.querySelector('.bead.current .evidence'));

    // 5. Go to bead N opens the fold that holds it; search says which match it is on.
    await page.keyboard.press('#');
    await page.keyboard.type(String(last + 30));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bead.current[data-bead="' + (last + 29) + '"]:not(.fold)');
    await page.keyboard.press('/');
    await page.keyboard.type('Volynsky');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^match \d+ of \d+$/.test(
        document.getElementById('search-count').textContent));
    const [, i, matches] = (await page.locator('#search-count').textContent())
        .match(/^match (\d+) of (\d+)$/).map(Number);
    assert.ok(matches >= 2, matches + ' matches');
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => document.getElementById('search-count').textContent ===
        want, 'match ' + (i % matches + 1) + ' of ' + matches);
    await page.keyboard.press('Escape');

    // 6. Caps Lock: c (a capital c without Shift) confirms one bead, not everything up to here.
    const before = beadsOf(corpus).filter((b) => b.status === 'confirmed').length;
    const at = await current(page);
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown',
        {key: 'C', modifierCapsLock: true, bubbles: true, cancelable: true})));
    v = await h.settled(page, v);
    let saved = beadsOf(corpus);
    assert.equal(saved.filter((b) => b.status === 'confirmed').length, before + 1);
    assert.equal(saved[at].status, 'confirmed');
    assert.equal(await current(page), at + 1, 'c goes on to the next bead');

    // 7. A note: the dialog stands beside the bead, not over it; the note records who wrote it
    // and when, and the bead stays automatic (a note is no verdict).
    const noted = await current(page);
    await page.keyboard.press('e');
    await page.waitForSelector('#note-dialog[open]');
    const d = await page.locator('#note-dialog').boundingBox();
    const r = await page.locator('.bead.current').boundingBox();
    assert.ok(d.y >= r.y + r.height || d.y + d.height <= r.y,
        'the note dialog covers its bead: ' + JSON.stringify({d, r}));
    await page.keyboard.type('check the names');
    await page.keyboard.press('Enter');
    v = await h.settled(page, v);
    saved = beadsOf(corpus);
    assert.equal(saved[noted].status, 'automatic');
    assert.match(saved[noted].resp, /^#reviewer\.\d+$/);
    assert.match(fs.readFileSync(corpus, 'utf8'), /<note>check the names<\/note>/);

    // 8. The strip goes where it is clicked; the export command names this corpus.
    const strip = await page.locator('#strip').boundingBox();
    await page.mouse.click(strip.x + strip.width / 2, strip.y + strip.height / 2);
    await page.waitForFunction((k) => {
      const row = document.querySelector('.bead.current');
      return row && Number(row.dataset.bead) !== k;
    }, noted);
    assert.equal(await page.locator('#export-command').textContent(),
        'tandem convert pair.tei.xml pair.reviewed.tmx --to tmx --status confirmed');

    // The last change of this session: confirm a bead in the region.
    await page.keyboard.press('#');
    await page.keyboard.type(String(first + 11));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bead.current[data-bead="' + (first + 10) + '"]');
    await page.keyboard.press('c');
    v = await h.settled(page, v);
    assert.deepEqual(errors, [], 'errors in the page');
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0, 'tandem review did not stop cleanly: ' + server.stderr());
  }

  // The saved corpus still points at the sources, from wherever it is validated.
  assert.deepEqual(pointersOf(corpus), expectedPointers);
  validate('out/pair.tei.xml', dir);
  validate('pair.tei.xml', path.join(dir, 'out'));
  validate('../out/pair.tei.xml', path.join(dir, 'elsewhere'));

  // A second session from another directory continues after the last change.
  server = await h.startReview('../out/pair.tei.xml', [], path.join(dir, 'elsewhere'));
  browser = await h.launch();
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    await page.goto(server.url);
    await page.waitForSelector('.bead.current');
    assert.equal(await current(page), first + 11);
    assert.match(await page.locator('#message').textContent(), /continuing after your last change/);
    let v = await h.version(page);
    await page.keyboard.press('c');
    v = await h.settled(page, v);
  } finally {
    await browser.close();
    assert.equal(await server.stop(), 0, 'tandem review did not stop cleanly: ' + server.stderr());
  }
  assert.deepEqual(pointersOf(corpus), expectedPointers);
  validate('out/pair.tei.xml', dir);
  console.log('review_partial_e2e: ok (' + original.length + ' beads, region ' + region +
      ', ' + gaps + ' omissions or additions; sessions in out/ and elsewhere/; validated)');
  fs.rmSync(dir, {recursive: true, force: true});
}

main().catch((e) => { console.error(e); process.exit(1); });
