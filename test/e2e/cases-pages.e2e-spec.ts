import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { casePages, signInFresh, storedCase } from '../support/case-pages';
import { createSupporter } from '../support/cases';
import { seedStaff, signOut as signOutOf, startDashboardApp, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { uniqueAddress } from '../support/test-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

/** The case pages beyond the triage journey (cases.e2e-spec.ts): creating and editing by hand, the timeline's pages, duplicates, estimated totals. */
describe('dashboard: case create, edit, timeline pages and estimated totals (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let supporter: SupporterDto;
  let original: CaseDetail;
  let duplicate: CaseDetail;

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({}, importDirectory));
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    await seedStaff(app, 'caseworker', 'Robin Second', 'robin.second@campaign-desk.local');
    supporter = await createSupporter(app, { name: 'Sam Patel', email: 'sam.patel@example.org' });
    const agent = request.agent(app.getHttpServer());
    await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: caseworker.email, password: caseworker.password })
      .expect(200);
    const create = () =>
      agent
        .post('/api/cases')
        .send({ supporterId: supporter.id, topics: ['other'], priority: 'normal' })
        .expect(201)
        .then((r) => r.body as CaseDetail);
    original = await create();
    duplicate = await create();
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  const { status, actions, button, caseIdInUrl } = casePages(() => page);
  const signIn = (user: Staff) => signInFresh(browser, baseUrl, user);
  const signOut = () => signOutOf(page);

  it('creates a case by hand, edits it, pages its timeline, and closes it as a duplicate', async () => {
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases`);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/#\/cases\/create$/);
    await page.getByLabel(/^Supporter/).fill('Sam');
    await page.getByRole('option', { name: /^Sam Patel/ }).click();
    await page.getByLabel('Access to medicines').check();
    await page.getByRole('combobox', { name: /^Priority/ }).click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await page.getByLabel('Hospital trust').fill('Royal Free London');
    await page.getByLabel('Story').fill('Her drug is not funded.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show$/);
    const id = caseIdInUrl();
    const header = page.getByTestId('case-header');
    await header.getByText('Urgent').waitFor();
    await header.getByText('Royal Free London').waitFor();
    await header.getByText('Her drug is not funded.').waitFor();

    // Assign to a colleague, then take it over.
    await actions().getByRole('button', { name: 'Assign', exact: true }).click();
    const assignDialog = page.getByRole('dialog');
    await assignDialog.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: /^Robin Second/ }).click();
    await assignDialog.getByRole('button', { name: 'Assign' }).click();
    await header.getByText('Robin Second').waitFor();
    await actions().getByRole('button', { name: 'Assign to me' }).click();
    await header.getByText('Casey Worker').waitFor();
    await page.getByTestId('case-timeline').getByText('Assigned to Robin Second').waitFor();

    // Edit through PUT: priority, topics, and the constituency (its MP follows).
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`#/cases/${id}$`));
    await page.getByLabel('Communication').check();
    await page.getByRole('combobox', { name: /^Priority/ }).click();
    await page.getByRole('option', { name: 'Low' }).click();
    await page.getByLabel(/^Constituency/).fill('Cities of London');
    await page.getByRole('option', { name: 'Cities of London and Westminster' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/cases/${id}/show$`));
    await header.getByText('Access to medicines, Communication').waitFor();
    await header.getByRole('link', { name: 'Cities of London and Westminster' }).waitFor();
    expect(await storedCase(databaseUrl, id)).toMatchObject({
      priority: 'low',
      trust: 'Royal Free London',
      constituency_gss: 'E14001172',
    });
    expect(await header.getByRole('link', { name: /Keir Starmer/ }).count()).toBe(0);

    // 22 notes, two assignments and the opening: the first page shows 20 entries, "Load more" the rest.
    await page.evaluate(async (caseId) => {
      for (let n = 1; n <= 22; n++) {
        await fetch(`/api/cases/${caseId}/notes`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ body: `Call ${n}` }),
        });
      }
    }, id);
    await page.reload();
    const entries = page.getByTestId('case-timeline').getByTestId('timeline-entry');
    await page.getByTestId('case-timeline').getByText('Call 22', { exact: true }).waitFor();
    expect(await entries.count()).toBe(20);
    await button('Load more').click();
    await page.getByTestId('case-timeline').getByText('Case opened as New').waitFor();
    expect(await entries.count()).toBe(25);
    expect(await button('Load more').count()).toBe(0);

    // A stale "Edit note" past the 15 minutes: the server refuses (403) and the page says why.
    await withDb(databaseUrl, (db) =>
      db.query(
        `UPDATE case_notes SET created_at = now() - interval '16 minutes' WHERE case_id = $1 AND body = 'Call 22'`,
        [id],
      ),
    );
    const late = page.getByTestId('case-timeline').locator('[data-kind="note"]').filter({ hasText: 'Call 22' });
    await late.getByRole('button', { name: 'Edit note' }).click();
    await late.getByLabel('Edit note').fill('Call 22, corrected');
    await late.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Notes can only be edited within 15 minutes of being written').waitFor();
    expect(
      await withDb(databaseUrl, (db) =>
        db.query(`SELECT count(*)::int AS n FROM case_notes WHERE body = 'Call 22'`),
      ).then((r) => r.rows[0].n),
    ).toBe(1);

    // A duplicate of a duplicate is refused with the server's message; the original is accepted.
    const closed = await page.evaluate(
      ([dupId, origId]) =>
        fetch(`/api/cases/${dupId}/transition`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ to: 'closed', outcome: 'duplicate', duplicateOfId: origId }),
        }).then((r) => r.status),
      [duplicate.id, original.id],
    );
    expect(closed).toBe(200);
    await actions().getByRole('button', { name: 'Close case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Duplicate', exact: true }).check();
    const pickCase = async (reference: string) => {
      await dialog.getByLabel('Duplicate of case').fill(reference);
      await page.getByRole('option', { name: new RegExp(`^${reference} ·`) }).click();
    };
    await pickCase(duplicate.reference);
    await dialog.getByRole('button', { name: 'Close case' }).click();
    await dialog
      .getByRole('alert')
      .getByText(`duplicateOfId ${duplicate.reference} is itself a duplicate`, { exact: false })
      .waitFor();
    await pickCase(original.reference);
    await dialog.getByRole('button', { name: 'Close case' }).click();
    await status()
      .filter({ hasText: /^Closed$/ })
      .waitFor();
    await page.getByTestId('case-timeline').getByText('Status: New → Closed (Duplicate)').waitFor();
    expect(await storedCase(databaseUrl, id)).toMatchObject({ status: 'closed', outcome: 'duplicate' });
    await signOut();
  });

  it('marks a total the server estimated as "about" and pages on with the keyset cursor', async () => {
    await withDb(databaseUrl, async (db) => {
      await db.query(`INSERT INTO cases (supporter_id) SELECT $1 FROM generate_series(1, 1500)`, [supporter.id]);
      await db.query('ANALYZE cases');
    });
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/cases`);
    const range = page.getByText(/^1-25 of about [\d,]+$/);
    await range.waitFor();
    expect(await range.innerText()).toMatch(/of about 1,5\d\d$/);

    const cursorRequest = page.waitForRequest(
      (r) => r.url().includes('/api/cases?') && decodeURIComponent(r.url()).includes('"after":'),
    );
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await cursorRequest;
    await page.getByText(/^26-50 of about [\d,]+$/).waitFor();
    await signOut();
  });
});
