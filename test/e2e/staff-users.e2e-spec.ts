import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { cspOrScriptErrors, launchBrowser, type TestBrowser } from '../support/browser';
import { seedStaff, signOut as signOutOf, startDashboardApp, submitSignIn, type Staff } from '../support/dashboard-app';
import { withDb } from '../support/test-database';

// Project-level testTimeout in jest.config.ts is not applied by jest 30 (it is a global option): set it here.
jest.setTimeout(60_000);

describe('dashboard: staff users (browser)', () => {
  let app: NestExpressApplication;
  let browser: TestBrowser;
  let page: Page;
  let baseUrl: string;
  let databaseUrl: string;
  let admin: Staff;
  let viewer: Staff;

  beforeAll(async () => {
    // A low sign-in limit so the last test reaches the 429 quickly (the limiter's keys are per test file).
    ({ app, baseUrl, databaseUrl } = await startDashboardApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '8' }));
    // Demo-like people rather than createStaff's random ones: the list doubles as the README screenshot.
    admin = await seedStaff(app, 'admin', 'Alex Admin', 'alex.admin@campaign-desk.local');
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

  const signIn = (user: { email: string; password: string }) => submitSignIn(page, baseUrl, user);
  const signOut = () => signOutOf(page);

  it('sends an unauthenticated visitor to the sign-in page and rejects a wrong password', async () => {
    const response = await page.goto(`${baseUrl}/`);
    // The "no CSP violation" check after each test means something only if the policy is in force.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForURL(/#\/login$/);
    await signIn({ email: admin.email, password: 'not-the-password' });
    await page.getByText('Email or password is incorrect').waitFor();
    expect(page.url()).toMatch(/#\/login$/);
  });

  it('lets an admin create a caseworker through the form, showing server field errors', async () => {
    await signIn(admin);
    await page.getByText(`Welcome, ${admin.name}`).waitFor();

    await page.getByRole('menuitem', { name: 'Staff users' }).click();
    await page.waitForURL(/#\/staff-users$/);
    await page.getByRole('cell', { name: viewer.email }).waitFor();
    await page.getByRole('cell', { name: admin.email }).waitFor();

    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/#\/staff-users\/create$/);
    // An email already in use: the API's 409 `fields.email` shows under the Email input.
    await page.getByLabel(/^Email/).fill(admin.email);
    await page.getByLabel(/^Name/).fill('Casey Worker');
    await page.getByRole('combobox', { name: /^Role/ }).click();
    await page.getByRole('option', { name: 'Caseworker' }).click();
    await page.getByLabel(/^Password/).fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('already in use').waitFor();
    expect(page.url()).toMatch(/#\/staff-users\/create$/);

    const email = 'casey.worker@campaign-desk.local';
    await page.getByLabel(/^Email/).fill(email);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/staff-users(\?.*)?$/);
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.innerText()).toContain('Casey Worker');
    expect(await row.innerText()).toContain('Caseworker');
    await page.getByText('Staff user created').waitFor();

    const stored = await withDb(databaseUrl, (db) =>
      db.query<{ name: string; role: string; active: boolean }>(
        'SELECT name, role, active FROM staff_users WHERE email = $1',
        [email],
      ),
    );
    expect(stored.rows).toEqual([{ name: 'Casey Worker', role: 'caseworker', active: true }]);

    if (process.env.CD_SCREENSHOT === '1') {
      await mkdir(resolve(__dirname, '../../docs'), { recursive: true });
      await page.reload(); // without the notification
      await row.waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: resolve(__dirname, '../../docs/screenshot-dashboard.png') });
    }

    // Search (`q`) and the role filter narrow the list on the server.
    const rowOf = (who: string) => page.getByRole('row').filter({ hasText: who });
    await page.getByPlaceholder('Search').fill('casey');
    await rowOf(admin.email).waitFor({ state: 'detached' });
    await rowOf(email).waitFor();
    expect(await page.getByRole('row').count()).toBe(2); // header + Casey
    await page.goto(`${baseUrl}/#/staff-users?filter=${encodeURIComponent(JSON.stringify({ role: 'viewer' }))}`);
    await rowOf(viewer.email).waitFor();
    await rowOf(email).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').count()).toBe(2);
    await signOut();
  });

  it('lets an admin edit a user (empty new password keeps the old one)', async () => {
    const hashOf = async () =>
      (await withDb(databaseUrl, (db) => db.query('SELECT password_hash FROM staff_users WHERE id = $1', [viewer.id])))
        .rows[0].password_hash as string;
    const hashBefore = await hashOf();
    await signIn(admin);
    await page.getByRole('menuitem', { name: 'Staff users' }).click();
    await page.getByRole('cell', { name: viewer.email }).click();
    await page.waitForURL(/#\/staff-users\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel(/^Email/).getAttribute('readonly')).not.toBeNull();
    await page.getByLabel(/^Name/).fill('Vera Viewer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/staff-users(\?.*)?$/);
    await page.getByRole('row').filter({ hasText: 'Vera Viewer' }).waitFor();

    const stored = await withDb(databaseUrl, (db) =>
      db.query('SELECT name FROM staff_users WHERE id = $1', [viewer.id]),
    );
    expect(stored.rows[0].name).toBe('Vera Viewer');
    expect(await hashOf()).toBe(hashBefore);
    await signOut();
  });

  it('hides staff users from a viewer, and the API refuses them', async () => {
    await signIn(viewer);
    await page.getByText('Welcome, Vera Viewer').waitFor();
    await page.getByRole('menuitem', { name: 'About' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Staff users' }).count()).toBe(0);

    await page.goto(`${baseUrl}/#/staff-users`);
    await page.getByText('Not Found').first().waitFor();
    expect(await page.getByText(admin.email).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);

    const status = await page.evaluate(() =>
      fetch('/api/staff-users', { credentials: 'same-origin' }).then((r) => r.status),
    );
    expect(status).toBe(403);

    await page.getByRole('menuitem', { name: 'About' }).click();
    await page.getByRole('heading', { name: 'Data sources and licences' }).waitFor();
    await signOut();
  });

  it("shows the API's wait message once sign-in is rate limited", async () => {
    await page.goto(`${baseUrl}/#/login`);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10 && !statuses.includes(429); attempt++) {
      await page.getByLabel(/^Email/).fill(viewer.email);
      await page.getByLabel(/^Password/).fill('wrong-password');
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      statuses.push((await answered).status());
    }
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([401]));
    await page.getByText(/Too many sign-in attempts; try again in \d+ seconds/).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
  });
});
