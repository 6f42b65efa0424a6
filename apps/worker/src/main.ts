import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { preflight } from '@campaign-desk/server-core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  await preflight({ migrate: true });
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the app: the job runner waits for active jobs, then exits.
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write('Campaign Desk worker running\n');
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`\nWorker failed to start: ${error.message}\n\n`);
  process.exit(1);
});
