import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail } from '@campaign-desk/contracts';
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

const RATE_PER_MINUTE = 24_000; // BullMQ windows of 1 s with at most 400 sends each
const PER_SECOND = RATE_PER_MINUTE / 60;
const CHASES = 10_000;

/**
 * 10,000 chases to MPs' offices fall due in the same minute. Two workers share the queue's rate
 * limit (BullMQ keeps it in Redis): every chase goes once, and never faster than the limit.
 */
describe('outbox faults: a burst of chases under the rate limit', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let workers: INestApplicationContext[] = [];
  let cases: CaseDetail[];

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({
      SMTP_URL: sink.url,
      SEND_RATE_PER_MINUTE: String(RATE_PER_MINUTE),
      SEND_CONCURRENCY: '16',
      DATABASE_POOL_SIZE: '30',
    });
    api = await startApi();
    await importDirectory(api);
    const caseworker = await signedInAgent(api, 'caseworker');
    cases = [];
    for (let i = 0; i < 10; i++) {
      const found = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
      await caseworker.agent
        .post(`/api/cases/${found.id}/mp-contacts`)
        .send({ channel: 'letter', direction: 'outbound', date: new Date().toISOString() })
        .expect(201);
      cases.push(found);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api?.close();
    await sink?.close();
  });

  it('delivers all 10,000 exactly once, within the configured rate', async () => {
    const due = new Date(Date.now() + 5_000);
    const scheduled = await scheduleEmails(
      api,
      Array.from({ length: CHASES }, (_, i) => ({
        caseId: cases[i % cases.length].id,
        supporterId: cases[i % cases.length].supporterId,
        kind: 'mp_chase' as const,
        dueAt: due,
      })),
    );
    workers = [await startWorker(), await startWorker()];
    const ids = scheduled.map((s) => s.id);
    const rows = await eventually(
      async () => {
        const current = await outboxRows(env.databaseUrl, `id = ANY($1::uuid[]) AND status <> 'sent'`, [ids]);
        return current.length === 0 ? outboxRows(env.databaseUrl, 'id = ANY($1::uuid[])', [ids]) : undefined;
      },
      470_000,
      1_000,
    );

    expect(rows).toHaveLength(CHASES);
    expect(copiesAtSink(sink, rows).every((n) => n === 1)).toBe(true);
    const times = sink.messages
      .filter((m) => m.headers.subject?.startsWith('Following up'))
      .map((m) => m.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(CHASES);

    // Never faster than the limit: over the whole burst, and in any one-second window (BullMQ's
    // windows are fixed, so two adjacent ones can meet in a sliding second: at most twice the window).
    const elapsedSeconds = (times[times.length - 1] - times[0]) / 1000;
    expect(elapsedSeconds).toBeGreaterThanOrEqual(CHASES / PER_SECOND - 1);
    let busiest = 0;
    for (let start = 0, end = 0; start < times.length; start++) {
      while (end < times.length && times[end] - times[start] < 1000) end++;
      busiest = Math.max(busiest, end - start);
    }
    expect(busiest).toBeLessThanOrEqual(2 * PER_SECOND);
    process.stdout.write(
      `rate test: ${CHASES} chases in ${elapsedSeconds.toFixed(1)} s (limit ${PER_SECOND}/s), busiest second ${busiest}\n`,
    );
    // Generous: the limit caps the rate from above; on a loaded CI machine sending is slower than it.
  }, 500_000);
});
