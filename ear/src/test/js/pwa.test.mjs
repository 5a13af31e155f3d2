// The workspace as an installable app (PWA), in headless Chromium: the manifest and the service
// worker are served without a session, Chromium finds nothing that stops the install
// (Page.getInstallabilityErrors), the worker controls /0/ and has precached the shell's bundles,
// and no record (nothing under /0/odata or /0/rest) is ever in its cache. Run by WorkspaceIT with
// ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, signIn, testEnv, withScreenshotOnFailure } from './browser.mjs';

const { base, user, password, shots } = testEnv();

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

test('the manifest and the worker are served without a session, with real icons', async () => {
  const manifest = await fetch(`${base}/0/assets/manifest.webmanifest`);
  assert.equal(manifest.status, 200);
  assert.match(manifest.headers.get('content-type'), /^application\/manifest\+json/);
  const m = await manifest.json();
  assert.equal(m.name, 'Atrium');
  assert.equal(m.start_url, '/0/');
  assert.equal(m.scope, '/0/');
  assert.equal(m.display, 'standalone');
  const purposes = [];
  for (const icon of m.icons) {
    const r = await fetch(new URL(icon.src, base));
    assert.equal(r.status, 200, icon.src);
    assert.equal(r.headers.get('content-type'), 'image/png', icon.src);
    assert.equal(pngSize(new Uint8Array(await r.arrayBuffer())), icon.sizes, `${icon.src} is as large as it says`);
    purposes.push(`${icon.sizes} ${icon.purpose}`);
  }
  assert.deepEqual(purposes.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  const worker = await fetch(`${base}/0/sw.js`, { redirect: 'manual' });
  assert.equal(worker.status, 200, 'no sign-in redirect: browsers update the worker without the session');
  assert.match(worker.headers.get('content-type'), /javascript/);
  assert.equal(worker.headers.get('cache-control'), 'no-store', 'a new build replaces the worker at once');
});

test('Chromium can install the workspace, whose worker caches the shell and no record', { timeout: 90_000 }, async () => {
  // a profile of its own: Chromium offers no install in an incognito context, which newContext() is
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-pwa-'));
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: { width: 375, height: 740 } });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await withScreenshotOnFailure(page, shots, 'pwa', async () => {
    await signIn(page, base + '/', user, password);
    await page.waitForURL((url) => url.pathname === '/0/');
    await page.getByRole('heading', { level: 1, name: `Welcome, ${user}` }).waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${base}/0/`);
    await page.goto(base + '/0/#/Contact'); // a list: records travel, and must not be kept
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'nothing stops the install');
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    });
    const bundle = await page.evaluate(() => document.querySelector('script[type="module"][src*="/assets/workspace-"]')?.getAttribute('src'));
    assert.ok(bundle && cached.includes(bundle), `the shell's bundle ${bundle} is precached: ${cached.join(', ')}`);
    assert.ok(cached.includes('/0/assets/icons/icon-192.png'), 'the icons too');
    assert.deepEqual(cached.filter((u) => u.startsWith('/0/odata') || u.startsWith('/0/rest') || u === '/0/'), [],
      'no record, no page is kept');
    await page.screenshot({ path: `${shots}/workspace-phone-list.png` });
    assert.deepEqual(errors, []);
  });
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});
