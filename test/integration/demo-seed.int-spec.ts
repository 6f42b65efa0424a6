import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import request from 'supertest';
import { isReservedEmailAddress } from '@campaign-desk/server-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { seedDemo } from '../../apps/api/src/cli/demo-seed';
import { seedDemoSupporters } from '../../apps/api/src/cli/demo-supporters';
import { DEMO_USERS } from '../../apps/api/src/cli/demo-users';
import { caseInProgress, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { createTestDatabase, withDb } from '../support/test-database';
import { createStaff, prepareTestEnv, startApi, startWorker, type TestEnv, uniqueAddress } from '../support/test-app';

const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
const rows = <T>(databaseUrl: string, sql: string, params: unknown[] = []) =>
  withDb(databaseUrl, async (db) => (await db.query(sql, params)).rows as T[]);
const signIn = (app: NestExpressApplication, email: string, password: string) =>
  request(app.getHttpServer())
    .post('/api/auth/login')
    .set('X-Forwarded-For', uniqueAddress())
    .send({ email, password });

async function demoAdmin(app: NestExpressApplication) {
  const agent = request.agent(app.getHttpServer());
  await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', uniqueAddress())
    .send({ email: admin.email, password: admin.password })
    .expect(200);
  return agent;
}

/** `npm start`'s demo data (issue 12): only into a demo database, never resetting anyone, never to a real address. */
describe('demo seed', () => {
  describe('on an empty database', () => {
    let env: TestEnv;
    let sink: TestSink;
    let api: NestExpressApplication;
    let worker: INestApplicationContext;
    const output: string[] = [];

    beforeAll(async () => {
      sink = await startTestSink();
      env = await prepareTestEnv({ SMTP_URL: sink.url, MAIL_DOMAIN: 'desk.example.org' });
      api = await startApi();
      expect(await seedDemo(api, (text) => output.push(text))).toEqual({ loaded: true });
      worker = await startWorker();
    }, 180_000);
    afterAll(async () => {
      await worker?.close();
      await api?.close();
      await sink?.close();
    });

    it('marks the database as the demo one and prints the new sign-ins', async () => {
      const marker = await rows<{ value: string }>(
        env.databaseUrl,
        `SELECT value FROM install_settings WHERE key = 'demo_seed'`,
      );
      expect(marker).toHaveLength(1);
      for (const user of DEMO_USERS) expect(output.join('')).toContain(`${user.email}  /  ${user.password}`);
      await signIn(api, admin.email, admin.password).expect(200);
    });

    it('gives supporters and MPs only reserved-domain addresses, and the demo chases go to one', async () => {
      const supporters = await rows<{ email: string }>(env.databaseUrl, `SELECT email::text FROM supporters`);
      expect(supporters.length).toBeGreaterThan(200);
      expect(supporters.filter((s) => !isReservedEmailAddress(s.email))).toEqual([]);
      const mps = await rows<{ email: string }>(env.databaseUrl, `SELECT email::text FROM mps WHERE email IS NOT NULL`);
      expect(mps.length).toBeGreaterThan(500);
      expect(mps.filter((m) => !isReservedEmailAddress(m.email))).toEqual([]);
      expect(mps.some((m) => m.email.endsWith('@parliament.uk.invalid'))).toBe(true);

      // A chase the sender will send: its supporter consents to sharing with the MP (some demo supporters do not).
      const [chase] = await outboxRows(
        env.databaseUrl,
        `kind = 'mp_chase' AND status = 'scheduled'
         AND supporter_id IN (SELECT id FROM supporters WHERE consent_share_with_mp AND NOT on_hold AND deleted_at IS NULL)`,
      );
      const agent = await demoAdmin(api);
      await agent.post(`/api/scheduled-emails/${chase.id}/send-now`).expect(200);
      const settled = await eventually(async () => {
        const [row] = await outboxRows(env.databaseUrl, 'id = $1', [chase.id]);
        return row.status === 'scheduled' || row.status === 'sending' ? undefined : row;
      }, 120_000);
      expect([settled.status, settled.last_error, settled.cancel_reason]).toEqual(['sent', null, null]);
      const [sent] = sink.byMessageId(chase.rfc_message_id);
      expect(sent.to).toHaveLength(1);
      expect(isReservedEmailAddress(sent.to[0])).toBe(true);
    }, 150_000);

    it('in a demo database, refuses to send to any other address typed in', async () => {
      const supporter = await api.get(SupportersService).create(
        {
          name: 'Real Person',
          email: 'real.person@gmail.com',
          postcode: 'WC1E 6BT',
          consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false },
          createAnyway: true,
        },
        { id: null },
      );
      const agent = await demoAdmin(api);
      const found = await caseInProgress(agent, supporter.id);
      const reply = await agent.post(`/api/cases/${found.id}/reply`).send({ body: 'Hello' }).expect(201);
      const row = await eventually(async () => {
        const [r] = await outboxRows(env.databaseUrl, 'id = $1', [reply.body.id]);
        return r.status === 'failed' ? r : undefined;
      });
      expect(row.last_error).toMatch(/demo database/);
      expect(sink.messages.filter((m) => m.to.includes('real.person@gmail.com'))).toEqual([]);
    });

    it('seeded again: creates nothing twice and never resets a changed or deactivated account', async () => {
      const users = api.get(StaffUsersService);
      await users.createOrReset({ ...admin, password: 'the-admin-chose-this-one' });
      const [{ id }] = await rows<{ id: string }>(env.databaseUrl, `SELECT id FROM staff_users WHERE email = $1`, [
        admin.email,
      ]);
      await withDb(env.databaseUrl, (db) => db.query(`UPDATE staff_users SET active = false WHERE id = $1`, [id]));
      const before = await rows(env.databaseUrl, `SELECT password_hash, active, role FROM staff_users WHERE id = $1`, [
        id,
      ]);
      const counts = `SELECT (SELECT count(*) FROM supporters)::int AS s, (SELECT count(*) FROM cases)::int AS c, (SELECT count(*) FROM staff_users)::int AS u`;
      const countsBefore = await rows(env.databaseUrl, counts);

      const again: string[] = [];
      expect(await seedDemo(api, (text) => again.push(text))).toEqual({ loaded: true });
      expect(
        await rows(env.databaseUrl, `SELECT password_hash, active, role FROM staff_users WHERE id = $1`, [id]),
      ).toEqual(before);
      expect(before[0]).toMatchObject({ active: false });
      expect(await rows(env.databaseUrl, counts)).toEqual(countsBefore);
      expect(again.join('')).not.toContain(admin.password);
      await signIn(api, admin.email, admin.password).expect(401);
    });
  });

  describe('on a database holding real data', () => {
    let env: TestEnv;
    let api: NestExpressApplication;

    beforeAll(async () => {
      env = await prepareTestEnv();
      api = await startApi();
    }, 120_000);
    afterAll(() => api?.close());

    it('refuses, naming what it found, and writes nothing', async () => {
      await createStaff(api, 'admin');
      const outcome = await seedDemo(api, () => undefined);
      expect(outcome).toEqual({ loaded: false, reason: expect.stringMatching(/did not create \(1 staff users\)/) });
      expect(await rows(env.databaseUrl, `SELECT key FROM install_settings`)).toEqual([]);
      expect(
        await rows(env.databaseUrl, `SELECT email FROM staff_users WHERE email = ANY($1)`, [
          DEMO_USERS.map((u) => u.email),
        ]),
      ).toEqual([]);
      expect(await rows(env.databaseUrl, `SELECT id FROM supporters`)).toEqual([]);
    });
  });

  describe('on a database seeded before the marker existed', () => {
    let env: TestEnv;
    let api: NestExpressApplication;

    beforeAll(async () => {
      env = await prepareTestEnv();
      api = await startApi();
      await importDirectory(api);
      await seedDemoSupporters(api.get(DirectoryService), api.get(SupportersService));
      for (const user of DEMO_USERS) await api.get(StaffUsersService).createOrReset(user);
    }, 120_000);
    afterAll(() => api?.close());

    it('recognises it (only the demo sign-ins, supporters at reserved domains), marks it and replaces the MP addresses', async () => {
      const mpsBefore = await rows<{ email: string }>(
        env.databaseUrl,
        `SELECT email::text FROM mps WHERE email IS NOT NULL`,
      );
      expect(mpsBefore.some((m) => !isReservedEmailAddress(m.email))).toBe(true);
      const output: string[] = [];
      expect(await seedDemo(api, (text) => output.push(text))).toEqual({ loaded: true });
      expect(await rows(env.databaseUrl, `SELECT key FROM install_settings WHERE key = 'demo_seed'`)).toHaveLength(1);
      const mps = await rows<{ email: string }>(env.databaseUrl, `SELECT email::text FROM mps WHERE email IS NOT NULL`);
      expect(mps.filter((m) => !isReservedEmailAddress(m.email))).toEqual([]);
      expect(output.join('')).toMatch(/Demo MPs: \d+ addresses replaced/);
      // The in-memory directory the sender reads follows.
      const indexed = [...api.get(DirectoryService).realPostcodes()]
        .map((p) => p.constituency.mp?.email)
        .filter((e): e is string => !!e);
      expect(indexed.length).toBeGreaterThan(0);
      expect(indexed.filter((e) => !isReservedEmailAddress(e))).toEqual([]);
    });
  });

  describe('the seed-demo command under NODE_ENV=production', () => {
    it('stops with one line and touches nothing (needs `npm run build`)', async () => {
      const databaseUrl = await createTestDatabase();
      const child = spawn(process.execPath, [resolve('dist/server/apps/api/src/cli.js'), 'seed-demo'], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          CHECKIN_LINK_SECRET: 'x'.repeat(40),
          SHARED_DATA_DIR: process.env.SHARED_DATA_DIR ?? '../shared/data',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((done) => child.once('exit', done));
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual(['Demo data not loaded: NODE_ENV=production']);
      const [held] = await rows<{ users: number; settings: number }>(
        databaseUrl,
        `SELECT (SELECT count(*) FROM staff_users)::int AS users, (SELECT count(*) FROM install_settings)::int AS settings`,
      );
      expect(held).toEqual({ users: 0, settings: 0 });
    });
  });
});
