// A section's list as a person uses it, in headless Chromium: columns from the metadata, the quick
// filter, pages over the total, sorting by a header, record text rendered as text (never as HTML),
// and the same list for an employee who is no administrator. Run by WorkspaceIT with ATRIUM_URL,
// ATRIUM_USER, ATRIUM_PASSWORD, ATRIUM_EMPLOYEE, ATRIUM_EMPLOYEE_PASSWORD and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, launchChromium, withScreenshotOnFailure } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const shots = process.env.SCREENSHOTS;
const tag = 'Lst' + Math.random().toString(36).slice(2, 8);
const XSS = `${tag} <img src=x onerror="window.__xss=1">`;
let browser;
let call;
const created = [];

before(async () => {
  browser = await launchChromium();
  call = await apiSession(base, process.env.ATRIUM_USER, process.env.ATRIUM_PASSWORD);
  const names = [...Array.from({ length: 119 }, (_, i) => `${tag} ${String(i).padStart(3, '0')}`), XSS];
  for (let i = 0; i < names.length; i += 20) {
    await Promise.all(names.slice(i, i + 20).map(async (Name) => {
      const r = await call('POST', '/0/odata/Contact', { Name, JobTitle: 'Tester' });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      created.push(r.json.Id);
    }));
  }
});

after(async () => {
  for (let i = 0; i < created.length; i += 20) {
    await Promise.all(created.slice(i, i + 20).map((id) => call('DELETE', `/0/odata/Contact(${id})`)));
  }
  await browser?.close();
});

async function signedIn(user, password, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/0/');
  return { context, page, errors };
}

const grid = (page) => page.getByRole('grid', { name: 'Contacts' });
const status = (page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('status');

/** The names of the first rows: the primary display column is each row's link to its form. */
async function firstNames(page, n) {
  return (await grid(page).getByRole('link').allTextContents()).slice(0, n);
}

async function settled(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

test('quick filter, pages over the total, sort by a header', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await signedIn(process.env.ATRIUM_USER, process.env.ATRIUM_PASSWORD);
  await withScreenshotOnFailure(page, shots, 'list-sort', async () => {
    await page.goto(base + '/0/#/Contact');
    await grid(page).waitFor();
    const headers = (await grid(page).getByRole('columnheader').allTextContents()).filter((h) => h.trim());
    assert.deepEqual(headers, ['Name', 'Given name', 'Surname', 'Job title', 'Account', 'Owner'], 'the default columns from the metadata');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(tag.toUpperCase());
    await status(page).filter({ hasText: 'of 120' }).waitFor();
    assert.equal(await status(page).textContent(), '1–50 of 120', 'the filter is case-insensitive and counts on the server');
    assert.deepEqual(await firstNames(page, 2), [`${tag} 000`, `${tag} 001`], 'sorted by name');
    assert.equal(await grid(page).getByRole('row').count(), 51, 'a page of 50 and the header row');
    await settled(page);
    await page.screenshot({ path: `${shots}/list-contacts.png` });

    await page.getByRole('button', { name: 'Next page' }).click();
    await status(page).filter({ hasText: '51–100' }).waitFor();
    assert.deepEqual(await firstNames(page, 1), [`${tag} 050`]);
    await page.getByRole('button', { name: 'Next page' }).click();
    await status(page).filter({ hasText: '101–120' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Next page' }).isDisabled(), true, 'no page after the last');

    await grid(page).getByRole('columnheader', { name: 'Name', exact: true }).click();
    await status(page).filter({ hasText: '1–50 of 120' }).waitFor();
    await page.waitForFunction((t) => document.querySelector('[role="grid"] a')?.textContent.startsWith(t), XSS);
    assert.equal(await grid(page).getByRole('columnheader', { name: 'Name', exact: true }).getAttribute('aria-sort'), 'descending');

    // A name that is HTML is shown as its text; nothing of it runs.
    assert.deepEqual(await firstNames(page, 1), [XSS]);
    assert.equal(await grid(page).locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
  });
  await context.close();
});

test('an employee who is no administrator works with the same list, also on a phone', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await signedIn(process.env.ATRIUM_EMPLOYEE, process.env.ATRIUM_EMPLOYEE_PASSWORD,
    { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  await page.goto(base + '/0/#/Contact');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(`${tag} 11`);
  await status(page).filter({ hasText: '1–9 of 9' }).waitFor();
  assert.deepEqual(await firstNames(page, 2), [`${tag} 110`, `${tag} 111`]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is no wider than the phone (${width} px); the grid scrolls inside`);
  await settled(page);
  await page.screenshot({ path: `${shots}/list-contacts-phone.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
