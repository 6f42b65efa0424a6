import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { createSupporter } from '../support/cases';
import { casePages, signInFresh, storedCase } from '../support/case-pages';
import { seedStaff, signOut as signOutOf, startDashboardApp, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { INBOUND_TOKEN, postEmail, uniqueId, waitForProcessed } from '../support/intake';
import { startWorker, uniqueAddress } from '../support/test-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

const STORY = 'Dad has waited nine weeks for his CT scan at St Elsewhere.';
const QUOTED = 'Thank you for getting in touch with the campaigns team.';
const NOTE = 'Rang Sam: the scan is now booked for Friday.';

/** A request with a plain-text part (new text, then quoted history) and an HTML part that tries to run a script. */
function requestEmail(): Buffer {
  const text = [
    STORY,
    'Could you help us write to our MP?',
    '',
    'On Mon, 16 Nov 2026 at 10:00, Campaigns <campaigns@campaign-desk.local> wrote:',
    `> ${QUOTED}`,
  ];
  const html = `<p>Dad has waited <b>nine weeks</b> for his scan.</p><script>top.document.title = 'script ran'</script><p onclick="top.document.title = 'clicked'">Please help</p>`;
  return Buffer.from(
    [
      'From: Sam Patel <sam.patel@example.org>',
      'To: Campaigns <campaigns@campaign-desk.local>',
      'Subject: Waiting for a scan',
      'Date: Mon, 23 Nov 2026 09:00:00 +0000',
      `Message-ID: <${uniqueId('scan')}>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="part"',
      '',
      '--part',
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...text,
      '--part',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--part--',
      '',
    ].join('\r\n'),
  );
}

describe('dashboard: cases (browser)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let colleague: Staff;
  let viewer: Staff;
  let supporter: SupporterDto;
  let requestCase: { id: string; reference: string };
  const bulkCases: CaseDetail[] = [];

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({ INBOUND_TOKEN }, importDirectory));
    worker = await startWorker();
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    colleague = await seedStaff(app, 'caseworker', 'Robin Second', 'robin.second@campaign-desk.local');
    viewer = await seedStaff(app, 'viewer', 'Val Viewer', 'val.viewer@campaign-desk.local');
    supporter = await createSupporter(app, { name: 'Sam Patel', email: 'sam.patel@example.org' });

    // A request arrives through the webhook; the worker parses it into a triage message.
    const receipt = await postEmail(app, requestEmail()).expect(202);
    await waitForProcessed(databaseUrl, [receipt.body.messageId]);

    // Cases that are not the journey's are set up through the API.
    const agent = request.agent(app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: caseworker.email, password: caseworker.password })
      .expect(200);
    const create = (over: Record<string, unknown>) =>
      agent
        .post('/api/cases')
        .send({ supporterId: supporter.id, topics: ['diagnosis_delay'], priority: 'high', ...over })
        .expect(201)
        .then((r) => r.body as CaseDetail);
    bulkCases.push(
      await create({ topics: ['other'], priority: 'low' }),
      await create({ topics: ['communication'], priority: 'normal' }),
    );

    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  const { caseRow, status, actions, button, rows, openTab, move, caseIdInUrl } = casePages(() => page);
  const signIn = (user: Staff) => signInFresh(browser, baseUrl, user);
  const signOut = () => signOutOf(page);

  /** The triage inbox turns the request into a case for the supporter its sender matched, and opens it. */
  async function createCaseInTriage() {
    await page.getByRole('menuitem', { name: 'Triage inbox' }).click();
    await page.getByText('Waiting for a scan').first().click();
    await page.waitForURL(/#\/triage\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Create case' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Use the existing supporter Sam Patel').isChecked()).toBe(true);
    await dialog.getByLabel('Diagnosis delay').check();
    await dialog.getByLabel(/^Hospital trust/).fill('St Elsewhere NHS Trust');
    await dialog.getByLabel(/^Summary/).fill(STORY);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show$/);
    const id = caseIdInUrl();
    const { reference } = await withDb(databaseUrl, (db) =>
      db.query('SELECT reference FROM cases WHERE id = $1', [id]),
    ).then((r) => r.rows[0]);
    return { id, reference: reference as string };
  }

  it('takes a request from triage to a case, finds it under Unassigned, assigns it, works it through the workflow with notes, and closes it', async () => {
    await signIn(caseworker);
    requestCase = await createCaseInTriage();
    await page.getByRole('menuitem', { name: 'Cases' }).click();
    await page.waitForURL(/#\/cases/);
    await openTab('Unassigned');
    const row = caseRow(requestCase.reference);
    await row.waitFor();
    expect(await row.innerText()).toContain('Sam Patel');
    await row.getByText(requestCase.reference).click();
    await page.waitForURL(new RegExp(`#/cases/${requestCase.id}/show$`));

    const header = page.getByTestId('case-header');
    await header.getByRole('heading', { name: requestCase.reference }).waitFor();
    await header.getByRole('link', { name: 'Sam Patel' }).waitFor();
    await header.getByRole('link', { name: 'Holborn and St Pancras' }).waitFor();
    await header.getByText(STORY).waitFor();
    await header.getByText('Unassigned').waitFor();
    expect(await status().innerText()).toBe('New');

    // The request message is on the timeline; its text opens on demand with the quoted history folded.
    const timeline = page.getByTestId('case-timeline');
    const message = timeline.locator('[data-kind="message"]');
    await message.getByText('Email received: Waiting for a scan').waitFor();
    await message.getByRole('button', { name: 'Show message' }).click();
    await message.getByTestId('message-body').getByText(STORY, { exact: false }).waitFor();
    expect(await message.getByText(QUOTED).count()).toBe(0);
    await message.getByRole('button', { name: 'Show quoted history' }).click();
    await message.getByText(QUOTED, { exact: false }).waitFor();

    // The HTML version only in a frame sandboxed with no permissions, as srcdoc: its script never runs.
    await message.getByRole('button', { name: 'Show formatted version' }).click();
    const frame = message.locator('iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('src')).toBeNull();
    const content = page.frameLocator('iframe[title="Formatted message (sandboxed)"]');
    await content.getByText('nine weeks').waitFor();
    await content.getByText('Please help').click();
    expect(await content.locator('script').count()).toBe(0);
    expect(await page.title()).not.toMatch(/script ran|clicked/);

    await actions().getByRole('button', { name: 'Assign to me' }).click();
    await header.getByText('Casey Worker').waitFor();
    await timeline.getByText('Assigned to You').waitFor();
    expect(await actions().getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect(await actions().getByRole('button', { name: 'Reassign' }).count()).toBe(1);

    // Only legal moves are offered: a new case cannot jump to work or to the MP.
    await button('Mark triaged').waitFor();
    for (const illegal of ['Start work', 'Awaiting MP', 'MP responded', 'Follow up', 'Reopen'])
      expect(await button(illegal).count()).toBe(0);
    await move('Mark triaged', 'Triaged');
    await move('Start work', 'In progress');
    await move('Awaiting MP', 'Awaiting MP');
    await move('MP responded', 'MP responded');
    await move('Follow up', 'Follow-up');
    expect(await button('MP responded').count()).toBe(0);
    expect(await button('Start work').count()).toBe(0);
    await timeline.getByText('Status: MP responded → Follow-up').waitFor();

    // Someone else puts it on hold meanwhile: the stale button is refused with the server's 409 message.
    const hold = await page.evaluate(
      (id) =>
        fetch(`/api/cases/${id}/transition`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: '{"to":"on_hold"}',
        }).then((r) => r.status),
      requestCase.id,
    );
    expect(hold).toBe(200);
    await actions().getByRole('button', { name: 'Awaiting MP', exact: true }).click();
    await page.getByText('A on_hold case cannot move to awaiting_mp; allowed: follow_up, closed').waitFor();
    await status()
      .filter({ hasText: /^On hold$/ })
      .waitFor();
    await move('Take off hold', 'Follow-up');

    // A note, then a correction within the author's 15 minutes.
    await page.getByLabel('New note').fill('Rang Sam.');
    await button('Add note').click();
    const note = timeline.locator('[data-kind="note"]').first();
    await note.getByText('Rang Sam.').waitFor();
    await note.getByRole('button', { name: 'Edit note' }).click();
    await note.getByLabel('Edit note').fill(NOTE);
    await note.getByRole('button', { name: 'Save note' }).click();
    await note.getByText(NOTE).waitFor();
    await note.getByText('(edited)').waitFor();
    // The case page mid-journey doubles as the README screenshot.
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(__dirname, '../../docs/screenshot-case.png') });

    // Closing asks for the outcome first.
    await actions().getByRole('button', { name: 'Close case' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Close case' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Duplicate', exact: true }).check();
    await dialog.getByLabel('Duplicate of case').waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Resolved', exact: true }).check();
    expect(await dialog.getByLabel('Duplicate of case').count()).toBe(0);
    await confirm.click();
    await status()
      .filter({ hasText: /^Closed$/ })
      .waitFor();
    await header.getByText('Resolved').waitFor();
    await button('Reopen').waitFor();
    expect(await storedCase(databaseUrl, requestCase.id)).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      assignee_id: caseworker.id,
    });

    await page.getByRole('menuitem', { name: 'Cases' }).click();
    await openTab('Closed this month');
    await caseRow(requestCase.reference).waitFor();
    await rows(1);
    await signOut();
  });

  it('bulk assigns unassigned cases to a colleague from the list', async () => {
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases`);
    await openTab('Unassigned');
    for (const c of bulkCases) await caseRow(c.reference).getByRole('checkbox').check();
    await button('Assign').click();
    const dialog = page.getByRole('dialog', { name: 'Assign 2 cases' });
    await dialog.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: /^Robin Second/ }).click();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('2 assigned, 0 already were').waitFor();
    for (const c of bulkCases) await caseRow(c.reference).waitFor({ state: 'detached' });
    for (const c of bulkCases) expect((await storedCase(databaseUrl, c.id)).assignee_id).toBe(colleague.id);

    await openTab('All');
    await caseRow(bulkCases[0].reference).filter({ hasText: 'Robin Second' }).waitFor();

    // Search and filters run on the server.
    const search = page.getByPlaceholder(/^Search reference/);
    await search.fill('scan');
    await caseRow(requestCase.reference).waitFor();
    await rows(1);
    await search.fill('');
    await rows(3);
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Priority' }).click();
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'Low' }).click();
    await caseRow(bulkCases[0].reference).waitFor();
    await rows(1);
    await signOut();
  });

  it('shows viewers the case without the story, notes, message bodies or actions', async () => {
    await signIn(viewer);
    await page.getByRole('menuitem', { name: 'Cases' }).click();
    expect(await page.getByRole('tab', { name: 'My cases' }).count()).toBe(0);
    await caseRow(requestCase.reference).getByText(requestCase.reference).click();
    await page.waitForURL(new RegExp(`#/cases/${requestCase.id}/show$`));
    const header = page.getByTestId('case-header');
    await header.getByRole('heading', { name: requestCase.reference }).waitFor();
    await status()
      .filter({ hasText: /^Closed$/ })
      .waitFor();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('Note (not shown to your role)').waitFor();
    await timeline.locator('[data-kind="message"]').getByText('Email received').waitFor();
    await timeline.getByText('Assigned to Casey Worker').waitFor();

    expect(await page.getByText(STORY, { exact: false }).count()).toBe(0);
    expect(await page.getByText(NOTE).count()).toBe(0);
    expect(await page.getByText('Waiting for a scan').count()).toBe(0);
    expect(await page.getByTestId('case-story').count()).toBe(0);
    for (const name of ['Reopen', 'Assign to me', 'Reassign', 'Show message', 'Add note', 'Edit note'])
      expect(await button(name).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await signOut();
  });
});
