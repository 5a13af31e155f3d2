// A section's list as a person uses it, in headless Chromium: columns from the metadata, the quick
// filter, pages over the total, sorting by a header, record text rendered as text (never as HTML),
// the same list for an employee who is no administrator, and the columns, filters and sort a user
// chooses kept for them on the server. Run by WorkspaceIT with ATRIUM_URL,
// ATRIUM_USER, ATRIUM_PASSWORD, ATRIUM_EMPLOYEE, ATRIUM_EMPLOYEE_PASSWORD and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, launchChromium, settled, signedIn as signedInAs, withScreenshotOnFailure } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const shots = process.env.SCREENSHOTS;
const tag = 'Lst' + Math.random().toString(36).slice(2, 8);
const XSS = `${tag} <img src=x onerror="window.__xss=1">`;
let browser;
let call;
let employeeCall;
const created = [];

before(async () => {
  browser = await launchChromium();
  call = await apiSession(base, process.env.ATRIUM_USER, process.env.ATRIUM_PASSWORD);
  employeeCall = await apiSession(base, process.env.ATRIUM_EMPLOYEE, process.env.ATRIUM_EMPLOYEE_PASSWORD);
  // each run starts from the default columns, sort and filters
  await call('DELETE', '/0/rest/profile/list.Contact');
  await employeeCall('DELETE', '/0/rest/profile/list.Contact');
  const names = [...Array.from({ length: 119 }, (_, i) => `${tag} ${String(i).padStart(3, '0')}`), XSS];
  for (let i = 0; i < names.length; i += 20) {
    await Promise.all(names.slice(i, i + 20).map(async (Name) => {
      const r = await call('POST', '/0/odata/Contact', { Name, JobTitle: Number(Name.slice(-3)) % 3 === 0 ? 'Developer' : 'Tester' });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      created.push(r.json.Id);
    }));
  }
});

after(async () => {
  await call('DELETE', '/0/rest/profile/list.Contact'); // the sort by a header was kept for the Supervisor
  for (let i = 0; i < created.length; i += 20) {
    await Promise.all(created.slice(i, i + 20).map((id) => call('DELETE', `/0/odata/Contact(${id})`)));
  }
  await browser?.close();
});

const signedIn = (user, password, options = {}) =>
  signedInAs(browser, base, user, password, { viewport: { width: 1280, height: 900 }, ...options });

const grid = (page) => page.getByRole('grid', { name: 'Contacts' });
const status = (page) => page.getByRole('navigation', { name: 'Pages' }).getByRole('status');

/** The names of the first rows: the primary display column is each row's link to its form. */
async function firstNames(page, n) {
  return (await grid(page).getByRole('link').allTextContents()).slice(0, n);
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

test('columns and filters chosen by the user, kept on the server across a reload', { timeout: 120_000 }, async () => {
  const view = (await call('GET', '/0/rest/workspace/objects/Contact')).json;
  const caption = (name) => view.Columns.find((c) => c.Name === name).Caption;
  const { context, page, errors } = await signedIn(process.env.ATRIUM_EMPLOYEE, process.env.ATRIUM_EMPLOYEE_PASSWORD);
  await withScreenshotOnFailure(page, shots, 'list-settings', async () => {
    await page.goto(base + '/0/#/Contact');
    await grid(page).waitFor();

    // columns: drop two, add one, move one to the front
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByRole('dialog', { name: 'Columns of the list' });
    await chooser.getByRole('checkbox', { name: caption('GivenName') }).uncheck();
    await chooser.getByRole('checkbox', { name: caption('Surname') }).uncheck();
    await chooser.getByRole('checkbox', { name: caption('Email') }).check();
    await chooser.getByRole('button', { name: `Move ${caption('JobTitle')} up` }).click();
    await settled(page);
    await page.screenshot({ path: `${shots}/list-columns.png` });
    await chooser.getByRole('button', { name: 'Apply' }).click();
    const expected = [caption('JobTitle'), 'Name', caption('Account'), caption('Owner'), caption('Email')];
    const headers = async () => (await grid(page).getByRole('columnheader').allTextContents()).filter((h) => h.trim());
    for (let i = 0; i < 50 && JSON.stringify(await headers()) !== JSON.stringify(expected); i++) await page.waitForTimeout(100);
    assert.deepEqual(await headers(), expected);

    // filters: text contains, text equals (in any case), a range of days of a date-time
    const addFilter = async (column) => {
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('menuitem', { name: column, exact: true }).click();
      return page.getByRole('dialog', { name: `Filter by ${column}` });
    };
    let dialog = await addFilter('Name');
    await dialog.getByLabel('Text').fill(`${tag} 10`);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await status(page).filter({ hasText: '1–10 of 10' }).waitFor();
    dialog = await addFilter(caption('JobTitle'));
    await dialog.getByRole('combobox', { name: 'Condition' }).click();
    await page.getByRole('option', { name: 'Equals' }).click();
    await dialog.getByLabel('Text').fill('DEVELOPER');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await status(page).filter({ hasText: '1–3 of 3' }).waitFor();
    assert.deepEqual(await firstNames(page, 3), [`${tag} 102`, `${tag} 105`, `${tag} 108`]);
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');
    dialog = await addFilter(caption('CreatedOn'));
    await dialog.getByLabel('From').fill(day(-1));
    await dialog.getByLabel('To').fill(day(0));
    await settled(page);
    await page.screenshot({ path: `${shots}/list-filter.png` });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const filters = page.locator('[aria-label="Filters in force"]');
    await page.getByRole('button', { name: new RegExp(`^${caption('CreatedOn')} `) }).first().waitFor();
    await status(page).filter({ hasText: '1–3 of 3' }).waitFor();
    await settled(page);
    await page.screenshot({ path: `${shots}/list-filtered.png` });

    // kept on the server: a reload (another browser would do the same) shows the same list
    const kept = (await employeeCall('GET', '/0/rest/profile/list.Contact')).json.Value;
    assert.deepEqual(kept.Columns, ['JobTitle', 'Name', 'Account', 'Owner', 'Email']);
    assert.deepEqual(kept.Filters.map((f) => [f.Column, f.Op]), [['Name', 'contains'], ['JobTitle', 'eq'], ['CreatedOn', 'range']]);
    await page.reload();
    await status(page).filter({ hasText: '1–3 of 3' }).waitFor();
    assert.deepEqual(await headers(), expected);
    assert.equal(await filters.getByRole('button').count(), 6, 'three filters, each with its remove button');

    // dropping one filter widens the list; clearing drops them all
    await page.getByRole('button', { name: `Remove filter ${caption('JobTitle')} is “DEVELOPER”` }).click();
    await status(page).filter({ hasText: '1–10 of 10' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Filters in force"]'));
    for (let i = 0; i < 50 && (await employeeCall('GET', '/0/rest/profile/list.Contact')).json.Value.Filters.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual((await employeeCall('GET', '/0/rest/profile/list.Contact')).json.Value.Filters, [], 'cleared on the server too');
    assert.deepEqual(errors, []);
  });
  await context.close();
  await employeeCall('DELETE', '/0/rest/profile/list.Contact');
});
