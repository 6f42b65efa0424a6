import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { SupportersService } from '@campaign-desk/server-supporters';
import type { Agent } from 'supertest';
import { withDb } from './test-database';

let counter = 0;

/** A supporter in Holborn and St Pancras (MP with an email) who consents to email and to sharing with the MP. */
export async function consentingSupporter(
  app: INestApplicationContext,
  over: { onHold?: boolean; consents?: Partial<Record<'contactByEmail' | 'shareWithMp', boolean>> } = {},
): Promise<SupporterDto> {
  counter++;
  return app.get(SupportersService).create(
    {
      name: `Ann Example ${counter}`,
      email: `ann.example.${counter}.${Date.now().toString(36)}@example.org`,
      postcode: 'WC1E 6BT',
      consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false, ...over.consents },
      createAnyway: true,
    },
    { id: null },
  );
}

/** A case moved on to `in_progress` (ready to contact the MP), through the API. */
export async function caseInProgress(agent: Agent, supporterId: string): Promise<CaseDetail> {
  const created = await agent
    .post('/api/cases')
    .send({ supporterId, topics: ['treatment_waiting_time'], priority: 'normal' })
    .expect(201);
  const id = (created.body as CaseDetail).id;
  for (const to of ['triaged', 'in_progress']) await agent.post(`/api/cases/${id}/transition`).send({ to }).expect(200);
  return (await agent.get(`/api/cases/${id}`).expect(200)).body as CaseDetail;
}

export interface OutboxRow {
  id: string;
  kind: string;
  status: string;
  due_at: Date;
  attempts: number;
  cancel_reason: string | null;
  last_error: string | null;
  rfc_message_id: string;
  delivery_started_at: Date | null;
  message_id: string | null;
}

export function outboxRows(databaseUrl: string, where = 'true', params: unknown[] = []): Promise<OutboxRow[]> {
  return withDb(
    databaseUrl,
    async (db) =>
      (await db.query(`SELECT * FROM scheduled_emails WHERE ${where} ORDER BY due_at, kind`, params))
        .rows as OutboxRow[],
  );
}

/** Makes rows due now (as if the days had passed), keeping everything else. */
export function makeDue(databaseUrl: string, ids: string[]): Promise<void> {
  return withDb(databaseUrl, async (db) => {
    await db.query(`UPDATE scheduled_emails SET due_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  });
}

export type { INestApplication };

/**
 * Writes outbox rows straight through OutboxService (as the chase plan would) and enqueues them:
 * the way the fault tests make thousands of emails without thousands of API calls.
 */
export async function scheduleEmails(
  app: INestApplicationContext,
  rows: {
    caseId: string;
    supporterId: string | null;
    kind: 'reply' | 'mp_chase' | 'supporter_checkin';
    dueAt: Date;
    mpContactId?: string | null;
  }[],
): Promise<{ id: string; dueAt: Date }[]> {
  const { DataSource } = await import('typeorm');
  const { OutboxService } = await import('@campaign-desk/server-correspondence');
  const outbox = app.get(OutboxService);
  // OutboxService.schedule enqueues the jobs once this transaction commits.
  return app.get(DataSource).transaction((tx) =>
    outbox.schedule(
      tx,
      rows.map((r) => ({
        ...r,
        ...(r.kind === 'reply' ? { subject: 'About your case', body: 'A message from the campaigns team.' } : {}),
      })),
    ),
  );
}

/** Every sent copy of each row's Message-ID at the sink. */
export function copiesAtSink(
  sink: { byMessageId(id: string): unknown[] },
  rows: { rfc_message_id: string }[],
): number[] {
  return rows.map((r) => sink.byMessageId(r.rfc_message_id).length);
}
