// Roles, membership and operation grants as an administrator manages them, in headless Chromium:
// a taken code refused in the dialog, a team created under no parent, a user added as its member (found by typing their name), the
// team granted an operation on its page (the member's workspace then offers it), the grant
// turned into a denial and taken back, the member removed and the team deleted; axe on the
// roles, role, operations and operation pages. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER,
// ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const member = `mem-${tag}`;
const secret = `Member-Pa55word-${tag}`;
const team = `Team ${tag}`;
const code = `Team_${tag}`;
const OPERATION = 'CanViewSysOperationAudit';
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    const role = (await call('GET', '/0/rest/roles')).json?.find((r) => r.Code === code);
    const users = (await call('GET', `/0/rest/users?search=${member}`)).json?.Items ?? [];
    if (role) {
      await call('DELETE', `/0/rest/operations/${OPERATION}/grantees/${role.Id}`);
      for (const u of users) await call('DELETE', `/0/rest/roles/${role.Id}/members/${u.Id}`);
      await call('DELETE', `/0/rest/roles/${role.Id}`);
    }
    for (const u of users) await call('DELETE', `/0/rest/users/${u.Id}`);
  },
});
const { base, user, password, shots } = suite;

/** The operations the member's workspace offers, in a session of their own. */
async function memberOperations() {
  const call = await apiSession(base, member, secret);
  return (await call('GET', '/0/rest/workspace')).json.Operations;
}

test('an admin makes a team, gives it a member and an operation, and takes both back', { timeout: 180_000 }, async () => {
  const admin = await apiSession(base, user, password);
  const created = await admin('POST', '/0/rest/users', { Name: member, Type: 'Employee', Password: secret });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal((await memberOperations()).includes(OPERATION), false, 'employees do not have it by default');

  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'admin-roles', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Roles', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
    await page.getByRole('grid', { name: 'Organisational roles' }).getByRole('link', { name: 'All employees' }).waitFor();
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-roles.png`, fullPage: true });

    // a code that is taken is refused by the server, and the dialog says so
    await page.getByRole('button', { name: 'New role' }).click();
    const dialog = page.getByRole('dialog', { name: 'New role' });
    await dialog.getByLabel('Name').fill(team);
    await dialog.getByLabel('Code').fill('AllEmployees');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByRole('alert').filter({ hasText: "code 'AllEmployees' already exists" }).waitFor();

    await dialog.getByLabel('Name').fill(team);
    await dialog.getByLabel('Code').fill(code);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: team }).waitFor();

    // a member, found by typing part of their name
    await page.getByRole('button', { name: 'Add member' }).click();
    const add = page.getByRole('dialog', { name: `Add a member to ${team}` });
    await add.getByRole('combobox', { name: 'User' }).fill(member);
    await page.getByRole('option', { name: member, exact: true }).click();
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByText(`${member} is now a member of ${team}.`).waitFor();
    const members = page.getByRole('grid', { name: `Members of ${team}` });
    await members.getByRole('gridcell', { name: member, exact: true }).waitFor();
    const role = (await admin('GET', '/0/rest/roles')).json.find((r) => r.Code === code);
    assert.deepEqual((await admin('GET', `/0/rest/roles/${role.Id}/members`)).json.map((u) => u.Name), [member]);
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-role.png`, fullPage: true });

    // the operation, granted to the team on its page
    await nav.getByRole('link', { name: 'Operations', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    await page.getByRole('searchbox', { name: 'Filter by name or code' }).fill(OPERATION);
    const operations = page.getByRole('grid', { name: 'Operations' });
    await operations.getByRole('row').nth(2).waitFor({ state: 'detached' }); // the header and the one operation
    await assertNoSeriousViolations(page);
    await operations.getByRole('row').nth(1).getByRole('link').click();
    await page.getByRole('button', { name: 'Grant' }).click();
    const grant = page.getByRole('dialog', { name: /^Grant / });
    await grant.getByRole('combobox', { name: 'User or role' }).fill(team);
    await page.getByRole('option', { name: `${team} (role)` }).click();
    await grant.getByRole('button', { name: 'Grant' }).click();
    await page.getByText(`${team} (role) is allowed it.`).waitFor();
    const grantees = page.getByRole('grid', { name: /^Grants of / });
    await grantees.getByRole('row').filter({ hasText: team }).getByText('Allowed').waitFor();
    assert.ok((await memberOperations()).includes(OPERATION), 'the member holds it through the team');
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-operation.png`, fullPage: true });

    // denied, then taken back
    await page.getByRole('button', { name: `Actions for ${team}` }).click();
    await page.getByRole('menuitem', { name: 'Deny' }).click();
    await grantees.getByRole('row').filter({ hasText: team }).getByText('Denied').waitFor();
    assert.equal((await memberOperations()).includes(OPERATION), false, 'a denial gives nothing');
    await page.getByRole('button', { name: `Actions for ${team}` }).click();
    await page.getByRole('menuitem', { name: 'Take back' }).click();
    await page.getByText(`The grant of ${team} is taken back.`).waitFor();
    await grantees.getByRole('row').filter({ hasText: team }).waitFor({ state: 'detached' });
    const after = (await admin('GET', '/0/rest/operations')).json.find((o) => o.Code === OPERATION);
    assert.equal(after.Grantees.some((g) => g.AdminUnitId === role.Id), false);

    // the member removed, the team deleted
    await nav.getByRole('link', { name: 'Roles', exact: true }).click();
    await page.getByRole('grid', { name: 'Organisational roles' }).getByRole('link', { name: team }).click();
    await page.getByRole('button', { name: `Actions for ${member}` }).click();
    await page.getByRole('menuitem', { name: 'Remove from the role' }).click();
    await page.getByText(`${member} is no longer a member of ${team}.`).waitFor();
    await members.getByRole('gridcell', { name: member, exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete role' }).click();
    await page.getByRole('alertdialog', { name: `Delete ${team}?` }).getByRole('button', { name: 'Delete role' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
    await page.getByRole('link', { name: team }).waitFor({ state: 'detached' });
    assert.equal((await admin('GET', '/0/rest/roles')).json.some((r) => r.Code === code), false);
  });
});
