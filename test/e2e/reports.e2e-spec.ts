import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { CaseDetail, MpEngagementReport } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { signInFresh } from '../support/case-pages';
import { createSupporter, postCase } from '../support/cases';
import { seedStaff, startDashboardApp, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import {
  insertAction,
  insertChase,
  insertContact,
  insertMeeting,
  insertResponse,
  parseCsv,
  plusDays,
} from '../support/reports';
import { signedInAgent } from '../support/test-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

interface SeededMp {
  id: number;
  name: string;
}

/**
 * Home widgets, the reports page and the MP record, as a viewer, over a small known data set (dates relative to today):
 * - MP A (England): 12 cases, one letter each 60 days ago; 9 answered 4 days later → 75%, median 4 days;
 *   a meeting held 50 days ago, a PMQ and a letter to the trust's chief executive 40 days ago.
 * - MP B (Scotland): 3 cases, letters 60 days ago, 2 answered (3 and 7 days) → too few to rank, median 5.
 * - The 15 cases are assigned and were opened 70 days ago; 3 are overdue and 4 have awaited the MP for 30 days;
 *   2 scheduled chases are due; 2 more cases opened today, unassigned.
 * Home: 2 new today, 2 unassigned, 3 overdue, 4 awaiting over 21 days, 2 chases due, 11/15 = 73% over the last 90 days.
 */
describe('dashboard: home widgets, reports page and MP record (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let viewer: Staff;
  let mpA: SeededMp;
  let mpB: SeededMp;
  let caseworkerAgent: Awaited<ReturnType<typeof signedInAgent>>;

  const sql = (text: string, params: unknown[] = []) => withDb(databaseUrl, (db) => db.query(text, params));

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({}, importDirectory));
    viewer = await seedStaff(app, 'viewer', 'Vic Viewer', 'vic.viewer@campaign-desk.local');
    caseworkerAgent = await signedInAgent(app, 'caseworker');
    const newCases = async (nation: 'England' | 'Scotland', n: number) => {
      const supporter = await createSupporter(app, { nation });
      const cases: CaseDetail[] = [];
      for (let i = 0; i < n; i++)
        cases.push((await postCase(caseworkerAgent.agent, supporter.id).expect(201)).body as CaseDetail);
      return cases;
    };
    const england = await newCases('England', 12);
    const scotland = await newCases('Scotland', 3);
    const today = londonDate(new Date());
    const contacted = plusDays(today, -60);
    await withDb(databaseUrl, async (db) => {
      const mpOf = async (caseId: string): Promise<SeededMp> =>
        (await db.query(`SELECT m.id, m.name FROM cases c JOIN mps m ON m.id = c.mp_id WHERE c.id = $1`, [caseId]))
          .rows[0];
      mpA = await mpOf(england[0].id);
      mpB = await mpOf(scotland[0].id);
      for (const [i, c] of england.entries()) {
        const contactId = await insertContact(db, c.id, contacted);
        if (i < 9)
          await insertResponse(
            db,
            c.id,
            contactId,
            plusDays(contacted, 4),
            i === 0 ? 'substantive' : 'acknowledgement',
          );
        if (i >= 10)
          await insertChase(db, c.id, contactId, 'scheduled', new Date(Date.now() - 3_600_000).toISOString());
      }
      for (const [i, c] of scotland.entries()) {
        const contactId = await insertContact(db, c.id, contacted);
        if (i < 2) await insertResponse(db, c.id, contactId, plusDays(contacted, i === 0 ? 3 : 7));
      }
      await insertMeeting(db, england[0].id, 'held', plusDays(today, -50));
      await insertAction(db, england[1].id, 'asked_pmq', plusDays(today, -40));
      await insertAction(db, england[2].id, 'wrote_to_trust_ceo', plusDays(today, -40));
      const ids = [...england, ...scotland].map((c) => c.id);
      await db.query(
        `UPDATE cases SET assignee_id = $1, created_at = now() - interval '70 days', sla_due_at = now() + interval '10 days' WHERE id = ANY($2::uuid[])`,
        [caseworkerAgent.user.id, ids],
      );
      await db.query(`UPDATE cases SET sla_due_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [
        ids.slice(0, 3),
      ]);
      await db.query(
        `UPDATE cases SET status = 'awaiting_mp', status_changed_at = now() - interval '30 days' WHERE id = ANY($1::uuid[])`,
        [ids.slice(3, 7)],
      );
    });
    await newCases('England', 2);
    await sql(
      `UPDATE cases SET assignee_id = NULL, sla_due_at = now() + interval '10 days' WHERE created_at > now() - interval '1 hour'`,
    );
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await signInFresh(browser, baseUrl, viewer);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  const text = async (testId: string, within = page.locator('body')) => {
    const locator = within.getByTestId(testId).first();
    await locator.waitFor();
    return (await locator.textContent())?.trim();
  };
  const widget = (field: string) => text('widget-value', page.getByTestId(`widget-${field}`));

  it('home: each widget loads its figure and links to the list behind it; charts are not loaded', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/#/`);
    expect(await widget('newRequestsToday')).toBe('2');
    expect(await widget('unassigned')).toBe('2');
    expect(await widget('overdue')).toBe('3');
    expect(await widget('awaitingMpOver21Days')).toBe('4');
    expect(await widget('chasesDueThisWeek')).toBe('2');
    expect(await widget('responseRate')).toBe('73%');
    expect(await text('widget-detail', page.getByTestId('widget-responseRate'))).toMatch(
      /^95% interval \d+–\d+%, from 15 contacts$/,
    );
    // recharts is in a chunk of its own, loaded only by the reports page.
    expect(requested.filter((url) => url.includes('ReportCharts'))).toEqual([]);

    await page.getByTestId('widget-overdue').getByRole('link').click();
    await page.waitForURL(/#\/cases\?.*view%22%3A%22overdue/);
    await page.getByRole('tab', { name: 'Overdue', selected: true }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);
  });

  it('home: a widget whose figures fail to load says so', async () => {
    await page.route('**/api/reports/summary', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"down"}' }),
    );
    try {
      await page.goto(`${baseUrl}/#/about`);
      await page.goto(`${baseUrl}/#/`);
      await page.reload();
      await page.getByTestId('widget-unassigned').getByRole('alert').waitFor();
      expect(await page.getByTestId('widget-unassigned').getByRole('alert').textContent()).toBe('Could not load');
    } finally {
      await page.unroute('**/api/reports/summary');
    }
  });

  it('reports: league table with rates and "too few to rank", a drawn chart, CSV with the same figures', async () => {
    await page.goto(`${baseUrl}/#/reports`);
    const rowA = page.getByTestId(`engagement-row-${mpA.id}`);
    expect(await text('response-rate', rowA)).toBe('75%');
    expect(await rowA.textContent()).toContain(mpA.name);
    expect(await text('response-rate', page.getByTestId(`engagement-row-${mpB.id}`))).toBe('too few to rank');
    // The server's total row: 11 responses of 15 contacts.
    expect(await text('response-rate', page.getByTestId('engagement-total'))).toBe('73%');
    await page.getByTestId('chart-rate-by-party').locator('svg.recharts-surface .recharts-errorBar').first().waitFor();
    await page.getByTestId('chart-actions-by-month').locator('svg.recharts-surface').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('engagement-section').getByTestId('download-mp-engagement').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mp-engagement-by-mp-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = parseCsv(await readFile((await download.path()) as string, 'utf8'));
    const csvA = rows.find((r) => r[0] === String(mpA.id)) as string[];
    expect(csvA[header.indexOf('responseRate')]).toBe('0.75');
    expect(csvA[header.indexOf('contacts')]).toBe('12');
    expect(rows.find((r) => r[0] === String(mpB.id))?.[header.indexOf('tooFewToRank')]).toBe('true');
  });

  it('reports: an inverted range is refused in the form; regrouping asks the server again', async () => {
    await page.goto(`${baseUrl}/#/reports`);
    await page.getByTestId(`engagement-row-${mpA.id}`).waitFor();
    await page.getByRole('combobox', { name: 'Group by' }).click();
    await page.getByRole('option', { name: 'Nation' }).click();
    expect(await text('response-rate', page.getByTestId('engagement-row-England'))).toBe('75%');
    // The view is kept in the address, so it can be bookmarked.
    await page.waitForURL(/#\/reports\?.*groupBy=nation/);
    await page.reload();
    expect(await text('response-rate', page.getByTestId('engagement-row-England'))).toBe('75%');

    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.locator('#report-from').fill('2099-12-01');
    await page.locator('#report-to').fill('2099-01-01');
    await page.getByText('Must not be before the start date').waitFor();
    expect(
      requested.filter((url) => url.includes('/api/reports/mp-engagement') && url.includes('from=2099-12-01')),
    ).toEqual([]);
  });

  it("reports: a report the server refuses shows the server's message", async () => {
    await page.route('**/api/reports/workload', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: '{"statusCode":400,"message":"format must be csv or json"}',
      }),
    );
    try {
      // A fresh load: the workload already fetched is cached for a minute.
      await page.goto('about:blank');
      await page.goto(`${baseUrl}/#/reports`);
      const alert = page.getByTestId('workload-section').getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe('Could not load this report: format must be csv or json');
    } finally {
      await page.unroute('**/api/reports/workload');
    }
  });

  it('MP page: the MP record shows their figures', async () => {
    await page.goto(`${baseUrl}/#/mps/${mpA.id}/show`);
    const record = page.getByTestId('mp-engagement');
    expect(await text('mp-record-cases', record)).toBe('12');
    expect(await text('mp-record-contacts', record)).toBe('12');
    expect(await text('mp-record-rate', record)).toBe('75%');
    expect(await text('mp-record-median-first', record)).toBe('4');
    expect(await text('mp-record-median-substantive', record)).toBe('4');
    expect(await text('mp-record-meetings', record)).toBe('1');
    const actions = record.getByTestId('mp-record-actions');
    expect(
      await actions.getByRole('row').filter({ hasText: "Asked at Prime Minister's Questions" }).textContent(),
    ).toBe("Asked at Prime Minister's Questions1");

    // The figures are the server's: the same as its JSON for this MP.
    const report = (
      await caseworkerAgent.agent
        .get(`/api/reports/mp-engagement?from=${plusDays(londonDate(new Date()), -364)}&to=${londonDate(new Date())}`)
        .expect(200)
    ).body as MpEngagementReport;
    expect(report.rows.find((r) => r.key === String(mpA.id))).toMatchObject({
      contacts: 12,
      responses: 9,
      responseRate: 0.75,
    });

    await page.goto(`${baseUrl}/#/mps/${mpB.id}/show`);
    expect(await text('mp-record-rate', page.getByTestId('mp-engagement'))).toBe('too few to rank');

    const [quiet] = (await sql(`SELECT id FROM mps WHERE id <> ALL($1::int[]) ORDER BY id LIMIT 1`, [[mpA.id, mpB.id]]))
      .rows;
    await page.goto(`${baseUrl}/#/mps/${quiet.id}/show`);
    await page.getByTestId('mp-engagement').getByTestId('mp-record-none').waitFor();
  });
});
