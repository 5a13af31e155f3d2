// Shared by the browser tests: Debian's Chromium, headless, as playwright-core drives it here
// (no browser download; the flags keep it off the closed network).
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
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
