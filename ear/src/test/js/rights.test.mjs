// What a user may not do is not offered, in headless Chromium: a reader of an object whose
// permissions allow only reading sees its list without "New" and without row selection (so no
// bulk delete), and its form without "Delete". Run by ObjectRightsIT with ATRIUM_OBJECT,
// ATRIUM_READER, ATRIUM_READER_PASSWORD and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const object = process.env.ATRIUM_OBJECT;
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a reader sees no New, no selection and no Delete', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await signedIn(browser, base, process.env.ATRIUM_READER,
    process.env.ATRIUM_READER_PASSWORD, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, process.env.SCREENSHOTS, 'rights-reader', async () => {
    await page.goto(`${base}/0/#/${object}`);
    const grid = page.getByRole('grid', { name: 'Secrets' });
    await grid.getByRole('link', { name: 'secret' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^New / }).count(), 0, 'no New without the right to add');
    assert.equal(await grid.getByRole('checkbox').count(), 0, 'no selection without the right to delete');
    await settled(page);
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/rights-reader-list.png` });
    await grid.getByRole('link', { name: 'secret' }).click();
    await page.getByRole('heading', { level: 1, name: 'secret' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0, 'no Delete without the right');
    assert.deepEqual(errors, []);
  });
  await context.close();
});
