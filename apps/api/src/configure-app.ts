import type { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { STAFF_ROLES } from '@campaign-desk/contracts';
import {
  AppConfig,
  createValidationPipe,
  ignoreInvalidClientAddress,
  rejectCrossSiteRequests,
} from '@campaign-desk/server-core';
import { API_PREFIX, createApiDocument } from './openapi/api-document';
import { mountQueueBoard } from './queue-board';
import { sessionGate } from './session-gate';

/** Everything main.ts and the integration tests share: security headers, parsers, prefix, docs, dashboard. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  // TRUST_PROXY unset: the socket's address, whatever X-Forwarded-For says.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(ignoreInvalidClientAddress);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      // HSTS where the deployment serves HTTPS (secure cookies: always in production); it would pin plain-HTTP localhost otherwise.
      strictTransportSecurity: config.COOKIE_SECURE,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(rejectCrossSiteRequests(config.PUBLIC_URL));
  app.use(cookieParser());
  mountQueueBoard(app);
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  // For the public check-in page's form; BodyTypeGuard answers 415 to urlencoded bodies anywhere else.
  app.useBodyParser('urlencoded', { limit: config.HTTP_BODY_LIMIT, extended: false });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const { document } = createApiDocument(app);
  if (!config.API_DOCS_PUBLIC) app.use(`/${API_PREFIX}/docs`, sessionGate(app, STAFF_ROLES, 'The API documentation'));
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });

  serveDashboard(app, config);
  return app;
}

/**
 * Serves the built react-admin app at `/`, with index.html for client-side routes. index.html is sent
 * relative to `root`: an absolute path would be refused wherever the install path has a dot-directory
 * (`~/.local/…`), since `send` ignores dotfiles in the path it is given.
 */
function serveDashboard(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.DASHBOARD_DIR);
  if (!existsSync(join(dir, 'index.html'))) return;
  app.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/admin/queues')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir });
  });
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
