import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { prepareTestEnv, startApi } from '../support/test-app';

/** Runs a built process to its exit and returns what it printed. */
function runToExit(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [resolve(entry)], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr })));
}

describe('booting', () => {
  describe.each([
    ['API', 'dist/server/apps/api/src/main.js'],
    ['worker', 'dist/server/apps/worker/src/main.js'],
  ])('the %s in production without a required secret', (_name, entry) => {
    it('stops with one plain line naming the variable, not a stack trace', async () => {
      const { code, stderr } = await runToExit(entry, {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://desk.example.org',
        CHECKIN_LINK_SECRET: 'x'.repeat(32),
        INBOUND_TOKEN: '',
      });
      expect(code).toBe(1);
      const lines = stderr.split('\n').filter((line) => line.trim());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('INBOUND_TOKEN must be set in production');
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  });

  describe('the dashboard installed under a dot-directory (~/.local/…)', () => {
    let app: NestExpressApplication;
    let home: string;

    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'cd-boot-'));
      const dir = join(home, '.local', 'share', 'campaign-desk', 'dashboard');
      mkdirSync(join(dir, 'assets'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Campaign Desk</title>');
      writeFileSync(join(dir, 'assets', 'main.js'), 'console.log("dashboard")');
      await prepareTestEnv({ DASHBOARD_DIR: dir });
      app = await startApi();
    });

    afterAll(async () => {
      await app?.close();
      rmSync(home, { recursive: true, force: true });
    });

    it('serves index.html at / and for client-side routes', async () => {
      for (const path of ['/', '/cases/123']) {
        const res = await request(app.getHttpServer()).get(path).expect(200);
        expect(res.text).toContain('<title>Campaign Desk</title>');
        expect(res.headers['cache-control']).toBe('no-cache');
      }
    });

    it('serves the built assets', async () => {
      const res = await request(app.getHttpServer()).get('/assets/main.js').expect(200);
      expect(res.text).toContain('dashboard');
    });

    it('still answers the API, not the dashboard, under /api', async () => {
      await request(app.getHttpServer()).get('/api/auth/me').expect(401);
    });
  });
});
