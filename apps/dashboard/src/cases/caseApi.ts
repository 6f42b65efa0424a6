import type {
  BulkAssignResult,
  CaseAssigneeOption,
  CaseDetail,
  CaseNoteDto,
  CaseTransitionInput,
  MessageDetail,
  TimelineEntry,
} from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

/** The case actions the API offers as explicit endpoints (DESIGN §5), and the timeline. */
const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

async function post<T>(url: string, body: unknown, method = 'POST'): Promise<T> {
  const { json } = await apiFetch(url, { method, body: JSON.stringify(body) });
  return json as T;
}

export const transitionCase = (id: string, input: CaseTransitionInput) =>
  post<CaseDetail>(casePath(id, '/transition'), input);

export const assignCase = (id: string, assigneeId: string | null) =>
  post<CaseDetail>(casePath(id, '/assign'), { assigneeId });

export const bulkAssignCases = (ids: string[], assigneeId: string | null) =>
  post<BulkAssignResult>('/api/cases/bulk-assign', { ids, assigneeId });

export const addCaseNote = (id: string, body: string) => post<CaseNoteDto>(casePath(id, '/notes'), { body });

export const editCaseNote = (id: string, noteId: string, body: string) =>
  post<CaseNoteDto>(casePath(id, `/notes/${encodeURIComponent(noteId)}`), { body }, 'PUT');

export async function fetchAssignees(): Promise<CaseAssigneeOption[]> {
  return (await apiFetch('/api/cases/assignees')).json as CaseAssigneeOption[];
}

export interface TimelinePage {
  entries: TimelineEntry[];
  total: number;
}

/** One page of `GET /api/cases/:id/timeline`, newest first. */
export async function fetchTimelinePage(id: string, offset: number, limit: number): Promise<TimelinePage> {
  const query = new URLSearchParams({ range: JSON.stringify([offset, offset + limit - 1]) });
  const { json, headers } = await apiFetch(`${casePath(id, '/timeline')}?${query}`);
  const entries = json as TimelineEntry[];
  const total = Number(headers.get('Content-Range')?.split('/').pop());
  return { entries, total: Number.isFinite(total) ? total : offset + entries.length };
}

/** The full message (reading it is audited); body fields are null for viewers. */
export async function fetchMessage(id: string): Promise<MessageDetail> {
  return (await apiFetch(`/api/messages/${encodeURIComponent(id)}`)).json as MessageDetail;
}

/** The sanitised HTML document of a message, only ever shown in a sandboxed frame. */
export async function fetchMessageHtml(id: string): Promise<string> {
  return (await apiFetch(`/api/messages/${encodeURIComponent(id)}/html`)).body;
}
