// A section's board as a person uses it, in headless Chromium: opportunities in a column per stage
// in the stages' order, a card dragged with the mouse to another stage, one moved with the
// keyboard through its Move menu, a move refused because someone else changed the record after
// the board loaded, the board kept as the section's view after a reload, and axe on the board.
// Run by WorkspaceIT with ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD and SCREENSHOTS set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSession, browserTests, seriousViolations, settled, signedIn, withScreenshotOnFailure } from './browser.mjs';

const tag = Math.random().toString(36).slice(2, 8);
const created = [];
const suite = browserTests({
  cleanUp: async ({ base, user, password }) => {
    const call = await apiSession(base, user, password);
    for (const id of created) await call('DELETE', `/0/odata/Opportunity(${id})`);
    await call('DELETE', '/0/rest/profile/list.Opportunity.mode');
  },
});
const { base, user, password, shots } = suite;

async function stages(call) {
  const r = await call('GET', '/0/odata/OpportunityStage?$select=Id,Name&$orderby=Position');
  return new Map(r.json.value.map((s) => [s.Name, s.Id]));
}

async function stageOf(call, id) {
  return (await call('GET', `/0/odata/Opportunity(${id})?$select=StageId`)).json.StageId;
}

/** The column of a stage, and a card in it by its title. */
const column = (page, stage) => page.getByRole('listitem', { name: stage, exact: true });
const card = (page, stage, title) => column(page, stage).getByRole('link', { name: title, exact: true });

test('cards move between stages by drag and by keyboard, with the record\'s ETag', { timeout: 120_000 }, async () => {
  const call = await apiSession(base, user, password);
  const stage = await stages(call);
  const deal = {};
  for (const title of ['Alpha', 'Beta']) {
    const r = await call('POST', '/0/odata/Opportunity', { Title: `Board ${tag} ${title}`, StageId: stage.get('Qualification'), Amount: 1000 });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    deal[title] = r.json.Id;
    created.push(r.json.Id);
  }
  const alpha = `Board ${tag} Alpha`;
  const beta = `Board ${tag} Beta`;
  const { context, page, errors } = await signedIn(suite.browser, base, user, password, { viewport: { width: 1440, height: 900 } });
  await withScreenshotOnFailure(page, shots, 'board', async () => {
    await page.goto(base + '/0/#/Opportunity');
    await page.getByRole('tab', { name: 'Board' }).click();
    await card(page, 'Qualification', alpha).waitFor();
    const headings = await page.getByRole('list', { name: 'Opportunities by Stage' }).locator('h2').allTextContents();
    assert.deepEqual(headings.slice(0, 6).map((h) => h.replace(/\d+$/, '')),
      ['Qualification', 'Presentation', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost'], 'the stages in their order');

    // drag Alpha to Proposal with the mouse
    const from = await page.locator(`li[data-card="${deal.Alpha}"]`).boundingBox();
    const to = await column(page, 'Proposal').boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 8);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height - 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
    await page.mouse.up();
    await page.getByText(`${alpha} moved to Proposal.`).waitFor();
    await card(page, 'Proposal', alpha).waitFor();
    assert.equal(await stageOf(call, deal.Alpha), stage.get('Proposal'), 'stored');

    // Beta to Negotiation with the keyboard only: its Move button, the menu's arrows, Enter
    await page.getByRole('button', { name: `Move ${beta}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: `Move ${beta}` }).waitFor(); // named by its button
    const walked = [];
    for (let i = 0; i < 10 && walked.at(-1) !== 'Negotiation'; i++) {
      walked.push(await page.evaluate(() => document.activeElement.textContent));
      if (walked.at(-1) !== 'Negotiation') await page.keyboard.press('ArrowDown');
    }
    assert.equal(walked.at(-1), 'Negotiation', walked.join(' | '));
    await page.keyboard.press('Enter');
    await card(page, 'Negotiation', beta).waitFor();
    assert.equal(await stageOf(call, deal.Beta), stage.get('Negotiation'), 'stored');

    // someone else changes Alpha after the board loaded: the move is refused, nothing is lost
    const changed = await call('PATCH', `/0/odata/Opportunity(${deal.Alpha})`, { Amount: 2000 });
    assert.equal(changed.status, 204);
    await page.getByRole('button', { name: `Move ${alpha}` }).click();
    await page.getByRole('menuitem', { name: 'Closed won' }).click();
    await page.getByText(`Someone else changed ${alpha} after the board was loaded`).waitFor();
    assert.equal(await stageOf(call, deal.Alpha), stage.get('Proposal'), 'not moved over the other change');
    await card(page, 'Proposal', alpha).waitFor();

    // the board is the section's view now, after a reload too
    await page.reload();
    await card(page, 'Negotiation', beta).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected'), 'true');
    await settled(page);
    await page.screenshot({ path: `${shots}/board-opportunities.png` });

    const serious = await seriousViolations(page);
    assert.deepEqual(serious, [], serious.join('\n'));

    await page.getByRole('tab', { name: 'List' }).click();
    await page.getByRole('grid', { name: 'Opportunities' }).waitFor();
    // the refused move's 412 is the one failed request the console reports
    assert.deepEqual(errors.filter((e) => !e.includes('412 (Precondition Failed)')), [], 'no script or style blocked');
  });
  await context.close();
});
