import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { corpusFiles, corpusMessage, withMessageId } from '../support/email-corpus';
import { INBOUND_TOKEN } from '../support/intake';
import { prepareTestEnv, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/**
 * Intake throughput: the corpus replayed at volume (unique Message-IDs) through the webhook and
 * the worker end to end (stored, parsed in threads, sanitised, classified, threaded, committed),
 * beside bare postal-mime parsing of the same messages in the same run; then webhook-to-visible
 * latency at a steady rate below capacity. API, worker and parse threads share this process.
 * Prints figures; asserts only that every message arrived.
 */
const COUNT = Number(process.env.INTAKE_BENCH_MESSAGES ?? 5000);
const CONCURRENCY = Number(process.env.INTAKE_BENCH_CONCURRENCY ?? 32);
const PACED_COUNT = Number(process.env.INTAKE_BENCH_PACED ?? 1000);

function messages(count: number, label: string): Buffer[] {
  const files = corpusFiles();
  return Array.from({ length: count }, (_, i) =>
    withMessageId(corpusMessage(files[i % files.length]), `bench-${label}-${i}-${Date.now().toString(36)}@bench.local`),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('intake benchmark', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const lines: string[] = [];

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN, LOG_LEVEL: 'silent' });
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    worker = await startWorker();
    await new Promise((r) => setTimeout(r, 3_000)); // parse threads warm up
  }, 60_000);

  afterAll(async () => {
    agent.destroy();
    await worker?.close();
    await app?.close();
    process.stdout.write(
      `\nIntake benchmark (Node ${process.version}, ${COUNT} messages from the ${corpusFiles().length}-file corpus)\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`,
    );
  });

  function post(raw: Buffer): Promise<{ status: number; id: string; at: number }> {
    const at = Date.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/inbound/email',
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'message/rfc822',
            'Content-Length': raw.length,
            Authorization: `Bearer ${INBOUND_TOKEN}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, id: JSON.parse(Buffer.concat(chunks).toString()).messageId, at }),
          );
        },
      );
      req.on('error', reject);
      req.end(raw);
    });
  }

  async function visibleAt(ids: string[]): Promise<Map<string, number>> {
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const rows = await withDb(
        env.databaseUrl,
        async (db) =>
          (
            await db.query<{ id: string; status: string; at: number | null }>(
              `SELECT id, status, extract(epoch FROM parsed_at) * 1000 AS at FROM raw_messages WHERE id = ANY($1::uuid[])`,
              [ids],
            )
          ).rows,
      );
      if (rows.length === ids.length && rows.every((r) => r.status !== 'pending'))
        return new Map(rows.map((r) => [r.id, Number(r.at)]));
      if (Date.now() > deadline) throw new Error('messages did not all become visible');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('replays the corpus end to end and compares with bare parsing', async () => {
    const batch = messages(COUNT, 'flood');
    const bytes = batch.reduce((n, b) => n + b.length, 0);

    let t = performance.now();
    for (const raw of batch) await PostalMime.parse(raw);
    const bareMs = performance.now() - t;

    const startedAt = Date.now();
    t = performance.now();
    const results: { status: number; id: string; at: number }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batch.length) results.push(await post(batch[next++]));
      }),
    );
    const ackMs = performance.now() - t;
    expect(results.every((r) => r.status === 202)).toBe(true);
    const visible = await visibleAt(results.map((r) => r.id));
    const endToEndMs = Math.max(...visible.values()) - startedAt;
    const latencies = results.map((r) => visible.get(r.id)! - r.at).sort((a, b) => a - b);

    const bareRate = (COUNT / bareMs) * 1000;
    const e2eRate = (COUNT / endToEndMs) * 1000;
    const outcomes = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT status, count(*)::int AS n FROM raw_messages WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
            [results.map((r) => r.id)],
          )
        ).rows,
    );
    lines.push(
      `Corpus volume: ${(bytes / 1024 / 1024).toFixed(1)} MiB; outcome ${outcomes.map((o) => `${o.status} ${o.n}`).join(', ')}`,
    );
    lines.push(
      `Bare postal-mime parse (same messages, one thread): ${bareRate.toFixed(0)} msgs/s (${(bareMs / 1000).toFixed(2)} s)`,
    );
    lines.push(
      `Webhook 202s (${CONCURRENCY} concurrent senders): ${((COUNT / ackMs) * 1000).toFixed(0)} msgs/s (${(ackMs / 1000).toFixed(2)} s)`,
    );
    lines.push(
      `End to end, webhook to parsed and visible: ${e2eRate.toFixed(0)} msgs/s (${(endToEndMs / 1000).toFixed(2)} s) = ${((e2eRate / bareRate) * 100).toFixed(0)}% of bare parsing`,
    );
    lines.push(
      `Latency under the flood (queueing included): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );

    // Steady load at about half the measured capacity: the latency a sender actually sees.
    const paced = messages(PACED_COUNT, 'paced');
    const intervalMs = 1000 / Math.max(1, e2eRate / 2);
    const pacedResults: Promise<{ status: number; id: string; at: number }>[] = [];
    const pacedStart = performance.now();
    for (let i = 0; i < paced.length; i++) {
      const due = pacedStart + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pacedResults.push(post(paced[i]));
    }
    const settled = await Promise.all(pacedResults);
    const pacedVisible = await visibleAt(settled.map((r) => r.id));
    const pacedLatencies = settled.map((r) => pacedVisible.get(r.id)! - r.at).sort((a, b) => a - b);
    lines.push(
      `Webhook-to-visible latency at ${(1000 / intervalMs).toFixed(0)} msgs/s steady: p50 ${percentile(pacedLatencies, 50).toFixed(0)} ms, p95 ${percentile(pacedLatencies, 95).toFixed(0)} ms, p99 ${percentile(pacedLatencies, 99).toFixed(0)} ms, max ${pacedLatencies[pacedLatencies.length - 1].toFixed(0)} ms`,
    );
    expect(settled.every((r) => r.status === 202)).toBe(true);
  });
});
