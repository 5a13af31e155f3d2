// The browser workspace's shell as a person uses it, in headless Chromium: the side navigation of
// sections, deep links, back/forward and reload, a section an admin adds appearing without a
// restart, a lost session returning the user to where they were, the phone layout, and a strict
// CSP that blocks nothing. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and
// SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, launchChromium, newPage as openPage, settled, signIn as signInAt } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const user = process.env.ATRIUM_USER;
const password = process.env.ATRIUM_PASSWORD;
const shots = process.env.SCREENSHOTS;
const CORE = ['Contacts', 'Accounts', 'Activities', 'Cases', 'Leads', 'Opportunities'];
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const newPage = (options = {}) => openPage(browser, options);
const signIn = (page, url = base + '/') => signInAt(page, url, user, password);

async function expectHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });
}

test('the shell: sections in order, deep links, back, forward and reload', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page);
  await page.waitForURL((url) => url.pathname === '/0/');
  await expectHeading(page, `Welcome, ${user}`);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const entries = await nav.getByRole('link').allTextContents();
  assert.deepEqual(entries.slice(0, 7), ['Home', ...CORE], 'home, then the CRM core in the reference order');
  assert.equal(await page.getByRole('button', { name: `${user}, account menu` }).isVisible(), true);
  // Fluent's styles reach the page through the CSP nonce: the header has the brand colour.
  const headerColour = await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor);
  assert.notEqual(headerColour, 'rgba(0, 0, 0, 0)', 'the component styles were admitted');
  await settled(page);
  await page.screenshot({ path: `${shots}/workspace-home.png` });

  await nav.getByRole('link', { name: 'Accounts', exact: true }).click();
  await expectHeading(page, 'Accounts');
  assert.equal(new URL(page.url()).hash, '#/Account');
  assert.equal(await nav.getByRole('link', { name: 'Accounts', exact: true }).getAttribute('aria-current'), 'page');
  await nav.getByRole('link', { name: 'Cases', exact: true }).click();
  await expectHeading(page, 'Cases');
  await page.goBack();
  await expectHeading(page, 'Accounts');
  await page.goBack();
  await expectHeading(page, `Welcome, ${user}`);
  await page.goForward();
  await expectHeading(page, 'Accounts');
  await page.reload();
  await expectHeading(page, 'Accounts');
  await settled(page);
  await page.screenshot({ path: `${shots}/workspace-section.png` });

  await page.goto(base + '/0/#/Opportunity');
  await expectHeading(page, 'Opportunities');
  await page.goto(base + '/0/#/NoSuchObject');
  await page.getByText('There is no section NoSuchObject.').waitFor();
  assert.deepEqual(errors, [], 'no script or style blocked, no error');
  await context.close();
});

