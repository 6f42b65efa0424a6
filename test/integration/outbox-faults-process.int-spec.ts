import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseDetail, ScheduledEmailDto } from '@campaign-desk/contracts';
import { caseInProgress, consentingSupporter, copiesAtSink, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { freePort, spawnApi, spawnWorker, type AppProcess } from '../support/processes';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { createStaff, prepareTestEnv, signedInAgent, startApi, uniqueAddress, type TestEnv } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Workers die at the worst moments (DESIGN invariant 2). These tests run the built worker and API
 * (`npm run build:server`) as child processes, so a SIGKILL is a real one: no shutdown hooks, the
 * kernel closes the SMTP socket, Postgres ends the session and its locks.
 */
describe('outbox faults: killed workers and many processes', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  const running: AppProcess[] = [];

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({ SMTP_URL: sink.url, SEND_RETRY_BASE_SECONDS: '1', SMTP_TIMEOUT_MS: '20000' });
    api = await startApi();
    await importDirectory(api);
    caseworker = await signedInAgent(api, 'caseworker');
  }, 120_000);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.kill()));
    sink.behave({}, { drop: true });
  });

  afterAll(async () => {
    await api?.close();
    await sink?.close();
  });

  const worker = async () => {
    const started = await spawnWorker();
    running.push(started);
    return started;
  };
  const row = async (id: string) => (await outboxRows(env.databaseUrl, 'id = $1', [id]))[0];
  const newReply = async () => {
    const found = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
    return (await caseworker.agent.post(`/api/cases/${found.id}/reply`).send({ body: 'Killed mid-send?' }).expect(201))
      .body as ScheduledEmailDto;
  };

  it('SIGKILL after the server accepted DATA: exactly one copy, and the row ends unknown for a person', async () => {
    sink.behave({ data: 'keep-and-hang' });
    const first = await worker();
    const email = await newReply();
    await eventually(async () => (sink.byMessageId(email.rfcMessageId).length ? true : undefined));
    await first.kill();
    expect(await row(email.id)).toMatchObject({ status: 'sending', delivery_started_at: expect.any(Date) });

    sink.behave({});
    await worker(); // its start-up reconcile settles the orphan
    const settled = await eventually(async () => {
      const r = await row(email.id);
      return r.status === 'sending' ? undefined : r;
    });
    expect(settled.status).toBe('unknown');
    expect(settled.last_error).toMatch(/may have been delivered/);
    await sleep(3_000);
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
  });

  it('SIGKILL the moment the server answers 250: one copy, recorded as sent or unknown, never sent again', async () => {
    let victim: AppProcess | null = null;
    sink.behave({
      data: () => {
        void victim?.kill();
        return 'accept';
      },
    });
    victim = await worker();
    const email = await newReply();
    await eventually(async () => (sink.byMessageId(email.rfcMessageId).length ? true : undefined));
    await victim.kill();
    sink.behave({});
    await worker();
    const settled = await eventually(async () => {
      const r = await row(email.id);
      return r.status === 'sending' ? undefined : r;
    });
    expect(['sent', 'unknown']).toContain(settled.status);
    await sleep(3_000);
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
  });

  it('SIGKILL before DATA (the server never greeted): sent once after restart', async () => {
    sink.behave({ connect: 'hang' });
    const before = sink.connections;
    const first = await worker();
    const email = await newReply();
    await eventually(async () =>
      (await row(email.id)).status === 'sending' && sink.connections > before ? true : undefined,
    );
    await first.kill();
    expect(await row(email.id)).toMatchObject({ status: 'sending', delivery_started_at: null });

    sink.behave({});
    await worker();
    // The dead worker's job comes back when its lock lapses (BullMQ's stalled-job check); the row says it may go.
    const sent = await eventually(async () => {
      const r = await row(email.id);
      return r.status === 'sent' ? r : undefined;
    }, 60_000);
    expect(sent.attempts).toBe(2);
    await sleep(2_000);
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(1);
  });

  it('SIGKILL during the envelope, after the message was handed to nodemailer: unknown, not resent (the conservative side)', async () => {
    sink.behave({ rcpt: 'hang' });
    const first = await worker();
    const email = await newReply();
    await eventually(async () => ((await row(email.id)).delivery_started_at ? true : undefined));
    await first.kill();
    sink.behave({});
    await worker();
    const settled = await eventually(async () => {
      const r = await row(email.id);
      return r.status === 'sending' ? undefined : r;
    });
    expect(settled.status).toBe('unknown');
    await sleep(2_000);
    expect(sink.byMessageId(email.rfcMessageId)).toHaveLength(0);
  });

  it('two API and two worker processes at once: every email exactly once', async () => {
    const ports = [await freePort(), await freePort()];
    const apis = await Promise.all(ports.map((port) => spawnApi(port)));
    running.push(...apis);
    await Promise.all([worker(), worker()]);
    const staff = await createStaff(api, 'caseworker');
    const agents = await Promise.all(
      ports.map(async (port) => {
        const agent = request.agent(`http://127.0.0.1:${port}`);
        await agent
          .post('/api/auth/login')
          .set('X-Forwarded-For', uniqueAddress())
          .send({ email: staff.email, password: staff.password })
          .expect(200);
        return agent;
      }),
    );
    const cases: CaseDetail[] = [];
    for (let i = 0; i < 8; i++) cases.push(await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id));

    // Replies through both APIs at once, and an MP contact per case whose check-ins everyone presses "send now" on.
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        agents[i % 2]
          .post(`/api/cases/${cases[i % cases.length].id}/reply`)
          .send({ body: `Reply ${i}` })
          .expect(201),
      ),
    );
    await Promise.all(
      cases.map((c, i) =>
        agents[i % 2]
          .post(`/api/cases/${c.id}/mp-contacts`)
          .send({ channel: 'letter', direction: 'outbound', date: new Date().toISOString() })
          .expect(201),
      ),
    );
    const checkins = await outboxRows(env.databaseUrl, `kind = 'supporter_checkin' AND case_id = ANY($1::uuid[])`, [
      cases.map((c) => c.id),
    ]);
    const presses = await Promise.all(
      checkins.flatMap((c) => agents.map((agent) => agent.post(`/api/scheduled-emails/${c.id}/send-now`))),
    );
    expect(presses.every((p) => p.status === 200 || p.status === 409)).toBe(true);

    const ids = [...replies.map((r) => (r.body as ScheduledEmailDto).id), ...checkins.map((c) => c.id)];
    const rows = await eventually(async () => {
      const current = await outboxRows(env.databaseUrl, 'id = ANY($1::uuid[])', [ids]);
      return current.every((r) => r.status === 'sent') ? current : undefined;
    }, 60_000);
    await sleep(2_000);
    expect(copiesAtSink(sink, rows)).toEqual(rows.map(() => 1));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });
});
