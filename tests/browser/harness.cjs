// Shared pieces of the browser tests: run tandem, start `tandem review`, launch Debian's
// chromium through playwright-core (no browser download: the system's chromium is used).
'use strict';

const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const binary = process.env.TANDEM_BINARY;
const sourceDir = process.env.TANDEM_SOURCE_DIR;
if (!binary || !sourceDir) {
  console.error('set TANDEM_BINARY and TANDEM_SOURCE_DIR (ctest does)');
  process.exit(2);
}
const chromiumPath = process.env.TANDEM_CHROMIUM || '/usr/bin/chromium';

function tandem(args, options) {
  const r = spawnSync(binary, args, Object.assign({encoding: 'utf8'}, options || {}));
  if (r.status !== 0) {
    throw new Error('tandem ' + args.join(' ') + ' failed (' + r.status + '): ' + r.stderr);
  }
  return r;
}

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-' + name + '-'));
}

// The bundled pair, aligned into dir/pair.tei.xml as ./run.sh does it (with its metadata).
function alignSample(dir) {
  const sample = path.join(sourceDir, 'corpora', 'samples', 'reply-to-stalin');
  const out = path.join(dir, 'pair.tei.xml');
  tandem(['align', '-q', '-s', 'en', '-t', 'hu', path.join(sample, 'en.txt'),
    path.join(sample, 'hu.txt'), '--metadata', path.join(sample, 'metadata.json'), '-o', out],
  {env: Object.assign({}, process.env, {SOURCE_DATE_EPOCH: '1767225600'})});
  return out;
}

// Starts `tandem review corpus` (in the directory `cwd` when given); resolves with {url, stop}
// once it prints its address.
function startReview(corpus, extraArgs, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['review', corpus, '--reviewer', 'e2e'].concat(extraArgs || []),
        {stdio: ['ignore', 'pipe', 'pipe'], cwd});
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('tandem review printed no address in 20 s: ' + err));
    }, 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line.startsWith('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve({
          url: line.trim(),
          stderr: () => err,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) { done(child.exitCode); return; }
            child.on('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error('tandem review exited (' + code + '): ' + err));
    });
  });
}

async function launch() {
  let playwright;
  try {
    playwright = require('playwright-core');
  } catch (e) {
    console.error('playwright-core is not installed: the test set-up (ctest) runs npm ci in ' +
        'the build tree; NODE_PATH must point at its node_modules');
    throw e;
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(chromiumPath + ' is missing: scripts/install-deps.sh test installs chromium');
  }
  return playwright.chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

// Waits until the editor has answered every key pressed so far, shows version > `after`, and the
// server has written that version to the file.
async function settled(page, after) {
  await page.waitForFunction((v) => document.body.dataset.busy === '0' &&
      Number(document.body.dataset.version) > v &&
      document.body.dataset.saved === document.body.dataset.version, after, {timeout: 20000});
  return Number(await page.evaluate(() => document.body.dataset.version));
}

async function version(page) {
  return Number(await page.evaluate(() => document.body.dataset.version));
}

module.exports = {tandem, tempDir, alignSample, startReview, launch, settled, version,
  sourceDir, binary};
