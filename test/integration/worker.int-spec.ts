import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job, Queue } from 'bullmq';
import { JobHandler, QueueService } from '@campaign-desk/server-core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { SessionPurgeProcessor } from '../../libs/server/auth/src/sessions/session-purge.processor';
import { createStaff, prepareTestEnv, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await sleep(50);
  }
}

describe('worker process', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await prepareTestEnv();
  });

  it('runs catalogue jobs: the session purge removes expired sessions', async () => {
    const worker = await startWorker();
    try {
      const user = await createStaff(worker, 'viewer');
      await withDb(env.databaseUrl, (db) =>
        db.query(
          `INSERT INTO staff_sessions (token_hash, user_id, last_seen_at, expires_at) VALUES
           (decode(md5('a'), 'hex'), $1, now() - interval '2 hours', now() + interval '1 hour'),
           (decode(md5('b'), 'hex'), $1, now(), now() + interval '1 hour')`,
          [user.id],
        ),
      );
      await worker.get(QueueService).add('maintenance.purge-sessions', {});
      const remaining = await waitFor(async () => {
        const count = await withDb(env.databaseUrl, async (db) =>
          Number((await db.query(`SELECT count(*) FROM staff_sessions`)).rows[0].count),
        );
        return count === 1 ? count : undefined;
      });
      expect(remaining).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('registers the repeatable schedules at start', async () => {
    const worker = await startWorker();
    try {
      const schedulers = await worker.get(QueueService).queue('maintenance').getJobSchedulers();
      expect(schedulers.map((s) => s.key ?? s.id)).toContain('maintenance.purge-sessions');
    } finally {
      await worker.close();
    }
  });

  it('refuses to start when a job has two handlers', async () => {
    @Injectable()
    class SecondPurge {
      @JobHandler('maintenance.purge-sessions')
      async purge() {
        return undefined;
      }
    }
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule], providers: [SecondPurge] }).compile();
    await expect(moduleRef.init()).rejects.toThrow(/"maintenance.purge-sessions" has 2 handlers/);
    await moduleRef.close();
  });

  it('drains on shutdown: an active job finishes before the worker stops', async () => {
    let finished = false;
    @Injectable()
    class SlowPurge {
      @JobHandler('maintenance.purge-sessions')
      async purge() {
        await sleep(1_500);
        finished = true;
        return { removed: 0 };
      }
    }
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(SessionPurgeProcessor)
      .useClass(SlowPurge)
      .compile();
    await moduleRef.init();
    // An independent handle on the queue: the module's own closes with it.
    const queue = new Queue('maintenance', { connection: { url: process.env.REDIS_URL }, prefix: env.queuePrefix });
    try {
      await moduleRef.get(QueueService).add('maintenance.purge-sessions', {}, { jobId: 'drain-test' });
      await waitFor(async () => ((await queue.getJobState('drain-test')) === 'active' ? true : undefined));
      await moduleRef.close();
      expect(finished).toBe(true);
      const job = await Job.fromId(queue, 'drain-test');
      expect(job?.finishedOn).toBeDefined();
      expect(await queue.getJobState('drain-test')).toBe('completed');
    } finally {
      await queue.close();
    }
  });
});
