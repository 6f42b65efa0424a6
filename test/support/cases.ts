import { Module, type INestApplicationContext, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Nation, SupporterDto } from '@campaign-desk/contracts';
import { ApiExceptionFilter, AppConfig, Clock, CoreModule, HealthModule, loadConfig } from '@campaign-desk/server-core';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthModule } from '@campaign-desk/server-auth';
import { CasesModule } from '@campaign-desk/server-cases';
import { DirectoryModule, DirectoryService } from '@campaign-desk/server-directory';
import { IntakeModule } from '@campaign-desk/server-intake';
import { SupportersModule, SupportersService } from '@campaign-desk/server-supporters';
import type { Agent } from 'supertest';
import { configureApp } from '../../apps/api/src/configure-app';

/**
 * The API as the cases tests see it: the libs cases builds on, and cases. Later libs (correspondence,
 * engagement) add timeline sources and subscribers; these tests pin down what cases does on its own.
 */
@Module({
  imports: [
    CoreModule,
    HealthModule,
    AuditModule,
    AuthModule,
    DirectoryModule,
    SupportersModule,
    IntakeModule,
    CasesModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
})
class CasesApiModule {}

/** A clock tests move by hand; `null` follows real time. */
export class TestClock extends Clock {
  private fixed: Date | null = null;

  override now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(at: Date | string | null): void {
    this.fixed = at === null ? null : new Date(at);
  }

  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }
}

/** The cases API, with the process clock replaced by a TestClock when one is given. */
export async function startCasesApi(clock?: TestClock, providers: Provider[] = []): Promise<NestExpressApplication> {
  const builder = Test.createTestingModule({ imports: [CasesApiModule], providers });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app, new AppConfig(loadConfig()));
  await app.init();
  return app;
}

let counter = 0;

/** A postcode (and, for Northern Ireland, which has no offline lookup, a constituency override) in a nation. */
function addressIn(app: INestApplicationContext, nation: Nation): { postcode: string; constituencyOverride?: string } {
  const directory = app.get(DirectoryService);
  if (nation === 'Northern Ireland') {
    return { postcode: 'BT1 1AA', constituencyOverride: northernIrelandSeat(app) };
  }
  if (nation === 'England') return { postcode: 'WC1E 6BT' };
  for (const { postcode, constituency } of directory.realPostcodes()) {
    if (constituency.summary.nation === nation) return { postcode };
  }
  throw new Error(`no postcode found in ${nation}`);
}

function northernIrelandSeat(app: INestApplicationContext): string {
  const directory = app.get(DirectoryService);
  for (const gss of ['N05000001', 'N05000002', 'N05000003', 'N05000004', 'N05000005']) {
    if (directory.constituency(gss)) return gss;
  }
  throw new Error('no Northern Ireland constituency in the directory');
}

/** Creates a supporter straight through the service (the directory must be imported). */
export async function createSupporter(
  app: INestApplicationContext,
  options: { nation?: Nation; name?: string; email?: string } = {},
): Promise<SupporterDto> {
  counter++;
  const stamp = `${Date.now().toString(36)}${counter}`;
  return app.get(SupportersService).create(
    {
      name: options.name ?? `Case Supporter ${stamp}`,
      email: options.email ?? `case-supporter-${stamp}@example.org`,
      ...addressIn(app, options.nation ?? 'England'),
      createAnyway: true,
    },
    { id: null },
  );
}

/** POST /api/cases with defaults; answers the supertest response. */
export function postCase(agent: Agent, supporterId: string, over: Record<string, unknown> = {}) {
  return agent
    .post('/api/cases')
    .send({ supporterId, topics: ['treatment_waiting_time'], priority: 'normal', ...over });
}
