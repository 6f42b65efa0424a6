import type { TestBrowser } from './browser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { StaffRole } from '@campaign-desk/contracts';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { prepareTestEnv, startApi } from './test-app';

/** The production dashboard build the API serves; `npm test` builds it before the browser tests. */
export const DASHBOARD_DIR = resolve(__dirname, '../../dist/dashboard');

export interface Staff {
  id: string;
  email: string;
  name: string;
  password: string;
}

/**
 * The real API serving the built dashboard on an ephemeral port, with this file's own database.
 * `beforeListen` loads fixtures (for example the directory) before the first request.
 */
export async function startDashboardApp(
  env: Record<string, string> = {},
  beforeListen?: (app: NestExpressApplication) => Promise<unknown>,
): Promise<{ app: NestExpressApplication; baseUrl: string; databaseUrl: string }> {
  if (!existsSync(resolve(DASHBOARD_DIR, 'index.html'))) {
    throw new Error(`${DASHBOARD_DIR}/index.html is missing: run \`npm run build:dashboard\` before the e2e tests`);
  }
  const { databaseUrl } = await prepareTestEnv({ DASHBOARD_DIR, ...env });
  const app = await startApi();
  await beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, baseUrl, databaseUrl };
}

/** A named staff user with a known password (demo-like people read better in screenshots). */
export async function seedStaff(
  app: NestExpressApplication,
  role: StaffRole,
  name: string,
  email: string,
): Promise<Staff> {
  const password = `${role}-demo-password`;
  const { user } = await app.get(StaffUsersService).createOrReset({ email, role, password, name });
  return { ...user, password };
}

/** Fills and submits the sign-in form; the caller waits for whatever proves the outcome. */
export async function submitSignIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel(/^Email/).fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** A fresh session each time; waits for the menu rather than the home page, whose widgets are not the caller's concern. */
export async function signInAfresh(browser: TestBrowser, baseUrl: string, user: Staff): Promise<void> {
  await browser.context.clearCookies();
  await browser.page.goto('about:blank');
  await submitSignIn(browser.page, baseUrl, user);
  await browser.page.getByRole('menuitem', { name: 'Home' }).waitFor();
}
