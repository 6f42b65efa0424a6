import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ERASED_TEXT } from '@campaign-desk/contracts';

const changed = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/** Engagement's rows about a supporter's cases: letters, meetings and their actions, MP contacts, responses and actions. */
@Injectable()
export class EngagementDataSubjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Removes the text (letters, meeting notes, places and attendees, agreed actions, summaries and evidence
   * links). The rows, kinds and dates stay: the reports count contacts, responses, meetings and actions.
   */
  async erase(tx: EntityManager, caseIds: string[]): Promise<Record<string, number>> {
    if (!caseIds.length) return {};
    const run = async (sql: string) =>
      changed(await tx.query(sql, sql.includes('$2') ? [caseIds, ERASED_TEXT] : [caseIds]));
    return {
      letters: await run(`UPDATE letters SET body = $2 WHERE case_id = ANY($1::uuid[])`),
      meetings: await run(
        `UPDATE meetings SET location = NULL, attendees = NULL, notes = NULL, updated_at = now()
         WHERE case_id = ANY($1::uuid[])`,
      ),
      agreedActions: await run(`UPDATE agreed_actions SET description = $2 WHERE case_id = ANY($1::uuid[])`),
      mpContacts: await run(`UPDATE mp_contacts SET summary = NULL WHERE case_id = ANY($1::uuid[])`),
      mpResponses: await run(`UPDATE mp_responses SET summary = NULL WHERE case_id = ANY($1::uuid[])`),
      mpActions: await run(`UPDATE mp_actions SET summary = NULL, evidence_url = NULL WHERE case_id = ANY($1::uuid[])`),
    };
  }

  async rowsOf(caseIds: string[]) {
    const q = (sql: string) => this.dataSource.query(sql, [caseIds]) as Promise<unknown[]>;
    const [letters, meetings, agreedActions, mpContacts, mpResponses, mpActions] = await Promise.all([
      q(`SELECT id, case_id, mp_id, asks, body, status, sent_channel, created_at, sent_at FROM letters
         WHERE case_id = ANY($1::uuid[]) ORDER BY created_at`),
      q(`SELECT id, case_id, mp_id, type, status, starts_at, location, attendees, checklist, notes, created_at
         FROM meetings WHERE case_id = ANY($1::uuid[]) ORDER BY starts_at`),
      q(`SELECT id, meeting_id, case_id, description, owner, due_date, done_at FROM agreed_actions
         WHERE case_id = ANY($1::uuid[]) ORDER BY meeting_id, position`),
      q(`SELECT id, case_id, mp_id, channel, direction, contacted_by, contacted_at, summary FROM mp_contacts
         WHERE case_id = ANY($1::uuid[]) ORDER BY contacted_at`),
      q(`SELECT id, case_id, mp_contact_id, kind, received_at, summary, source FROM mp_responses
         WHERE case_id = ANY($1::uuid[]) ORDER BY received_at`),
      q(`SELECT id, case_id, mp_id, type, action_date, evidence_url, summary FROM mp_actions
         WHERE case_id = ANY($1::uuid[]) ORDER BY action_date`),
    ]);
    return { letters, meetings, agreedActions, mpContacts, mpResponses, mpActions };
  }
}
