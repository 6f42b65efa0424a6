import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CaseDetail } from '@campaign-desk/contracts';
import { buildRawMessage, createPooledTransport, OutboxService } from '@campaign-desk/server-correspondence';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { REDIS_URL } from '../support/test-env';

/**
 * Outbox benchmark (DESIGN §8), figures only:
 *  - scheduling: 100k chases (outbox rows in one transaction + their delayed BullMQ jobs), beside
 *    bare BullMQ addBulk of the same 100k delayed jobs;
 *  - sending: N emails through the whole outbox (job, claim under lock, re-check, render, SMTP,
 *    outcome and outbound message recorded) to the local SMTP sink, beside bare nodemailer with the
 *    same pool sending the same number of messages in the same run.
 */
const SCHEDULE = Number(process.env.OUTBOX_BENCH_SCHEDULE ?? 100_000);
const SEND = Number(process.env.OUTBOX_BENCH_SEND ?? 5_000);
const POOL = Number(process.env.OUTBOX_BENCH_SMTP_POOL ?? 5);
const CONCURRENCY = Number(process.env.OUTBOX_BENCH_CONCURRENCY ?? 24);

jest.setTimeout(30 * 60_000);

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

describe('outbox benchmark', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | null = null;
  let cases: CaseDetail[];
  const lines: string[] = [];

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({
      SMTP_URL: sink.url,
      SMTP_POOL_CONNECTIONS: String(POOL),
      SEND_RATE_PER_MINUTE: '1000000',
      SEND_CONCURRENCY: String(CONCURRENCY),
      DATABASE_POOL_SIZE: String(CONCURRENCY * 2 + 4),
    });
    api = await startApi();
    await importDirectory(api);
    const caseworker = await signedInAgent(api, 'caseworker');
    cases = [];
    for (let i = 0; i < 50; i++)
      cases.push(await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id));
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  });

  it('schedules 100k chases: rows and delayed jobs', async () => {
    const outbox = api.get(OutboxService);
    const dataSource = api.get(DataSource);
    const due = new Date(Date.now() + 30 * 86_400_000);
    const requests = Array.from({ length: SCHEDULE }, (_, i) => ({
      caseId: cases[i % cases.length].id,
      supporterId: cases[i % cases.length].supporterId,
      kind: 'mp_chase' as const,
      dueAt: due,
    }));
    // schedule() writes the rows in the transaction and enqueues their delayed jobs once it commits.
    const t0 = performance.now();
    const rows = await dataSource.transaction((tx) => outbox.schedule(tx, requests));
    const t2 = performance.now();

    // The baseline: the same number of delayed jobs, straight into a bare BullMQ queue.
    const bare = new Queue('bench-bare', { connection: { url: REDIS_URL }, prefix: `${env.queuePrefix}-bare` });
    const t3 = performance.now();
    for (let i = 0; i < SCHEDULE; i += 5_000) {
      await bare.addBulk(
        Array.from({ length: Math.min(5_000, SCHEDULE - i) }, () => {
          const id = randomUUID();
          return { name: 'email.send', data: { scheduledEmailId: id }, opts: { jobId: id, delay: 30 * 86_400_000 } };
        }),
      );
    }
    const t4 = performance.now();
    await bare.obliterate({ force: true });
    await bare.close();

    lines.push(
      `Scheduling ${SCHEDULE.toLocaleString('en-GB')} chases:`,
      `  rows + jobs                     ${(t2 - t0).toFixed(0).padStart(7)} ms  ${perSecond(SCHEDULE, t2 - t0)
        .toLocaleString('en-GB')
        .padStart(9)} chases/s`,
      `  bare BullMQ addBulk, same jobs  ${(t4 - t3).toFixed(0).padStart(7)} ms  ${perSecond(SCHEDULE, t4 - t3)
        .toLocaleString('en-GB')
        .padStart(9)} jobs/s`,
      `  outbox vs bare BullMQ: ${((t4 - t3) / (t2 - t0)).toFixed(2)}x`,
      '',
    );
    await dataSource.query(
      `UPDATE scheduled_emails SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'staff' WHERE status = 'scheduled'`,
    );
    expect(rows).toHaveLength(SCHEDULE);
  });

  it('sends to the local SMTP sink, beside bare nodemailer with the same pool', async () => {
    // Bare nodemailer: the same pool settings, the same kind of message, all at once.
    const transport = createPooledTransport({ url: sink.url, maxConnections: POOL, timeoutMs: 20_000 });
    const raw = await buildRawMessage({
      from: 'Campaign Desk <campaigns@campaign-desk.local>',
      to: { name: 'Sam Member MP', address: 'sam.member.mp@parliament.uk' },
      replyTo: 'campaigns@campaign-desk.local',
      subject: 'Following up: your constituent [CD-1]',
      text: 'Dear Sam Member MP,\n\nA chase of about the same size as the real one.\n'.repeat(4),
      html: '<p>A chase of about the same size as the real one.</p>'.repeat(4),
      messageId: '<bench@campaign-desk.local>',
      inReplyTo: null,
      references: [],
    });
    const before = sink.messages.length;
    const b0 = performance.now();
    await Promise.all(
      Array.from({ length: SEND }, () =>
        transport.sendMail({
          envelope: { from: 'campaigns@campaign-desk.local', to: ['sam.member.mp@parliament.uk'] },
          raw,
        }),
      ),
    );
    const bareMs = performance.now() - b0;
    transport.close();
    expect(sink.messages.length - before).toBe(SEND);

    // The outbox: rows due now, one job each, the worker does the rest.
    for (const c of cases.slice(0, 10)) {
      await api
        .get(DataSource)
        .query(`UPDATE cases SET status = 'awaiting_mp', status_changed_at = now() WHERE id = $1`, [c.id]);
    }
    const outbox = api.get(OutboxService);
    const rows = await api.get(DataSource).transaction((tx) =>
      outbox.schedule(
        tx,
        Array.from({ length: SEND }, (_, i) => ({
          caseId: cases[i % 10].id,
          supporterId: cases[i % 10].supporterId,
          kind: 'mp_chase' as const,
          dueAt: new Date(),
        })),
      ),
    );
    const o0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    worker = await startWorker();
    const ids = rows.map((r) => r.id);
    await eventually(
      async () =>
        (await outboxRows(env.databaseUrl, `id = ANY($1::uuid[]) AND status IN ('scheduled', 'sending')`, [ids]))
          .length === 0
          ? true
          : undefined,
      25 * 60_000,
      200,
    );
    const outboxMs = performance.now() - o0;
    loop.disable();
    const cpu = process.cpuUsage(cpu0);
    process.stderr.write(
      `CPU user ${(cpu.user / 1000).toFixed(0)} ms system ${(cpu.system / 1000).toFixed(0)} ms over ${outboxMs.toFixed(0)} ms; loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms\n`,
    );
    const sent = await outboxRows(env.databaseUrl, `id = ANY($1::uuid[]) AND status = 'sent'`, [ids]);
    expect(sent).toHaveLength(SEND);

    lines.push(
      `Sending ${SEND.toLocaleString('en-GB')} emails to the local SMTP sink (pool of ${POOL} connections, ${CONCURRENCY} sends at once):`,
      `  bare nodemailer       ${bareMs.toFixed(0).padStart(7)} ms  ${perSecond(SEND, bareMs).toLocaleString('en-GB').padStart(7)} emails/s`,
      `  outbox (end to end)   ${outboxMs.toFixed(0).padStart(7)} ms  ${perSecond(SEND, outboxMs).toLocaleString('en-GB').padStart(7)} emails/s`,
      `  outbox / bare: ${((bareMs / outboxMs) * 100).toFixed(0)}%`,
    );
  });
});
