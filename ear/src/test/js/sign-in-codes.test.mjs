// Where each sign-in answer leads a person, in headless Chromium: Code 2 (the password expires
// soon) into the workspace with a reminder above every page and the way to change it, Code 3 (no
// licence, but a licence manager) into the workspace limited to licence management. Code 5 (a
// password that must change) is sign-in.test.mjs's. Run by BrowserIT with ATRIUM_REMINDED_USER,
// ATRIUM_LICENCE_MANAGER (and their ..._PASSWORD) and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const shots = process.env.SCREENSHOTS;
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('Code 2: into the workspace, reminded above every page until dismissed', { timeout: 60_000 }, async () => {
  const user = process.env.ATRIUM_REMINDED_USER;
  const { context, page, errors } = await signedIn(browser, base, user, process.env.ATRIUM_REMINDED_PASSWORD,
    { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'sign-in-code-2', async () => {
    const reminder = page.getByText(/Your password expires in 5 days\. Consider changing it\./);
    await reminder.waitFor();
    const change = page.getByRole('main').getByRole('link', { name: 'Change password' });
    assert.equal(await change.getAttribute('href'), `/ChangePassword?user=${encodeURIComponent(user)}`);
    await settled(page);
    await page.screenshot({ path: `${shots}/sign-in-code-2.png` });
    await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    assert.equal(await reminder.isVisible(), true, 'on every page of the session');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await reminder.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    assert.equal(await reminder.count(), 0, 'dismissed for the session');
    assert.deepEqual(errors, []);
  });
  await context.close();
});

test('Code 3: into the workspace limited to licence management', { timeout: 60_000 }, async () => {
  const user = process.env.ATRIUM_LICENCE_MANAGER;
  const { context, page, errors } = await signedIn(browser, base, user, process.env.ATRIUM_LICENCE_MANAGER_PASSWORD,
    { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'sign-in-code-3', async () => {
    await page.getByText('Your session is limited to licence management until licences are in order.').waitFor();
    const entries = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    assert.deepEqual(entries, ['Home', 'Licences'],
      'no section (records are closed until licences are in order), only the licence page they may use');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Licences' }).click();
    await page.getByRole('heading', { level: 2, name: 'Products' }).waitFor(); // the licence API answers them
    await settled(page);
    await page.screenshot({ path: `${shots}/sign-in-code-3.png` });
    assert.deepEqual(errors, []);
  });
  await context.close();
});
