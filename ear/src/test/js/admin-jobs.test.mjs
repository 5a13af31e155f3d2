// Scheduled jobs as an administrator runs them, in headless Chromium: the jobs list, a job's page,
// "Run now" and its firing showing in the history on its own (the page reads again every few
// seconds), pause and resume with the state following on the server; axe on both pages, the job's
// page at 375 px. Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, assertNoSeriousViolations, browserTests, signedIn, withScreenshotOnFailure } from './browser.mjs';

const JOB = 'licence-clock'; // harmless to run at any time: it moves the licence clock's mark forward
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    await call('POST', `/0/rest/jobs/${JOB}/resume`);
  },
});
const { base, user, password, shots } = suite;

test('an admin runs, pauses and resumes a job and sees its firing', { timeout: 180_000 }, async () => {
  const admin = await apiSession(base, user, password);
  const state = async () => (await admin('GET', `/0/rest/jobs/${JOB}`)).json.State;
  const { page } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1280, height: 800 } });
  await withScreenshotOnFailure(page, shots, 'admin-jobs', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Scheduled jobs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Scheduled jobs' }).waitFor();
    const jobs = page.getByRole('grid', { name: 'Scheduled jobs' });
    await jobs.getByRole('link', { name: 'scheduler-heartbeat' }).waitFor();
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-jobs.png`, fullPage: true });
    await jobs.getByRole('link', { name: JOB, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: JOB }).waitFor();

    // run now: the firing shows in the history without a reload
    const before = (await admin('GET', `/0/rest/jobs/${JOB}/runs?top=1`)).json[0]?.FireTime ?? null;
    const firings = page.getByRole('grid', { name: `Firings of ${JOB}` });
    const newest = firings.getByRole('row').nth(1);
    const shownBefore = before ? await newest.textContent() : null;
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText(`${JOB} runs now on whichever node picks it up.`).waitFor();
    let fired;
    for (let i = 0; i < 40 && !fired; i++) { // at most 20 s
      const run = (await admin('GET', `/0/rest/jobs/${JOB}/runs?top=1`)).json[0];
      if (run && run.FireTime !== before && run.FinishedOn) fired = run;
      else await page.waitForTimeout(500);
    }
    assert.ok(fired, 'the job ran within 20 s');
    // the newest row (after the header) is another one now
    await page.waitForFunction(([label, old]) => {
      const rows = [...document.querySelectorAll(`[role="grid"][aria-label="${label}"] [role="row"]`)];
      return rows.length > 1 && rows[1].textContent !== old;
    }, [`Firings of ${JOB}`, shownBefore], { timeout: 15_000 });
    assert.match(await newest.textContent(), new RegExp(fired.Status));

    // pause and resume
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText(`${JOB} is paused; it stays so across restarts.`).waitFor();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    assert.equal(await state(), 'PAUSED');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(`${JOB} runs on its schedule again.`).waitFor();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    assert.equal(await state(), 'NORMAL');
    await assertNoSeriousViolations(page);
    await page.screenshot({ path: `${shots}/admin-job.png`, fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling of the page');
    await page.screenshot({ path: `${shots}/admin-job-phone.png`, fullPage: true });
  });
});
