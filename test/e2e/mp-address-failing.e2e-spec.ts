import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { seedStaff, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

/** The MP page warns when the MP's address hard-bounced, and an admin clears it there (issue 16). */
describe('dashboard: an MP address marked failing (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let admin: Staff;

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '200' }, importDirectory));
    admin = await seedStaff(app, 'admin', 'Ada Admin', 'ada.admin@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(25_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  it('shows the warning chip on the list and the page, and the admin clears it', async () => {
    // As a hard bounce would have left it: the address that failed is still the MP's email.
    const mpId = await withDb(databaseUrl, async (db) => {
      const { rows } = await db.query<{ id: number }>(
        `UPDATE mps SET address_failing_since = now(), address_failing_email = email
         WHERE id = (SELECT t.mp_id FROM mp_tenures t JOIN constituencies c ON c.gss_code = t.constituency_gss
                     WHERE c.name = 'Holborn and St Pancras' AND t.end_date IS NULL) RETURNING id`,
      );
      return rows[0].id;
    });
    await submitSignIn(page, baseUrl, admin);
    await page.getByText(`Welcome, ${admin.name}`).waitFor();

    await page.goto(`${baseUrl}/#/mps`);
    await page.getByText(/^1-25 of \d+$/).waitFor();
    await page.getByPlaceholder(/^Search/).fill('Holborn and St Pancras');
    await page.getByRole('row').filter({ hasText: 'Holborn and St Pancras' }).getByText('Address bouncing').waitFor();

    await page.goto(`${baseUrl}/#/mps/${mpId}/show`);
    const notice = page.getByTestId('mp-address-failing-notice');
    await notice.getByText(/nothing more is sent to it/).waitFor();
    await page.getByTestId('mp-address-failing').waitFor();
    await notice.getByRole('button', { name: 'Address checked: clear' }).click();
    await page.getByText('Warning cleared: emails to this MP will be sent again').waitFor();
    await notice.waitFor({ state: 'detached' });
    expect(await page.getByTestId('mp-address-failing').count()).toBe(0);
    const stored = await withDb(
      databaseUrl,
      async (db) => (await db.query(`SELECT address_failing_since FROM mps WHERE id = $1`, [mpId])).rows[0],
    );
    expect(stored.address_failing_since).toBeNull();
  });
});
