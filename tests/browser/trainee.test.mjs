// The trainee view end to end: a record made from nothing in the forms, findings that come and
// go, the earliest completion moving, names typed and shown exactly, saved and read back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir, startServer, launch, newPage, openApp, checkSeq, nextCheck, screenshot, problems, axeViolations } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The input whose records path is `p`.
const byPath = (page, p) => page.locator(`[data-path="${p}"]`);

async function fillAndCheck(page, locator, value) {
  const seq = await checkSeq(page);
  await locator.fill(value);
  await nextCheck(page, seq);
}

test('a trainee made from nothing: forms, findings, earliest completion, save and reopen', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'ny.xml');
  let server = await startServer(['--new', file], { cwd: dir });
  try {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Skapa ny ST-läkare' }).waitFor();
    assert.ok(!page.url().includes('t='), 'the token is removed from the address bar');
    await screenshot(page, '01-ny-fil');
    await page.getByRole('button', { name: 'Skapa ny ST-läkare' }).click();
    await page.waitForFunction(() => Number(document.body.dataset.checkSeq || 0) > 0);

    // The region, in the view of the file's own records; then back to the trainee.
    await page.getByRole('link', { name: 'Enheter och personer', exact: true }).click();
    await byPath(page, '/region/0/@id').fill('vasternorrland');
    await byPath(page, '/region/0/@name').fill('Region Västernorrland');
    await page.goBack();
    // The person, with names in letters beyond Latin-1.
    await byPath(page, '/trainee/0/name/0/@given').fill('Łukasz');
    await byPath(page, '/trainee/0/name/0/@family').fill('Żółkiewski');
    await page.locator('#trainee-name').filter({ hasText: 'Łukasz Żółkiewski' }).waitFor();

    const programme = '/trainee/0/programme/0';
    await byPath(page, `${programme}/@kind`).selectOption('ST');
    const specialty = byPath(page, `${programme}/@specialty`);
    if (await specialty.evaluate((el) => el.tagName === 'SELECT')) await specialty.selectOption('Internmedicin');
    else await specialty.fill('Internmedicin');
    await byPath(page, `${programme}/@regulation`).selectOption('HSLF-FS 2021:8');
    await fillAndCheck(page, byPath(page, `${programme}/@start`), '2024-09-02');

    // Two placements and a course.
    await page.getByRole('button', { name: 'Lägg till placering' }).click();
    await byPath(page, '/trainee/0/placement/0/@unit-name').fill('Medicinkliniken, Sundsvalls sjukhus');
    await byPath(page, '/trainee/0/placement/0/@start').fill('2024-09-02');
    await fillAndCheck(page, byPath(page, '/trainee/0/placement/0/@end'), '2025-08-31');
    await page.getByRole('button', { name: 'Lägg till placering' }).click();
    await byPath(page, '/trainee/0/placement/1/@unit-name').fill('Akutmottagningen, Sundsvalls sjukhus');
    await byPath(page, '/trainee/0/placement/1/@start').fill('2025-09-01');
    await fillAndCheck(page, byPath(page, '/trainee/0/placement/1/@end'), '2029-06-30');

    // A supervisor added on the spot from the placement's list.
    await byPath(page, '/trainee/0/placement/0/@supervisor').selectOption('__ny__');
    const dialog = page.locator('#add-dialog');
    await dialog.getByLabel('Förnamn').fill('Nguyễn');
    await dialog.getByLabel('Efternamn').fill('Thị Hồng');
    await dialog.getByLabel('Titel').fill('Överläkare');
    await dialog.getByRole('button', { name: 'Lägg till' }).click();
    await page.waitForFunction(() => document.querySelector('[data-path="/trainee/0/placement/0/@supervisor"]')?.value === 'nguyen-thi-hong');
    assert.match(await byPath(page, '/trainee/0/placement/0/@supervisor').locator('option:checked').textContent(), /^Nguyễn Thị Hồng, Överläkare$/);

    await page.getByRole('button', { name: 'Lägg till kurs' }).click();
    await byPath(page, '/trainee/0/course/0/@subject').fill('Palliativ medicin');
    await byPath(page, '/trainee/0/course/0/@start').fill('2025-03-10');
    await fillAndCheck(page, byPath(page, '/trainee/0/course/0/@end'), '2025-03-14');

    const earliest = async () => page.locator('#trainee-facts .earliest dd').textContent();
    const before = await earliest();
    assert.match(before, /^\d{4}-\d{2}-\d{2}$/, `earliest completion shown as ÅÅÅÅ-MM-DD, got ${before}`);
    assert.equal(await page.locator('#trainee-timeline svg .tl-bar').count(), 3, 'two placements and a course on the timeline');

    // A finding appears next to the field it is about, and goes away when fixed.
    const end = byPath(page, '/trainee/0/placement/0/@end');
    const findingNear = page.locator('fieldset.item').filter({ has: end }).locator('.finding.error');
    await fillAndCheck(page, end, '2024-01-31');
    await findingNear.first().waitFor();
    assert.ok((await findingNear.count()) >= 1);
    // The field names its finding through aria-describedby and is marked invalid.
    const describedBy = (await end.getAttribute('aria-describedby')) || '';
    const slots = await page.locator('fieldset.item').filter({ has: end }).locator('.field-findings:not([hidden])').evaluateAll((els) => els.map((e) => e.id));
    assert.ok(slots.some((id) => describedBy.split(' ').includes(id)), `aria-describedby "${describedBy}" names the finding (${slots})`);
    assert.equal(await end.getAttribute('aria-invalid'), 'true');
    await screenshot(page, '02-fynd-vid-faltet');
    await fillAndCheck(page, end, '2025-08-31');
    assert.equal(await findingNear.count(), 0, 'the finding is gone once the dates are right');
    assert.equal(await end.getAttribute('aria-invalid'), null);

    // Parental leave moves the earliest completion.
    await page.getByRole('button', { name: 'Lägg till frånvaro' }).click();
    await byPath(page, '/trainee/0/absence/0/@kind').selectOption('föräldraledighet');
    await byPath(page, '/trainee/0/absence/0/@start').fill('2026-01-05');
    await fillAndCheck(page, byPath(page, '/trainee/0/absence/0/@end'), '2026-06-28');
    const later = await earliest();
    assert.ok(later > before, `earliest completion moves later with leave: ${before} → ${later}`);
    await page.locator('#trainee-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, '03-ny-st-lakare-tidslinje');

    // Save, then read the file back in a new server.
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('.message.ok').waitFor();
    const xml = readFileSync(file, 'utf8');
    assert.match(xml, /given="Łukasz"/);
    assert.match(xml, /family="Żółkiewski"/);
    assert.match(xml, /given-name="Nguyễn"/);
    assert.match(xml, /Palliativ medicin/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner XML' }).click()]);
    const downloaded = path.join(tempDir(), 'nedladdad.xml');
    await download.saveAs(downloaded);
    assert.equal(readFileSync(downloaded, 'utf8'), xml, '"Ladda ner XML" gives the saved file');
    assert.deepEqual(problems(page), []);
    await page.context().close();
    await server.stop();

    server = await startServer([file], { cwd: dir });
    const again = await newPage(browser);
    await openApp(again, server.url);
    assert.equal(await again.locator('#trainee-name').textContent(), 'Łukasz Żółkiewski');
    assert.equal(await byPath(again, '/trainee/0/course/0/@subject').inputValue(), 'Palliativ medicin');
    assert.equal(await byPath(again, '/trainee/0/placement/1/@end').inputValue(), '2029-06-30');
    assert.equal(await again.locator('#trainee-facts .earliest dd').textContent(), later);
    assert.deepEqual(problems(again), []);
    await again.context().close();
  } finally {
    await server.stop();
  }
});

