import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import { SupportersService } from '@campaign-desk/server-supporters';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { seedStaff, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { withDb } from '../support/test-database';

jest.setTimeout(90_000);

describe('dashboard: subject access and erasure (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let admin: Staff;
  let caseworker: Staff;
  let counter = 0;

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({}, importDirectory));
    admin = await seedStaff(app, 'admin', 'Ada Admin', 'ada.admin@campaign-desk.local');
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]));

  async function signIn(user: Staff) {
    await browser.context.clearCookies();
    await page.goto('about:blank');
    await submitSignIn(page, baseUrl, user);
    await page.getByText(`Welcome, ${user.name}`).waitFor();
  }

  const newSupporter = (name: string, consents?: { contactByEmail: boolean }) =>
    app.get(SupportersService).create(
      {
        name,
        email: `privacy.${++counter}.${Date.now()}@example.org`,
        postcode: 'WC1E 6BT',
        consents,
        createAnyway: true,
      },
      { id: null },
    );

  it('erases a supporter only with a reason and the typed word ERASE; exports everything first', async () => {
    const supporter = await newSupporter('Rosalind Erasable');
    await signIn(admin);
    await page.goto(`${baseUrl}/#/supporters/${supporter.id}/show`);
    await page.getByRole('heading', { name: 'Rosalind Erasable', exact: true }).waitFor();

    const exportLink = page.getByRole('link', { name: 'Export everything we hold' });
    expect(await exportLink.getAttribute('href')).toBe(`/api/supporters/${supporter.id}/subject-access-export`);
    const href = `/api/supporters/${supporter.id}/subject-access-export`;
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, href);
    expect(download).toEqual({ status: 200, type: 'application/zip' });

    await page.getByRole('button', { name: 'Erase supporter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Rosalind Erasable' });
    const erase = dialog.getByRole('button', { name: 'Erase', exact: true });
    await dialog.getByLabel(/^Reason/).fill('Asked to be forgotten');
    await dialog.getByLabel(/^Type ERASE to confirm/).fill('erase');
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel(/^Type ERASE to confirm/).fill('ERASE');
    await erase.click();
    await page.getByText('The supporter was erased').waitFor();
    await page.getByRole('heading', { name: 'Erased supporter', exact: true }).waitFor();
    await page.getByText(/^Erased .*: Asked to be forgotten$/).waitFor();
    const [row] = await withDb(databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT s.name, e.status, e.reason FROM supporters s JOIN supporter_erasures e ON e.supporter_id = s.id
         WHERE s.id = $1`,
        [supporter.id],
      );
      return rows;
    });
    expect(row).toEqual({ name: 'Erased supporter', status: 'completed', reason: 'Asked to be forgotten' });
  });

  it('tracks a subject access request: due a month after receipt, overdue highlighted', async () => {
    const supporter = await newSupporter('Dorothy Requester');
    await signIn(admin);
    await page.getByRole('menuitem', { name: 'Subject access requests' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel(/^Supporter/).fill('Dorothy');
    await page.getByRole('option', { name: 'Dorothy Requester' }).click();
    await page.getByLabel(/^Received/).fill('2026-01-31T10:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Request recorded').waitFor();
    const listed = page.getByRole('row').filter({ hasText: 'Dorothy Requester' });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('28 Feb 2026');
    await listed.getByText('Overdue').waitFor();
    const [stored] = await withDb(databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT due_at FROM subject_access_requests WHERE supporter_id = $1`, [
        supporter.id,
      ]);
      return rows as { due_at: Date }[];
    });
    expect(stored.due_at.toISOString()).toBe('2026-02-28T10:00:00.000Z');
  });

  it('shows a caseworker the consent history, but neither the export nor the erase button, nor the tracker', async () => {
    const supporter = await newSupporter('Grace Ordinary', { contactByEmail: true });
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/supporters/${supporter.id}/show`);
    await page.getByRole('heading', { name: 'Grace Ordinary', exact: true }).waitFor();
    const history = page.getByRole('table', { name: 'Consent history' });
    await history.getByText('Yes (first recorded)').waitFor();
    expect(await history.innerText()).toContain('Entered by staff');
    expect(await page.getByRole('button', { name: 'Erase supporter' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Export everything we hold' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Subject access requests' }).count()).toBe(0);
  });
});
