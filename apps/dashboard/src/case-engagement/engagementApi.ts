import type {
  AgreedActionInput,
  CreateLetterDraftInput,
  CreateMeetingInput,
  CreateMpActionInput,
  CreateMpContactInput,
  CreateMpResponseInput,
  LetterDraftDto,
  MarkLetterSentInput,
  MeetingDto,
  MpActionDto,
  MpContactDto,
  MpResponseDto,
  RecordMeetingHeldInput,
  UpdateMeetingInput,
} from '@campaign-desk/contracts';
import { HttpError } from 'react-admin';
import { apiFetch } from '../providers/http';

const caseUrl = (caseId: string, action: string) => `/api/cases/${encodeURIComponent(caseId)}/${action}`;
const meetingUrl = (meetingId: string, action: string) => `/api/meetings/${encodeURIComponent(meetingId)}/${action}`;
const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

/** Where the browser downloads the case's newest letter: a PDF to print and sign, or text to paste into an email. */
export const letterDownloadUrl = (caseId: string, format: 'pdf' | 'txt') => caseUrl(caseId, `letter.${format}`);

/** `GET /api/cases/:id/letter`: the newest letter, or null when none was drafted yet. */
export async function fetchLatestLetter(caseId: string): Promise<LetterDraftDto | null> {
  try {
    return (await apiFetch(caseUrl(caseId, 'letter'))).json as LetterDraftDto;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

/** `POST /api/cases/:id/letter`: (re)drafts the letter; `warnings` says when the story reads like the sample. */
export const draftLetter = (caseId: string, input: CreateLetterDraftInput) =>
  post<LetterDraftDto>(caseUrl(caseId, 'letter'), input);

/** `POST /api/cases/:id/letter/sent`: records the MP contact, which starts the chase plan. */
export const markLetterSent = (caseId: string, input: MarkLetterSentInput) =>
  post<LetterDraftDto>(caseUrl(caseId, 'letter/sent'), input);

/** `POST /api/cases/:id/mp-contacts`: an outbound contact starts the chase plan. */
export const recordMpContact = (caseId: string, input: CreateMpContactInput) =>
  post<MpContactDto>(caseUrl(caseId, 'mp-contacts'), input);

/** `POST /api/cases/:id/mp-responses`: the case moves to `mp_responded` and pending chases are cancelled. */
export const recordMpResponse = (caseId: string, input: CreateMpResponseInput) =>
  post<MpResponseDto>(caseUrl(caseId, 'mp-responses'), input);

export const createMeeting = (input: CreateMeetingInput) => post<MeetingDto>('/api/meetings', input);

/** `PUT /api/meetings/:id` with only what changes: the checklist ticked off, or the meeting cancelled. */
export const updateMeeting = async (meetingId: string, change: UpdateMeetingInput) =>
  (await apiFetch(`/api/meetings/${encodeURIComponent(meetingId)}`, { method: 'PUT', body: JSON.stringify(change) }))
    .json as MeetingDto;

/** `POST /api/meetings/:id/held`: drafts the thank-you for the next working day and schedules the action chases. */
export const recordMeetingHeld = (meetingId: string, input: RecordMeetingHeldInput) =>
  post<MeetingDto>(meetingUrl(meetingId, 'held'), input);

/** Marks an agreed action done; its pending chase is cancelled. */
export const markAgreedActionDone = (meetingId: string, actionId: string) =>
  post<MeetingDto>(meetingUrl(meetingId, `actions/${encodeURIComponent(actionId)}/done`));

export const createMpAction = (input: CreateMpActionInput) => post<MpActionDto>('/api/mp-actions', input);

/** The agreed actions as the API takes them (a chase without a due date is left for the API to refuse, naming the field). */
export const agreedActionsPayload = (actions: AgreedActionInput[]): AgreedActionInput[] =>
  actions.map((a) => ({
    description: a.description.trim(),
    owner: a.owner,
    dueDate: a.dueDate || null,
    chase: !!a.chase,
  }));

/** An http(s) link, as the API requires for evidence (checked in the form too, before sending). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}
