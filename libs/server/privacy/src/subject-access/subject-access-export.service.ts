import { Injectable } from '@nestjs/common';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Actor } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { CaseDataSubjectService } from '@campaign-desk/server-cases';
import { CorrespondenceDataSubjectService } from '@campaign-desk/server-correspondence';
import { EngagementDataSubjectService } from '@campaign-desk/server-engagement';
import { IntakeDataSubjectService } from '@campaign-desk/server-intake';
import { ConsentHistoryService, SupporterDataSubjectService } from '@campaign-desk/server-supporters';
import { summaryPdf, type PdfSection } from './subject-access-pdf';
import { SubjectAccessRepository } from './subject-access.repository';

const json = (value: unknown) =>
  strToU8(JSON.stringify(value, (_, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? undefined : v), 2));
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'file';
const day = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 16).replace('T', ' ') : String(value ?? '');

/**
 * Everything held about one supporter (DESIGN §10.5), as a ZIP: a JSON file per kind of record (the rows as
 * stored), their attachments and raw emails as files, the audit events of everyone who read or changed their
 * records, and a readable PDF summary. Every export is audited.
 */
@Injectable()
export class SubjectAccessExportService {
  constructor(
    private readonly supporters: SupporterDataSubjectService,
    private readonly cases: CaseDataSubjectService,
    private readonly intake: IntakeDataSubjectService,
    private readonly correspondence: CorrespondenceDataSubjectService,
    private readonly engagement: EngagementDataSubjectService,
    private readonly audit: AuditService,
    private readonly staff: StaffUsersService,
    private readonly requests: SubjectAccessRepository,
    private readonly consentHistory: ConsentHistoryService,
  ) {}

  async export(supporterId: string, actor: Actor): Promise<{ filename: string; content: Buffer }> {
    const person = await this.supporters.personalDataUnaudited(supporterId); // 404 for an unknown id
    const supporter = await this.supporters.recordUnaudited(supporterId);
    const caseIds = await this.cases.caseIdsOfSupporter(supporterId);
    const messagesOf = await this.intake.messagesOfSupporter(supporterId, caseIds, [person.email]);
    const messageIds = messagesOf.map((m) => m.id);
    const [cases, intake, correspondence, engagement, events, requests] = await Promise.all([
      this.cases.exportUnaudited(caseIds),
      this.intake.exportUnaudited(messageIds, [person.email]),
      this.correspondence.exportUnaudited(supporterId, caseIds),
      this.engagement.exportUnaudited(caseIds),
      this.audit.eventsAboutUnaudited([supporterId, ...caseIds, ...messageIds]),
      this.requests.list(
        { supporterIds: [supporterId] },
        { sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 500 },
      ),
    ]);
    const staffNames = await this.staffNames(events.map((e) => e.actorId));
    const accessLog = events.map((e) => ({ ...e, actorName: e.actorId ? (staffNames.get(e.actorId) ?? null) : null }));
    const consents = {
      contactByEmail: { value: supporter.consentContactByEmail, at: supporter.consentContactByEmailAt },
      shareWithMp: { value: supporter.consentShareWithMp, at: supporter.consentShareWithMpAt },
      shareWithTrust: { value: supporter.consentShareWithTrust, at: supporter.consentShareWithTrustAt },
      media: { value: supporter.consentMedia, at: supporter.consentMediaAt },
    };

    const files: Zippable = {
      'supporter.json': json(supporter),
      'consents.json': json({ current: consents, history: await this.consentHistory.historyOf(supporterId) }),
      'cases.json': json(cases.cases),
      'case-notes.json': json(cases.notes),
      'case-status-changes.json': json(cases.statusChanges),
      'messages.json': json(intake.messages),
      'attachments.json': json(intake.attachments.map(({ content: _content, ...rest }) => rest)),
      'letters.json': json(engagement.letters),
      'meetings.json': json({ meetings: engagement.meetings, agreedActions: engagement.agreedActions }),
      'mp-records.json': json({
        contacts: engagement.mpContacts,
        responses: engagement.mpResponses,
        actions: engagement.mpActions,
      }),
      'scheduled-emails.json': json(correspondence.scheduledEmails),
      'checkin-answers.json': json(correspondence.checkinAnswers),
      'subject-access-requests.json': json(requests[0]),
      'access-log.json': json(accessLog),
    };
    for (const a of intake.attachments)
      files[`attachments/${a.message_id}-${a.n}-${safeName(a.filename ?? 'attachment')}`] = new Uint8Array(a.content);
    for (const r of intake.raw) files[`emails/${r.id}.eml`] = new Uint8Array(r.raw);
    files['summary.pdf'] = await summaryPdf(
      `Everything Campaign Desk holds about ${person.name}`,
      `Exported ${new Date().toISOString().slice(0, 10)}. The JSON files in this archive hold every record in full; this summary lists them.`,
      this.sections(person, consents, cases, intake.messages, engagement, accessLog),
    );

    const content = Buffer.from(zipSync(files, { level: 6 }));
    await this.audit.record({
      actorId: actor.id,
      ip: actor.ip,
      action: 'supporter.subject_access_exported',
      entityType: 'supporter',
      entityId: supporterId,
      details: { cases: caseIds.length, messages: messageIds.length, files: Object.keys(files).length },
    });
    return { filename: `subject-access-${supporterId}.zip`, content };
  }

