// Screenshots of the review editor and the report, for docs/ and for a look:
//   node tests/browser/screenshots.cjs OUT_DIR [LARGE_CORPUS.tei.xml]
// The bundled pair: the editor as it opens (on the aligned region, the front matter folded), the
// editor with a few reviewed beads and the evidence of one shown (v), the report. With a large
// corpus (bench/review_bench.sh makes one), the editor on it too.
// (TANDEM_BINARY, TANDEM_SOURCE_DIR and NODE_PATH as for the tests; ctest sets them.)
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const h = require('./harness.cjs');

async function main() {
  const out = process.argv[2] || '.';
  const large = process.argv[3];
  fs.mkdirSync(out, {recursive: true});
  const dir = h.tempDir('shots');
  const corpus = h.alignSample(dir);
  const report = path.join(dir, 'pair.report.html');
  h.tandem(['report', corpus, '-o', report]);
  const server = await h.startReview(corpus);
  const browser = await h.launch();
  try {
    const page = await browser.newPage({viewport: {width: 1440, height: 900}});
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await page.waitForSelector('.bead.current');
    await page.screenshot({path: path.join(out, 'review-editor-open.png')});
    let v = await h.version(page);
    // A few reviewed beads to show the marks, then why one was aligned.
    for (let i = 0; i < 3; ++i) {
      await page.keyboard.press('c');
      v = await h.settled(page, v);
    }
    await page.keyboard.press('b');
    v = await h.settled(page, v);
    await page.keyboard.press('v');
    await page.waitForSelector('.bead.current mark.ev', {timeout: 60000});
    await page.screenshot({path: path.join(out, 'review-editor.png')});
    const reportPage = await browser.newPage({viewport: {width: 1440, height: 900}});
    await reportPage.goto('file://' + report);
    await reportPage.waitForSelector('.bead');
    await reportPage.screenshot({path: path.join(out, 'review-report.png')});
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, {recursive: true, force: true});
  }
  if (!large) return;
  const copy = path.join(h.tempDir('shots-large'), 'large.tei.xml');
  fs.copyFileSync(large, copy);
  const big = await h.startReview(copy);
  const browser2 = await h.launch();
  try {
    const page = await browser2.newPage({viewport: {width: 1440, height: 900}});
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(big.url);
    await page.waitForSelector('.bead.current');
    await page.keyboard.press('w');
    await page.keyboard.press('w');
    await page.waitForTimeout(300);
    await page.screenshot({path: path.join(out, 'review-editor-large.png')});
  } finally {
    await browser2.close();
    await big.stop();
    fs.rmSync(path.dirname(copy), {recursive: true, force: true});
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
