// Every main page of the workspace, in headless Chromium, in the light theme, in the dark one and on
// a 375 px phone: axe finds no serious or critical violation (WCAG 2.1 A and AA) in either theme,
// with the first row of a grid hovered, and on the phone nothing is wider than the screen (grids
// scroll inside themselves). A screenshot
// of each page in each, named tour-<page>-light.png, -dark.png and -phone.png. The themes follow
// the browser's colour scheme here (the user's own choice is removed first). Run by WorkspaceIT with
// ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, browserTests, seriousViolations, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    await call('DELETE', '/0/rest/profile/list.Opportunity.mode');
  },
});
const { base, user, password, shots } = suite;

/** The pages, each with what shows once it has loaded. */
async function pages(call) {
  const contact = (await call('GET', '/0/odata/Contact?$top=1&$select=Id&$orderby=Name')).json.value[0].Id;
  const role = (await call('GET', '/0/rest/roles')).json.find((r) => r.Code === 'AllEmployees') ?? (await call('GET', '/0/rest/roles')).json[0];
  const h1 = (page) => page.getByRole('heading', { level: 1 });
  const grid = (name) => (page) => page.getByRole('grid', { name }).getByRole('row').nth(1);
  return [
    ['home', '/0/#/', h1],
    ['list', '/0/#/Contact', grid('Contacts')],
    ['form', `/0/#/Contact/${contact}`, (page) => page.getByRole('button', { name: 'Save' })],
    ['board', '/0/#/Opportunity', (page) => page.getByRole('list', { name: 'Opportunities by Stage' })],
    ['users', '/0/#/admin/users', grid('Users')],
    ['roles', '/0/#/admin/roles', grid('Roles')],
    ['role', `/0/#/admin/roles/${role.Id}`, h1],
    ['operations', '/0/#/admin/operations', grid('Operations')],
    ['operation', '/0/#/admin/operations/CanManageUsers', h1],
    ['settings', '/0/#/admin/settings', grid('System settings')],
    ['setting', '/0/#/admin/settings/MaxFileSize', h1],
    ['licences', '/0/#/admin/licences', grid('Products')],
    ['jobs', '/0/#/admin/jobs', grid('Scheduled jobs')],
    ['job', '/0/#/admin/jobs/scheduler-heartbeat', (page) => page.getByRole('grid', { name: 'Firings of scheduler-heartbeat' })],
    ['audit', '/0/#/admin/audit', grid('Audit log')],
    ['objects', '/0/#/admin/objects', grid('Objects')],
    ['object', '/0/#/admin/objects/Contact', (page) => page.getByRole('region', { name: 'Record permissions' }).getByRole('switch')],
  ];
}

async function visit(page, route, ready) {
  await page.goto(base + route);
  await ready(page).waitFor();
  // a hovered row has other colours: scan them too (row 0 is the header)
  const row = page.getByRole('grid').first().getByRole('row').nth(1);
  if (await row.count()) await row.hover();
  await settled(page);
}

for (const scheme of ['light', 'dark']) {
  test(`every main page in the ${scheme} theme has no serious axe violation`, { timeout: 300_000 }, async () => {
    const call = await apiSession(base, user, password);
    await call('DELETE', '/0/rest/profile/ui.preferences');
    assert.ok((await call('PUT', '/0/rest/profile/list.Opportunity.mode', { Mode: 'board' })).status < 300, 'the board is the view of opportunities');
    const { context, page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const found = [];
    await withScreenshotOnFailure(page, shots, `tour-${scheme}`, async () => {
      for (const [name, route, ready] of await pages(call)) {
        await visit(page, route, ready);
        assert.equal(await page.evaluate(() => document.querySelector('[data-theme]')?.getAttribute('data-theme')), scheme, name);
        found.push(...(await seriousViolations(page)).map((v) => `${name}: ${v}`));
        await page.screenshot({ path: `${shots}/tour-${name}-${scheme}.png`, fullPage: true });
      }
    });
    await context.close();
    assert.deepEqual(found, [], found.join('\n'));
  });
}

test('every main page fits a 375 px phone', { timeout: 300_000 }, async () => {
  const call = await apiSession(base, user, password);
  const { context, page } = await signedIn(suite.browser, base, user, password,
    { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const wide = [];
  await withScreenshotOnFailure(page, shots, 'tour-phone', async () => {
    for (const [name, route, ready] of await pages(call)) {
      await visit(page, route, ready);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${name}: ${width} px`);
      await page.screenshot({ path: `${shots}/tour-${name}-phone.png`, fullPage: true });
    }
  });
  await context.close();
  assert.deepEqual(wide, [], `pages wider than the phone: ${wide.join(', ')}`);
});
