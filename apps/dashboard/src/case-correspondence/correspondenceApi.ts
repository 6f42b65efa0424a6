import type { ChaseTaskDto, ComposedEmailPreview, ComposeEmailInput, ComposeKind } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

const caseUrl = (caseId: string, action: string) => `/api/cases/${encodeURIComponent(caseId)}/${action}`;
const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

/** `POST /api/cases/:id/email-preview`: the email as `/reply` or `/mp-email` would queue it; nothing is written. */
export const previewCaseEmail = (caseId: string, kind: ComposeKind, input: ComposeEmailInput) =>
  post<ComposedEmailPreview>(caseUrl(caseId, 'email-preview'), { kind, ...input });

/** `POST /api/cases/:id/reply` (to the supporter) or `/mp-email` (to the MP's office, recorded as a contact). */
export const sendCaseEmail = (caseId: string, kind: ComposeKind, input: ComposeEmailInput) =>
  post<unknown>(caseUrl(caseId, kind === 'reply' ? 'reply' : 'mp-email'), input);

/** `POST /api/chase-tasks/:id/complete`. */
export const completeChaseTask = (id: string) =>
  post<ChaseTaskDto>(`/api/chase-tasks/${encodeURIComponent(id)}/complete`);
