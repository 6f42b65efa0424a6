/**
 * Every action the audit log records, as `<record>.<what happened>`. The audit service takes only these, so
 * the audit log page can offer them as a filter and a new action is declared here once.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'staff_user.created',
  'staff_user.created_by_cli',
  'staff_user.reset_by_cli',
  'staff_user.updated',
  'staff_user.deactivated',
  'supporter.list_read',
  'supporter.read',
  'supporter.created',
  'supporter.updated',
  'supporter.deleted',
  'supporter.merged_from',
  'supporter.merged_into',
  'supporter.erased',
  'supporter.subject_access_exported',
  'subject_access_request.created',
  'subject_access_request.updated',
  'case.created',
  'case.list_read',
  'case.read',
  'case.timeline_read',
  'case.updated',
  'case.assigned',
  'case.unassigned',
  'case.status_changed',
  'case.closed',
  'case.reopened',
  'case.note_added',
  'case.note_edited',
  'case.reply_queued',
  'case.email_previewed',
  'message.list_read',
  'message.read',
  'message.html_viewed',
  'message.attachment_downloaded',
  'message.raw_downloaded',
  'message.suggestions_viewed',
  'message.triaged',
  'message.bulk_spam',
  'triage_rule.created',
  'triage_rule.updated',
  'triage_rule.deleted',
  'template.updated',
  'chase_plan.updated',
  'chase_task.completed',
  'mp.address_failing',
  'mp.address_cleared',
  'checkin.answered',
  'scheduled_email.list_read',
  'scheduled_email.read',
  'scheduled_email.approved',
  'scheduled_email.cancelled',
  'scheduled_email.rescheduled',
  'scheduled_email.send_now',
  'letter.read',
  'letter.drafted',
  'letter.exported',
  'letter.sent',
  'mp_contact.list_read',
  'mp_contact.read',
  'mp_contact.recorded',
  'mp_response.recorded',
  'mp_action.list_read',
  'mp_action.read',
  'mp_action.recorded',
  'meeting.list_read',
  'meeting.read',
  'meeting.recorded',
  'meeting.updated',
  'meeting.held',
  'agreed_action.done',
  'report.exported',
  'audit.exported',
  'audit.read_alert',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Reads of health text or contact details (`*.read`, `*.list_read`, `*_viewed`, …): counted per account for the unusual-reading alert. */
export const AUDIT_READ_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((action) =>
  /[._](read|viewed|downloaded|previewed)$|^letter\.exported$/.test(action),
);

/** One row of `GET /api/audit-events` (admins). Details hold ids and field names only, never personal data. */
export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
