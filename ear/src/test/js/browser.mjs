// Shared by the browser tests: Debian's Chromium, headless, as playwright-core drives it here
// (no browser download; the flags keep it off the closed network).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

/** How every test starts Chromium. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

export function launchChromium() {
  return chromium.launch(CHROMIUM);
}

/** What NodeTests gives a browser test: the server, the Supervisor's credentials, the screenshots' folder. */
export function testEnv() {
  return {
    base: process.env.ATRIUM_URL,
    user: process.env.ATRIUM_USER,
    password: process.env.ATRIUM_PASSWORD,
    shots: process.env.SCREENSHOTS,
  };
}

/**
 * What NodeTests gives a browser test (ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD, SCREENSHOTS) and
 * one Chromium for the file's tests, launched before them and closed after them (after
 * {@code cleanUp}, when given).
 */
export function browserTests({ cleanUp } = {}) {
  const suite = { ...testEnv(), browser: undefined };
  before(async () => {
    suite.browser = await launchChromium();
  });
  after(async () => {
    await cleanUp?.(suite);
    await suite.browser?.close();
  });
  return suite;
}

/** Runs a test's steps; when one fails, a screenshot of the page is kept as failed-<name>.png beside the others. */
export async function withScreenshotOnFailure(page, shots, name, steps) {
  try {
    await steps();
  } catch (e) {
    await page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
    console.log(`failed-${name}.png: ${page.url()}`);
    throw e;
  }
}

/**
 * The API as an integrator's script calls it: signs in, then sends requests with the cookies and
 * BPMCSRF, signing in again when the session has ended (the test server's idle timeout is short).
 * Answers {status, headers, json}.
 */
export async function apiSession(base, user, password) {
  let cookies;
  let csrf;
  async function login() {
    const r = await fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ UserName: user, UserPassword: password }),
    });
    if (r.status !== 200) throw new Error(`sign-in as ${user}: HTTP ${r.status}`);
    cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
    csrf = cookies.find((c) => c.startsWith('BPMCSRF=')).slice('BPMCSRF='.length);
  }
  await login();
  return async function call(method, path, body, headers = {}, again = true) {
    const r = await fetch(base + path, {
      method,
      headers: { Cookie: cookies.join('; '), BPMCSRF: csrf, 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status === 401 && again) {
      await login();
      return call(method, path, body, headers, false);
    }
    const text = await r.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
    return { status: r.status, headers: r.headers, json };
  };
}

/**
 * A new page in its own context that records what goes wrong: {@code errors} has the console's
 * errors (a blocked script or style, a failed request among them) and uncaught exceptions,
 * {@code pageErrors} only the exceptions.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const pageErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => { errors.push(e.message); pageErrors.push(e.message); });
  return { context, page, errors, pageErrors };
}

/** Signs in on the sign-in page at {@code url} as a person does. */
export async function signIn(page, url, user, password) {
  await page.goto(url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new page signed in as {@code user}, once the workspace at /0/ is reached. */
export async function signedIn(browser, base, user, password, options = {}) {
  const opened = await newPage(browser, options);
  await signIn(opened.page, base + '/', user, password);
  await opened.page.waitForURL((url) => url.pathname === '/0/');
  return opened;
}

/**
 * axe's serious and critical WCAG 2.1 A/AA violations on the page as it is, a line each. Fluent's
 * focus management (tabster) keeps hidden focus sentinels at the edges of focus traps; they hand
 * focus on and are never read: left out of the scan.
 */
export async function seriousViolations(page) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Fails the test when axe finds a serious or critical violation on the page once it has settled. */
export async function assertNoSeriousViolations(page) {
  await settled(page);
  const serious = await seriousViolations(page);
  if (serious.length) throw new Error(`axe: ${serious.join('\n')}`);
}

/**
 * Waits until no animation runs (Fluent's motions use the Web Animations API), for a screenshot.
 * One that never ends (a progress bar's moving stripe) is no motion to wait for.
 */
export async function settled(page) {
  await page.waitForFunction(() => document.getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}
