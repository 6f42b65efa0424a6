import type { MpContactChannel, MpResponseKind } from './enums';

/** MP engagement (issue 6: contacts and responses; issue 7 adds meetings, agreed actions and MP actions). */

/** `outbound`: the supporter or the charity got in touch with the MP; `inbound`: the MP's office got in touch. */
export const MP_CONTACT_DIRECTIONS = ['outbound', 'inbound'] as const;
export type MpContactDirection = (typeof MP_CONTACT_DIRECTIONS)[number];

/** Who made the contact. */
export const MP_CONTACT_BY = ['supporter', 'charity'] as const;
export type MpContactBy = (typeof MP_CONTACT_BY)[number];

/** `POST /api/cases/:id/mp-contacts`. An outbound contact moves the case to `awaiting_mp` and starts the chase plan. */
export interface CreateMpContactInput {
  channel: MpContactChannel;
  direction: MpContactDirection;
  /** ISO date (`2026-11-23`) or date-time; not in the future. */
  date: string;
  contactedBy?: MpContactBy;
  summary?: string | null;
}

export interface MpContactDto {
  id: string;
  caseId: string;
  mpId: number | null;
  channel: MpContactChannel;
  direction: MpContactDirection;
  contactedBy: MpContactBy;
  contactedAt: string;
  /** Null for viewers. */
  summary: string | null;
  recordedById: string | null;
  createdAt: string;
}

export const MP_CONTACT_SORT_FIELDS = ['contactedAt', 'createdAt'] as const;
export const MP_CONTACT_FILTER_FIELDS = ['caseId', 'mpId', 'channel', 'direction'] as const;

/** Where a recorded response came from: staff, or the supporter's answer to the check-in email. */
export const MP_RESPONSE_SOURCES = ['staff', 'supporter_checkin'] as const;
export type MpResponseSource = (typeof MP_RESPONSE_SOURCES)[number];

/** `POST /api/cases/:id/mp-responses`. Moves the case to `mp_responded` and cancels pending chases. */
export interface CreateMpResponseInput {
  kind: MpResponseKind;
  /** ISO date or date-time; not before the latest contact, not in the future. */
  receivedAt: string;
  summary?: string | null;
  /** The inbound message on this case that carried the response. */
  messageId?: string | null;
}

export interface MpResponseDto {
  id: string;
  caseId: string;
  mpContactId: string | null;
  mpId: number | null;
  kind: MpResponseKind;
  receivedAt: string;
  summary: string | null;
  messageId: string | null;
  source: MpResponseSource;
  recordedById: string | null;
  createdAt: string;
}
