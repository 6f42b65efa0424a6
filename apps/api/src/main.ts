import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { preflight } from '@campaign-desk/server-core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = await preflight({ migrate: true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`Campaign Desk API listening on http://${config.HOST}:${config.PORT}\n`);
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`\nAPI failed to start: ${error.message}\n\n`);
  process.exit(1);
});
