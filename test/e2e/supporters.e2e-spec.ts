import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Page } from 'playwright-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { seedStaff, signOut as signOutOf, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(90_000);

const UUID = '[0-9a-f-]{36}';

interface StoredSupporter {
  id: string;
  name: string;
  postcode: string;
  constituency_gss: string | null;
  constituency_overridden: boolean;
  merged_into_id: string | null;
}

describe('dashboard: supporters, constituencies and MPs (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let viewer: Staff;

  beforeAll(async () => {
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({}, importDirectory));
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    viewer = await seedStaff(app, 'viewer', 'Val Viewer', 'val.viewer@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    // The API serves the dashboard under script-src 'self': any violation or uncaught error fails the test.
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
  });

  async function signIn(user: Staff) {
    // A fresh session per test, even when the one before failed half way.
    await browser.context.clearCookies();
    await page.goto('about:blank'); // a full reload, so no user is cached in the app either
    await submitSignIn(page, baseUrl, user);
    await page.getByText(`Welcome, ${user.name}`).waitFor();
  }

  const signOut = () => signOutOf(page);

  const supportersByEmail = (email: string) =>
    withDb(databaseUrl, (db) =>
      db.query<StoredSupporter>(
        `SELECT id, name, postcode, constituency_gss, constituency_overridden, merged_into_id
         FROM supporters WHERE email::text = $1 ORDER BY created_at`,
        [email],
      ),
    ).then((r) => r.rows);

  async function openCreateForm() {
    await page.getByRole('menuitem', { name: 'Supporters' }).click();
    await page.waitForURL(/#\/supporters(\?.*)?$/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/#\/supporters\/create$/);
  }

  async function fillSupporter(name: string, email: string, postcode: string) {
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Postcode/).fill(postcode);
  }

  const preview = () => page.getByTestId('postcode-preview');

  it('creates a supporter, showing the constituency and MP from the postcode before saving, then warns about a duplicate', async () => {
    await signIn(caseworker);
    await openCreateForm();
    const email = 'ada.lovelace@example.org';

    // Typed without the space and in lower case: the lookup normalises it.
    await fillSupporter('Ada Lovelace', email, 'wc1e6bt');
    await preview()
      .getByTestId('postcode-preview-constituency')
      .filter({ hasText: 'Holborn and St Pancras' })
      .waitFor();
    await preview().getByText('How it was found: Exact postcode match for WC1E 6BT').waitFor();
    expect(await preview().innerText()).toMatch(/MP: .+\(.+\)/);
    expect(await supportersByEmail(email)).toEqual([]); // seen before anything was saved

    await page.getByLabel('Share their story with the MP').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${UUID}/show$`));
    await page.getByText('Supporter created').waitFor();
    await page.getByRole('link', { name: 'Holborn and St Pancras' }).waitFor();
    const consentRow = page.getByRole('row').filter({ hasText: 'Share their story with the MP' }).first();
    expect(await consentRow.innerText()).toMatch(/Yes\s+.*2026.* by you/);

    const [first] = await supportersByEmail(email);
    expect(first).toMatchObject({
      name: 'Ada Lovelace',
      postcode: 'WC1E 6BT',
      constituency_gss: 'E14001290',
      constituency_overridden: false,
    });
    expect(page.url()).toContain(`/supporters/${first.id}/show`);

    // Same email, different case: the API answers 409 and the form shows a warning linking the first record.
    await openCreateForm();
    await fillSupporter('Ada King', 'ADA.LOVELACE@example.org', 'SW1A 2AA');
    await page.getByRole('button', { name: 'Save' }).click();
    const warning = page.getByTestId('duplicate-warning');
    await warning.getByText('This supporter may already exist').waitFor();
    expect(await warning.innerText()).toContain('the same email address');
    const href = await warning.getByRole('link', { name: 'Open the existing supporter' }).getAttribute('href');
    expect(href).toBe(`#/supporters/${first.id}/show`);
    expect(page.url()).toMatch(/#\/supporters\/create$/);
    expect(await supportersByEmail('ADA.LOVELACE@example.org')).toEqual([]);

    // "Create anyway" sends createAnyway: true and saves a second record.
    await warning.getByRole('button', { name: 'Create anyway' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${UUID}/show$`));
    await page.getByRole('link', { name: 'Cities of London and Westminster' }).waitFor();
    const [second] = await supportersByEmail('ADA.LOVELACE@example.org');
    expect(second).toMatchObject({ name: 'Ada King', constituency_gss: 'E14001172' });
    expect(second.id).not.toBe(first.id);

    // The link in the warning leads to the first record.
    await page.goto(`${baseUrl}/${href}`);
    await page.getByRole('heading', { name: 'Ada Lovelace', exact: true }).waitFor();

    // Merge the second record into the first: search, pick, confirm.
    await page.goto(`${baseUrl}/#/supporters/${second.id}/show`);
    await page.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('cannot be undone from the dashboard').waitFor();
    await dialog.getByLabel('Supporter to keep').fill('Lovelace');
    await page.getByRole('option', { name: /Ada Lovelace/ }).click();
    await dialog.getByRole('button', { name: 'Merge into Ada Lovelace' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${first.id}/show$`));
    await page.getByText('Ada King was merged into Ada Lovelace').waitFor();
    const [, merged] = await withDb(databaseUrl, (db) =>
      db.query<StoredSupporter>(`SELECT id, merged_into_id FROM supporters WHERE id = ANY($1) ORDER BY created_at`, [
        [first.id, second.id],
      ]),
    ).then((r) => r.rows);
    expect(merged).toMatchObject({ id: second.id, merged_into_id: first.id });
    await signOut();
  });

  it('shows format errors inline, lets staff choose among the seats a sector straddles, and lists Northern Ireland seats', async () => {
    await signIn(caseworker);
    await openCreateForm();
    const email = 'mary.somerville@example.org';
    await fillSupporter('Mary Somerville', email, 'QX1 1AA');
    await preview().getByRole('alert').filter({ hasText: 'not a valid UK postcode format' }).waitFor();

    await page.getByLabel(/^Postcode/).fill('BT1 1AA');
    await preview()
      .getByText(/not covered by the offline lookup/)
      .waitFor();
    await preview().getByRole('combobox', { name: 'Northern Ireland constituency' }).click();
    expect(await page.getByRole('option').count()).toBe(19); // 18 seats and "Not chosen"
    await page.getByRole('option', { name: /^Belfast East/ }).click();
    await preview().getByText(/^MP: /).waitFor();

    // EH1 1AA is not in the exact lookup: its sector straddles three Edinburgh seats.
    await page.getByLabel(/^Postcode/).fill('EH1 1AA');
    await preview().getByText('EH1 1AA straddles 3 seats', { exact: false }).waitFor();
    expect(await preview().getByTestId('postcode-preview-constituency').innerText()).toBe(
      'Edinburgh East and Musselburgh',
    );
    await preview().getByRole('button', { name: 'Use Edinburgh North and Leith' }).click();
    expect(await preview().getByTestId('postcode-preview-constituency').innerText()).toBe('Edinburgh North and Leith');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${UUID}/show$`));
    await page.getByText(/chosen by staff/).waitFor();
    const [stored] = await supportersByEmail(email);
    expect(stored).toMatchObject({ postcode: 'EH1 1AA', constituency_gss: 'S14000079', constituency_overridden: true });

    // From the supporter to the constituency page, and on to the MP's page.
    await page.getByRole('link', { name: 'Edinburgh North and Leith' }).click();
    await page.waitForURL(/#\/constituencies\/S14000079\/show$/);
    await page.getByRole('heading', { name: 'MPs for this seat' }).waitFor();
    const mpLink = page.getByRole('table', { name: 'Tenure history' }).getByRole('link').first();
    const mpName = await mpLink.innerText();
    await mpLink.click();
    await page.waitForURL(/#\/mps\/\d+\/show$/);
    await page.getByRole('heading', { name: mpName, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Edinburgh North and Leith' }).first().waitFor();
    await page.getByTestId('mp-cases').getByRole('heading', { name: 'Cases' }).waitFor();
    await page.getByTestId('mp-engagement').getByRole('heading', { name: 'Engagement' }).waitFor();
    await signOut();
  });

  it('edits a supporter: on hold needs a reason, and a consent change records who and when', async () => {
    await signIn(caseworker);
    const [ada] = await supportersByEmail('ada.lovelace@example.org');
    await page.goto(`${baseUrl}/#/supporters/${ada.id}/show`);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${ada.id}$`));
    await preview()
      .getByTestId('postcode-preview-constituency')
      .filter({ hasText: 'Holborn and St Pancras' })
      .waitFor();

    await page.getByLabel('On hold').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Say why the supporter is on hold').waitFor();
    await page.getByLabel(/^Reason for the hold/).fill('Bereavement: pause until the new year');
    await page.getByLabel('Contact by email').check();
    await page.getByLabel(/^Phone/).fill('020 7946 0000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/supporters/${ada.id}/show$`));
    await page.getByText('On hold: Bereavement: pause until the new year', { exact: false }).waitFor();
    await page.getByText('+442079460000').waitFor(); // the API stores E.164
    expect(await page.getByRole('row').filter({ hasText: 'Contact by email' }).first().innerText()).toMatch(
      /Yes\s+.*by you/,
    );

    const stored = await withDb(databaseUrl, (db) =>
      db.query(
        'SELECT on_hold, on_hold_reason, consent_contact_by_email, consent_contact_by_email_by FROM supporters WHERE id = $1',
        [ada.id],
      ),
    );
    expect(stored.rows[0]).toEqual({
      on_hold: true,
      on_hold_reason: 'Bereavement: pause until the new year',
      consent_contact_by_email: true,
      consent_contact_by_email_by: caseworker.id,
    });
    await signOut();
  });

  it('filters constituencies and MPs on the server', async () => {
    await signIn(viewer);
    await page.getByRole('menuitem', { name: 'Constituencies' }).click();
    await page.waitForURL(/#\/constituencies/);
    await page.getByText('1-25 of 650').waitFor();
    await page.getByPlaceholder(/^Search/).fill('holborn');
    await page.getByRole('row').filter({ hasText: 'Holborn and St Pancras' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);

    await page.goto(
      `${baseUrl}/#/constituencies?filter=${encodeURIComponent(JSON.stringify({ nation: 'Northern Ireland' }))}`,
    );
    await page.getByRole('row').filter({ hasText: 'Belfast East' }).waitFor();
    await page.getByText('1-18 of 18').waitFor();

    await page.getByRole('menuitem', { name: 'MPs' }).click();
    await page.waitForURL(/#\/mps/);
    await page.getByText(/^1-25 of \d+$/).waitFor(); // loaded, so the search is not reset under the typing
    await page.getByPlaceholder(/^Search/).fill('Holborn and St Pancras');
    await page.getByRole('row').filter({ hasText: 'Holborn and St Pancras' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await signOut();
  });

  it('gives viewers the summary only (no name), with no create, edit or merge', async () => {
    await signIn(viewer);
    await page.getByRole('menuitem', { name: 'Supporters' }).click();
    await page.waitForURL(/#\/supporters/);
    const row = page.getByRole('row').filter({ hasText: 'Holborn and St Pancras' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('supporter');
    expect(await page.getByText('Ada Lovelace').count()).toBe(0);
    expect(await page.getByText('ada.lovelace@example.org').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);

    await row.click();
    await page.waitForURL(new RegExp(`#/supporters/${UUID}/show$`));
    await page.getByRole('heading', { name: 'supporter', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Holborn and St Pancras' }).waitFor();
    expect(await page.getByText('WC1E 6BT').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Consents' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Merge' }).count()).toBe(0);

    // No create route for viewers: the address shows the list, never a form; the API refuses the POST.
    await page.goto(`${baseUrl}/#/supporters/create`);
    await page.getByRole('row').filter({ hasText: 'Holborn and St Pancras' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    const status = await page.evaluate(() =>
      fetch('/api/supporters', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Not Allowed', email: 'not.allowed@example.org', postcode: 'WC1E 6BT' }),
      }).then((r) => r.status),
    );
    expect(status).toBe(403);

    await page.getByRole('menuitem', { name: 'About' }).click();
    const licences = page.getByTestId('data-licences');
    await licences.getByText('House of Commons Library, CBP-10009', { exact: false }).waitFor();
    expect(await licences.getByTestId('required-attribution').innerText()).toBe(
      'Contains OS data © Crown copyright and database right 2023; Contains Royal Mail data © Royal Mail copyright and database right 2023; Contains National Statistics data © Crown copyright and database right 2023',
    );
    await signOut();
  });
});
