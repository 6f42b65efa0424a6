import type {
  CaseDetail,
  CaseListItem,
  IntakeReceipt,
  MessageDetail,
  MessageSuggestions,
  Priority,
  SupporterDto,
  Topic,
  TriageAction,
} from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

/** `GET /api/messages/counts`: figures come from the server, never from counting rows here. */
export interface MessageCounts {
  triage: number;
  byClassification: Record<string, number>;
  byStatus: Record<string, number>;
}

const messageUrl = (id: string, rest = '') => `/api/messages/${encodeURIComponent(id)}${rest}`;

export async function fetchCounts(): Promise<MessageCounts> {
  return (await apiFetch('/api/messages/counts')).json as MessageCounts;
}

export async function fetchMessage(id: string): Promise<MessageDetail> {
  return (await apiFetch(messageUrl(id))).json as MessageDetail;
}

export async function fetchSuggestions(id: string): Promise<MessageSuggestions> {
  return (await apiFetch(messageUrl(id, '/suggestions'))).json as MessageSuggestions;
}

/** The server's URL for the sanitised message document (its own strict CSP header); `images` restores remote images. */
export function messageHtmlUrl(id: string, images: boolean): string {
  return messageUrl(id, `/html?images=${images ? 1 : 0}`);
}

/** The sanitised message document as text, for the sandboxed frame's srcdoc. */
export async function fetchMessageHtml(id: string): Promise<string> {
  const response = await fetch(messageHtmlUrl(id, false), {
    credentials: 'same-origin',
    headers: { Accept: 'text/html' },
  });
  if (!response.ok) throw new Error(`The message body could not be loaded (${response.status})`);
  return response.text();
}

export function attachmentUrl(id: string, n: number): string {
  return messageUrl(id, `/attachments/${n}`);
}

export async function triageMessage(
  id: string,
  action: TriageAction,
  extra: { caseId?: string; supporterId?: string } = {},
): Promise<MessageDetail> {
  const { json } = await apiFetch(messageUrl(id, '/triage'), {
    method: 'POST',
    body: JSON.stringify({ action, ...extra }),
  });
  return json as MessageDetail;
}

export async function markSpam(ids: string[]): Promise<{ updated: string[] }> {
  const { json } = await apiFetch('/api/messages/bulk', {
    method: 'POST',
    body: JSON.stringify({ ids, action: 'spam' }),
  });
  return json as { updated: string[] };
}

/** Marks each message not-a-request (the server has no bulk form of this action); answers how many succeeded. */
export async function markNotRequests(ids: string[]): Promise<{ done: number; failed: number }> {
  let done = 0;
  for (const id of ids) {
    const ok = await triageMessage(id, 'not_a_request').then(
      () => true,
      () => false,
    );
    if (ok) done++;
  }
  return { done, failed: ids.length - done };
}

export interface UploadSummary {
  stored: number;
  duplicates: number;
  /** Refused by the server (too large, empty) or quarantined on arrival, with the reason per file. */
  rejected: { file: string; reason: string }[];
}

/**
 * `POST /api/messages/upload` (multipart field `files`), one file per request so that one refused
 * file (413 too large, 400 empty) does not hide what happened to the others.
 */
export async function uploadEmlFiles(files: File[]): Promise<UploadSummary> {
  const summary: UploadSummary = { stored: 0, duplicates: 0, rejected: [] };
  for (const file of files) {
    const body = new FormData();
    body.append('files', file, file.name);
    try {
      const { json } = await apiFetch('/api/messages/upload', { method: 'POST', body });
      const [receipt] = json as IntakeReceipt[];
      if (receipt.duplicate) summary.duplicates++;
      else if (receipt.status === 'quarantined') summary.rejected.push({ file: file.name, reason: 'quarantined' });
      else summary.stored++;
    } catch (error) {
      summary.rejected.push({ file: file.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}

export interface NewSupporterInput {
  name: string;
  email: string;
  postcode: string;
}

export async function createSupporter(input: NewSupporterInput): Promise<SupporterDto> {
  return (await apiFetch('/api/supporters', { method: 'POST', body: JSON.stringify(input) })).json as SupporterDto;
}

export interface NewCaseInput {
  supporterId: string;
  topics: Topic[];
  priority: Priority;
  summary?: string;
  trust?: string;
  messageId: string;
}

export async function createCase(input: NewCaseInput): Promise<CaseDetail> {
  return (await apiFetch('/api/cases', { method: 'POST', body: JSON.stringify(input) })).json as CaseDetail;
}

/** Cases matching a reference (`CD-12`, `12`) or words, best match first. */
export async function searchCases(q: string): Promise<CaseListItem[]> {
  const params = new URLSearchParams({ filter: JSON.stringify({ q }), range: '[0,9]' });
  return (await apiFetch(`/api/cases?${params}`)).json as CaseListItem[];
}
