import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { createSupporter, postCase } from '../support/cases';
import { seedStaff, signInAfresh, startDashboardApp, type Staff } from '../support/dashboard-app';
import { importDirectory } from '../support/directory';
import { CORPUS_DIR } from '../support/email-corpus';
import { email, INBOUND_TOKEN, postEmail, waitFor, waitForProcessed } from '../support/intake';
import { signedInAgent, startWorker } from '../support/test-app';
import { withDb } from '../support/test-database';
import { emailWithAttachment, hostileEmail, rawEmail } from './triage-fixtures';
import { inboxCount, messageFrame, openInbox, watchPage } from './triage-page';

jest.setTimeout(120_000);

const UUID = '[0-9a-f-]{36}';

describe('dashboard: triage inbox (browser)', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let caseworker: Staff;
  let viewer: Staff;
  let admin: Staff;
  let dialogs: string[];
  let offsiteRequests: string[];

  beforeAll(async () => {
    // Every test signs in afresh: more sign-ins a minute than the production limit allows.
    ({ app, baseUrl, databaseUrl } = await startDashboardApp(
      { INBOUND_TOKEN, LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
      importDirectory,
    ));
    worker = await startWorker();
    caseworker = await seedStaff(app, 'caseworker', 'Casey Worker', 'casey.worker@campaign-desk.local');
    viewer = await seedStaff(app, 'viewer', 'Val Viewer', 'val.viewer@campaign-desk.local');
    admin = await seedStaff(app, 'admin', 'Ada Admin', 'ada.admin@campaign-desk.local');
    browser = await launchBrowser();
    page = browser.page;
    // Generous: the browser tests share a small machine with other work.
    page.setDefaultTimeout(30_000);
    ({ dialogs, offsiteRequests } = watchPage(browser, baseUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
  });

  afterEach(() => {
    // The dashboard runs under script-src 'self': a violation or an uncaught error anywhere fails the test.
    expect(cspOrScriptErrors(browser?.errors ?? [])).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(offsiteRequests).toEqual([]);
  });

  /** Posts a raw message through the webhook and waits until the worker has parsed it. */
  async function deliver(raw: Buffer): Promise<string> {
    const res = await postEmail(app, raw).expect(202);
    await waitForProcessed(databaseUrl, [res.body.messageId]);
    return res.body.messageId as string;
  }

  const signIn = (user: Staff) => signInAfresh(browser, baseUrl, user);

  const row = (text: string) => page.getByRole('row').filter({ hasText: text });

  it('shows a hostile HTML message sandboxed: no script runs, nothing leaves the machine', async () => {
    const id = await deliver(hostileEmail('Hostile message for triage'));
    await signIn(caseworker);
    await openInbox(page);
    await row('Hostile message for triage').filter({ hasText: 'Hostile payload marker' }).waitFor();
    await row('Hostile message for triage').click();
    await page.waitForURL(new RegExp(`#/triage/${id}$`));

    const iframe = page.getByTestId('message-frame');
    await iframe.waitFor();
    expect(await iframe.getAttribute('sandbox')).toBe('');
    expect(await iframe.getAttribute('srcdoc')).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`,
    );
    await page.frameLocator('[data-testid="message-frame"]').getByText('Hostile payload marker').waitFor();
    const frame = messageFrame(page);
    // Whatever survived sanitising gets a chance to act: clicks, hover, time for timers and refreshes.
    await page.frameLocator('[data-testid="message-frame"]').getByText('hover over me').hover();
    await page.frameLocator('[data-testid="message-frame"]').getByText('click me').click();
    await page.waitForTimeout(1_500);

    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(page.url()).toBe(`${baseUrl}/#/triage/${id}`);
    expect(messageFrame(page).url()).toBe('about:srcdoc');
    // The sanitised document holds no script, handler or javascript: URL to begin with.
    const html = await frame.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toMatch(/<script|onerror|onload|onmouseover|javascript:|http-equiv="refresh"/i);
  });

  it('runs nothing even if a script got past the sanitiser: the message frame itself forbids it', async () => {
    const id = await deliver(rawEmail({ subject: 'Second line of defence', body: '<p>Plain HTML</p>' }));
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    await page.frameLocator('[data-testid="message-frame"]').getByText('Plain HTML').waitFor();
    // Simulate a sanitiser bypass: live script and handlers in the real message frame, as rendered.
    await page.getByTestId('message-frame').evaluate((frame) => {
      frame.setAttribute(
        'srcdoc',
        '<p>bypassed</p><script>parent.pwned = "bypass"; parent.document.title = "pwned"</script><img src=x onerror="parent.pwned=1">',
      );
    });
    await page.frameLocator('[data-testid="message-frame"]').getByText('bypassed').waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
  });

  it('blocks remote images until "Load images", then loads them from the server document', async () => {
    const id = await deliver(
      rawEmail({
        subject: 'A photo of the letter',
        body: '<p>Here is the letter</p><img src="https://images.example/letter.png" alt="letter">',
      }),
    );
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    const frame = page.frameLocator('[data-testid="message-frame"]');
    await frame.getByText('Here is the letter').waitFor();
    expect(await frame.getByRole('img', { name: 'letter' }).getAttribute('src')).toBeNull();
    expect(offsiteRequests).toEqual([]);

    await page.getByRole('button', { name: 'Load images' }).click();
    await waitFor(
      async () =>
        (await frame.getByRole('img', { name: 'letter' }).getAttribute('src')) === 'https://images.example/letter.png',
      10_000,
      'the image src',
    );
    const iframe = page.getByTestId('message-frame');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    expect(await iframe.getAttribute('src')).toBe(`/api/messages/${id}/html?images=1`);
    await waitFor(
      async () => offsiteRequests.includes('https://images.example/letter.png'),
      10_000,
      'the image request',
    );
    offsiteRequests.length = 0;
  });

  it('suggests the constituency, creates the case and lands on the case page', async () => {
    const id = await deliver(
      email({
        from: 'Priya Shah <priya.journey@example.org>',
        subject: 'My dad is terminal and his surgery was cancelled',
        body: 'Dear team,\r\nMy dad lives at WC1E 6BT. His cancelled surgery has not been rebooked and we have been waiting weeks.\r\n\r\nOn Mon, Sam wrote:\r\n> an older message\r\n',
      }),
    );
    await signIn(caseworker);
    await openInbox(page);
    await row('My dad is terminal').click();
    await page.waitForURL(new RegExp(`#/triage/${id}$`));

    const suggestions = page.getByTestId('suggestions');
    await suggestions.getByRole('link', { name: 'Holborn and St Pancras' }).waitFor();
    await suggestions.getByText('New supporter: Priya Shah').waitFor();
    await page.getByTestId('message-text').getByText('His cancelled surgery').waitFor();

    await page.getByRole('button', { name: 'Create case' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel(/^Supporter postcode/).inputValue()).toBe('WC1E 6BT');
    expect(await dialog.getByLabel(/^Supporter email/).inputValue()).toBe('priya.journey@example.org');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; supporterId: string; priority: string };
    await page.waitForURL(new RegExp(`#/cases/${UUID}/show$`));
    expect(page.url()).toContain(`/cases/${body.id}/show`);

    const stored = await withDb(databaseUrl, async (db) => {
      const message = (await db.query(`SELECT case_id, supporter_id FROM messages WHERE id = $1`, [id])).rows[0];
      const supporter = (
        await db.query(`SELECT name, email::text AS email, postcode FROM supporters WHERE id = $1`, [body.supporterId])
      ).rows[0];
      return { message, supporter };
    });
    expect(stored.message).toEqual({ case_id: body.id, supporter_id: body.supporterId });
    expect(stored.supporter).toEqual({ name: 'Priya Shah', email: 'priya.journey@example.org', postcode: 'WC1E 6BT' });
    expect(body.priority).toBe('urgent');
  });

  it('says what is missing when a case cannot be created yet, and creates it once corrected', async () => {
    const id = await deliver(
      email({
        from: 'Noel Postcode <noel.nopostcode@example.org>',
        subject: 'No details yet',
        body: 'Hello, I need help.',
      }),
    );
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    await page.getByTestId('suggestions').getByText('No postcode found in the message').waitFor();
    await page.getByRole('button', { name: 'Create case' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel(/^Supporter postcode/).inputValue()).toBe('');

    await dialog.getByRole('button', { name: 'Create case' }).click();
    await dialog.getByText('Choose at least one topic').first().waitFor();
    await dialog.getByLabel('Communication').check();
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/supporters') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    expect((await refused).status()).toBe(400);
    await dialog
      .getByRole('alert')
      .getByText(/^postcode /)
      .waitFor();

    await dialog.getByLabel(/^Supporter postcode/).fill('WC1E 6BT');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(new RegExp(`#/cases/${UUID}/show$`));
    const [message] = await withDb(
      databaseUrl,
      async (db) => (await db.query(`SELECT case_id FROM messages WHERE id = $1`, [id])).rows,
    );
    expect(message.case_id).toMatch(new RegExp(`^${UUID}$`));
  });

  it('uses the supporter matched by the sender email', async () => {
    const existing = await createSupporter(app, { name: 'Mo Matched', email: 'mo.matched@example.org' });
    const id = await deliver(email({ from: 'Mo <MO.Matched@example.org>', subject: 'An update from Mo' }));
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    await page.getByTestId('suggestions').getByRole('link', { name: 'Matches Mo Matched' }).waitFor();
    await page.getByRole('button', { name: 'Create case' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Use the existing supporter Mo Matched').isChecked()).toBe(true);
    expect(await dialog.getByLabel(/^Supporter email/).count()).toBe(0);
    await dialog.getByLabel('Communication').check();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    expect(((await (await created).json()) as { supporterId: string }).supporterId).toBe(existing.id);
    await page.waitForURL(new RegExp(`#/cases/${UUID}/show$`));
  });

  it('offers the existing supporter when the new one would be a duplicate', async () => {
    const existing = await createSupporter(app, { name: 'Dana Duplicate', email: 'dana.duplicate@example.org' });
    const id = await deliver(
      email({
        from: 'Dana D <dana.other@example.org>',
        subject: 'Writing from my other address',
        body: 'I live at WC1E 6BT.',
      }),
    );
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    await page.getByRole('button', { name: 'Create case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Supporter email/).fill('dana.duplicate@example.org');
    await dialog.getByLabel('Other').check();
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await dialog.getByText('A supporter with this email already exists').waitFor();
    await dialog.getByRole('button', { name: 'Use that supporter instead' }).click();
    await dialog.getByRole('link', { name: 'Using an existing supporter' }).waitFor();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Create case' }).click();
    expect(((await (await created).json()) as { supporterId: string }).supporterId).toBe(existing.id);
    await page.waitForURL(new RegExp(`#/cases/${UUID}/show$`));
  });

  it('links a message to an existing case found by reference, and marks another not a request', async () => {
    const { agent } = await signedInAgent(app, 'caseworker');
    const supporter = await createSupporter(app, { name: 'Linda Link' });
    const existing = (await postCase(agent, supporter.id).expect(201)).body as { id: string; reference: string };
    const linkId = await deliver(email({ subject: 'More news about my case' }));
    const otherId = await deliver(email({ subject: 'Please unsubscribe me' }));

    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${linkId}`);
    await page.getByRole('button', { name: 'Link to existing case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Case reference or search words').fill(existing.reference);
    await dialog.getByRole('button', { name: new RegExp(`^${existing.reference} · Linda Link`) }).click();
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await page.waitForURL(/#\/triage$/);
    await page.getByText(`Linked to ${existing.reference}`).waitFor();

    await page.goto(`${baseUrl}/#/triage/${otherId}`);
    await page.getByRole('button', { name: 'Not a request' }).click();
    await page.waitForURL(/#\/triage$/);
    await page.getByText('Marked not a request').waitFor();
    expect(await row('Please unsubscribe me').count()).toBe(0);

    const statuses = await withDb(
      databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT id, status, case_id FROM messages WHERE id = ANY($1::uuid[]) ORDER BY subject`, [
            [linkId, otherId],
          ])
        ).rows,
    );
    expect(statuses).toEqual([
      { id: linkId, status: 'linked', case_id: existing.id },
      { id: otherId, status: 'not_a_request', case_id: null },
    ]);
  });

  it('folds quoted history until asked for, and offers attachments as downloads only', async () => {
    const id = await deliver(emailWithAttachment('A reply with history'));
    await signIn(caseworker);
    await page.goto(`${baseUrl}/#/triage/${id}`);
    await page.getByTestId('message-text').getByText('The new part.').waitFor();
    expect(await page.getByText('the quoted old part').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show quoted history' }).click();
    await page.getByText('the quoted old part').waitFor();

    const download = page.getByRole('link', { name: 'letter.pdf' });
    expect(await download.getAttribute('href')).toBe(`/api/messages/${id}/attachments/0`);
    expect(await download.getAttribute('download')).toBe('letter.pdf');
    expect(await page.locator('iframe, embed, object').count()).toBe(0);
  });

  it('bulk-marks spam: the rows leave the inbox and the count drops', async () => {
    await deliver(email({ from: 'prize@spam.example', subject: 'WIN A PRIZE NOW' }));
    await deliver(email({ from: 'pills@spam.example', subject: 'CHEAP PILLS TODAY' }));
    await signIn(caseworker);
    await openInbox(page);
    const before = await inboxCount(page);
    await row('WIN A PRIZE NOW').getByRole('checkbox').check();
    await row('CHEAP PILLS TODAY').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Mark as spam' }).click();
    await page.getByText('2 messages marked as spam').waitFor();
    await row('WIN A PRIZE NOW').waitFor({ state: 'detached' });
    await row('CHEAP PILLS TODAY').waitFor({ state: 'detached' });
    await waitFor(async () => (await inboxCount(page)) === before - 2, 10_000, 'the inbox count to drop by two');

    await deliver(email({ subject: 'Newsletter signup please' }));
    await page.reload();
    await row('Newsletter signup please').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Not a request' }).click();
    await page.getByText('1 message marked not a request').waitFor();
    await row('Newsletter signup please').waitFor({ state: 'detached' });
  });

  it('uploads an .eml file from the corpus and lists it once parsed', async () => {
    await signIn(caseworker);
    await openInbox(page);
    await page.getByTestId('eml-file-input').setInputFiles(join(CORPUS_DIR, 'flanker__bilingual-simple.eml'));
    await page.getByText('Stored 1, duplicates 0, rejected 0').waitFor();
    await row('Simple text. How are you?').waitFor({ timeout: 30_000 });

    await page.getByTestId('eml-file-input').setInputFiles(join(CORPUS_DIR, 'flanker__bilingual-simple.eml'));
    await page.getByText('Stored 0, duplicates 1, rejected 0').waitFor();
  });

  it('lets an admin add a keyword rule that then suggests urgency, and names the missing field when refused', async () => {
    await signIn(caseworker);
    await openInbox(page);
    expect(await page.getByRole('link', { name: 'Keyword rules' }).count()).toBe(0);

    await signIn(admin);
    await openInbox(page);
    await page.getByRole('link', { name: 'Keyword rules' }).click();
    await page.waitForURL(/#\/triage-rules(\?.*)?$/);
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel(/^Keyword or phrase/).fill('hospice referral');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('set a topic or a priority').first().waitFor();

    await page.getByLabel(/^Suggested topic/).click();
    await page.getByRole('option', { name: 'Quality of care' }).click();
    await page.getByLabel(/^Suggested urgency/).click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/triage-rules(\?.*)?$/);
    await row('hospice referral').filter({ hasText: 'Quality of care' }).filter({ hasText: 'Urgent' }).waitFor();

    await deliver(
      email({ subject: 'Waiting on a hospice referral', body: 'Mum is still waiting on her hospice referral.' }),
    );
    await openInbox(page);
    await row('Waiting on a hospice referral').filter({ hasText: 'Urgent' }).waitFor();
  });

  it('tells a viewer they have no triage', async () => {
    await signIn(viewer);
    expect(await page.getByRole('menuitem', { name: 'Triage inbox' }).count()).toBe(0);
    await page.goto(`${baseUrl}/#/triage`);
    await page.getByText('Triage is for caseworkers and admins').waitFor();
  });
});
