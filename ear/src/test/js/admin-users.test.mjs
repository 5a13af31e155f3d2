// The users administration page as an administrator uses it, in headless Chromium: the entry under
// Administration, a user created in its dialog and found by the search, unlocked after too many
// failed sign-ins, and deactivated, which ends the session they had; axe on the page. Run by
// WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, browserTests, seriousViolations, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const name = `adm-${tag}`;
const secret = `Admin-Pa55word-${tag}`;
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    const found = await call('GET', `/0/rest/users?search=${name}`);
    for (const u of found.json?.Items ?? []) await call('DELETE', `/0/rest/users/${u.Id}`);
  },
});
const { base, user, password, shots } = suite;

/** Signs in through the API as the reference's clients do; the answer's Code and the session's cookies. */
async function signInAs(login, pass) {
  const r = await fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserName: login, UserPassword: pass }),
  });
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('BPMCSRF='))?.slice('BPMCSRF='.length);
  return { code: (await r.json()).Code, headers: { Cookie: cookies.join('; '), BPMCSRF: csrf ?? '' } };
}

const workspaceStatus = async (session) => (await fetch(`${base}/0/rest/workspace`, { headers: session.headers })).status;

test('an admin creates, unlocks and deactivates a user, whose session ends', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'admin-users', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('User name').fill(name);
    await dialog.getByLabel('Password').fill(secret);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByText(`${name} created.`).waitFor();

    const grid = page.getByRole('grid', { name: 'Users' });
    /** Searches for the user: the grid then holds the header and their row only. */
    const find = async () => {
      await page.getByRole('searchbox', { name: 'Search by user name' }).fill(name);
      await grid.getByRole('gridcell', { name, exact: true }).waitFor();
      await grid.getByRole('row').nth(2).waitFor({ state: 'detached' }); // the search has been applied
      assert.equal(await grid.getByRole('row').count(), 2, 'the header and the one user the search finds');
    };
    await find();

    // too many failed sign-ins lock the user out; the admin unlocks them
    for (let i = 0; i < 5; i++) await signInAs(name, 'wrong');
    await page.reload();
    await find();
    await grid.getByText('Locked', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Unlock' }).click();
    await page.getByText(`${name} unlocked.`).waitFor();
    await grid.getByText('Locked', { exact: true }).waitFor({ state: 'detached' });
    const theirs = await signInAs(name, secret);
    assert.equal(theirs.code, 0, 'they sign in again');
    assert.equal(await workspaceStatus(theirs), 200);

    await settled(page);
    await page.screenshot({ path: `${shots}/admin-users.png` });
    const serious = await seriousViolations(page);
    assert.deepEqual(serious, [], serious.join('\n'));

    // deactivating them ends the session they have, at once
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await page.getByText(`${name} deactivated; their sessions have ended.`).waitFor();
    await grid.getByText('Inactive', { exact: true }).waitFor();
    assert.equal(await workspaceStatus(theirs), 401, 'their session ended');
    assert.equal((await signInAs(name, secret)).code, 1, 'and they cannot sign in');
    assert.deepEqual(errors, []);
  });
  await context.close();
});
