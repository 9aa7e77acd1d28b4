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
    const foreign = requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'the report asked the network');
    const beads = Number((await page.locator('#counter').textContent()).split(' ')[0]);
    assert.ok(beads > 100, 'the report shows ' + beads + ' beads');
    const rows = await page.locator('.bead').count();
    assert.ok(rows > 5 && rows < 80, rows + ' rows in the document');
    assert.match(await page.locator('.stats').textContent(), /Beads by type/);
    // A link to an unaligned stretch jumps to its bead.
    const link = page.locator('.stats a[data-bead]').last();
    const target = await link.getAttribute('data-bead');
    await link.click();
    await page.waitForSelector('.bead.current[data-bead="' + target + '"]');
    // The plot: a click in the lower right corner goes to the end of the alignment.
    // (The link above may have scrolled the sidebar, and the plot with it, out of sight.)
    await page.locator('#plot').scrollIntoViewIfNeeded();
    const box = await page.locator('#plot').boundingBox();
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 34);
    await page.waitForFunction((n) => {
      const row = document.querySelector('.bead.current');
      return row && Number(row.dataset.bead) > n * 0.8;
    }, beads);
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
