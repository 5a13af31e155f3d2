// Licences as a licence manager handles them, in headless Chromium: the request file for the vendor
// downloaded (this installation's id and the counts asked for), the licence file the vendor signed
// uploaded through the file chooser (ATRIUM_LICENCE_FILE, signed by WorkspaceIT with the test
// vendor key: 3 named users of sales, the other products for everyone), a named licence granted to
// a user and recalled, the counts following; axe on both pages. WorkspaceIT puts the baseline
// licence back afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const holder = `lic-${tag}`;
const licenceFile = process.env.ATRIUM_LICENCE_FILE;
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    for (const u of (await call('GET', `/0/rest/users?search=${holder}`)).json?.Items ?? []) {
      await call('DELETE', `/0/rest/licenses/sales/holders/${u.Id}`);
      await call('DELETE', `/0/rest/users/${u.Id}`);
    }
  },
});
const { base, user, password, shots } = suite;

test('a licence manager requests, installs and hands out a licence', { timeout: 180_000 }, async () => {
  assert.ok(licenceFile, 'ATRIUM_LICENCE_FILE names the signed licence');
  const admin = await apiSession(base, user, password);
  const created = await admin('POST', '/0/rest/users', { Name: holder, Type: 'Employee', Password: `Licence-Pa55word-${tag}` });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const sales = async () => (await admin('GET', '/0/rest/licenses')).json.Products.find((p) => p.Code === 'sales');

  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await withScreenshotOnFailure(page, shots, 'admin-licences', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Licences', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Licences' }).waitFor();
    const instanceId = (await admin('GET', '/0/rest/licenses')).json.InstanceId;
    await page.getByText(instanceId).waitFor();

    // the request file, as the vendor needs it
    await page.getByRole('button', { name: 'Request a licence' }).click();
    const ask = page.getByRole('dialog', { name: 'Request a licence' });
    await ask.getByRole('spinbutton', { name: 'Users of sales' }).fill('5');
    await ask.getByRole('spinbutton', { name: 'Users of sales' }).press('Tab'); // the spin button takes the typed value on blur
    const [download] = await Promise.all([page.waitForEvent('download'), ask.getByRole('button', { name: 'Download' }).click()]);
    assert.equal(download.suggestedFilename(), 'atrium-licence-request.json');
    const asked = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(asked.InstanceId, instanceId);
    assert.deepEqual(asked.Products, [{ Code: 'sales', Count: 5 }]);
    await page.getByText('The request file is saved; send it to your vendor.').waitFor();

    // the licence the vendor sent, through the file chooser
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload a licence file' }).click()]);
    await chooser.setFiles(licenceFile);
    await page.getByText(`The licence in ${basename(licenceFile)} is in force.`).waitFor();
    const products = page.getByRole('grid', { name: 'Products' });
    await products.getByRole('link', { name: 'sales' }).waitFor(); // named: its holders are a link away
    assert.equal((await sales()).Owned, 3);
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-licences.png`, fullPage: true });

    // handed out to a user, then recalled
    await products.getByRole('link', { name: 'sales' }).click();
    await page.getByRole('heading', { level: 1, name: 'sales' }).waitFor();
    await page.getByText('0 of 3 assigned').waitFor();
    await page.getByRole('button', { name: 'Grant' }).click();
    const grant = page.getByRole('dialog', { name: 'Grant sales' });
    await grant.getByRole('combobox', { name: 'User or role' }).fill(holder);
    await page.getByRole('option', { name: `${holder} (user)`, exact: true }).click();
    await grant.getByRole('button', { name: 'Grant' }).click();
    await page.getByText(`${holder} (user) holds sales now.`).waitFor();
    await page.getByRole('grid', { name: 'Holders of sales' }).getByRole('gridcell', { name: holder, exact: true }).waitFor();
    await page.getByText('1 of 3 assigned').waitFor();
    assert.equal((await sales()).Assigned, 1);
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-licence-holders.png`, fullPage: true });

    await page.getByRole('button', { name: `Actions for ${holder}` }).click();
    await page.getByRole('menuitem', { name: 'Recall' }).click();
    await page.getByText(`The licence of ${holder} is recalled.`).waitFor();
    await page.getByText('0 of 3 assigned').waitFor();
    assert.equal((await sales()).Assigned, 0);
  });
});
