import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { API_PREFIX, createApiDocument } from './api-document';

/**
 * The document the API serves, built without connecting to anything: Nest's preview mode reads the
 * module graph and the decorators but instantiates no provider (no database, no Redis, no config).
 */
export async function exportApiDocument(): Promise<{ document: OpenAPIObject; problems: string[] }> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return createApiDocument(app);
  } finally {
    await app.close();
  }
}
