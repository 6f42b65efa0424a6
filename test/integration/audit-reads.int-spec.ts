import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Test as Request } from 'supertest';
import { type SeededContactDetails, seedContactDetails, startParser } from '../support/contact-details';
import { importDirectory } from '../support/directory';
import { INBOUND_TOKEN } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

type Signed = Awaited<ReturnType<typeof signedInAgent>>;

interface AuditRow {
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: { ids?: string[]; redacted?: boolean };
}

/**
 * Every read of health text or contact details is audited, lists included (DESIGN §10.5, issue 12):
 * each endpoint below leaves exactly one audit event (one insert per request), naming the record
 * read or every id the list returned, whoever reads it.
 */
describe('audit: one event per read of personal or health data, naming the ids', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let parser: INestApplicationContext;
  let caseworker: Signed;
  let viewer: Signed;
  let seeded: SeededContactDetails;
  let ids: Record<'meeting' | 'mpContact' | 'mpAction' | 'scheduledEmail', string>;

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    parser = await startParser();
    await importDirectory(app);
    caseworker = await signedInAgent(app, 'caseworker');
    viewer = await signedInAgent(app, 'viewer');
    seeded = await seedContactDetails(app, caseworker.agent, parser);
    const first = async (path: string) =>
      (
        (
          await caseworker.agent
            .get(path)
            .query({ filter: JSON.stringify({ caseId: seeded.found.id }) })
            .expect(200)
        ).body[0] as { id: string }
      ).id;
    ids = {
      meeting: await first('/api/meetings'),
      mpContact: await first('/api/mp-contacts'),
      mpAction: await first('/api/mp-actions'),
      scheduledEmail: await first('/api/scheduled-emails'),
    };
  }, 120_000);
  afterAll(async () => {
    await parser?.close();
    await app?.close();
  });

  const eventsOf = (actorId: string, afterId: string) =>
    withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query<AuditRow>(
        `SELECT action, entity_type, entity_id, details FROM audit_events WHERE actor_id = $1 AND id > $2 ORDER BY id`,
        [actorId, afterId],
      );
      return rows;
    });
  const lastId = () =>
    withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_events`)).rows[0].id as string,
    );

  /** Sends the request and answers its body and the one audit event it left (failing if it left none or several). */
  async function auditedBy(who: Signed, send: (agent: Signed['agent']) => Request) {
    const before = await lastId();
    const res = await send(who.agent);
    expect(res.status).toBeLessThan(300);
    const events = await eventsOf(who.user.id, before);
    expect(events).toHaveLength(1);
    return { body: res.body, event: events[0] };
  }
  const idsOf = (body: { id: string }[]) => body.map((r) => r.id);

  describe.each([
    ['a caseworker', () => caseworker, false],
    ['a viewer', () => viewer, true],
  ] as const)('read by %s', (_, who, redacted) => {
    it.each([
      ['/api/supporters', 'supporter.list_read', 'supporter'],
      ['/api/cases', 'case.list_read', 'case'],
      ['/api/messages', 'message.list_read', 'message'],
      ['/api/meetings', 'meeting.list_read', 'meeting'],
      ['/api/mp-contacts', 'mp_contact.list_read', 'mp_contact'],
      ['/api/mp-actions', 'mp_action.list_read', 'mp_action'],
      ['/api/scheduled-emails', 'scheduled_email.list_read', 'scheduled_email'],
    ])('GET %s: one %s event naming every id returned', async (path, action, entityType) => {
      const { body, event } = await auditedBy(who(), (agent) => agent.get(path).query({ range: '[0,99]' }));
      expect(body.length).toBeGreaterThan(0);
      expect(event).toMatchObject({ action, entity_type: entityType, entity_id: null });
      expect(event.details).toMatchObject({ ids: idsOf(body), redacted });
    });

    it('GET one supporter, case, message, meeting, MP contact, MP action, scheduled email, letter: one event each', async () => {
      const { found, supporter, messageIds } = seeded;
      const reads: [string, string, string, string][] = [
        [`/api/supporters/${supporter.id}`, 'supporter.read', 'supporter', supporter.id],
        [`/api/cases/${found.id}`, 'case.read', 'case', found.id],
        [`/api/messages/${messageIds.inCase}`, 'message.read', 'message', messageIds.inCase],
        [`/api/meetings/${ids.meeting}`, 'meeting.read', 'meeting', ids.meeting],
        [`/api/mp-contacts/${ids.mpContact}`, 'mp_contact.read', 'mp_contact', ids.mpContact],
        [`/api/mp-actions/${ids.mpAction}`, 'mp_action.read', 'mp_action', ids.mpAction],
        [`/api/scheduled-emails/${ids.scheduledEmail}`, 'scheduled_email.read', 'scheduled_email', ids.scheduledEmail],
        [`/api/cases/${found.id}/letter`, 'letter.read', 'case', found.id],
      ];
      for (const [path, action, entityType, id] of reads) {
        const { event } = await auditedBy(who(), (agent) => agent.get(path));
        expect({ path, ...event, details: { redacted: event.details.redacted } }).toEqual({
          path,
          action,
          entity_type: entityType,
          entity_id: id,
          details: { redacted },
        });
      }
    });

    it('GET the case timeline: one event naming every entry returned', async () => {
      const { body, event } = await auditedBy(who(), (agent) => agent.get(`/api/cases/${seeded.found.id}/timeline`));
      expect(body.length).toBeGreaterThan(3);
      expect(event).toMatchObject({ action: 'case.timeline_read', entity_id: seeded.found.id });
      expect(event.details.ids).toEqual(idsOf(body));
    });
  });

  it('an email preview from the case: one event', async () => {
    const { event } = await auditedBy(caseworker, (agent) =>
      agent.post(`/api/cases/${seeded.found.id}/email-preview`).send({ kind: 'reply', templateKey: 'reply' }),
    );
    expect(event).toMatchObject({ action: 'case.email_previewed', entity_type: 'case', entity_id: seeded.found.id });
  });

  it('a list page names only the ids it returned', async () => {
    const { body, event } = await auditedBy(caseworker, (agent) =>
      agent.get('/api/messages').query({ range: '[0,0]', sort: '["receivedAt","DESC"]' }),
    );
    expect(body).toHaveLength(1);
    expect(event.details.ids).toEqual([body[0].id]);
  });

  it('records nothing for a record that does not exist', async () => {
    const before = await lastId();
    await caseworker.agent.get('/api/meetings/00000000-0000-4000-8000-000000000000').expect(404);
    await caseworker.agent.get('/api/supporters/00000000-0000-4000-8000-000000000000').expect(404);
    expect(await eventsOf(caseworker.user.id, before)).toEqual([]);
  });
});
