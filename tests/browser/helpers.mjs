// Shared by the browser tests: start the real `stdok serve` on a temp copy of a sample, start
// Debian's chromium through playwright-core, open the app, collect console errors (a CSP
// violation is one), take screenshots into build/browser-screenshots/.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, mkdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BINARY = process.env.STDOK_BINARY || path.join(ROOT, 'build/stdok');
export const CHROMIUM = process.env.STDOK_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'build/browser-screenshots');
export const AS_OF = '2026-12-05';

export function tempDir() {
  return mkdtempSync(path.join(tmpdir(), 'stdok-browser-'));
}

// A temp copy of samples/NAME; returns its path.
export function sampleCopy(name) {
  const dir = tempDir();
  const file = path.join(dir, name);
  copyFileSync(path.join(ROOT, 'samples', name), file);
  return file;
}

// Starts `stdok serve ARGS --port 0` and waits for the URL line. Returns {url, origin, token,
// stop(), log()}.
export function startServer(args, { cwd } = {}) {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: build first (scripts/build.sh)`);
  const child = spawn(BINARY, ['serve', ...args, '--port', '0', '--as-of', AS_OF], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // A test that fails before it stops its server must not leave the server running.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`stdok serve printed no URL in 20 s:\n${output}`)); }, 20000);
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      const m = output.match(/(http:\/\/127\.0\.0\.1:\d+)\/\?t=([0-9a-f]{32})/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: `${m[1]}/?t=${m[2]}`, origin: m[1], token: m[2],
          log: () => output,
          stop: () => new Promise((done) => {
            if (child.exitCode !== null) { done(); return; }
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`stdok serve exited (${code}) before printing its URL:\n${output}`)); });
  });
}

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/install-deps.sh installs Debian's chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, LANG: 'sv_SE.UTF-8' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Swedish UI language: date fields show ÅÅÅÅ-MM-DD, as in a Swedish user's browser.
      '--lang=sv-SE'],
  });
}

// A new page (1280×800, Swedish) that records console errors and uncaught exceptions.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE', acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    // A failed request is recorded with its address below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) page.problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  page.on('pageerror', (err) => page.problems.push(`exception: ${err.message}`));
  return page;
}

// Opens the app and waits until it has shown a check result.
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.checkSeq || 0) > 0, null, { timeout: 20000 });
}

export async function checkSeq(page) {
  return page.evaluate(() => Number(document.body.dataset.checkSeq || 0));
}

// Waits until a check answer newer than `after` has been shown.
export async function nextCheck(page, after) {
  await page.waitForFunction((n) => Number(document.body.dataset.checkSeq || 0) > n, after, { timeout: 20000 });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// Unexpected console errors (404 for a favicon or a refused request the test provoked are
// filtered by the caller).
export function problems(page, allow = []) {
  return page.problems.filter((p) => !allow.some((re) => re.test(p)));
}

// Runs axe-core in the page and returns its serious and critical violations.
export async function axeViolations(page) {
  const source = await import('node:fs').then((fs) => fs.readFileSync(path.join(ROOT, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8'));
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

// The entries and one file of a ZIP (python3's zipfile: no npm dependency).
export function zipEntries(zipPath) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', 'import sys,json,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', zipPath], { encoding: 'utf8' }));
}

export function zipRead(zipPath, name) {
  return execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zipPath, name], { encoding: 'utf8' });
}

// Keeps the bodies of the responses to `pathname` (Playwright cannot always give the body of
// a response the page read as a blob). Returns the list they are added to.
export async function captureBodies(page, pathname) {
  const bodies = [];
  await page.route((url) => url.pathname === pathname, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    bodies.push({ status: response.status(), type: response.headers()['content-type'] || '', body });
    await route.fulfill({ response, body });
  });
  return bodies;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export { writeFileSync, path };