test('a section the designer adds appears without a restart', { timeout: 60_000 }, async () => {
  const call = await apiSession(base, user, password);
  const name = 'UsrWsB' + Math.random().toString(36).slice(2, 8);
  const created = await call('POST', '/0/rest/objects', {
    Name: name, Caption: 'Project', Section: `Projects ${name}`, Columns: [{ Name: 'Name', Type: 'Text', Required: true }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  try {
    const { context, page } = await newPage();
    await signIn(page);
    const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: `Projects ${name}` });
    await link.click();
    await expectHeading(page, `Projects ${name}`);
    assert.equal(new URL(page.url()).hash, `#/${name}`);
    await context.close();
  } finally {
    await call('DELETE', `/0/rest/objects/${name}?confirm=true`);
  }
});

test('a lost session signs in again and returns to where the user was', { timeout: 60_000 }, async () => {
  const { context, page } = await newPage();
  await signIn(page);
  await expectHeading(page, `Welcome, ${user}`);
  await page.goto(base + '/0/#/Lead');
  await page.getByRole('grid', { name: 'Leads' }).waitFor();
  // The session ends on the server (as on expiry or sign-out elsewhere); the browser still holds its cookie.
  await page.evaluate(async () => {
    const csrf = document.cookie.match(/BPMCSRF=([^;]*)/)[1];
    await fetch('/ServiceModel/AuthService.svc/Logout', { method: 'POST', headers: { BPMCSRF: csrf } });
  });
  // The next call of the workspace meets 401 and goes to sign-in with the route it was going to.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Opportunities', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('returnUrl') === '/0/#/Opportunity');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Opportunities');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/0/#/Opportunity');

  // A page load without a session: the server's redirect keeps the route in the fragment.
  await context.clearCookies();
  await page.goto(base + '/0/#/Case');
  await page.getByLabel('Password').waitFor();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Cases');
  assert.equal(new URL(page.url()).hash, '#/Case');

  // A return address outside the workspace is not followed. (First let the Cases page finish its
  // requests: one sent after the cookies are gone would meet 401 and lead the page to sign-in itself.)
  await page.waitForLoadState('networkidle');
  await context.clearCookies();
  await signIn(page, base + '/?returnUrl=' + encodeURIComponent('//evil.example/0/'));
  await page.waitForURL((url) => url.pathname === '/0/');
  assert.equal(new URL(page.url()).host, new URL(base).host);
  await context.close();
});

test('a list opened cold asks for the shell, the settings and its first page once each', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page);
  await page.waitForURL((url) => url.pathname === '/0/');
  const requests = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/0\/(rest|odata)\//.test(url.pathname)) requests.push(url.pathname + (url.pathname === '/0/rest/profile' ? url.search : ''));
  });
  await page.goto(base + '/0/#/Contact');
  await page.reload(); // a page load at the list, as a bookmark opens it
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('link').first().waitFor();
  await page.waitForLoadState('networkidle');
  const after = requests.slice(requests.lastIndexOf('/0/rest/workspace'));
  const count = (path) => after.filter((p) => p === path).length;
  assert.equal(count('/0/rest/workspace'), 1, after.join(', '));
  assert.equal(count('/0/rest/profile?prefix=list.'), 1, 'the kept list settings once: ' + after.join(', '));
  assert.equal(count('/0/rest/profile?prefix=ui.'), 1, 'the preferences once: ' + after.join(', '));
  assert.equal(after.filter((p) => p.startsWith('/0/rest/profile')).length, 2, after.join(', '));
  assert.equal(count('/0/odata/Contact'), 1, 'the first page once, sent by the opening script: ' + after.join(', '));
  assert.equal(count('/0/rest/workspace/objects/Contact'), 0, 'the metadata came with the shell');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 375 px phone the navigation is a drawer', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  await signIn(page);
  await expectHeading(page, `Welcome, ${user}`);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  assert.equal(await nav.getByRole('link', { name: 'Contacts', exact: true }).isVisible(), false, 'the drawer starts closed');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > 376 && !e.closest('header')).slice(0, 5)
    .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
  assert.ok(width <= 375, `nothing wider than the screen (${width} px): ${wide.join(', ')}`);
  await settled(page);
  await page.screenshot({ path: `${shots}/workspace-phone.png` });
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await nav.getByRole('link', { name: 'Contacts', exact: true }).waitFor();
  await settled(page);
  await page.screenshot({ path: `${shots}/workspace-phone-navigation.png` });
  await nav.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expectHeading(page, 'Contacts');
  await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: skip link, navigation and the user menu', { timeout: 60_000 }, async () => {
  const { context, page } = await newPage();
  await signIn(page);
  await expectHeading(page, `Welcome, ${user}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Activities', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expectHeading(page, 'Activities');
  await page.getByRole('button', { name: `${user}, account menu` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
  // the arrows walk the menu (the theme and language choices, then the account's items) to Sign out
  const walked = [];
  for (let i = 0; i < 12 && walked.at(-1) !== 'Sign out'; i++) {
    await page.keyboard.press('ArrowDown');
    walked.push(await page.evaluate(() => document.activeElement.textContent));
  }
  assert.equal(walked.at(-1), 'Sign out', walked.join(' | '));
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
  await context.close();
});
