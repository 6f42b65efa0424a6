import type { Frame, Page } from 'playwright-core';
import type { TestBrowser } from '../support/browser';

/** What the triage browser tests watch for: any dialog, and any request that leaves the machine. */
export function watchPage(browser: TestBrowser, baseUrl: string): { dialogs: string[]; offsiteRequests: string[] } {
  const dialogs: string[] = [];
  const offsiteRequests: string[] = [];
  browser.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  browser.context.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !/^(data|about|blob):/.test(request.url()))
      offsiteRequests.push(request.url());
  });
  return { dialogs, offsiteRequests };
}

export async function openInbox(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Triage inbox' }).click();
  await page.waitForURL(/#\/triage(\?.*)?$/);
}

/** The sandboxed frame that shows a message's HTML. */
export function messageFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
  if (!frame) throw new Error('no message frame');
  return frame;
}

/** The "N requests waiting" figure above the inbox. */
export async function inboxCount(page: Page): Promise<number> {
  const text = await page
    .getByTestId('triage-counts')
    .getByText(/requests? waiting/)
    .textContent();
  return Number(/(\d+)/.exec(text ?? '')?.[1]);
}
