import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { type SeededContactDetails, seedContactDetails, startParser } from '../support/contact-details';
import { seedStaff, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { INBOUND_TOKEN } from '../support/intake';
import { signedInAgent } from '../support/test-app';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(120_000);

/** Anything shaped like an email address. */
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/**
 * Viewers see no contact details anywhere (issue 12): a viewer opens the triage inbox, a message, the
 * case page (whose timeline shows the emails) and the supporters list, and no page shows an email
 * address or any of the supporter's details.
 */
describe('dashboard: a viewer sees no contact details (browser)', () => {
  let app: NestExpressApplication;
  let parser: INestApplicationContext;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let viewer: Staff;
  let seeded: SeededContactDetails;

  beforeAll(async () => {
    ({ app, baseUrl } = await startDashboardApp({ INBOUND_TOKEN }, importDirectory));
    parser = await startParser();
    const caseworker = await signedInAgent(app, 'caseworker');
    seeded = await seedContactDetails(app, caseworker.agent, parser);
    // A name without an address in it, so that the page's own "Welcome, …" is no email address either.
    viewer = await seedStaff(app, 'viewer', 'Val Viewer', 'val.viewer@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await submitSignIn(page, baseUrl, viewer);
    await page.getByText(`Welcome, ${viewer.name}`).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await parser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  /** The page's whole text, and the values of its inputs (react-admin puts some values there). */
  async function pageText(): Promise<string> {
    const text = await page.locator('body').innerText();
    const values = await page
      .locator('input, textarea')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).join('\n'));
    return `${text}\n${values}`;
  }

  async function expectNoContactDetails(where: string) {
    const text = await pageText();
    expect({ where, emails: text.match(EMAIL_ADDRESS) ?? [] }).toEqual({ where, emails: [] });
    const shown = seeded.markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));
    expect({ where, shown }).toEqual({ where, shown: [] });
  }

  it('the triage inbox and a message in it: viewers are shown that triage is not for their role', async () => {
    await page.goto(`${baseUrl}/#/triage`);
    await page.getByText(/Triage is for caseworkers and admins/).waitFor();
    await expectNoContactDetails('triage inbox');
    await page.goto(`${baseUrl}/#/triage/${seeded.messageIds.inTriage}`);
    await page.getByText(/Triage is for caseworkers and admins/).waitFor();
    await expectNoContactDetails('triage message');
  });

  it("the case page: its timeline's emails name the sender by role", async () => {
    await page.goto(`${baseUrl}/#/cases/${seeded.found.id}/show`);
    const header = page.getByTestId('case-header');
    await header.getByRole('heading', { name: seeded.found.reference }).waitFor();
    const emails = page.getByTestId('case-timeline').locator('[data-kind="message"]');
    await emails.filter({ hasText: 'supporter ·' }).first().waitFor();
    await emails.filter({ hasText: 'campaigns team ·' }).first().waitFor();
    await expectNoContactDetails('case page');
  });

  it('the supporters list and a supporter', async () => {
    await page.goto(`${baseUrl}/#/supporters`);
    await page.getByRole('row').filter({ hasText: 'supporter' }).first().waitFor();
    await expectNoContactDetails('supporters list');
    await page.goto(`${baseUrl}/#/supporters/${seeded.supporter.id}/show`);
    await page.getByRole('heading', { name: 'supporter', exact: true }).waitFor();
    await expectNoContactDetails('supporter');
  });
});
