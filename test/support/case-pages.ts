import type { Page } from 'playwright-core';
import type { TestBrowser } from './browser';
import { submitSignIn, type Staff } from './dashboard-app';
import { withDb } from './test-database';

/** A fresh session for `user` (cookies cleared, app reloaded), waiting for the home page to greet them. */
export async function signInFresh(browser: TestBrowser, baseUrl: string, user: Staff): Promise<void> {
  await browser.context.clearCookies();
  await browser.page.goto('about:blank');
  await submitSignIn(browser.page, baseUrl, user);
  await browser.page.getByText(`Welcome, ${user.name}`).waitFor();
}

/** Locators and steps for the case list and case page; `page` is read when they are used (it is set in beforeAll). */
export function casePages(page: () => Page) {
  const status = () => page().getByTestId('case-header').getByTestId('case-status');
  const actions = () => page().getByTestId('case-actions');
  return {
    caseRow: (reference: string) => page().getByRole('row').filter({ hasText: reference }),
    status,
    actions,
    button: (name: string) => page().getByRole('button', { name, exact: true }),
    /** Waits until the list shows exactly `count` rows. */
    rows: (count: number) => page().waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, count),
    async openTab(name: string) {
      await page().getByRole('tab', { name, exact: true }).click();
      await page().waitForURL(/#\/cases\?/);
    },
    /** Clicks a workflow button and waits for the header to show the new status. */
    async move(buttonName: string, statusLabel: string) {
      await actions().getByRole('button', { name: buttonName, exact: true }).click();
      await status()
        .filter({ hasText: new RegExp(`^${statusLabel}$`) })
        .waitFor();
    },
    /** The id in a `#/cases/:id/show` or `#/cases/:id` address. */
    caseIdInUrl: () => /#\/cases\/([0-9a-f-]{36})/.exec(page().url())?.[1] ?? '',
  };
}

export function storedCase(databaseUrl: string, id: string): Promise<Record<string, unknown>> {
  return withDb(databaseUrl, (db) =>
    db.query('SELECT status, outcome, assignee_id, priority, trust, constituency_gss FROM cases WHERE id = $1', [id]),
  ).then((r) => r.rows[0]);
}