test('a stale tab cannot overwrite another tab\'s save (409), and keeps its edits', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'st.xml');
  const { copyFileSync } = await import('node:fs');
  copyFileSync(new URL('../../samples/st-stefan-balan.xml', import.meta.url), file);
  const server = await startServer([file]);
  try {
    const a = await newPage(browser);
    const b = await newPage(browser);
    await openApp(a, server.url);
    await openApp(b, server.url);
    const email = '/trainee/0/contact/0/@email';
    await byPath(a, email).fill('flik.a@example.se');
    await a.getByRole('button', { name: 'Spara' }).click();
    await a.locator('.message.ok').waitFor();
    await byPath(b, email).fill('flik.b@example.se');
    await b.getByRole('button', { name: 'Spara' }).click();
    const conflict = b.locator('#konflikt');
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /sparats från en annan flik/);
    assert.equal(await byPath(b, email).inputValue(), 'flik.b@example.se', 'the edits stay');
    assert.match(readFileSync(file, 'utf8'), /flik\.a@example\.se/);
    await screenshot(b, '04-konflikt-409');
    await conflict.getByRole('button', { name: 'Spara ändå' }).click();
    await b.locator('.message.ok').waitFor();
    assert.match(readFileSync(file, 'utf8'), /flik\.b@example\.se/);
    assert.ok(existsSync(`${file}.bak`), 'the previous version is kept as .bak');
    assert.deepEqual(problems(a), []);
    assert.deepEqual(problems(b, [/409/]), []);
  } finally {
    await server.stop();
  }
});
