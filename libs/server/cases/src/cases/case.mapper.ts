import {
  allowedTransitions,
  type CaseDetail,
  type CaseListItem,
  type CaseOutcome,
  type CaseStatus,
  type Nation,
  type Priority,
  type SupporterDto,
  type SupporterSummaryDto,
  type Topic,
} from '@campaign-desk/contracts';
import type { CaseEntity } from './case.entity';
import type { CaseListRow } from '../list/case-list.repository';

/** Resolves a GSS code to its name from the in-memory directory. */
export type ConstituencyNamer = (gss: string) => string | null;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** `showNames` false (viewers): no supporter name. */
export function listRowToItem(
  r: CaseListRow,
  now: Date,
  constituencyName: ConstituencyNamer,
  showNames: boolean,
): CaseListItem {
  return {
    id: r.id,
    reference: r.reference,
    supporterId: r.supporter_id,
    supporterName: showNames ? r.supporter_name : null,
    constituencyId: r.constituency_gss,
    constituencyName: r.constituency_gss ? constituencyName(r.constituency_gss) : null,
    nation: r.nation as Nation | null,
    region: r.region,
    mpId: r.mp_id,
    mpName: r.mp_name,
    party: r.party,
    topics: r.topics as Topic[],
    trust: r.trust,
    priority: r.priority as Priority,
    assigneeId: r.assignee_id,
    status: r.status as CaseStatus,
    heldFromStatus: r.held_from_status as CaseStatus | null,
    outcome: r.outcome as CaseOutcome | null,
    duplicateOfId: r.duplicate_of_id,
    firstResponseDueAt: iso(r.first_response_due_at),
    firstRespondedAt: iso(r.first_responded_at),
    nextUpdateDueAt: iso(r.next_update_due_at),
    slaDueAt: iso(r.sla_due_at),
    overdue: r.sla_due_at !== null && r.sla_due_at < now,
    statusChangedAt: r.status_changed_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    closedAt: iso(r.closed_at),
  };
}

export function entityToItem(
  c: CaseEntity,
  now: Date,
  constituencyName: ConstituencyNamer,
  showNames: boolean,
): CaseListItem {
  return listRowToItem(
    {
      id: c.id,
      reference: c.reference,
      supporter_id: c.supporterId,
      supporter_name: c.supporterName,
      constituency_gss: c.constituencyGss,
      nation: c.nation,
      region: c.region,
      mp_id: c.mpId,
      mp_name: c.mpName,
      party: c.party,
      topics: c.topics,
      trust: c.trust,
      priority: c.priority,
      assignee_id: c.assigneeId,
      status: c.status,
      held_from_status: c.heldFromStatus,
      outcome: c.outcome,
      duplicate_of_id: c.duplicateOfId,
      first_response_due_at: c.firstResponseDueAt,
      first_responded_at: c.firstRespondedAt,
      next_update_due_at: c.nextUpdateDueAt,
      sla_due_at: c.slaDueAt,
      status_changed_at: c.statusChangedAt,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      closed_at: c.closedAt,
      sort_key: '',
    },
    now,
    constituencyName,
    showNames,
  );
}

/** The case page. Viewers get no story and no supporter name (redacted here, on the server). */
export function toCaseDetail(
  c: CaseEntity,
  options: {
    now: Date;
    constituencyName: ConstituencyNamer;
    readHealthDetails: boolean;
    supporter: SupporterDto | SupporterSummaryDto | null;
    assigneeName: string | null;
  },
): CaseDetail {
  const { now } = options;
  const paused = c.status === 'closed' || c.status === 'on_hold';
  return {
    ...entityToItem(c, now, options.constituencyName, options.readHealthDetails),
    summary: options.readHealthDetails ? c.summary : null,
    supporter: options.supporter,
    assigneeName: options.assigneeName,
    firstResponseOverdue:
      !paused && c.firstRespondedAt === null && c.firstResponseDueAt !== null && c.firstResponseDueAt < now,
    nextUpdateOverdue: !paused && c.firstRespondedAt !== null && c.nextUpdateDueAt !== null && c.nextUpdateDueAt < now,
    allowedTransitions: allowedTransitions(c.status, c.heldFromStatus),
  };
}
