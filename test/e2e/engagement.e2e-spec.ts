import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import type { CaseDetail } from '@campaign-desk/contracts';
import { addWorkingDays, londonDate } from '@campaign-desk/server-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { casePages } from '../support/case-pages';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { seedStaff, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { uniqueAddress } from '../support/test-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

const DAY = 86_400_000;
const STORY =
  'My GP referred me urgently in June after a lump was found. Nobody from the hospital called for eleven weeks, and my scan was cancelled twice.';
const SAMPLE_LIKE =
  'I am writing to you as my MP because I am worried about the cancer care I have received. I was diagnosed with bowel cancer in March 2026 and I have been waiting twelve weeks for my treatment to start at St Elsewhere. ' +
  'The delay has had a serious effect on me and my family, and I do not feel that my concerns have been listened to.';
/** London wall-clock `YYYY-MM-DDTHH:mm` (a datetime-local value) of an instant. */
const londonInput = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' })
    .format(at)
    .replace(' ', 'T');
/** How the dashboard writes a day and time ("Wed, 25 Nov 2026, 09:00"), commas optional across ICU versions. */
const shownAt = (isoDate: string, time: string) => {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${isoDate}T00:00:00Z`));
  return new RegExp(`${day},? ${time}`);
};

/** Letters, meetings with agreed actions, and MP actions from the case page (issue 7). */
describe('dashboard: engagement records on the case page (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let agent: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '200' }, importDirectory));
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    agent = request.agent(app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: caseworker.email, password: caseworker.password })
      .expect(200);
    browser = await launchBrowser();
    page = browser.page;
    // Generous: the machine is shared, and a loaded CPU slows the first paint of the dashboard.
    page.setDefaultTimeout(25_000);
    // One session for the file: every test opens its own case page.
    await submitSignIn(page, baseUrl, caseworker);
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  const { status } = casePages(() => page);
  /** A case with a supporter and an MP, moved on to in progress through the API; the caseworker opens its page. */
  async function openNewCase(): Promise<CaseDetail> {
    const found = await caseInProgress(agent, (await consentingSupporter(app)).id);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByRole('region', { name: 'MP engagement' }).waitFor();
    return found;
  }
  const helperOf = (field: Locator) =>
    field.locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")][1]').locator('.MuiFormHelperText-root');

  it('drafts the letter, warns about sample wording, serves the PDF, and marking it sent moves the case to awaiting MP', async () => {
    const found = await openNewCase();
    await page.getByTestId('letter-status').getByText('No letter drafted yet').waitFor();

    await page.getByRole('button', { name: 'Draft letter' }).click();
    const dialog = page.getByRole('dialog', { name: /^Letter to / });
    await dialog.getByLabel('Ask a question in Parliament').check();
    await dialog.getByLabel("The supporter's story").fill(SAMPLE_LIKE);
    await dialog.getByRole('button', { name: 'Generate letter' }).click();
    await dialog
      .getByTestId('letter-warning')
      .getByText(/very close to the template’s sample wording/)
      .waitFor();
    await expect(dialog.getByTestId('letter-text').textContent()).resolves.toContain(
      'Ask a question in Parliament about what has happened to me',
    );

    // In the supporter's own words, the warning goes.
    await dialog.getByLabel("The supporter's story").fill(STORY);
    await dialog.getByRole('button', { name: 'Generate again' }).click();
    await dialog
      .getByTestId('letter-text')
      .getByText(/Nobody from the hospital called for eleven weeks/)
      .waitFor();
    await expect(dialog.getByTestId('letter-warning').count()).resolves.toBe(0);
    const text = (await dialog.getByTestId('letter-text').textContent()) ?? '';
    for (const part of [found.supporterName, 'House of Commons', 'SW1A 0AA', 'WC1E 6BT']) expect(text).toContain(part);

    const pdfLink = dialog.getByRole('link', { name: /Download PDF/ });
    await expect(pdfLink.getAttribute('target')).resolves.toBe('_blank');
    const pdf = await page.request.get(new URL((await pdfLink.getAttribute('href')) ?? '', baseUrl).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const txt = await page.request.get(
      new URL((await dialog.getByRole('link', { name: /Download text/ }).getAttribute('href')) ?? '', baseUrl).href,
    );
    expect(await txt.text()).toContain('Nobody from the hospital called for eleven weeks');

    // A send date in the future is the API's to refuse: the message shows under the field.
    const sentOn = dialog.getByLabel('Sent on');
    await sentOn.fill(new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await helperOf(sentOn).getByText('must not be in the future').waitFor();
    await sentOn.fill(londonDate(new Date()));
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await dialog.waitFor({ state: 'detached' });

    await status()
      .filter({ hasText: /^Awaiting MP$/ })
      .waitFor();
    await page
      .locator('[data-testid="letter-status"][data-status="sent"]')
      .getByText(/Posted \(signed by hand\)/)
      .waitFor();
    const plan = await outboxRows(databaseUrl, 'case_id = $1', [found.id]);
    expect(plan.map((r) => r.kind).sort()).toEqual(['checkin_reminder', 'mp_chase', 'mp_chase', 'supporter_checkin']);
  });

  it('records a meeting, refuses a past one marked upcoming, then records its outcome: a thank-you draft to approve and the action chase', async () => {
    const found = await openNewCase();
    await page.getByRole('button', { name: 'Record meeting' }).click();
    const dialog = page.getByRole('dialog', { name: /^Record a meeting with / });
    const startsAt = dialog.getByLabel('Date and time');
    await startsAt.fill(londonInput(new Date(Date.now() - DAY)));
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Upcoming', exact: true }).click();
    await dialog.getByLabel('Place').fill('Constituency office, 1 High Street');
    await dialog.getByLabel('Who attends').fill('The supporter, the MP, a caseworker');
    await dialog.getByLabel('Key points written down').check();
    await expect(dialog.getByLabel('Device charged and link tested').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Record meeting' }).click();
    await helperOf(startsAt)
      .getByText(/is in the past/)
      .waitFor();

    await startsAt.fill(londonInput(new Date(Date.now() + 2 * DAY)));
    await dialog.getByRole('button', { name: 'Record meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    const meeting = page.locator('[data-testid="meeting"][data-status="upcoming"]');
    await meeting.getByText('Preparation: 1 of 3 done').waitFor();
    await expect(meeting.getByRole('button', { name: 'Record outcome' }).isDisabled()).resolves.toBe(true);

    // As if the two days had passed: the meeting started two hours ago.
    await withDb(databaseUrl, (db) =>
      db.query(`UPDATE meetings SET starts_at = now() - interval '2 hours' WHERE case_id = $1`, [found.id]),
    );
    await page.reload();
    await meeting.getByRole('button', { name: 'Record outcome' }).click();
    const outcome = page.getByRole('dialog', { name: /^Outcome of the meeting/ });
    await outcome.getByLabel('Notes').fill('The MP listened and agreed to write to the trust.');
    const dueDate = addWorkingDays(londonDate(new Date()), 5, 'england_wales');
    await outcome.getByLabel('Action 1', { exact: true }).fill('Write to the trust CEO about the scan delay');
    await outcome.getByLabel('Due date of action 1').fill(dueDate);
    await expect(outcome.getByLabel('Chase action 1 on its due date').isChecked()).resolves.toBe(true);
    await outcome.getByRole('button', { name: 'Add an agreed action' }).click();
    await outcome.getByLabel('Action 2', { exact: true }).fill('Send the MP a timeline of appointments');
    await outcome.getByRole('combobox', { name: 'Owner of action 2' }).click();
    await page.getByRole('option', { name: 'Charity', exact: true }).click();
    // A chase needs a due date: the API names the field, shown under it.
    await outcome.getByLabel('Chase action 2 on its due date').check();
    await outcome.getByRole('button', { name: 'Record outcome' }).click();
    await helperOf(outcome.getByLabel('Due date of action 2')).getByText('is required when chase is true').waitFor();
    await outcome.getByLabel('Chase action 2 on its due date').uncheck();
    await outcome.getByRole('button', { name: 'Record outcome' }).click();
    await outcome.waitFor({ state: 'detached' });

    const held = page.locator('[data-testid="meeting"][data-status="held"]');
    await held.getByTestId('agreed-action').nth(1).waitFor();
    await expect(held.getByTestId('agreed-action').count()).resolves.toBe(2);
    await held
      .getByTestId('agreed-action')
      .first()
      .getByText(/MP · due .* · chase scheduled/)
      .waitFor();
    const rows = await outboxRows(databaseUrl, 'case_id = $1', [found.id]);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['meeting_thank_you', 'draft'],
      ['action_chase', 'scheduled'],
    ]);
    const meetingDay = (
      await withDb(databaseUrl, (db) => db.query(`SELECT starts_at FROM meetings WHERE case_id = $1`, [found.id]))
    ).rows[0].starts_at as Date;
    const nextWorkingDay = addWorkingDays(londonDate(meetingDay), 1, 'england_wales');
    expect(londonDate(rows[0].due_at)).toBe(nextWorkingDay);
    const thankYou = held.getByTestId('thank-you-status');
    await thankYou.and(page.locator('[data-status="draft"]')).waitFor();
    await thankYou.getByText('Draft: waiting for approval').waitFor();
    await thankYou.getByText(shownAt(nextWorkingDay, '09:00')).waitFor();
    // The chase shows in the case's outbox beside the thank-you.
    await page.locator('[data-testid="scheduled-email"][data-kind="action_chase"]').waitFor();

    // The first action is done: its chase is cancelled.
    await held.getByTestId('agreed-action').first().getByRole('checkbox').click();
    await held.locator('[data-testid="agreed-action"][data-done="true"]').waitFor();
    await expect(
      outboxRows(databaseUrl, "case_id = $1 AND kind = 'action_chase'", [found.id]).then((r) => r.map((x) => x.status)),
    ).resolves.toEqual(['cancelled']);

    // Nothing goes to the MP until a person approves the draft: then it is due now.
    await thankYou.getByRole('button', { name: 'Approve and send: Meeting thank-you' }).click();
    await thankYou.and(page.locator('[data-status="scheduled"]')).waitFor();
    await expect(thankYou.getByRole('button', { name: /Approve and send/ }).count()).resolves.toBe(0);
    const [approved] = await outboxRows(databaseUrl, "case_id = $1 AND kind = 'meeting_thank_you'", [found.id]);
    expect(approved.status).toBe('scheduled');
    expect(new Date(approved.due_at).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('ticks off the preparation checklist of an upcoming meeting, and cancels it', async () => {
    const found = await openNewCase();
    await agent
      .post('/api/meetings')
      .send({
        caseId: found.id,
        type: 'surgery',
        startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
        checklist: { keyPointsWrittenDown: true },
      })
      .expect(201);
    await page.reload();
    const meeting = page.locator('[data-testid="meeting"][data-status="upcoming"]');
    await meeting.getByText('Preparation: 1 of 3 done').waitFor();
    await meeting.getByLabel('Travel time planned').click();
    await meeting.getByText('Preparation: 2 of 3 done').waitFor();
    const [stored] = (
      await withDb(databaseUrl, (db) => db.query(`SELECT checklist FROM meetings WHERE case_id = $1`, [found.id]))
    ).rows;
    expect(stored.checklist).toEqual({ keyPointsWrittenDown: true, travelTimePlanned: true });

    await meeting.getByRole('button', { name: 'Cancel meeting' }).click();
    await page.getByRole('dialog', { name: 'Cancel this meeting?' }).getByRole('button', { name: 'Confirm' }).click();
    await page
      .locator('[data-testid="meeting"][data-status="cancelled"]')
      .getByText('Cancelled', { exact: true })
      .waitFor();
    await expect(page.getByRole('button', { name: 'Record outcome' }).count()).resolves.toBe(0);
  });

  it('refuses an evidence link that is not http(s) in the form, then records the MP action and lists it with a safe link', async () => {
    await openNewCase();
    await page.getByRole('button', { name: 'Record MP action' }).click();
    const dialog = page.getByRole('dialog', { name: /^Record what / });
    await dialog.getByRole('combobox', { name: 'What the MP did' }).click();
    await page.getByRole('option', { name: 'Tabled a written question' }).click();
    const evidence = dialog.getByLabel('Evidence link');
    await evidence.fill('javascript:alert(1)');
    await dialog.getByLabel('Summary').fill('Written question on cancer waiting times');
    await dialog.getByRole('button', { name: 'Record MP action' }).click();
    await helperOf(evidence)
      .getByText(/Must be an http\(s\) link/)
      .waitFor();

    // A date in the future is the API's to refuse: its message shows under the date.
    const date = dialog.getByLabel('Date', { exact: true });
    await date.fill(new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10));
    const url = 'https://questions-statements.parliament.uk/written-questions/detail/2026-11-20/12345';
    await evidence.fill(url);
    await dialog.getByRole('button', { name: 'Record MP action' }).click();
    await helperOf(date).getByText('must not be in the future').waitFor();
    await expect(helperOf(evidence).textContent()).resolves.not.toMatch(/Must be an http/);
    await date.fill(londonDate(new Date()));
    await dialog.getByRole('button', { name: 'Record MP action' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid="mp-action"][data-type="written_question"]');
    await row.getByText('Written question on cancer waiting times').waitFor();
    const link = row.getByRole('link', { name: 'Evidence' });
    await expect(link.getAttribute('href')).resolves.toBe(url);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');

    // Across cases: the MP actions list shows it too.
    await page.goto(`${baseUrl}/#/mp-actions`);
    await page.getByRole('row').filter({ hasText: 'Written question on cancer waiting times' }).waitFor();
  });

  it('shows a viewer the engagement records without the actions, downloads or outcome button; the meetings list spans cases', async () => {
    const found = await caseInProgress(agent, (await consentingSupporter(app)).id);
    await agent
      .post(`/api/cases/${found.id}/letter`)
      .send({ asks: ['meet_supporter'], story: STORY })
      .expect(201);
    await agent
      .post('/api/meetings')
      .send({
        caseId: found.id,
        type: 'virtual',
        startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
        location: 'https://meet.example.org/abc',
      })
      .expect(201);
    const viewer = await seedStaff(app, 'viewer', 'Vic Viewer', 'vic.viewer@campaign-desk.local');
    await browser.context.clearCookies();
    await submitSignIn(page, baseUrl, viewer);
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    const panel = page.getByRole('region', { name: 'MP engagement' });
    await panel.locator('[data-testid="letter-status"][data-status="draft"]').waitFor();
    await panel
      .locator('[data-testid="meeting"][data-status="upcoming"]')
      .getByText('https://meet.example.org/abc')
      .waitFor();
    await expect(panel.getByRole('link', { name: /Download/ }).count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: 'Record outcome' }).count()).resolves.toBe(0);
    for (const name of ['Draft letter', 'Record meeting', 'Record MP action'])
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);

    await page.goto(`${baseUrl}/#/meetings`);
    await page.getByRole('row').filter({ hasText: found.reference }).filter({ hasText: 'Virtual' }).waitFor();
  });
});
