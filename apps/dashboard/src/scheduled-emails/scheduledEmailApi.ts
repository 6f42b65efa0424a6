import type { ScheduledEmailDto, ScheduledEmailStatus } from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

const base = (id: string) => `/api/scheduled-emails/${encodeURIComponent(id)}`;

/** `POST /api/scheduled-emails/:id/approve`: a draft (the meeting thank-you) is due now. */
export async function approveScheduledEmail(id: string): Promise<ScheduledEmailDto> {
  return (await apiFetch(`${base(id)}/approve`, { method: 'POST' })).json as ScheduledEmailDto;
}

/** `POST /api/scheduled-emails/:id/cancel`: never sent after this answers. */
export async function cancelScheduledEmail(id: string): Promise<ScheduledEmailDto> {
  return (await apiFetch(`${base(id)}/cancel`, { method: 'POST' })).json as ScheduledEmailDto;
}

/** `POST /api/scheduled-emails/:id/send-now`: due now (an `unknown` one goes again with the same Message-ID). */
export async function sendScheduledEmailNow(id: string): Promise<ScheduledEmailDto> {
  return (await apiFetch(`${base(id)}/send-now`, { method: 'POST' })).json as ScheduledEmailDto;
}

/** `PUT /api/scheduled-emails/:id {dueAt}`: not into the past. */
export async function rescheduleEmail(id: string, dueAt: string): Promise<ScheduledEmailDto> {
  return (await apiFetch(base(id), { method: 'PUT', body: JSON.stringify({ dueAt }) })).json as ScheduledEmailDto;
}

/** Which actions the API allows from each status (ScheduledEmailsService). */
export const CAN_APPROVE: readonly ScheduledEmailStatus[] = ['draft'];
export const CAN_CANCEL: readonly ScheduledEmailStatus[] = ['draft', 'scheduled', 'unknown', 'failed'];
export const CAN_SEND_NOW: readonly ScheduledEmailStatus[] = ['scheduled', 'unknown', 'failed'];
export const CAN_RESCHEDULE: readonly ScheduledEmailStatus[] = ['scheduled', 'unknown'];
