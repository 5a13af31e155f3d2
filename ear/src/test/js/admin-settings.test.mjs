// System settings as an administrator manages them, in headless Chromium: a setting found by the
// filter, the value that applies to a user worked out as values are added for their team and for
// them (their own wins over their team's, the team's over the default), a value beyond the bounds
// stopped in the dialog, a value changed and removed, the default changed and put back; axe on the list
// and the setting's page. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and
// SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const member = `set-${tag}`;
const team = `Settings team ${tag}`;
const code = `SetTeam_${tag}`;
const SETTING = 'MaxFileSize';
let original;
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    if (original !== undefined) await call('PUT', `/0/rest/settings/${SETTING}`, { Value: original });
    const role = (await call('GET', '/0/rest/roles')).json?.find((r) => r.Code === code);
    const users = (await call('GET', `/0/rest/users?search=${member}`)).json?.Items ?? [];
    for (const unit of [...users, ...(role ? [role] : [])]) await call('DELETE', `/0/rest/settings/${SETTING}/values/${unit.Id}`);
    for (const u of users) {
      if (role) await call('DELETE', `/0/rest/roles/${role.Id}/members/${u.Id}`);
      await call('DELETE', `/0/rest/users/${u.Id}`);
    }
    if (role) await call('DELETE', `/0/rest/roles/${role.Id}`);
  },
});
const { base, user, password, shots } = suite;

test('an admin sets values for a team and a user and sees the one that applies', { timeout: 180_000 }, async () => {
  const admin = await apiSession(base, user, password);
  const setting = (await admin('GET', `/0/rest/settings/${SETTING}`)).json;
  original = setting.DefaultValue;
  const role = await admin('POST', '/0/rest/roles', { Name: team, Code: code, Type: 'Team', ParentRoleId: null });
  assert.equal(role.status, 201, JSON.stringify(role.json));
  const created = await admin('POST', '/0/rest/users', { Name: member, Type: 'Employee', Password: `Settings-Pa55word-${tag}`, RoleIds: [role.json.Id] });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const effective = async () => (await admin('GET', `/0/rest/settings/${SETTING}/effective/${created.json.Id}`)).json.Value;

  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'admin-settings', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'System settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'System settings' }).waitFor();
    await page.getByRole('searchbox', { name: 'Filter by name or code' }).fill(SETTING);
    const grid = page.getByRole('grid', { name: 'System settings' });
    await grid.getByRole('gridcell', { name: SETTING, exact: true }).waitFor();
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-settings.png` });
    await grid.getByRole('link', { name: setting.Name }).click();
    await page.getByRole('heading', { level: 1, name: setting.Name }).waitFor();

    // what applies to the member: the default, as long as nobody has a value
    await page.getByRole('combobox', { name: 'User' }).fill(member);
    await page.getByRole('option', { name: member, exact: true }).click();
    const applies = page.getByRole('status').filter({ hasText: `For ${member}:` });
    await applies.filter({ hasText: `For ${member}: ${original}` }).waitFor();

    /** Adds a value for a user or role through the dialog. */
    const addValue = async (choice, value) => {
      await page.getByRole('button', { name: 'Add a value' }).click();
      const dialog = page.getByRole('dialog', { name: `A value of ${setting.Name} for a user or role` });
      await dialog.getByRole('combobox', { name: 'User or role' }).fill(choice.replace(/ \((role|user)\)$/, ''));
      await page.getByRole('option', { name: choice, exact: true }).click();
      await dialog.getByRole('spinbutton', { name: 'Value' }).fill(value);
      await dialog.getByRole('button', { name: 'Save' }).click();
      return dialog;
    };
    await addValue(`${team} (role)`, '33');
    await page.getByText(`${team} (role): 33.`).waitFor();
    await applies.filter({ hasText: `For ${member}: 33` }).waitFor(); // the team's value
    assert.equal(await effective(), '33');
    await addValue(`${member} (user)`, '44');
    await applies.filter({ hasText: `For ${member}: 44` }).waitFor(); // their own wins
    const values = page.getByRole('grid', { name: `Values of ${setting.Name}` });
    await values.getByRole('row').filter({ hasText: team }).getByText('33').waitFor();
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-setting.png`, fullPage: true });

    // a value beyond the setting's bounds is stopped in the dialog before it is sent; nothing changes
    const refused = await addValue(`${member} (user)`, String(setting.MaxValue + 1));
    assert.equal(await refused.getByRole('spinbutton', { name: 'Value' }).evaluate((e) => e.validity.rangeOverflow), true);
    await refused.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await effective(), '44');

    // the member's own value removed: the team's applies again; the team's changed
    await page.getByRole('button', { name: `Actions for ${member}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await page.getByText(`The value of ${member} is removed.`).waitFor();
    await applies.filter({ hasText: `For ${member}: 33` }).waitFor();
    await page.getByRole('button', { name: `Actions for ${team}` }).click();
    await page.getByRole('menuitem', { name: 'Change' }).click();
    const change = page.getByRole('dialog', { name: `The value for ${team}` });
    await change.getByRole('spinbutton', { name: 'Value' }).fill('35');
    await change.getByRole('button', { name: 'Save' }).click();
    await applies.filter({ hasText: `For ${member}: 35` }).waitFor();
    assert.equal(await effective(), '35');

    // the team's value removed: the default applies, changed and put back
    await page.getByRole('button', { name: `Actions for ${team}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await applies.filter({ hasText: `For ${member}: ${original}` }).waitFor();
    const next = String(Number(original) + 1);
    await page.getByRole('spinbutton', { name: 'Default value' }).fill(next);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`The default is now ${next}.`).waitFor();
    await applies.filter({ hasText: `For ${member}: ${next}` }).waitFor();
    assert.equal((await admin('GET', `/0/rest/settings/${SETTING}`)).json.DefaultValue, next);
    await page.getByRole('spinbutton', { name: 'Default value' }).fill(original);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`The default is now ${original}.`).waitFor();
    assert.equal(await effective(), original);
  });
});
