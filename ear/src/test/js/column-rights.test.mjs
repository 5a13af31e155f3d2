// Column permissions in headless Chromium: on a record's form, a column the user may not read is
// not there and one they may only read is shown but cannot be changed. Run by ColumnRightsIT with
// ATRIUM_OBJECT, ATRIUM_RECORD, ATRIUM_READER, ATRIUM_READER_PASSWORD and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const base = process.env.ATRIUM_URL;
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a form leaves out a denied column and locks a read-only one', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await signedIn(browser, base, process.env.ATRIUM_READER,
    process.env.ATRIUM_READER_PASSWORD, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, process.env.SCREENSHOTS, 'column-rights-reader', async () => {
    await page.goto(`${base}/0/#/${process.env.ATRIUM_OBJECT}/${process.env.ATRIUM_RECORD}`);
    await page.getByRole('heading', { level: 1, name: 'Anna' }).waitFor();
    const notes = page.getByLabel('Notes');
    assert.equal(await notes.inputValue(), 'kinder', 'a column they may read shows its value');
    assert.ok(await notes.isDisabled(), 'a column they may only read cannot be changed');
    assert.ok(await page.locator('#field-Name').isEnabled(), 'a column they may change can be');
    assert.equal(await page.getByLabel('Salary').count(), 0, 'a column they may not read is not there');
    await settled(page);
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/column-rights-form.png` });
    assert.deepEqual(errors, []);
  });
  await context.close();
});
