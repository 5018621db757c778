// What the server refuses, seen from a browser and from a plain client: a request from another
// origin, a foreign Host (DNS rebinding), a body over 8 MiB, a missing token.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { sampleCopy, startServer, launch, newPage, openApp } from './helpers.mjs';

let browser;
let server;
let file;
let evil;
before(async () => {
  browser = await launch();
  file = sampleCopy('st-stefan-balan.xml');
  server = await startServer([file]);
  // A page on another origin (another port) that tries to save into stdok.
  evil = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>annan</title><p>annan webbplats</p>');
  });
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
});
after(async () => { await browser?.close(); await server?.stop(); evil?.close(); });

function request(method, pathname, { headers = {}, body } = {}) {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: pathname, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('a POST from a page on another origin is refused (403) and changes nothing', async () => {
  const before = readFileSync(file, 'utf8');
  const page = await newPage(browser);
  await page.goto(`http://127.0.0.1:${evil.address().port}/`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(server.origin)),
    page.evaluate((target) => fetch(`${target}/api/save`, {
      method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ version: 'x', records: { '@version': '1' } }),
    }).then(() => 'sent', () => 'blocked'), server.origin),
  ]);
  assert.equal(response.status(), 403);
  // With the token the page could not know, the browser's CORS rules stop it before sending.
  const withToken = await page.evaluate(([target, token]) => fetch(`${target}/api/records`, { headers: { 'X-Stdok-Token': token } }).then((r) => r.status, () => 'blocked'), [server.origin, server.token]);
  assert.equal(withToken, 'blocked');
  assert.equal(readFileSync(file, 'utf8'), before);
  await page.context().close();

  const foreign = await request('POST', '/api/check', {
    headers: { Origin: 'http://evil.example', 'X-Stdok-Token': server.token, 'Content-Type': 'application/json' },
    body: '{"records":{}}',
  });
  assert.equal(foreign.status, 403, 'a foreign Origin is refused even with the token');
});

test('a foreign Host (DNS rebinding) gets 421; no token gets 403', async () => {
  const host = new URL(server.origin).port;
  const rebound = await request('GET', '/api/session', { headers: { Host: `evil.example:${host}`, 'X-Stdok-Token': server.token } });
  assert.equal(rebound.status, 421);
  const noToken = await request('GET', '/api/session');
  assert.equal(noToken.status, 403);
  assert.match(JSON.parse(noToken.body).error, /[a-zåäö]/);
  const index = await request('GET', '/');
  assert.match(index.headers['content-security-policy'], /default-src 'self'/);
});

test('a body over 8 MiB is refused with 413, from the page too', async () => {
  const big = `{"records":{"x":"${'a'.repeat(9 * 1024 * 1024)}"}}`;
  const direct = await request('POST', '/api/check', { headers: { 'X-Stdok-Token': server.token, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(big) }, body: big });
  assert.equal(direct.status, 413);
  const page = await newPage(browser);
  await openApp(page, server.url);
  const status = await page.evaluate(async (token) => {
    const body = `{"records":{"x":"${'a'.repeat(9 * 1024 * 1024)}"}}`;
    const r = await fetch('/api/check', { method: 'POST', headers: { 'X-Stdok-Token': token, 'Content-Type': 'application/json' }, body });
    return r.status;
  }, server.token);
  assert.equal(status, 413);
  await page.context().close();
});
