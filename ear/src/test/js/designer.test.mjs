// The object designer page as an administrator uses it, in headless Chromium, by keyboard only:
// an object created as a section (it shows in the navigation at once), its caption and section
// caption changed (another open workspace follows after its next request, without a reload), a
// Money column added, narrowed to Integer after a dialog that counts the values at risk, dropped
// after one that counts what is lost, and the object deleted after one that counts its records;
// axe on both pages, the object's page at 375 px. Run by WorkspaceIT with ATRIUM_URL,
// ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, browserTests, seriousViolations, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const object = `UsrTrip${Math.random().toString(36).slice(2, 8)}`;
const section = `Trips ${object.slice(-6)}`;
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    await call('DELETE', `/0/rest/objects/${object}?confirm=true`);
  },
});
const { base, user, password, shots } = suite;

/** Presses the keys one by one, as a person at a keyboard does. */
async function press(page, ...keys) {
  for (const key of keys) await page.keyboard.press(key);
}

/**
 * Presses {@code key} until the focus is on or in {@code locator} (bounded: a page has fewer stops
 * than that). Tab moves between the page's stops; in the navigation and in a grid, which are one
 * stop each, the arrow keys move.
 */
async function keyTo(page, locator, key = 'Tab', limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((e) => e === document.activeElement || e.contains(document.activeElement))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${locator}`);
}
const tabTo = (page, locator) => keyTo(page, locator, 'Tab');

/** From outside a grid: into it, down to the row that has {@code text}, to its last cell (the actions' button). */
async function rowActions(page, grid, text) {
  await tabTo(page, grid);
  await keyTo(page, grid.getByRole('row').filter({ hasText: text }), 'ArrowDown', 20);
  await press(page, 'End', 'Enter');
}

test('an admin designs an object by keyboard; every open workspace follows', { timeout: 180_000 }, async () => {
  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  const call = await apiSession(base, user, password);
  await withScreenshotOnFailure(page, shots, 'designer', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await tabTo(page, nav);
    await keyTo(page, nav.getByRole('link', { name: 'Objects', exact: true }), 'ArrowDown', 20);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: 'Objects' }).waitFor();
    await page.getByRole('grid', { name: 'Objects' }).getByText('Contact', { exact: true }).first().waitFor();
    await settled(page);
    await page.screenshot({ path: `${shots}/designer-objects.png` });
    let serious = await seriousViolations(page);
    assert.deepEqual(serious, [], serious.join('\n'));

    // a new object, as a section
    await tabTo(page, page.getByRole('button', { name: 'New object' }));
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: 'New object' });
    await dialog.getByLabel('Name').waitFor();
    await page.keyboard.type(object); // the dialog's first field has the focus
    await press(page, 'Tab');
    await page.keyboard.type('Trip');
    await tabTo(page, dialog.getByLabel('Section caption'));
    await page.keyboard.type(section);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: 'Trip' }).waitFor();
    await nav.getByRole('link', { name: section }).waitFor(); // the navigation follows at once

    // another workspace, open while the admin changes the settings (the test server ends a session idle for 8 s)
    const other = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
    const otherNav = other.page.getByRole('navigation', { name: 'Sections' });
    await otherNav.getByRole('link', { name: section }).waitFor();
    await page.bringToFront();

    // the settings: another caption and section caption
    await tabTo(page, page.getByRole('textbox', { name: 'Caption', exact: true }));
    await press(page, 'Control+a');
    await page.keyboard.type('Business trip');
    await tabTo(page, page.getByRole('textbox', { name: 'Section caption' }));
    await press(page, 'Control+a');
    await page.keyboard.type(`Business ${section}`);
    await press(page, 'Enter'); // the settings are a form
    await page.getByText(`${object} saved.`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Business trip' }).waitFor();
    await nav.getByRole('link', { name: `Business ${section}` }).waitFor();
    assert.equal((await call('GET', `/0/rest/objects/${object}`)).json.Caption, 'Business trip');

    // the other workspace follows after its next request, without a reload
    await otherNav.getByRole('link', { name: 'Contacts' }).click();
    await otherNav.getByRole('link', { name: `Business ${section}` }).waitFor();
    assert.equal(await otherNav.getByRole('link', { name: section, exact: true }).count(), 0);
    await other.context.close();
    await page.bringToFront();

    // a Money column
    await tabTo(page, page.getByRole('button', { name: 'Add column' }));
    await press(page, 'Enter');
    const add = page.getByRole('dialog', { name: 'Add column' });
    await add.getByLabel('Name').waitFor();
    await page.keyboard.type('Budget');
    await tabTo(page, add.getByRole('combobox', { name: 'Type' }));
    await press(page, 'Enter');
    await page.getByRole('option', { name: 'Money' }).waitFor();
    await page.keyboard.type('Money'); // a listbox moves to the option typed
    await press(page, 'Enter');
    assert.equal(await add.getByRole('combobox', { name: 'Type' }).textContent(), 'Money');
    await tabTo(page, add.getByRole('button', { name: 'Add' }));
    await press(page, 'Enter');
    await page.getByText('Column Budget added.').waitFor();
    const columns = page.getByRole('grid', { name: 'Columns of Business trip' });
    await columns.getByRole('gridcell', { name: 'Budget', exact: true }).first().waitFor();
    assert.equal((await call('GET', `/0/rest/objects/${object}`)).json.Columns.find((c) => c.Name === 'Budget').Type, 'Money');

    // two records, one with a budget
    for (const body of [{ Name: 'Lisbon', Budget: '1200.50' }, { Name: 'Porto' }]) {
      const r = await call('POST', `/0/odata/${object}`, body, { 'Content-Type': 'application/json;IEEE754Compatible=true' });
      assert.equal(r.status, 201, JSON.stringify(r.json));
    }

    // narrowing Money to Integer asks first, naming how many values may be rounded
    await page.bringToFront();
    await rowActions(page, columns, 'Budget');
    await page.getByRole('menuitem', { name: 'Change' }).waitFor();
    await press(page, 'Enter'); // the menu's first item has the focus
    const change = page.getByRole('dialog', { name: 'Change column Budget' });
    await tabTo(page, change.getByRole('combobox', { name: 'Type' }));
    await press(page, 'Enter');
    await page.getByRole('option', { name: 'Integer' }).waitFor();
    await page.keyboard.type('Integer'); // a listbox moves to the option typed
    await press(page, 'Enter');
    assert.equal(await change.getByRole('combobox', { name: 'Type' }).textContent(), 'Integer');
    await tabTo(page, change.getByRole('button', { name: 'Save' }));
    await press(page, 'Enter');
    const narrow = page.getByRole('alertdialog', { name: 'Change the type of Budget?' });
    await narrow.getByText('Budget becomes Integer instead of Money: its value in 1 record may be rounded or shortened.', { exact: false }).waitFor();
    await tabTo(page, narrow.getByRole('button', { name: 'Change type' }));
    await press(page, 'Enter');
    await page.getByText('Column Budget changed.').waitFor();
    await columns.getByRole('gridcell', { name: 'Integer', exact: true }).waitFor();
    const lisbon = (await call('GET', `/0/odata/${object}?$filter=Name eq 'Lisbon'`)).json.value[0];
    assert.equal(lisbon.Budget, 1201, 'the value is rounded');

    await settled(page);
    await page.screenshot({ path: `${shots}/designer-object.png`, fullPage: true });
    serious = await seriousViolations(page);
    assert.deepEqual(serious, [], serious.join('\n'));

    // a drop asks first and names what is lost
    await rowActions(page, columns, 'Budget');
    await page.getByRole('menuitem', { name: 'Drop' }).waitFor();
    await press(page, 'ArrowDown', 'Enter');
    const drop = page.getByRole('alertdialog', { name: 'Drop column Budget?' });
    await drop.getByText(`Dropping Budget deletes its value in 1 of the 2 records of ${object}. This cannot be undone.`).waitFor();
    await settled(page);
    await page.screenshot({ path: `${shots}/designer-drop.png` });
    await tabTo(page, drop.getByRole('button', { name: 'Drop column' }));
    await press(page, 'Enter');
    await page.getByText('Column Budget dropped.').waitFor();
    await columns.getByRole('gridcell', { name: 'Budget', exact: true }).waitFor({ state: 'detached' });
    assert.equal((await call('GET', `/0/rest/objects/${object}`)).json.Columns.some((c) => c.Name === 'Budget'), false);

    // at 375 px the page fits the screen: nothing wider than it but the grid, which scrolls itself
    await page.setViewportSize({ width: 375, height: 800 });
    await settled(page);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling of the page');
    await page.screenshot({ path: `${shots}/designer-object-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // deleting the object asks first and counts its records; its section goes from the navigation
    await tabTo(page, page.getByRole('button', { name: 'Delete object' }));
    await press(page, 'Enter');
    const del = page.getByRole('alertdialog', { name: `Delete ${object}?` });
    await del.getByText(`Deleting ${object} deletes its table and its 2 records. This cannot be undone.`).waitFor();
    await tabTo(page, del.getByRole('button', { name: 'Delete object' }));
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: 'Objects' }).waitFor();
    await nav.getByRole('link', { name: `Business ${section}` }).waitFor({ state: 'detached' });
    assert.equal((await call('GET', `/0/rest/objects/${object}`)).status, 404);
  });
});
