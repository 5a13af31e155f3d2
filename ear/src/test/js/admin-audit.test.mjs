// The audit log as an auditor reads it, in headless Chromium: a user is created and fails to sign in
// twice, then signs in; the page finds those entries by the user's name, narrows them to what failed,
// keeps its filters in the address across a reload, narrows by event and by days (a range around
// today keeps them, one starting tomorrow keeps nothing) and clears them; axe on the page, and the
// page at 375 px. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const audited = `audit-${tag}`;
const secret = `Audit-Pa55word-${tag}`;
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    for (const u of (await call('GET', `/0/rest/users?search=${audited}`)).json?.Items ?? []) await call('DELETE', `/0/rest/users/${u.Id}`);
  },
});
const { base, user, password, shots } = suite;

const signIn = (name, pass) => fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserName: name, UserPassword: pass }),
}).then((r) => r.json());

/** Picks an option of a filter's dropdown and waits until its list has gone (axe scans the page after). */
async function choose(filters, label, option) {
  await filters.getByRole('combobox', { name: label }).click();
  await filters.page().getByRole('option', { name: option, exact: true }).click();
  await filters.page().getByRole('listbox').waitFor({ state: 'detached' });
}

/** yyyy-mm-dd of today plus `days`, in the browser's (and this process's) time zone */
function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('an auditor finds a user\'s failed sign-ins by filters that survive a reload', { timeout: 180_000 }, async () => {
  const admin = await apiSession(base, user, password);
  const created = await admin('POST', '/0/rest/users', { Name: audited, Type: 'Employee', Password: secret });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.notEqual((await signIn(audited, 'wrong')).Code, 0);
  assert.notEqual((await signIn(audited, 'wrong')).Code, 0);
  assert.equal((await signIn(audited, secret)).Code, 0);

  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'admin-audit', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const grid = page.getByRole('grid', { name: 'Audit log' });
    const range = page.getByRole('navigation', { name: 'Pages' }).getByRole('status');
    const rows = async () => (await grid.getByRole('row').allTextContents()).slice(1); // after the header
    await grid.getByRole('row').nth(1).waitFor();

    const filters = page.getByRole('search', { name: 'Filter the audit log' });
    await filters.getByRole('textbox', { name: 'About' }).fill(audited);
    await range.filter({ hasText: /^1–4 of 4$/ }).waitFor();
    const shown = await rows();
    assert.deepEqual(shown.map((r) => ['Signed in', 'Sign-in failed', 'User created'].find((e) => r.includes(e))),
      ['Signed in', 'Sign-in failed', 'Sign-in failed', 'User created'], `newest first: ${shown.join('\n')}`);
    assert.ok(shown.some((r) => /User created.*Succeeded.*Supervisor/.test(r)), 'who created the user is shown');

    await choose(filters, 'Outcome', 'Failed');
    await range.filter({ hasText: /^1–2 of 2$/ }).waitFor();
    assert.ok((await rows()).every((r) => r.includes('Sign-in failed') && r.includes('Failed')));
    assert.match(page.url(), new RegExp(`target=${audited}.*outcome=false|outcome=false.*target=${audited}`), 'the filters are in the address');
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-audit.png`, fullPage: true });

    // a reload keeps the filters and what they show
    await page.reload();
    await range.filter({ hasText: /^1–2 of 2$/ }).waitFor();
    assert.equal(await filters.getByRole('textbox', { name: 'About' }).inputValue(), audited);

    // by event: the successful sign-in alone (any outcome again)
    await choose(filters, 'Outcome', 'Any outcome');
    await choose(filters, 'Event', 'Signed in');
    await range.filter({ hasText: /^1–1 of 1$/ }).waitFor();

    // by days: yesterday to tomorrow keeps it, from tomorrow on nothing
    await filters.getByLabel('From (day)').fill(day(-1));
    await filters.getByLabel('To (day)').fill(day(1));
    await page.waitForTimeout(400);
    await range.filter({ hasText: /^1–1 of 1$/ }).waitFor();
    await filters.getByLabel('To (day)').fill('');
    await filters.getByLabel('From (day)').fill(day(1));
    await page.getByText('No entries match these filters.').waitFor();
    await range.filter({ hasText: /^0–0 of 0$/ }).waitFor();

    // clear: everything again, more than this user's entries
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await grid.getByRole('row').nth(1).waitFor();
    assert.equal(await filters.getByRole('textbox', { name: 'About' }).inputValue(), '');
    await page.waitForFunction(() => {
      const m = /of ([\d,.\s]+)$/.exec(document.querySelector('nav[aria-label="Pages"] [role="status"]')?.textContent ?? '');
      return m && Number(m[1].replace(/\D/g, '')) > 4;
    }, null, { timeout: 10_000 });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling of the page');
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-audit-phone.png`, fullPage: true });
  });
});
