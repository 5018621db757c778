// Documents of a trainee: the list with states, a PDF preview in the page, and the ZIP with
// render's folder layout and manifest.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sampleCopy, tempDir, startServer, launch, newPage, openApp, screenshot, problems, captureBodies, zipEntries, zipRead } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await startServer([sampleCopy('st-stefan-balan.xml')]); });
after(async () => { await browser?.close(); await server?.stop(); });

test('documents are listed with their state; a preview is a PDF shown in the page', async () => {
  const page = await newPage(browser);
  await openApp(page, server.url);
  const rows = page.locator('#documents li.document');
  await rows.first().waitFor();
  const states = await page.locator('#documents .doc-state').allTextContents();
  assert.ok(states.length >= 5, `documents listed: ${states.length}`);
  assert.ok(states.every((s) => ['Klar', 'Hålls inne', 'Utkast'].includes(s)), states.join(','));
  const held = page.locator('#documents li.doc-state-held-back');
  if (await held.count()) assert.notEqual((await held.first().locator('.doc-reason').textContent()).trim(), '', 'a held-back document says why');

  const previews = await captureBodies(page, '/api/preview');
  const contract = rows.filter({ hasText: 'ST-kontrakt' }).first();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/preview')),
    contract.getByRole('button', { name: /Förhandsgranska/ }).click(),
  ]);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/pdf/);
  const frame = page.locator('#documents iframe.pdf-frame');
  await frame.waitFor();
  assert.match(await frame.getAttribute('src'), /^blob:/);
  assert.equal(previews.length, 1);
  assert.equal(previews[0].body.subarray(0, 5).toString('latin1'), '%PDF-', 'the server sent a PDF');
  await page.waitForTimeout(4000); // the PDF viewer draws the pages: only for the screenshot
  await screenshot(page, '05-dokument-forhandsgranskning');
  assert.deepEqual(problems(page), []);
  await page.context().close();
});

test('"Ladda ner alla" gives a ZIP with the manifest and the files it lists', async () => {
  const page = await newPage(browser);
  await openApp(page, server.url);
  await page.locator('#documents li.document').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner alla (ZIP)' }).click(),
  ]);
  const zip = path.join(tempDir(), 'alla.zip');
  await download.saveAs(zip);
  const entries = zipEntries(zip);
  assert.ok(entries.includes('manifest.json'), entries.join(', '));
  assert.ok(entries.includes('manifest.csv'));
  const manifest = JSON.parse(zipRead(zip, 'manifest.json'));
  const docs = manifest.documents || manifest;
  assert.ok(Array.isArray(docs) && docs.length >= 5, 'the manifest lists the documents');
  const written = docs.filter((d) => d.status === 'written');
  assert.ok(written.length >= 3);
  for (const d of written) assert.ok(entries.includes(d.file), `${d.file} is in the ZIP`);
  assert.ok(written.every((d) => d.file.startsWith('stefan-balan/')), 'folder named after the trainee, never the personnummer');
  assert.ok(written.some((d) => d.trainee_name === 'Ștefan Bălan' || JSON.stringify(d).includes('Ștefan Bălan')), 'the name exactly as written');
  assert.deepEqual(problems(page), []);
  await page.context().close();
});
