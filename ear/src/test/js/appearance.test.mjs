// The workspace's themes and languages as a person uses them, in headless Chromium: the theme
// follows the system until the user picks one in the account menu, a pick is kept in their profile
// (it holds after a reload and in another browser), German replaces every text of the shell and
// formats dates the German way, and axe finds no serious or critical violation in the dark theme.
// Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set; the
// user's preferences are removed at the end, so the other browser tests see the defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, browserTests, seriousViolations, settled, signedIn as signedInAt, withScreenshotOnFailure } from './browser.mjs';

const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    await call('DELETE', '/0/rest/profile/ui.preferences');
  },
});
const { base, user, password, shots } = suite;

const signedIn = (options = {}) => signedInAt(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 }, ...options });

/** The relative luminance (0 black, 1 white) of the background an element shows (its own or the nearest painted one). */
async function luminance(page, selector) {
  const colour = await page.locator(selector).first().evaluate((e) => {
    for (let at = e; at; at = at.parentElement) {
      const c = getComputedStyle(at).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return 'rgb(255, 255, 255)';
  });
  const [r, g, b] = colour.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function choose(page, accountMenu, item) {
  await page.getByRole('button', { name: accountMenu }).click();
  await page.getByRole('menuitemradio', { name: item, exact: true }).click();
}

test('the theme follows the system until the user picks one, which is kept', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await signedIn({ colorScheme: 'dark' });
  await withScreenshotOnFailure(page, shots, 'theme', async () => {
    await page.getByRole('heading', { level: 1, name: `Welcome, ${user}` }).waitFor();
    assert.ok(await luminance(page, 'main') < 0.1, 'a dark system gets the dark theme');
    await choose(page, `${user}, account menu`, 'Light');
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'light');
    assert.ok(await luminance(page, 'main') > 0.8, 'the light theme, chosen over the system');
    await choose(page, `${user}, account menu`, 'Dark');
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'dark');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${user}` }).waitFor();
    assert.ok(await luminance(page, 'main') < 0.1, 'still dark after a reload');
    assert.equal(await page.evaluate(() => document.documentElement.style.colorScheme), 'dark');
    await settled(page);
    await page.screenshot({ path: `${shots}/workspace-dark.png` });
    assert.deepEqual(errors, [], 'no script or style blocked');
  });
  await context.close();

  // a browser with a light system setting: the kept choice wins there too
  const other = await signedIn({ colorScheme: 'light' });
  await other.page.getByRole('heading', { level: 1, name: `Welcome, ${user}` }).waitFor();
  await other.page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'dark');
  assert.ok(await luminance(other.page, 'main') < 0.1, 'the profile keeps the choice for every browser');
  await other.context.close();
});

test('axe finds no serious or critical violation in the dark theme', { timeout: 90_000 }, async () => {
  const call = await apiSession(base, user, password);
  assert.equal((await call('PUT', '/0/rest/profile/ui.preferences', { Theme: 'dark', Language: '' })).status, 200);
  const { context, page } = await signedIn();
  await withScreenshotOnFailure(page, shots, 'axe-dark', async () => {
    const found = [];
    for (const [route, ready] of [['/0/#/', page.getByRole('heading', { level: 1 })],
      ['/0/#/Contact', page.getByRole('grid', { name: 'Contacts' }).getByRole('link').first()]]) {
      await page.goto(base + route);
      await ready.waitFor();
      await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'dark');
      if (route.endsWith('Contact')) {
        await page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1).hover(); // a hovered row's colours too (row 0 is the header)
      }
      await settled(page);
      found.push(...(await seriousViolations(page)).map((v) => `${route}: ${v}`));
    }
    await page.screenshot({ path: `${shots}/workspace-dark-list.png` });
    assert.deepEqual(found, [], found.join('\n'));
  });
  await context.close();
});

test('German replaces the texts and formats dates the German way', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await signedIn({ locale: 'en-US' });
  await withScreenshotOnFailure(page, shots, 'german', async () => {
    await page.getByRole('heading', { level: 1, name: `Welcome, ${user}` }).waitFor();
    await choose(page, `${user}, account menu`, 'Deutsch');
    await page.getByRole('heading', { level: 1, name: `Willkommen, ${user}` }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    const nav = page.getByRole('navigation', { name: 'Bereiche' });
    assert.equal(await nav.getByRole('link').first().textContent(), 'Startseite');
    const today = new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date());
    await page.getByText(`Heute ist ${today}.`).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Willkommen, ${user}` }).waitFor();
    await page.goto(base + '/0/#/Contact');
    await page.getByRole('button', { name: 'Spalten' }).waitFor();
    await page.getByRole('navigation', { name: 'Seiten' }).waitFor();
    await settled(page);
    await page.screenshot({ path: `${shots}/workspace-german.png` });
    // back to the browser's language: English again
    await choose(page, `${user}, Kontomenü`, 'Wie der Browser');
    await page.getByRole('button', { name: 'Columns' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(errors, []);
  });
  await context.close();
});
