import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, ScheduledEmailDto } from '@campaign-desk/contracts';
import { OutboxReconciler } from '@campaign-desk/server-correspondence';
import {
  caseInProgress,
  consentingSupporter,
  makeDue,
  outboxRows,
  scheduleEmails,
  type OutboxRow,
} from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type SinkMessage, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What the mail server says decides what happens (DESIGN invariant 2): a 4xx is retried with
 * backoff and delivered once; a 5xx fails without a retry and shows on the case; a server that
 * hangs after taking the message leaves it `unknown`, never resent by itself; a response recorded
 * while a chase is on the wire waits for it, and no chase goes after the response is committed.
 */
describe('outbox faults: what the SMTP server answers', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({ SMTP_URL: sink.url, SEND_RETRY_BASE_SECONDS: '1', SMTP_TIMEOUT_MS: '2000' });
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  afterEach(() => sink.behave({}));

  const newCase = async () => caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
  const row = async (id: string) => (await outboxRows(env.databaseUrl, 'id = $1', [id]))[0];
  const settled = (id: string, timeoutMs = 30_000) =>
    eventually(async () => {
      const r = await row(id);
      return r.status === 'scheduled' || r.status === 'sending' ? undefined : r;
    }, timeoutMs);
  const reply = async (found: CaseDetail) =>
    (await caseworker.agent.post(`/api/cases/${found.id}/reply`).send({ body: 'Hello from the team' }).expect(201))
      .body as ScheduledEmailDto;

  it('retries a 451 with exponential backoff and delivers once', async () => {
    const tries: number[] = [];
    sink.behave({
      data: () => {
        tries.push(Date.now());
        return tries.length <= 2 ? 451 : 'accept';
      },
    });
    const email = await reply(await newCase());
    const done = await settled(email.id);
    expect(done).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
    // Base 1 s, doubling: the second try at least 1 s after the first, the third at least 2 s after the second.
    expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(950);
    expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(1950);
  });

  it('fails a 550 without retrying, and shows it on the case', async () => {
    let tries = 0;
    sink.behave({
      data: () => {
        tries++;
        return 550;
      },
    });
    const found = await newCase();
    const email = await reply(found);
    const done = await settled(email.id);
    expect(done).toMatchObject({ status: 'failed', attempts: 1 });
    expect(done.last_error).toMatch(/550/);
    await worker.get(OutboxReconciler).reconcile();
    await sleep(2_500);
    expect(tries).toBe(1);
    expect((await row(email.id)).status).toBe('failed');
    const listed = (
      await caseworker.agent
        .get('/api/scheduled-emails')
        .query({ filter: JSON.stringify({ caseId: found.id, status: 'failed' }) })
        .expect(200)
    ).body as ScheduledEmailDto[];
    expect(listed).toEqual([
      expect.objectContaining({ id: email.id, deliveryStatus: 'failed', lastError: expect.stringMatching(/550/) }),
    ]);
  });

  it('fails a recipient refused at RCPT (5xx) the same way, before any message was handed over', async () => {
    sink.behave({ rcpt: 550 });
    const email = await reply(await newCase());
    const done = await settled(email.id);
    expect(done).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(0);
  });

  it('marks a send unknown when the server hangs after DATA, and never resends it by itself', async () => {
    sink.behave({ data: 'keep-and-hang' });
    const email = await reply(await newCase());
    const done = await settled(email.id);
    expect(done.status).toBe('unknown');
    expect(done.delivery_started_at).not.toBeNull();
    expect(done.last_error).toMatch(/may have been delivered/);
    sink.behave({});
    await worker.get(OutboxReconciler).reconcile();
    await sleep(3_000);
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
    expect((await row(email.id)).status).toBe('unknown');

    // A person decides: send it again. Same Message-ID, so the recipient's client can spot the repeat.
    await caseworker.agent.post(`/api/scheduled-emails/${email.id}/send-now`).expect(200);
    expect((await settled(email.id)).status).toBe('sent');
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(2);
  });

  it('retries when the server cannot be reached at all (nothing was handed over)', async () => {
    sink.behave({ connect: 'hang' }, { drop: true });
    const email = await reply(await newCase());
    const first = await eventually(async () => {
      const r = await row(email.id);
      return r.status === 'scheduled' && r.attempts >= 1 ? r : undefined;
    });
    expect(first.delivery_started_at).toBeNull();
    expect(first.last_error).toBeTruthy();
    sink.behave({});
    expect((await settled(email.id)).status).toBe('sent');
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
  });

  describe('a response recorded while a chase is being sent', () => {
    let found: CaseDetail;
    let chases: OutboxRow[];

    beforeAll(async () => {
      found = await newCase();
      // Written yesterday, so both chases (21 and 35 days on) are still to come: only send-now sends one.
      const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
      await caseworker.agent
        .post(`/api/cases/${found.id}/mp-contacts`)
        .send({ channel: 'letter', direction: 'outbound', date: yesterday })
        .expect(201);
      chases = (await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).filter((r) => r.kind === 'mp_chase');
    });

    it('waits for the chase on the wire; once the response is committed no chase goes', async () => {
      let accepted = 0;
      let onWire: SinkMessage | null = null;
      sink.behave({
        data: async (message) => {
          onWire = message;
          await sleep(2_000);
          accepted = Date.now();
          return 'accept' as const;
        },
      });
      await caseworker.agent.post(`/api/scheduled-emails/${chases[0].id}/send-now`).expect(200);
      await eventually(async () => (onWire ? true : undefined));

      const res = await caseworker.agent
        .post(`/api/cases/${found.id}/mp-responses`)
        .send({ kind: 'substantive', receivedAt: new Date().toISOString() });
      const committed = Date.now();
      expect(res.status).toBe(201);
      expect(accepted).toBeGreaterThan(0);
      expect(committed).toBeGreaterThanOrEqual(accepted);

      // The later chase is cancelled with the reason; made due, it still does not go.
      const [second] = await outboxRows(env.databaseUrl, 'id = $1', [chases[1].id]);
      expect(second).toMatchObject({ status: 'cancelled', cancel_reason: 'mp_responded' });
      sink.behave({});
      await caseworker.agent.post(`/api/scheduled-emails/${chases[1].id}/send-now`).expect(409);
      await makeDue(env.databaseUrl, [chases[1].id]);
      await worker.get(OutboxReconciler).reconcile();
      await sleep(1_500);
      expect(sink.byMessageId(chases[1].rfc_message_id)).toHaveLength(0);
      expect(sink.byMessageId(chases[0].rfc_message_id)).toHaveLength(1);
      const detail = (await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail;
      expect(detail.status).toBe('mp_responded');
    });

    it('re-checks at send time: a chase still scheduled for a case that has its response is cancelled, not sent', async () => {
      const [late] = await scheduleEmails(api, [
        { caseId: found.id, supporterId: found.supporterId, kind: 'mp_chase', dueAt: new Date() },
      ]);
      const done = await settled(late.id);
      expect(done).toMatchObject({ status: 'cancelled', cancel_reason: 'mp_responded', attempts: 1 });
      expect(sink.byMessageId(done.rfc_message_id)).toHaveLength(0);
    });
  });
});
