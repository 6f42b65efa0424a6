import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { CaseDetail } from '@campaign-desk/contracts';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { createSupporter, postCase } from '../support/cases';
import { seedStaff, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { signedInAgent } from '../support/test-app';

jest.setTimeout(90_000);

describe('dashboard: audit log (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let admin: Staff;
  let readCase: CaseDetail;

  beforeAll(async () => {
    // Two case reads raise the unusual-reading alert, so the home page shows it to the admin.
    ({ app, baseUrl } = await startDashboardApp({ AUDIT_READ_ALERT_RECORDS: '1' }, importDirectory));
    admin = await seedStaff(app, 'admin', 'Ada Admin', 'ada.admin@campaign-desk.local');
    const casey = await signedInAgent(app, 'caseworker');
    const supporter = await createSupporter(app);
    readCase = (await postCase(casey.agent, supporter.id).expect(201)).body as CaseDetail;
    await casey.agent.get(`/api/cases/${readCase.id}`).expect(200);
    await casey.agent.get(`/api/cases/${readCase.id}`).expect(200);
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]));

  it('shows an admin the reading alert, searches the log by action and record, and exports it', async () => {
    await submitSignIn(page, baseUrl, admin);
    await page.getByTestId('read-alerts').getByText('Unusual reading').waitFor();

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.waitForURL(/#\/audit-events/);
    await page.getByLabel('Record').fill(readCase.id);
    await page.getByLabel('What').click();
    await page.getByRole('option', { name: 'Case read' }).click();
    // Two reads of that case, each linking to it.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    const rows = page.locator('tbody tr');
    expect(await rows.first().textContent()).toContain('Case read');
    expect(await rows.first().getByRole('link').getAttribute('href')).toContain(readCase.id);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorId,action,entityType,entityId,ip,details');
    expect(lines.slice(1).filter((l) => l.includes(',case.read,'))).toHaveLength(2);
  });
});
