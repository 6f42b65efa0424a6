import type { MpActionType, Nation, Topic } from './enums';

/**
 * Reports (DESIGN §1.7, issue 7). Every figure is computed on the server; the dashboard only draws them.
 * Every report answers JSON, or CSV (same rows, same numbers) when asked with `Accept: text/csv` (or `?format=csv`,
 * for a plain download link). Each CSV export is audited.
 */

/** `groupBy` of the MP engagement report. `month` keys are `YYYY-MM`. */
export const REPORT_GROUP_BY = ['mp', 'party', 'nation', 'region', 'month'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BY)[number];

/** A response counts towards the response rate when it arrives within this many days of the contact. */
export const RESPONSE_WINDOW_DAYS = 28;
/** Under this many contacts a group is shown as too few to rank. */
export const MIN_CONTACTS_TO_RANK = 10;
/** The longest range a report accepts, in days (about five years). */
export const MAX_REPORT_RANGE_DAYS = 1830;
/** Key (and label) of a group whose value is not known, e.g. contacts with no MP on record. */
export const UNKNOWN_GROUP_KEY = 'unknown';

/**
 * Query of the dated reports. `from` and `to` are ISO dates (`2026-01-01`), both required and inclusive,
 * `from <= to`, at most MAX_REPORT_RANGE_DAYS apart; otherwise 400 naming the field.
 */
export interface ReportRangeQuery {
  from: string;
  to: string;
}

/** `GET /api/reports/mp-engagement?from=&to=&groupBy=`. `groupBy` defaults to `mp`. */
export interface MpEngagementQuery extends ReportRangeQuery {
  groupBy?: ReportGroupBy;
}

/**
 * One group of the MP engagement report. Each activity is dated by its own date and attributed to the MP it
 * was with: contacts (outbound, by the supporter or the charity) by contact date, chases by sent date,
 * meetings (not cancelled) by start, actions by action date. Responses belong to the contact they answer.
 */
export interface MpEngagementRow {
  /** MP id, party, nation, region, or `YYYY-MM`; UNKNOWN_GROUP_KEY when not on record. */
  key: string;
  /** What to show: the MP's name, the party, nation or region, or the month. */
  label: string;
  /** Distinct cases with an outbound contact in the range. */
  cases: number;
  /** Distinct MPs contacted in the range. */
  mpsContacted: number;
  /** Outbound contacts in the range. */
  contacts: number;
  /** Contacts answered (any kind) within RESPONSE_WINDOW_DAYS. */
  responses: number;
  /** responses / contacts; null with no contacts. */
  responseRate: number | null;
  /** 95% Wilson score interval of the response rate; null with no contacts. */
  responseRateLow: number | null;
  responseRateHigh: number | null;
  /** contacts < MIN_CONTACTS_TO_RANK. */
  tooFewToRank: boolean;
  /** Median whole days from contact to its first response (of any kind, however late); null when none. */
  medianDaysToFirstResponse: number | null;
  /** Median whole days from contact to its first substantive response; null when none. */
  medianDaysToSubstantive: number | null;
  /** Chases to the MP's office (`mp_chase` emails) actually sent. */
  chasesSent: number;
  /** Meetings and surgeries held or upcoming (not cancelled). */
  meetings: number;
  /** MP actions by type (every type present, zero when none). */
  actionsByType: Record<MpActionType, number>;
}

export interface MpEngagementReport {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  /** mp: most contacts first; party, nation, region: by name; month: oldest first. */
  rows: MpEngagementRow[];
  /** Every group together (key and label `total`). */
  total: MpEngagementRow;
  /**
   * Responses to the range's contacts whose date is only the time a supporter clicked "yes" on a check-in
   * (`receivedAtSource` `click_approximate`, from before the check-in asked for the date): the response figures
   * count them as received then. In the CSV, the `approximateReplyDates` column of the total row.
   */
  approximateReplyDates: number;
}

/** Columns of the MP engagement CSV, in order (actions expand to one `actions_<type>` column per type). */
export const MP_ENGAGEMENT_CSV_COLUMNS = [
  'key',
  'label',
  'cases',
  'mpsContacted',
  'contacts',
  'responses',
  'responseRate',
  'responseRateLow',
  'responseRateHigh',
  'tooFewToRank',
  'medianDaysToFirstResponse',
  'medianDaysToSubstantive',
  'chasesSent',
  'meetings',
] as const;

/** `GET /api/reports/workload`: one row per active caseworker or admin with cases, plus unassigned. */
export interface WorkloadRow {
  /** Null for the unassigned row. */
  assigneeId: string | null;
  name: string;
  /** Cases not closed. */
  open: number;
  /** Open cases past their SLA due time. */
  overdue: number;
  /** Cases closed since the start of this month (Europe/London). */
  closedThisMonth: number;
}

export interface WorkloadReport {
  rows: WorkloadRow[];
  total: Omit<WorkloadRow, 'assigneeId' | 'name'>;
}

/** `GET /api/reports/topics-by-nation?from=&to=`: cases created in the range, by topic and nation. */
export interface TopicsByNationRow {
  topic: Topic;
  /** Cases per nation; a case with several topics counts once under each. */
  byNation: Record<Nation, number>;
  /** Cases with no nation on record. */
  unknownNation: number;
  total: number;
}

export interface TopicsByNationReport {
  from: string;
  to: string;
  rows: TopicsByNationRow[];
}

/** The response rate over the last 90 days of contacts (home widget). */
export interface ResponseRateSummary {
  rate: number | null;
  low: number | null;
  high: number | null;
  contacts: number;
}

/** `GET /api/reports/summary`: the home page widgets. */
export interface HomeSummary {
  /** Cases created today (Europe/London). */
  newRequestsToday: number;
  /** Open cases with no assignee. */
  unassigned: number;
  /** Open cases past their SLA due time. */
  overdue: number;
  /** Cases in `awaiting_mp` for more than 21 days. */
  awaitingMpOver21Days: number;
  /** Chases (MP and action chases) still to send and due before this week ends (Sunday night, Europe/London), overdue ones included. */
  chasesDueThisWeek: number;
  /** Contacts made in the 90 days ending 28 days ago (so each has had its full response window). */
  responseRateLast90Days: ResponseRateSummary;
}

/**
 * Charts on the Reports page, all views of the MP engagement report (no extra endpoints):
 * - response rate by party with interval bars: `groupBy=party` (responseRate, responseRateLow/High);
 * - median days to response by region: `groupBy=region` (medianDaysToFirstResponse);
 * - actions by type per month: `groupBy=month` (actionsByType);
 * - cases by topic and nation: `GET /api/reports/topics-by-nation`.
 */
export const REPORT_CSV_MEDIA_TYPE = 'text/csv';
