// The sign-in page as a person uses it, in headless Chromium: keyboard-reachable labelled fields,
// a clear message on a wrong password, then the workspace greeting the user, and sign-out.
// Run by BrowserIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD, ATRIUM_RESET_USER,
// ATRIUM_RESET_PASSWORD, ATRIUM_NOTICE (a notice the user has) and SCREENSHOTS set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './browser.mjs';

const base = process.env.ATRIUM_URL;
const user = process.env.ATRIUM_USER;
const password = process.env.ATRIUM_PASSWORD;
const shots = process.env.SCREENSHOTS;
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('sign in, see the greeting and the contacts, sign out', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') cspErrors.push(m.text()); });

  await page.goto(base + '/');
  assert.equal(await page.title(), 'Sign in · Atrium');
  await page.screenshot({ path: `${shots}/sign-in.png` });

  // Labels name the fields (what a screen reader announces).
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('not the password');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor({ state: 'visible' });
  assert.equal(await alert.textContent(), 'Invalid user name or password.');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'the wrong password is cleared');
  await page.screenshot({ path: `${shots}/sign-in-failed.png` });

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/0/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Welcome, ${user}`);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts', exact: true }).waitFor();
  const notices = page.getByRole('region', { name: 'Notices' });
  await notices.waitFor();
  assert.ok((await notices.textContent()).includes(process.env.ATRIUM_NOTICE), 'the licence expiry notice is shown');
  await page.screenshot({ path: `${shots}/home.png` });

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === '.ASPXAUTH');
  assert.ok(session && session.httpOnly && session.sameSite === 'Lax', 'session cookie is HttpOnly, SameSite=Lax');

  await page.getByRole('button', { name: `${user}, account menu` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(base + '/');
  await page.getByLabel('User name').waitFor();
  assert.equal(await page.getByLabel('User name').inputValue(), user, 'the login name is remembered');
  await page.goto(base + '/0/');
  assert.equal(new URL(page.url()).pathname, '/', 'signed out: the application sends the browser to sign in');
  assert.deepEqual(cspErrors, [], 'no script or style blocked by the Content-Security-Policy');
  await context.close();
});

test('a reset password is changed on the way in', { timeout: 60_000 }, async () => {
  const resetUser = process.env.ATRIUM_RESET_USER;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('User name').fill(resetUser);
  await page.getByLabel('Password').fill(process.env.ATRIUM_RESET_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL((url) => url.pathname === '/ChangePassword');
  assert.equal(await page.getByLabel('User name').inputValue(), resetUser, 'the name comes along');
  await page.getByLabel('Current password').fill(process.env.ATRIUM_RESET_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('Chosen-By-Me-Pa55word');
  await page.getByLabel('Repeat the new password').fill('Something-Else-Pa55word');
  await page.getByRole('button', { name: 'Change password and sign in' }).click();
  assert.equal(await page.getByRole('alert').textContent(), 'The new passwords do not match.');

  await page.getByLabel('Repeat the new password').fill('Chosen-By-Me-Pa55word');
  await page.screenshot({ path: `${shots}/change-password.png` });
  await page.getByRole('button', { name: 'Change password and sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/0/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Welcome, ${resetUser}`);
  await context.close();
});
