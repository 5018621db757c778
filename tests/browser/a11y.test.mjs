// Accessibility: keyboard-only use of the trainee form, axe-core on every view (no serious or
// critical violations), and the page at 200 % zoom.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sampleCopy, tempDir, startServer, launch, newPage, openApp, screenshot, problems, axeViolations } from './helpers.mjs';

let browser;
let single;
let cohort;
before(async () => {
  browser = await launch();
  single = await startServer([sampleCopy('st-stefan-balan.xml')]);
  cohort = await startServer([sampleCopy('kohort-vasternorrland.xml')]);
});
after(async () => { await browser?.close(); await single?.stop(); await cohort?.stop(); });

// What has focus: tag, label and whether a focus indicator is drawn.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const labels = el.labels ? [...el.labels].map((l) => l.textContent.replace(/\s*\*$/, '').trim()) : [];
  return {
    tag: el.tagName, text: (el.textContent || '').trim().slice(0, 60), label: labels[0] || el.getAttribute('aria-label') || '',
    path: el.dataset ? el.dataset.path || '' : '', outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    visible: rect.width > 0 && rect.height > 0, index: [...document.querySelectorAll('*')].indexOf(el),
  };
});

test('the trainee form works with the keyboard alone', async () => {
  const page = await newPage(browser);
  await openApp(page, single.url);
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f.text, 'Hoppa till innehållet', 'the skip link comes first');
  assert.ok(f.outline && f.visible, 'and its focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'innehall');

  // Tab forward to the given name: every stop visible, outlined, in document order.
  let last = -1;
  const seen = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    seen.push(f.label || f.text || f.tag);
    assert.ok(f.visible, `focus on a visible element (${seen.at(-1)})`);
    assert.ok(f.outline, `visible focus indicator on ${seen.at(-1)}`);
    assert.ok(f.index >= last, `tab order follows the page: ${seen.slice(-2).join(' → ')}`);
    last = f.index;
    if (f.label === 'Förnamn') break;
  }
  assert.equal(f.label, 'Förnamn', `reached Förnamn by Tab: ${seen.join(' | ')}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ștefan-Ion');
  await page.locator('#trainee-name', { hasText: 'Ștefan-Ion Bălan' }).waitFor();

  // On to "Lägg till placering"; Enter adds one and moves focus into it.
  const placements = await page.locator('#sektion-placeringar fieldset.item').count();
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    assert.ok(f.outline, `visible focus indicator on ${f.label || f.text}`);
    if (f.text === 'Lägg till placering') break;
  }
  assert.equal(f.text, 'Lägg till placering');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#sektion-placeringar fieldset.item').length === n + 1, placements);
  f = await focused(page);
  assert.match(f.path, new RegExp(`^/trainee/0/placement/${placements}/`), `focus moved into the new placement (${f.path})`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hälsocentralen Ljusdal');
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.equal(f.label, 'Från och med');
  await page.keyboard.type('20270301');
  assert.equal(await page.locator(`[data-path="/trainee/0/placement/${placements}/@start"]`).inputValue(), '2027-03-01', 'a date typed as ÅÅÅÅ-MM-DD digits');
  await screenshot(page, '07-tangentbord');
  assert.deepEqual(problems(page), []);
  await page.context().close();
});

test('axe-core: no serious or critical violations in any view', async () => {
  const page = await newPage(browser);
  await openApp(page, single.url);
  await page.locator('#documents li.document').first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'trainee view');
  await screenshot(page, '08-st-lakare');

  await page.goto(cohort.url);
  await page.waitForFunction(() => document.querySelectorAll('#overview tbody tr[data-id]').length === 60);
  assert.deepEqual(await axeViolations(page), [], 'overview');

  const dir = tempDir();
  const fresh = await startServer(['--new', `${dir}/ny.xml`], { cwd: dir });
  try {
    await page.goto(fresh.url);
    await page.getByRole('button', { name: 'Skapa ny ST-läkare' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'new file');
    await page.getByRole('button', { name: 'Skapa ny ST-läkare' }).click();
    await page.waitForFunction(() => Number(document.body.dataset.checkSeq || 0) > 0);
    assert.deepEqual(await axeViolations(page), [], 'new trainee with findings');
    await page.locator('[data-path="/trainee/0/roles/0/@huvudhandledare"]').selectOption('__ny__');
    await page.locator('#add-dialog[open]').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the add-person dialog');
    await screenshot(page, '09-lagg-till-person');
  } finally {
    await fresh.stop();
  }
  await page.context().close();
});

test('200 % zoom (640×400 CSS pixels): one column, no sideways scrolling', async () => {
  for (const [server, name] of [[single, '10-zoom-200-st-lakare'], [cohort, '11-zoom-200-oversikt']]) {
    const page = await newPage(browser, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await openApp(page, server.url);
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${name}: page is ${overflow} px wider than the window`);
    await screenshot(page, name);
    assert.deepEqual(problems(page), []);
    await page.context().close();
  }
});
