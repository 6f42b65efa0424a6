import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import IORedis from 'ioredis';
import type { CaseDetail } from '@campaign-desk/contracts';
import { OutboxReconciler } from '@campaign-desk/server-correspondence';
import {
  caseInProgress,
  consentingSupporter,
  copiesAtSink,
  outboxRows,
  scheduleEmails,
} from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { REDIS_URL } from '../support/test-env';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Redis keeps nothing on disk (DESIGN invariant 3): it may lose every job. This is FLUSHALL for
 * this deployment: every key under the test's queue prefix is deleted (a literal FLUSHALL would
 * also wipe the other test files running beside this one). Postgres holds the outbox, and the
 * reconciler rebuilds the jobs: nothing is lost and nothing goes twice.
 */
describe('outbox faults: Redis forgets everything', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | null = null;
  let redis: IORedis;
  let cases: CaseDetail[];

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({
      SMTP_URL: sink.url,
      SEND_RATE_PER_MINUTE: '600000',
      SEND_CONCURRENCY: '12',
      DATABASE_POOL_SIZE: '30',
    });
    api = await startApi();
    await importDirectory(api);
    const caseworker = await signedInAgent(api, 'caseworker');
    cases = [];
    for (let i = 0; i < 20; i++)
      cases.push(await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id));
    redis = new IORedis(REDIS_URL);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    redis?.disconnect();
  });

  async function flushQueues(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  const replies = (count: number, dueAt: Date) =>
    scheduleEmails(
      api,
      Array.from({ length: count }, (_, i) => ({
        caseId: cases[i % cases.length].id,
        supporterId: cases[i % cases.length].supporterId,
        kind: 'reply' as const,
        dueAt,
      })),
    );

  const allSent = async (ids: string[], timeoutMs = 120_000) =>
    eventually(
      async () => {
        const rows = await outboxRows(env.databaseUrl, 'id = ANY($1::uuid[])', [ids]);
        return rows.every((r) => r.status === 'sent') ? rows : undefined;
      },
      timeoutMs,
      500,
    );

  it('loses no email when the jobs of thousands of scheduled emails vanish', async () => {
    worker = await startWorker();
    const scheduled = await replies(3_000, new Date(Date.now() + 4_000));
    expect(await flushQueues()).toBeGreaterThan(0);
    await sleep(6_000);
    const waiting = await outboxRows(env.databaseUrl, 'id = ANY($1::uuid[])', [scheduled.map((s) => s.id)]);
    expect(waiting.every((r) => r.status === 'scheduled')).toBe(true);
    expect(copiesAtSink(sink, waiting).every((n) => n === 0)).toBe(true);

    const report = await worker.get(OutboxReconciler).reconcile();
    expect(report.requeued).toBe(3_000);
    const rows = await allSent(scheduled.map((s) => s.id));
    expect(copiesAtSink(sink, rows)).toEqual(rows.map(() => 1));
  }, 180_000);

  it('loses and repeats nothing when Redis is flushed in the middle of sending', async () => {
    const scheduled = await replies(2_000, new Date());
    const ids = scheduled.map((s) => s.id);
    await eventually(
      async () =>
        (await outboxRows(env.databaseUrl, `id = ANY($1::uuid[]) AND status = 'sent'`, [ids])).length >= 300
          ? true
          : undefined,
      60_000,
      50,
    );
    await flushQueues();
    await worker!.get(OutboxReconciler).reconcile();
    const rows = await allSent(ids);
    await sleep(2_000);
    expect(copiesAtSink(sink, rows)).toEqual(rows.map(() => 1));
  }, 180_000);

  it('sends what was lost while no worker ran, from the reconcile at worker start', async () => {
    await worker!.close();
    worker = null;
    const scheduled = await replies(500, new Date());
    await flushQueues();
    worker = await startWorker();
    const rows = await allSent(scheduled.map((s) => s.id));
    expect(copiesAtSink(sink, rows)).toEqual(rows.map(() => 1));
  }, 180_000);
});
