import type { Provider } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@campaign-desk/server-core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

/** startApi with extra providers in the root module (e.g. a test subscriber to domain events). */
export async function startApiWithProviders(providers: Provider[]): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule], providers }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app, new AppConfig(loadConfig()));
  await app.init();
  return app;
}

let counter = 0;
/** A synthetic supporter payload with a unique email; override any field. */
export function supporterInput(over: Record<string, unknown> = {}) {
  counter++;
  return {
    name: `Test Supporter ${counter}`,
    email: `supporter${counter}-${Date.now().toString(36)}@example.org`,
    postcode: 'WC1E 6BT',
    ...over,
  };
}
