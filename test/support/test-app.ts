import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { StaffRole } from '@campaign-desk/contracts';
import { AppConfig, loadConfig } from '@campaign-desk/server-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestDatabase } from './test-database';
import { APP_ROLE, OWNER_ROLE, roleUrl, runId } from './test-env';

export interface TestEnv {
  databaseUrl: string;
  queuePrefix: string;
}

/**
 * Gives this test file its own database and BullMQ prefix and puts them in process.env,
 * where the apps' config reads them. Extra variables override defaults.
 */
export async function prepareTestEnv(extra: Record<string, string> = {}): Promise<TestEnv> {
  const databaseUrl = await createTestDatabase();
  const queuePrefix = `cdtest-${runId()}-${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: roleUrl(new URL(databaseUrl).pathname.slice(1), APP_ROLE),
    MIGRATION_DATABASE_URL: roleUrl(new URL(databaseUrl).pathname.slice(1), OWNER_ROLE),
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DASHBOARD_DIR: 'tmp/no-dashboard',
    // supertest connects from loopback: believing its X-Forwarded-For lets each test sign in from its own address.
    TRUST_PROXY: 'loopback',
    ...extra,
  });
  return { databaseUrl, queuePrefix };
}

export async function startApi(): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app, new AppConfig(loadConfig()));
  await app.init();
  return app;
}

export async function startWorker(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

let userCounter = 0;
let addressCounter = 0;
/** A distinct client address per call, so the per-address sign-in limit only bites tests that aim for it. */
export function uniqueAddress(): string {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

/** Creates a staff user straight through the service and returns its credentials. */
export async function createStaff(app: INestApplicationContext, role: StaffRole, password = 'correct-horse-battery') {
  const email = `${role}${++userCounter}-${randomBytes(2).toString('hex')}@test.local`;
  const { user } = await app.get(StaffUsersService).createOrReset({ email, role, password, name: `Test ${role}` });
  return { ...user, password };
}

/** A supertest agent holding a signed-in session cookie for a new user of the role. */
export async function signedInAgent(app: INestApplication, role: StaffRole) {
  const user = await createStaff(app, role);
  const agent = request.agent(app.getHttpServer());
  await agent
    .post('/api/auth/login')
    .set('X-Forwarded-For', uniqueAddress())
    .send({ email: user.email, password: user.password })
    .expect(200);
  return { agent, user };
}
