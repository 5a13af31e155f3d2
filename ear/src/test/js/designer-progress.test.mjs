// Long work in the designer shows its progress, in headless Chromium. Record permissions switched
// on for an object of 60 records, more than the test server's inline limit of 50, with the
// background job record-rights-upkeep paused: the page shows the records waiting for their first
// rights with a moving bar, asks again on its own, and says so once the job (resumed and run) has
// given them; the records then carry rights (the API says so). A column added while the server is
// slow to answer (the request is held back 2.5 s in the browser before it goes out): the dialog shows
// what is being done and for how long, then closes with the column in place. axe on the page while
// the work shows, and at 375 px. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD
// and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const object = `UsrSlow${Math.random().toString(36).slice(2, 8)}`;
const JOB = '/0/rest/jobs/record-rights-upkeep';
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    await call('POST', `${JOB}/resume`);
    await call('DELETE', `/0/rest/objects/${object}?confirm=true`);
  },
});
const { base, user, password, shots } = suite;

test('record rights given in the background and a slow schema change show their progress', { timeout: 180_000 }, async () => {
  const admin = await apiSession(base, user, password);
  const created = await admin('POST', '/0/rest/objects', { Name: object, Caption: object, Columns: [{ Name: 'Name', Type: 'Text', Required: true }] });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  for (let i = 0; i < 60; i++) {
    const added = await admin('POST', `/0/odata/${object}`, { Name: `r-${i}` });
    assert.equal(added.status, 201, JSON.stringify(added.json));
  }
  assert.equal((await admin('POST', `${JOB}/pause`)).status, 204);

  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'designer-progress', async () => {
    await page.goto(`${base}/0/#/admin/objects/${object}`);
    const card = page.getByRole('region', { name: 'Record permissions' });
    const rightsPerRecord = card.getByRole('switch', { name: 'Rights per record' });
    await rightsPerRecord.click(); // it turns on when the server has done so
    await page.getByText(`Rights per record are on for ${object}.`).waitFor();
    await card.getByRole('switch', { name: 'Rights per record', checked: true }).waitFor();
    await card.getByText('Waiting for their first rights').waitFor();
    await card.getByRole('progressbar').waitFor();
    await card.getByText(/The background job is giving the records their first rights/).waitFor();
    await card.getByText(/seconds? so far/).waitFor();
    assert.equal((await admin('GET', `/0/rest/objects/${object}/default-record-rights`)).json.RightsState, 'FirstPending');
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/designer-rights-pending.png`, fullPage: true });

    // the job gives the rights; the page notices by itself
    assert.equal((await admin('POST', `${JOB}/resume`)).status, 204);
    assert.equal((await admin('POST', `${JOB}/trigger`)).status, 202);
    await card.getByText(`The record rights of ${object} are up to date.`).waitFor({ timeout: 30_000 });
    await card.getByText('Up to date', { exact: true }).waitFor();
    assert.equal(await card.getByRole('progressbar').count(), 0);
    const first = (await admin('GET', `/0/odata/${object}?$top=1&$select=Id`)).json.value[0].Id;
    const given = (await admin('GET', `/0/rest/records/${object}/${first}/rights`)).json.Entries;
    assert.ok(given.some((e) => e.Source === 'Author' && e.Operation === 'Read'), JSON.stringify(given));
    await page.screenshot({ path: `${shots}/designer-rights-current.png`, fullPage: true });

    // a schema change the server is slow to answer: the dialog says what it does, and for how long
    await page.route(`**/0/rest/objects/${object}/columns`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Add column' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add column' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Notes');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('progressbar', { name: 'Changing the table in the database' }).waitFor();
    await dialog.getByText(/\d+ seconds? so far/).waitFor();
    assert.ok(await dialog.getByRole('button', { name: 'Add', exact: true }).isDisabled(), 'sent once: the button waits');
    await page.screenshot({ path: `${shots}/designer-column-progress.png` });
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByText('Notes', { exact: true }).first().waitFor();
    await page.unroute(`**/0/rest/objects/${object}/columns`);
    assert.ok((await admin('GET', `/0/rest/objects/${object}`)).json.Columns.some((c) => c.Name === 'Notes'));

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling of the page');
    await page.screenshot({ path: `${shots}/designer-progress-phone.png`, fullPage: true });
  });
});
