// The report of `tandem report` in a real browser: the page opens from the file alone, asks for
// nothing over the network, shows the path plot, the statistics and the beads (only those in
// sight), and the plot and the links to unaligned stretches jump to their beads.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness.cjs');

async function main() {
  const dir = h.tempDir('report');
  const corpus = h.alignSample(dir);
  const report = path.join(dir, 'pair.report.html');
  h.tandem(['report', corpus, '-o', report]);
  const html = fs.readFileSync(report, 'utf8');
  assert.ok(!/(src|href)="(https?:)?\/\//.test(html), 'the report refers to something outside');
  const browser = await h.launch();
  const errors = [];
  const requests = [];
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('file://' + report);
    await page.waitForSelector('.bead.current');
    // It opens on the aligned region, not on the front matter, which is one folded row.
    assert.notEqual(await page.locator('.bead.current').getAttribute('data-bead'), '0');
    assert.match(await page.locator('.bead.fold').first().textContent(),
        /without counterpart, before the aligned region/);
    const foreign = requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'the report asked the network');
    const beads = Number((await page.locator('#counter').textContent()).split(' ')[2]);
    assert.ok(beads > 100, 'the report shows ' + beads + ' beads');
    const rows = await page.locator('.bead').count();
    assert.ok(rows > 5 && rows < 80, rows + ' rows in the document');
    assert.match(await page.locator('.stats').textContent(), /Beads by type/);
    // A link to an unaligned stretch jumps to its bead.
    const link = page.locator('.stats a[data-bead]').last();
    const target = await link.getAttribute('data-bead');
    await link.click();
    await page.waitForSelector('.bead.current[data-bead="' + target + '"]');
    // A partial translation (the letter inside a longer collection): the plot starts zoomed to
    // the aligned region, and a click in its lower right corner goes to the region's end.
    assert.ok(await page.locator('#zoom').isChecked(), 'the plot does not start zoomed');
    const region = await page.evaluate(() => {
      const a = document.querySelector('.stats a[data-bead]');
      return a.textContent.split('\u2013').map((n) => Number(n) - 1);
    });
    await page.locator('#plot').scrollIntoViewIfNeeded();
    let box = await page.locator('#plot').boundingBox();
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 34);
    await page.waitForFunction(([a, z]) => {
      const row = document.querySelector('.bead.current');
      const k = row ? Number(row.dataset.bead) : -1;
      return k > a + (z - a) * 0.8 && k <= z + 10;
    }, region);
    // The whole texts: the lower right corner is the end of the alignment.
    await page.locator('#zoom').uncheck();
    box = await page.locator('#plot').boundingBox();
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 34);
    await page.waitForFunction((n) => {
      const row = document.querySelector('.bead.current');
      return row && Number(row.dataset.bead) > n * 0.8;
    }, beads);
    // The front matter before the region is one folded row; the omission inside the region is
    // listed with its text, apart from the text outside.
    await page.selectOption('#filter', 'all');
    assert.match(await page.locator('.stats').textContent(),
        /Omissions and additions[\s\S]*omission[\s\S]*Outside the aligned region[\s\S]*before/);
    const strip = await page.locator('#strip').boundingBox();
    assert.ok(strip.width > 100 && strip.height > 8, 'the confidence strip is drawn');
    // Search finds the name in the Hungarian text, without its accents.
    await page.fill('#search', 'volinszkij');
    await page.press('#search', 'Enter');
    await page.waitForSelector('.bead.current .tgt mark');
    const out = process.env.TANDEM_BROWSER_OUT;
    if (out) {
      fs.mkdirSync(out, {recursive: true});
      await page.screenshot({path: path.join(out, 'report.png')});
    }
    assert.deepEqual(errors, [], 'errors in the page');
    console.log('report_e2e: ok (' + beads + ' beads, ' + rows + ' rows rendered, no network)');
  } finally {
    await browser.close();
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
