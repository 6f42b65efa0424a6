import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Locator, Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import request from 'supertest';
import type { CaseDetail } from '@campaign-desk/contracts';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { seedStaff, signInAfresh, startDashboardApp, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { startWorker, uniqueAddress } from '../support/test-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

const DAY = 86_400_000;
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** The check-in's one-click "yes" link, read from the text part of the email the sink received. */
async function checkinYesPath(raw: string): Promise<string> {
  const email = await PostalMime.parse(raw);
  const link = /https?:\/\/\S+?(\/api\/public\/checkin\/[^\s?]+\?answer=yes)/.exec(email.text ?? '');
  if (!link) throw new Error(`no check-in link in:\n${email.text}`);
  return link[1];
}

describe('dashboard: MP contact, chase plan, supporter check-in (browser)', () => {
  let sink: TestSink;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let admin: Staff;

  beforeAll(async () => {
    sink = await startTestSink();
    ({ app, baseUrl, databaseUrl } = await startDashboardApp(
      // Many sign-ins from one address in a minute: this file is not about the sign-in limit.
      {
        SMTP_URL: sink.url,
        SEND_RETRY_BASE_SECONDS: '1',
        MAIL_DOMAIN: 'desk.example.org',
        LOGIN_RATE_LIMIT_PER_MINUTE: '200',
      },
      importDirectory,
    ));
    // The worker reads the same environment (database, queue prefix, SMTP sink) that startDashboardApp set.
    worker = await startWorker();
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    admin = await seedStaff(app, 'admin', 'Ada Admin', 'ada.admin@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    // Generous: the machine is shared, and a loaded CPU slows the first paint of the dashboard.
    page.setDefaultTimeout(25_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
    await sink?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  const signIn = (user: Staff) => signInAfresh(browser, baseUrl, user);

  let signedInAgent: ReturnType<typeof request.agent> | undefined;
  /** The caseworker's API session, for setting up what the browser then works on. */
  async function caseworkerAgent() {
    if (signedInAgent) return signedInAgent;
    const agent = request.agent(app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: caseworker.email, password: caseworker.password })
      .expect(200);
    return (signedInAgent = agent);
  }

  /** A case ready for its MP to be contacted, made through the API as the caseworker. */
  async function caseReadyForMp(): Promise<CaseDetail> {
    return caseInProgress(await caseworkerAgent(), (await consentingSupporter(app)).id);
  }

  const emailRows = () => page.getByTestId('scheduled-email');
  const rowOf = (kind: string, index = 0): Locator =>
    page.locator(`[data-testid="scheduled-email"][data-kind="${kind}"]`).nth(index);

  it('records an MP contact, shows the plan, and the supporter answering "yes" cancels the chases with the reason', async () => {
    const found = await caseReadyForMp();
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByText('Nothing scheduled for this case').waitFor();

    await page.getByRole('button', { name: 'Record MP contact' }).click();
    const dialog = page.getByRole('dialog', { name: /Record a contact with/ });
    await dialog.getByLabel('Summary').fill('Letter posted by the supporter');
    await dialog.getByRole('button', { name: 'Record contact' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The plan: check-in at 14 days, its reminder, chases to the MP's office at 21 and 35 days, 09:00 London time.
    await rowOf('mp_chase', 1).waitFor();
    // (The reminder, 7 days after the check-in, can fall on the first chase's day and hour: compare without order.)
    await expect(
      emailRows().evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-kind'), r.getAttribute('data-status')]).sort(),
      ),
    ).resolves.toEqual([
      ['checkin_reminder', 'scheduled'],
      ['mp_chase', 'scheduled'],
      ['mp_chase', 'scheduled'],
      ['supporter_checkin', 'scheduled'],
    ]);
    await expect(rowOf('supporter_checkin').textContent()).resolves.toMatch(/Supporter check-in.*09:00.*Scheduled/);
    await expect(rowOf('mp_chase').textContent()).resolves.toMatch(/Chase to the MP's office.*09:00/);
    await page
      .getByTestId('chase-task')
      .getByText(/Telephone the MP's office/)
      .waitFor();
    const rows = await outboxRows(databaseUrl, 'case_id = $1', [found.id]);
    const daysAhead = (kind: string) =>
      rows.filter((r) => r.kind === kind).map((r) => Math.floor((new Date(r.due_at).getTime() - Date.now()) / DAY));
    expect(daysAhead('supporter_checkin')[0]).toBeGreaterThanOrEqual(13);
    expect(daysAhead('mp_chase')[0]).toBeGreaterThanOrEqual(20);
    expect(daysAhead('mp_chase')[1]).toBeGreaterThanOrEqual(34);

    // Make the check-in due from the case page; the worker sends it to the sink.
    await rowOf('supporter_checkin')
      .getByRole('button', { name: /^Send now/ })
      .click();
    await page.getByText('Email queued to send now').waitFor();
    const checkin = rows.find((r) => r.kind === 'supporter_checkin');
    if (!checkin) throw new Error('no check-in was scheduled');
    const [sent] = await eventually(async () =>
      sink.byMessageId(checkin.rfc_message_id).length ? sink.byMessageId(checkin.rfc_message_id) : undefined,
    );
    expect(sent.to).toEqual([(found.supporter as { email: string }).email]);
    // The panel follows an email that is going out until it is sent, without a reload.
    await rowOf('supporter_checkin', 0).and(page.locator('[data-status="sent"]')).waitFor();

    // The supporter opens the link from the email: a public page, no session (the staff cookie is cleared first).
    await browser.context.clearCookies();
    const supporterPage = await browser.context.newPage();
    await supporterPage.goto(`${baseUrl}${await checkinYesPath(sent.raw)}`);
    // "Yes" asks when the reply came and whether it dealt with what was asked (issue 13).
    await supporterPage.getByRole('heading', { name: 'Your MP replied: when?' }).waitFor();
    await supporterPage.getByLabel('This week').check();
    await supporterPage.getByLabel('Partly').check();
    await supporterPage.getByRole('button', { name: 'Send' }).click();
    await supporterPage.getByRole('heading', { name: 'Thank you' }).waitFor();
    await supporterPage.close();

    // Back on the case page: the reminder and the chases are cancelled, each saying why.
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.reload();
    await rowOf('mp_chase', 1).and(page.locator('[data-status="cancelled"]')).waitFor();
    await expect(rowOf('mp_chase', 0).textContent()).resolves.toContain('Cancelled');
    await expect(rowOf('mp_chase', 0).textContent()).resolves.toContain('The MP responded');
    await expect(rowOf('checkin_reminder').textContent()).resolves.toContain('The supporter answered the check-in');
    await expect(
      rowOf('mp_chase', 0)
        .getByRole('button', { name: /^Send now/ })
        .count(),
    ).resolves.toBe(0);
    const stored = await outboxRows(databaseUrl, 'case_id = $1', [found.id]);
    expect(stored.map((r) => [r.kind, r.status, r.cancel_reason]).sort()).toEqual([
      ['checkin_reminder', 'cancelled', 'checkin_answered'],
      ['mp_chase', 'cancelled', 'mp_responded'],
      ['mp_chase', 'cancelled', 'mp_responded'],
      ['supporter_checkin', 'sent', null],
    ]);
  });

  it('replies from the case using the reply template, previewed with the case data before it goes', async () => {
    const found = await caseReadyForMp();
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Reply to the supporter/ });
    const firstName = (found.supporterName ?? '').split(' ')[0];
    await dialog.getByTestId('preview-body').getByText(`Dear ${firstName},`).waitFor();
    await dialog.getByLabel('Message').fill(`Dear ${firstName},\n\nWe have written to your MP today.\n\nCasey`);
    await dialog.getByTestId('preview-body').getByText('We have written to your MP today.').waitFor();
    await expect(dialog.getByTestId('preview-subject').textContent()).resolves.toBe(
      `Your case with the campaigns team [${found.reference}]`,
    );
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf('reply').waitFor();
    const [reply] = await outboxRows(databaseUrl, "case_id = $1 AND kind = 'reply'", [found.id]);
    const [message] = await eventually(async () =>
      sink.byMessageId(reply.rfc_message_id).length ? sink.byMessageId(reply.rfc_message_id) : undefined,
    );
    expect(message.raw).toContain('We have written to your MP today.');
    expect(message.headers.subject).toContain(`[${found.reference}]`);
  });

  it('an admin edits a template with a live preview on sample data, and saving makes a new version', async () => {
    await signIn(admin);
    await page.getByRole('menuitem', { name: 'Email templates' }).click();
    await page.getByRole('cell', { name: "Chase to the MP's office" }).click();
    await page
      .getByTestId('template-version')
      .getByText(/^Version 1:/)
      .waitFor();
    await page.getByText('{{contact.daysAgo}}').waitFor();
    await page
      .getByTestId('template-preview-body')
      .getByText(/Dear Sam Member MP,/)
      .waitFor();

    await page.getByLabel('Subject').fill('Still waiting: {{supporter.name}} wrote {{contact.daysAgo}} days ago');
    await page
      .getByTestId('template-preview-subject')
      .getByText('Still waiting: Alex Sample wrote 14 days ago')
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Template saved as version 2').waitFor();
    await page.getByRole('row', { name: /Chase to the MP's office.*Still waiting.*2/ }).waitFor();
  });

  it('a caseworker has no templates menu and no templates page', async () => {
    await signIn(caseworker);
    await page.getByRole('menuitem', { name: 'Scheduled emails' }).waitFor();
    await expect(page.getByRole('menuitem', { name: 'Email templates' }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/#/templates`);
    await page
      .getByText(/not found|doesn't exist/i)
      .first()
      .waitFor();
    await expect(page.getByRole('cell', { name: "Chase to the MP's office" }).count()).resolves.toBe(0);
  });

  it('lists scheduled emails across cases, filtered by kind, and a row opens its case', async () => {
    await signIn(caseworker);
    await page.getByRole('menuitem', { name: 'Scheduled emails' }).click();
    await page.getByRole('row').nth(1).waitFor();
    await page.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Supporter check-in' }).click();
    await page.waitForURL(/kind.*supporter_checkin/);
    await page.getByRole('row').filter({ hasText: 'Reply to the supporter' }).first().waitFor({ state: 'detached' });
    const checkinRow = page.getByRole('row').filter({ hasText: 'Supporter check-in' }).first();
    await checkinRow.getByRole('cell').first().click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show/);
  });

  it('reschedules and cancels a chase from the case, flags an unknown send, and a recorded MP response stops the rest', async () => {
    const found = await caseReadyForMp();
    const agent = await caseworkerAgent();
    await agent
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'email', direction: 'outbound', date: londonToday() })
      .expect(201);
    const planned = await outboxRows(databaseUrl, 'case_id = $1', [found.id]);
    const [checkin, firstChase] = ['supporter_checkin', 'mp_chase'].map(
      (kind) => planned.find((r) => r.kind === kind)?.id,
    );
    // As if the worker lost the connection after DATA: a person has to decide.
    await withDb(databaseUrl, (db) =>
      db.query(
        `UPDATE scheduled_emails SET status = 'unknown', last_error = 'Connection lost after DATA' WHERE id = $1`,
        [checkin],
      ),
    );

    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByText('One email needs a decision.').waitFor();
    await expect(rowOf('supporter_checkin').textContent()).resolves.toMatch(
      /Unknown: needs a decision.*Connection lost after DATA/,
    );

    await rowOf('mp_chase', 0)
      .getByRole('button', { name: /^Reschedule/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /Reschedule/ });
    await dialog.getByLabel('New due time (London time)').fill('2030-01-08T10:30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Email rescheduled for Tue, 8 Jan 2030, 10:30/).waitFor();
    await expect(
      outboxRows(databaseUrl, 'id = $1', [firstChase]).then(([r]) => new Date(r.due_at).toISOString()),
    ).resolves.toBe('2030-01-08T10:30:00.000Z');

    await rowOf('checkin_reminder')
      .getByRole('button', { name: /^Cancel/ })
      .click();
    await page
      .getByRole('dialog', { name: /Cancel this email/ })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await rowOf('checkin_reminder').and(page.locator('[data-status="cancelled"]')).waitFor();
    await expect(rowOf('checkin_reminder').textContent()).resolves.toContain('Cancelled by staff');

    await page.getByRole('button', { name: 'Record MP response' }).click();
    const response = page.getByRole('dialog', { name: /Record a response from/ });
    await response.getByLabel('Summary').fill('The MP wrote to the trust');
    await response.getByRole('button', { name: 'Record response' }).click();
    await response.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="scheduled-email"][data-kind="mp_chase"][data-status="scheduled"]')
      .first()
      .waitFor({ state: 'detached' });
    await expect(rowOf('mp_chase', 1).textContent()).resolves.toContain('The MP responded');
    await page.getByTestId('chase-task').first().waitFor({ state: 'detached' });
  });

  it("emails the MP's office from its template, previewed with the MP's name, to the MP's recorded address", async () => {
    const found = await caseReadyForMp();
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByRole('button', { name: "Email the MP's office" }).click();
    const dialog = page.getByRole('dialog', { name: /Email the MP's office/ });
    await dialog.getByTestId('preview-body').getByText(`Dear ${found.mpName},`).waitFor();
    await expect(dialog.getByTestId('preview-subject').textContent()).resolves.toBe(
      `Your constituent ${found.supporterName} [${found.reference}]`,
    );
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowOf('mp_email').waitFor();
    const [email] = await outboxRows(databaseUrl, "case_id = $1 AND kind = 'mp_email'", [found.id]);
    const [message] = await eventually(async () =>
      sink.byMessageId(email.rfc_message_id).length ? sink.byMessageId(email.rfc_message_id) : undefined,
    );
    expect(message.to).toHaveLength(1);
    expect(message.to[0]).not.toBe((found.supporter as { email: string }).email);
    expect(message.headers.subject).toContain(`[${found.reference}]`);
  });

  it('an admin changes the chase plan; a bad phone-task day is refused under its field', async () => {
    await signIn(admin);
    await page.getByRole('menuitem', { name: 'Chase plan' }).click();
    await expect(page.getByLabel('Supporter check-in after (days)').inputValue()).resolves.toBe('14');
    await expect(page.getByLabel("Chases to the MP's office after (days, comma-separated)").inputValue()).resolves.toBe(
      '21, 35',
    );
    await page.getByLabel('Supporter check-in after (days)').fill('10');
    await page.getByLabel("Task to telephone the MP's office after (days)").fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('must be more than 35').waitFor();
    await page.getByLabel("Task to telephone the MP's office after (days)").fill('42');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Chase plan saved').waitFor();
    const agent = await caseworkerAgent();
    await expect(
      agent
        .get('/api/chase-plan')
        .expect(200)
        .then((r) => r.body),
    ).resolves.toEqual({ checkinDays: 10, reminderDays: 7, mpChaseDays: [21, 35], phoneTaskDays: 42 });
  });

  it('the chase plan page is not offered to caseworkers', async () => {
    await signIn(caseworker);
    await page.getByRole('menuitem', { name: 'Scheduled emails' }).waitFor();
    await expect(page.getByRole('menuitem', { name: 'Chase plan' }).count()).resolves.toBe(0);
  });

  it("says why the MP's office cannot be emailed when the supporter has not consented, and sends nothing", async () => {
    const supporter = await consentingSupporter(app, { consents: { shareWithMp: false } });
    const found = await caseInProgress(await caseworkerAgent(), supporter.id);
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await page.getByRole('button', { name: "Email the MP's office" }).click();
    const dialog = page.getByRole('dialog', { name: /Email the MP's office/ });
    await dialog
      .getByRole('alert')
      .getByText(/not consented to sharing their case with their MP/)
      .waitFor();
    await expect(dialog.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(outboxRows(databaseUrl, 'case_id = $1', [found.id])).resolves.toEqual([]);
  });

  it('a viewer sees the scheduled emails of a case but no sending actions', async () => {
    const viewer = await seedStaff(app, 'viewer', 'Val Viewer', 'val.viewer@campaign-desk.local');
    const found = await caseReadyForMp();
    await (
      await caseworkerAgent()
    )
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: londonToday() })
      .expect(201);
    await signIn(viewer);
    await page.goto(`${baseUrl}/#/cases/${found.id}/show`);
    await rowOf('mp_chase', 1).waitFor();
    await expect(page.getByRole('button', { name: /^(Send now|Reschedule|Cancel)/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Record MP contact' }).count()).resolves.toBe(0);
  });
});
