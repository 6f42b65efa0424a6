import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ERASED_TEXT } from '@campaign-desk/contracts';

/** Correspondence's rows about one supporter: the outbox and check-in answers of them and their cases. */
@Injectable()
export class CorrespondenceDataSubjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Removes what the outbox holds about the person: subjects and bodies (a placeholder where the row
   * needs one), render context, recipient address, threading headers and errors. Kind, status, dates
   * and case stay: the reports count chases sent.
   */
  async erase(tx: EntityManager, supporterId: string, caseIds: string[]): Promise<number> {
    const result: unknown = await tx.query(
      `UPDATE scheduled_emails SET
              subject = CASE WHEN subject IS NULL THEN NULL ELSE $3 END,
              body = CASE WHEN body IS NULL THEN NULL ELSE $3 END,
              context = '{}'::jsonb, recipient_address = NULL, in_reply_to = NULL, "references" = '{}',
              last_error = NULL, updated_at = now()
       WHERE supporter_id = $1 OR case_id = ANY($2::uuid[])`,
      [supporterId, caseIds, ERASED_TEXT],
    );
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  async rowsOf(supporterId: string, caseIds: string[]) {
    const params = [supporterId, caseIds];
    const [scheduledEmails, checkinAnswers] = await Promise.all([
      this.dataSource.query(
        `SELECT id, case_id, kind, recipient_kind, status, due_at, subject, body, recipient_address::text AS recipient_address,
                sent_at, cancelled_at, cancel_reason, created_at
         FROM scheduled_emails WHERE supporter_id = $1 OR case_id = ANY($2::uuid[]) ORDER BY created_at`,
        params,
      ) as Promise<unknown[]>,
      this.dataSource.query(
        `SELECT id, case_id, answer, answered_at FROM checkin_answers WHERE case_id = ANY($1::uuid[]) ORDER BY answered_at`,
        [caseIds],
      ) as Promise<unknown[]>,
    ]);
    return { scheduledEmails, checkinAnswers };
  }
}