  private async staffNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids.filter((v): v is string => !!v))) {
      const user = await this.staff.get(id).catch(() => null);
      if (user) names.set(id, `${user.name} (${user.email})`);
    }
    return names;
  }

  private sections(
    person: Awaited<ReturnType<SupporterDataSubjectService['personalDataUnaudited']>>,
    consents: Record<string, { value: unknown; at: unknown }>,
    cases: Awaited<ReturnType<CaseDataSubjectService['exportUnaudited']>>,
    messages: Record<string, unknown>[],
    engagement: Awaited<ReturnType<EngagementDataSubjectService['exportUnaudited']>>,
    accessLog: { at: string; action: string; actorName: string | null; entityType: string | null }[],
  ): PdfSection[] {
    const rows = <T>(list: unknown[]) => list as T[];
    return [
      {
        heading: 'Your details',
        lines: [
          `Name: ${person.name}`,
          `Email: ${person.email}`,
          `Phone: ${person.phone ?? '—'}`,
          `Address: ${person.address ?? '—'}`,
          `Postcode: ${person.postcode ?? '—'}`,
        ],
      },
      {
        heading: 'Consents',
        lines: Object.entries(consents).map(
          ([k, c]) => `${k}: ${c.value ? 'yes' : 'no'} (recorded ${day(c.at) || '—'})`,
        ),
      },
      {
        heading: `Cases (${cases.cases.length})`,
        lines: rows<{ reference: string; status: string; created_at: Date; summary: string | null }>(cases.cases).map(
          (c) => `${c.reference}, opened ${day(c.created_at)}, ${c.status}${c.summary ? `: ${c.summary}` : ''}`,
        ),
      },
      {
        heading: `Emails (${messages.length})`,
        lines: messages.map(
          (m) => `${day(m.received_at)} ${m.direction === 'in' ? 'from' : 'to'} you: ${String(m.subject ?? '')}`,
        ),
      },
      {
        heading: `Notes, letters and meetings`,
        lines: [
          `${cases.notes.length} note(s), ${engagement.letters.length} letter(s), ${engagement.meetings.length} meeting(s),`,
          `${engagement.mpContacts.length} contact(s) with your MP, ${engagement.mpResponses.length} response(s).`,
        ],
      },
      {
        heading: `Who read or changed your records (${accessLog.length})`,
        lines: accessLog.map(
          (e) => `${e.at.slice(0, 16).replace('T', ' ')} ${e.actorName ?? 'the system'}: ${e.action}`,
        ),
      },
    ];
  }
}
