// Screenshots of the review editor and the report of the bundled pair, for docs/ and for a look:
//   node tests/browser/screenshots.cjs OUT_DIR
// (TANDEM_BINARY, TANDEM_SOURCE_DIR and NODE_PATH as for the tests; ctest sets them.)
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const h = require('./harness.cjs');

async function main() {
  const out = process.argv[2] || '.';
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
    await page.waitForSelector('.bead');
    let v = await h.version(page);
    // Somewhere in the letter, with a few reviewed beads to show the marks.
    await page.keyboard.press('t');
    for (let i = 0; i < 3; ++i) {
      await page.keyboard.press('c');
      v = await h.settled(page, v);
    }
    await page.keyboard.press('b');
    v = await h.settled(page, v);
    await page.keyboard.press('j');
    await page.keyboard.press('l');
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
}

main().catch((e) => { console.error(e); process.exit(1); });
